// Years of a project file as a user reaches them: convert adds a year (and
// replaces one only with --replace), `years` lists them, FILE.tablemap@YEAR
// names one for every command, and `compare` reads two.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/bundle_fixture.hpp"
#include "support/cli_run.hpp"

using namespace tablemap::testing;

namespace {

CliRun run(const std::string& args) { return run_cli(args, true); }

const std::string kElmCreek = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/compare/elm-creek-";

}  // namespace

TEST_CASE("convert adds a year to a project file and replaces one only with --replace", "[years]") {
  TempFolder folder;
  const std::string file = folder.file("elm.tablemap");
  CliRun first = run("convert " + kElmCreek + "2025 " + file);
  CHECK(first.code == 0);
  CHECK(first.out == "wrote " + file + " (7 organizations, 4 people, 7 ties, 6 roles)\nadded 2025; the file holds 2025\n");
  CliRun second = run("convert " + kElmCreek + "2026 " + file);
  CHECK(second.code == 0);
  CHECK(second.out.find("added 2026; the file holds 2025, 2026\n") != std::string::npos);

  CliRun again = run("convert " + kElmCreek + "2025 " + file);
  CHECK(again.code == 2);
  CHECK(again.out == "tablemap: " + file +
                         " already holds a snapshot of 2025 (it holds 2025, 2026); to replace it, save again with "
                         "--replace\n");
  CliRun replaced = run("convert --replace " + kElmCreek + "2025 " + file);
  CHECK(replaced.code == 0);
  CHECK(replaced.out.find("replaced 2025; the file holds 2025, 2026\n") != std::string::npos);
}

TEST_CASE("years lists each snapshot with its counts, and FILE@YEAR names one for every command", "[years]") {
  TempFolder folder;
  const std::string file = folder.file("elm.tablemap");
  REQUIRE(run("convert " + kElmCreek + "2026 " + file).code == 0);
  REQUIRE(run("convert " + kElmCreek + "2025 " + file).code == 0);

  // 2025: 7 organizations, 4 people, 7 tie rows; at the table clinic, school,
  // chapel and Ava, Ben, Cy. 2026: at the table also bank and library; 4 people.
  CliRun years = run("years " + file);
  CHECK(years.code == 0);
  CHECK(years.out.find("holds 2 years") != std::string::npos);
  CHECK(years.out.find("  2025               7        4        7   3 organizations, 3 people\n") != std::string::npos);
  CHECK(years.out.find("  2026               7        4        7   4 organizations, 4 people\n") != std::string::npos);
  auto j = nlohmann::json::parse(run_cli("years --json " + file, false).out);
  REQUIRE(j["years"].size() == 2);
  CHECK(j["years"][0]["year"] == 2025);
  CHECK(j["years"][0]["organizations_at_table"] == 3);
  CHECK(j["years"][1]["people_at_table"] == 4);

  auto summary = nlohmann::json::parse(run_cli("summary --json " + file + "@2025", false).out);
  CHECK(summary["year"] == 2025);
  CHECK(nlohmann::json::parse(run_cli("summary --json " + file, false).out)["year"] == 2026);  // the latest
  CHECK(run("gaps " + file + "@2025").code == 0);
  CHECK(run("roles " + file + "@2025").code == 0);
  CHECK(run("metrics " + file + "@2025").code == 0);
  CHECK(run("whatif " + file + "@2025 --remove chapel").code == 0);
  CHECK(run("validate " + file + "@2026").out == file + "@2026: ok (7 organizations, 4 people, 7 ties, 6 roles)\n");

  CliRun missing = run("summary " + file + "@2024");
  CHECK(missing.code == 1);
  CHECK(missing.out.find(file + ": the project file has no snapshot of 2024; it holds 2025, 2026") != std::string::npos);
  CliRun typo = run("summary " + file + "@20x5");
  CHECK(typo.code == 1);
  CHECK(typo.out.find("a year after @ is a number such as 2025 (" + file + "@2025)") != std::string::npos);
  CliRun colon = run("summary " + file + ":2025");
  CHECK(colon.code == 1);
  CHECK(colon.out.find("to name one year of a project file, write " + file + "@2025") != std::string::npos);
  CliRun bundle = run("summary " + kElmCreek + "2025@2025");
  CHECK(bundle.out.find("only a .tablemap project file holds several years") != std::string::npos);
  CHECK(run("years " + kElmCreek + "2025").code == 2);
}

TEST_CASE("compare reads two years of one file, and a year against a bundle", "[years]") {
  TempFolder folder;
  const std::string file = folder.file("elm.tablemap");
  REQUIRE(run("convert " + kElmCreek + "2025 " + file).code == 0);
  REQUIRE(run("convert " + kElmCreek + "2026 " + file).code == 0);
  auto j = nlohmann::json::parse(run_cli("compare --json " + file + "@2025 " + file + "@2026", false).out);
  CHECK(j["organizations"]["joined_table"] == nlohmann::json({"bank", "library"}));
  CHECK(j["before"]["year"] == 2025);
  CHECK(j["after"]["year"] == 2026);
  auto mixed = nlohmann::json::parse(run_cli("compare --json " + file + "@2025 " + kElmCreek + "2026", false).out);
  CHECK(mixed["organizations"] == j["organizations"]);
  CliRun text = run("compare " + file + "@2025 " + file);
  CHECK(text.code == 0);
  CHECK(text.out.rfind("What changed: " + file + "@2025 (2025) -> " + file + " (2026)\n\nThe table went from 3 to 4", 0) == 0);
  CHECK(run("compare " + file + "@2024 " + file).code == 1);
}
