// A bundle folder is replaced as a whole: what the folder held besides the
// bundle stays, leftovers of a killed save are removed and never read, and a
// folder that is not a bundle is not taken for one.
#include <catch2/catch.hpp>
#include <filesystem>

#include "io/atomic_folder.hpp"
#include "io/bundle.hpp"
#include "io/load.hpp"
#include "io/sample_community.hpp"

using namespace tablemap;
using tablemap::test::read_text;
using tablemap::test::ScratchFolder;
using tablemap::test::write_text;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

Community sample(ScratchFolder& scratch) {
  tablemap::test::write_sample_bundle(scratch / "sample");
  LoadResult r = load_bundle(scratch / "sample");
  REQUIRE(r.ok());
  return *r.community;
}

}  // namespace

TEST_CASE("a folder is written whole, and replaced whole with the entries the writer does not own kept",
          "[atomic_folder]") {
  ScratchFolder scratch("atomic");
  const std::string folder = scratch / "out";
  write_folder_atomically(folder, {{"a.csv", "one\n"}, {"b.csv", "two\n"}}, {"a.csv", "b.csv", "c.csv"});
  CHECK(names_in(folder) == std::vector<std::string>{"a.csv", "b.csv"});
  CHECK(read_text(folder + "/b.csv") == "two\n");

  // A lead's notes and a subfolder of old copies are not the writer's: they stay.
  write_text(folder + "/notes.txt", "call the clinic");
  fs::create_directory(folder + "/2024");
  write_text(folder + "/2024/a.csv", "old\n");
  // The new content has no b.csv; b.csv is owned, so its old copy goes.
  write_folder_atomically(folder, {{"a.csv", "uno\n"}, {"c.csv", "tres\n"}}, {"a.csv", "b.csv", "c.csv"});
  CHECK(names_in(folder) == std::vector<std::string>{"2024", "a.csv", "c.csv", "notes.txt"});
  CHECK(read_text(folder + "/a.csv") == "uno\n");
  CHECK(read_text(folder + "/notes.txt") == "call the clinic");
  CHECK(read_text(folder + "/2024/a.csv") == "old\n");
  CHECK(save_leftovers_of(folder).empty());
  // Nothing else beside the folder once the save is over.
  CHECK(names_in(scratch.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("leftovers of a killed save are removed by the next save and never read as the bundle",
          "[atomic_folder]") {
  ScratchFolder scratch("atomic");
  Community c = sample(scratch);
  const std::string folder = scratch / "bundle";
  save_bundle(c, folder);
  // What a save killed before its swap (.saving-) or after it (.old-) leaves.
  fs::create_directory(scratch / ".bundle.saving-killed1");
  write_text(scratch / ".bundle.saving-killed1/community.json", "{ half a file");
  fs::create_directory(scratch / ".bundle.old-killed2");
  write_text(scratch / ".bundle.old-killed2/organizations.csv", "id,name\n");
  CHECK(save_leftovers_of(folder).size() == 2);

  LoadResult r = load_bundle(folder);
  REQUIRE(r.ok());
  CHECK(r.community->profile.name == c.profile.name);

  save_bundle(c, folder);
  CHECK(save_leftovers_of(folder).empty());
  CHECK(names_in(scratch.path()) == std::vector<std::string>{"bundle", "sample"});
}

TEST_CASE("a folder holding other things and no community.json is refused unless forced", "[atomic_folder]") {
  ScratchFolder scratch("atomic");
  Community c = sample(scratch);
  const std::string folder = scratch / "photos";
  fs::create_directory(folder);
  write_text(folder + "/picnic.jpg", "not a bundle");
  try {
    save_bundle(c, folder);
    FAIL("saved into a folder that is not a bundle");
  } catch (const SaveError& e) {
    CHECK_THAT(e.what(), Catch::Contains("picnic.jpg") && Catch::Contains("not a bundle folder") &&
                             Catch::Contains("--force"));
  }
  CHECK(names_in(folder) == std::vector<std::string>{"picnic.jpg"});

  SaveOptions force;
  force.replace_any_folder = true;
  save_bundle(c, folder, force);
  CHECK(names_in(folder) == std::vector<std::string>{"community.json", "organizations.csv", "people.csv",
                                                     "picnic.jpg", "roles.csv", "ties.csv"});
  CHECK(read_text(folder + "/picnic.jpg") == "not a bundle");
  // Now it holds a bundle: the next save needs no force.
  save_bundle(c, folder);
  CHECK(load_bundle(folder).ok());
}

TEST_CASE("an empty folder takes a bundle, a file or the top folder does not", "[atomic_folder]") {
  ScratchFolder scratch("atomic");
  Community c = sample(scratch);
  fs::create_directory(scratch / "empty");
  save_bundle(c, scratch / "empty/");  // a trailing '/' as a shell completes it
  CHECK(load_bundle(scratch / "empty").ok());
  CHECK(names_in(scratch.path()) == std::vector<std::string>{"empty", "sample"});

  write_text(scratch / "plain", "a file");
  CHECK_THROWS_WITH(save_bundle(c, scratch / "plain"), Catch::Contains("is a file, not a folder"));
  CHECK(read_text(scratch / "plain") == "a file");

  CHECK_THROWS_WITH(save_bundle(c, "/"), Catch::Contains("not a bundle folder"));
  SaveOptions force;
  force.replace_any_folder = true;
  CHECK_THROWS_WITH(save_bundle(c, "/", force), Catch::Contains("top folder of the disk"));
}

TEST_CASE("a bundle reached through a symbolic link is replaced, the link stays", "[atomic_folder]") {
  ScratchFolder scratch("atomic");
  Community c = sample(scratch);
  save_bundle(c, scratch / "real");
  fs::create_directory_symlink(scratch / "real", scratch / "link");
  c.profile.name = "Renamed through the link";
  save_bundle(c, scratch / "link");
  CHECK(fs::is_symlink(scratch / "link"));
  LoadResult r = load_bundle(scratch / "real");
  REQUIRE(r.ok());
  CHECK(r.community->profile.name == "Renamed through the link");
}
