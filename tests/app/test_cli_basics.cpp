// The validate, summary and convert commands as a user runs them: exit
// statuses, messages, and files written.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/bundle_fixture.hpp"
#include "support/cli_run.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

// stdout and stderr together.
CliRun run(const std::string& args) { return run_cli(args, true); }

// stdout alone: what a command prints as its answer, without load warnings.
CliRun answer(const std::string& args) { return run_cli(args, false); }

}  // namespace

TEST_CASE("validate: 0 and a one-line count for good data, warnings before it", "[cli]") {
  TempFolder folder;
  write_bundle(folder, valid_bundle_files());
  CliRun r = run("validate " + folder.path());
  CHECK(r.code == 0);
  // Bo Lind sits at the table for the bank, which is not marked at_table: the
  // spec's warning, naming the row, then the count.
  CHECK(r.out == folder.path() + "/people.csv:3: warning: person 'p2' is at the table but their organization "
                                 "'bank' is not; mark the organization at_table yes, or leave the person's "
                                 "at_table blank\n" +
                     folder.path() + ": ok (5 organizations, 3 people, 5 ties, 4 roles)\n");
  CHECK(answer("validate " + folder.path()).out == folder.path() + ": ok (5 organizations, 3 people, 5 ties, 4 roles)\n");
}

TEST_CASE("validate: 1 and every problem as FILE:LINE for bad data") {
  TempFolder folder;
  write_bundle(folder, valid_bundle_files(), {{"ties.csv", "source,target\nclinic,ghost\nbank,bank\n"}});
  CliRun r = run("validate " + folder.path());
  CHECK(r.code == 1);
  CHECK(r.out.find(folder.path() + "/ties.csv:2: tie target 'ghost' is not an organization") != std::string::npos);
  CHECK(r.out.find(folder.path() + "/ties.csv:3: a tie from 'bank' to itself") != std::string::npos);
  CHECK(r.out.find("2 problems in " + folder.path() + "; nothing was loaded") != std::string::npos);
}

TEST_CASE("bad usage exits 2: no command, unknown option, missing PATH") {
  CHECK(run("").code == 2);
  CHECK(run("validate").code == 2);
  CHECK(run("summary --frobnicate x").code == 2);
  CliRun help = run("validate --help");
  CHECK(help.code == 0);
  CHECK(help.out.find("Example: tablemap validate") != std::string::npos);
}

TEST_CASE("summary --json counts what the test bundle holds", "[cli]") {
  TempFolder folder;
  write_bundle(folder, valid_bundle_files());
  CliRun r = answer("summary --json " + folder.path());
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["name"] == "Test Hollow");
  CHECK(j["organizations"] == 5);
  CHECK(j["tie_rows"] == 5);
  CHECK(j["relationships"] == 4);  // clinic-school has two rows
  CHECK(j["table"]["organizations"] == 3);  // clinic, school by flag; bank through Bo Lind
  CHECK(j["table"]["people"] == 3);
  CHECK(j["sectors"][1]["sector"] == "education");
  CHECK(j["sectors"][1]["organizations"] == 2);  // school, library
  CHECK(j["sectors"][1]["organizations_at_table"] == 1);
}

TEST_CASE("convert writes every form, and each reads back to the same summary", "[cli]") {
  TempFolder folder, out;
  write_bundle(folder, valid_bundle_files());
  const std::string reference = answer("summary --json " + folder.path()).out;
  for (const std::string target : {"c.json", "c.tablemap", "bundle-copy"}) {
    CliRun w = run("convert " + folder.path() + " " + out.file(target));
    CHECK(w.code == 0);
    CHECK(answer("summary --json " + out.file(target)).out == reference);
  }
  CliRun g = run("convert " + folder.path() + " " + out.file("c.graphml"));
  CHECK(g.code == 0);
  CHECK(std::filesystem::file_size(out.file("c.graphml")) > 0);
}

TEST_CASE("convert refuses bad data and writes nothing") {
  TempFolder folder, out;
  write_bundle(folder, valid_bundle_files(), {{"organizations.csv", "id,name,sector\nclinic,A,heath\n"}});
  CliRun r = run("convert " + folder.path() + " " + out.file("c.json"));
  CHECK(r.code == 1);
  CHECK_FALSE(std::filesystem::exists(out.file("c.json")));
}
