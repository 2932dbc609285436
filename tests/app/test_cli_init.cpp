// tablemap init: a new community, as a folder or a workbook, that validates as
// written, carries the profile options, and never overwrites a lead's files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "io/load.hpp"
#include "io/new_community.hpp"
#include "io/workbook_read.hpp"
#include "support/bundle_fixture.hpp"
#include "support/cli_run.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

CliRun run(const std::string& args) { return run_cli(args, true); }


Community load_ok(const std::string& path) {
  LoadResult r = load_community(path);
  for (const Problem& p : r.problems) UNSCOPED_INFO(p.to_string());
  REQUIRE(r.ok());
  return std::move(*r.community);
}

}  // namespace

TEST_CASE("init writes a folder that validates and holds the template") {
  TempFolder folder;
  const std::string path = folder.file("hollow");
  CliRun r = run("init --name 'Hollow Creek' --population 5200 --geography 'small rural' " + path);
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("wrote " + path) != std::string::npos);
  for (const char* f : {"community.json", "organizations.csv", "people.csv", "ties.csv", "roles.csv", "README.md"})
    CHECK(std::filesystem::exists(path + "/" + f));
  CliRun v = run("validate " + path);
  CHECK(v.code == 0);
  // Two example organizations, one person, one tie, one role.
  CHECK(v.out == path + ": ok (2 organizations, 1 people, 1 ties, 1 roles)\n");

  Community c = load_ok(path);
  CHECK(c.profile.name == "Hollow Creek");
  CHECK(c.profile.population == 5200);
  CHECK(c.profile.geography == Geography::small_rural);
  CHECK(c.profile.required_sector_count == 6);
  CHECK(c.profile.sectors.size() == 12);
  CHECK(c.profile.backbone_functions.size() == 5);
  CHECK_FALSE(c.profile.has_residents);  // residents per generation wait to be filled in
  NewCommunityOptions options;
  options.name = "Hollow Creek";
  options.population = 5200;
  options.geography = Geography::small_rural;
  options.year = c.profile.year;
  CHECK(c == new_community_template(options));
  // Every example row says it is one.
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"notes"});
  CHECK(c.organizations[0].extra[0].find("Example row") == 0);
  CHECK(c.roles[0].extra[0].find("Example row") == 0);
}

TEST_CASE("init writes a workbook that validates, with the residents rows empty") {
  TempFolder folder;
  const std::string path = folder.file("hollow.xlsx");
  CliRun r = run("init --name 'Hollow Creek' " + path);
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(run("validate " + path).out == path + ": ok (2 organizations, 1 people, 1 ties, 1 roles)\n");
  Community c = load_ok(path);
  CHECK(c.profile.name == "Hollow Creek");
  CHECK_FALSE(c.profile.has_residents);
  NewCommunityOptions options;
  options.name = "Hollow Creek";
  options.year = c.profile.year;
  CHECK(c == new_community_template(options));

  // Residents filled in later in the sheet are read: the Community sheet has a row per generation.
  Problems problems;
  auto read = read_workbook(path, problems);
  REQUIRE(read);
  CHECK(read->sheets.front().name == "How to fill this in");
  const WorkbookSheet* community = read->find("Community");
  REQUIRE(community);
  size_t residents_rows = 0;
  for (const auto& row : community->rows)
    if (row[0].rfind("Residents ", 0) == 0) {
      ++residents_rows;
      CHECK(row.size() == 1);  // the value cell is empty
    }
  CHECK(residents_rows == 6);
}

TEST_CASE("init refuses to overwrite and rejects a wrong geography") {
  TempFolder folder;
  folder.write("partners.xlsx", "something a lead typed");
  CliRun r = run("init " + folder.file("partners.xlsx"));
  CHECK(r.code == 2);
  CHECK(r.out.find("partners.xlsx already exists and is not empty; nothing was written") != std::string::npos);
  std::filesystem::create_directories(folder.file("town"));
  folder.write("town/notes.txt", "keep me");
  CHECK(run("init " + folder.file("town")).code == 2);
  CHECK(std::filesystem::exists(folder.file("town/notes.txt")));
  CHECK_FALSE(std::filesystem::exists(folder.file("town/community.json")));
  // An empty folder is fine.
  std::filesystem::create_directories(folder.file("empty"));
  CHECK(run("init " + folder.file("empty")).code == 0);

  CliRun g = run("init --geography rural " + folder.file("new"));
  CHECK(g.code == 2);
  CHECK(g.out.find("--geography must be one of: small rural") != std::string::npos);
}

TEST_CASE("the README's newcomer path runs as written") {
  // The commands of the first code block under "Your own community" in README.md, run in an empty folder.
  std::ifstream readme(std::string(TABLEMAP_SOURCE_DIR) + "/README.md");
  std::string line;
  bool in_section = false, in_block = false;
  std::vector<std::string> commands;
  while (std::getline(readme, line)) {
    if (line.rfind("## Your own community", 0) == 0) in_section = true;
    if (!in_section) continue;
    if (line.rfind("```", 0) == 0) {
      if (in_block) break;
      in_block = true;
      continue;
    }
    if (in_block && line.rfind("tablemap ", 0) == 0) commands.push_back(line.substr(0, line.find(" #")));
  }
  REQUIRE(commands.size() == 3);  // init, validate, gaps
  TempFolder folder;
  for (const auto& command : commands) {
    INFO(command);
    CliRun r = run_cli(command.substr(std::string("tablemap ").size()), true, folder.path());
    INFO(r.out);
    // gaps exits 0 when it reports; validate is clean on what init wrote.
    CHECK(r.code == 0);
  }
}
