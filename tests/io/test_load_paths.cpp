// The wrong thing given as PATH is told apart from bad data (the CLI exits 2
// for it, not 1), with what to give instead.
#include <catch2/catch.hpp>

#include "io/load.hpp"
#include "sample_community.hpp"

using namespace tablemap;
using tablemap::test::ScratchFolder;
using tablemap::test::write_sample_bundle;
using tablemap::test::write_text;

TEST_CASE("a single CSV file given as PATH: give the folder that holds it") {
  ScratchFolder scratch("paths");
  write_sample_bundle(scratch / "millbrook");
  LoadResult r = load_community(scratch / "millbrook/ties.csv");
  CHECK(r.wrong_path);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 0);
  CHECK(r.problems[0].message == "this is one CSV file of a bundle; give the folder that holds it (" +
                                     (scratch / "millbrook") + "), with community.json beside it");
}

TEST_CASE("an export-only format given as PATH") {
  for (const char* name : {"net.graphml", "net.gexf", "net.dot"}) {
    ScratchFolder scratch("paths");
    write_text(scratch / name, "<graphml/>\n");
    LoadResult r = load_community(scratch / name);
    INFO(name);
    CHECK(r.wrong_path);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "tablemap writes this kind of file (tablemap convert COMMUNITY " +
                                       std::string(name) +
                                       ") but cannot read one; give the bundle folder, .json or .tablemap file it "
                                       "was made from");
  }
}

TEST_CASE("a path that does not exist, and a file that is no community form") {
  ScratchFolder scratch("paths");
  LoadResult missing = load_community(scratch / "nowhere");
  CHECK(missing.wrong_path);
  CHECK(missing.problems.at(0).message == "no such folder or file");
  LoadResult missing_file = load_community(scratch / "nowhere.json");
  CHECK(missing_file.wrong_path);
  CHECK(missing_file.problems.at(0).message == "no such file");
  write_text(scratch / "notes.txt", "hello\n");
  LoadResult text = load_community(scratch / "notes.txt");
  CHECK(text.wrong_path);
  CHECK(text.problems.at(0).message == "not a bundle folder, a .json, .xlsx or .tablemap file");
}

TEST_CASE("bad data in a real bundle is not a wrong path") {
  ScratchFolder scratch("paths");
  write_sample_bundle(scratch / "millbrook");
  write_text(scratch / "millbrook/ties.csv", "source,target\nclinic,nobody\n");
  LoadResult r = load_community(scratch / "millbrook");
  CHECK_FALSE(r.wrong_path);
  CHECK_FALSE(r.ok());
}
