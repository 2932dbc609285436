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
  CHECK(run_cli("validate " + file + "@2026", false).out == file + "@2026: ok (7 organizations, 4 people, 7 ties, 6 roles)\n");

  CliRun missing = run("summary " + file + "@2024");
  CHECK(missing.code == 1);
  CHECK(missing.out.find(file + ": the project file has no snapshot of 2024; it holds 2025, 2026") != std::string::npos);
  CliRun typo = run("summary " + file + "@20x5");  // a mistyped PATH is bad usage: 2
  CHECK(typo.code == 2);
  CHECK(typo.out.find("a year after @ is a number such as 2025 (" + file + "@2025)") != std::string::npos);
  CliRun colon = run("summary " + file + ":2025");
  CHECK(colon.code == 2);
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
  CliRun text = run_cli("compare " + file + "@2025 " + file, false);
  CHECK(text.code == 0);
  CHECK(text.out.rfind("What changed: " + file + "@2025 (2025) -> " + file + " (2026)\n\nThe table went from 3 to 4", 0) == 0);
  CHECK(run("compare " + file + "@2024 " + file).code == 1);
}

TEST_CASE("the Harbor Point sample: a fresh project file from three bundles answers years and compare", "[years]") {
  TempFolder folder;
  const std::string file = folder.file("harbor.tablemap");
  const std::string sample = std::string(TABLEMAP_SOURCE_DIR) + "/datasets/harbor-point/";
  for (const char* year : {"2024", "2025", "2026"}) REQUIRE(run("convert " + sample + year + " " + file).code == 0);

  // Counts from datasets/tools/make_harbor_point.py: 20 organizations every
  // year; people who have joined by then (5, 8, 13); 27 silo ties plus the
  // cross-sector ties of each year so far (3, +9, +11); TABLE lists 5, 8, 11
  // organizations; people at the table: 5, 8, 12 (Owen Darrow left in 2026).
  auto years = nlohmann::json::parse(run_cli("years --json " + file, false).out)["years"];
  REQUIRE(years.size() == 3);
  const int people[] = {5, 8, 13}, ties[] = {30, 39, 50}, orgs_at[] = {5, 8, 11}, people_at[] = {5, 8, 12};
  for (int i = 0; i < 3; ++i) {
    INFO("year " << 2024 + i);
    CHECK(years[i]["year"] == 2024 + i);
    CHECK(years[i]["organizations"] == 20);
    CHECK(years[i]["people"] == people[i]);
    CHECK(years[i]["ties"] == ties[i]);
    CHECK(years[i]["organizations_at_table"] == orgs_at[i]);
    CHECK(years[i]["people_at_table"] == people_at[i]);
  }

  // 2024 -> 2026, the story of the README.
  auto j = nlohmann::json::parse(run_cli("compare --json " + file + "@2024 " + file, false).out);
  CHECK(j["organizations"]["joined_table"] ==
        nlohmann::json({"chamber", "community-fdn", "public-health", "police", "united-way", "youth-network"}));
  CHECK(j["organizations"]["left_table"].empty());
  CHECK(j["gaps"]["closed"] == nlohmann::json({"sector business", "sector social_services", "sector safety",
                                               "generation millennials", "generation gen_z"}));
  REQUIRE(j["roles"]["functions_changed"].size() == 5);
  for (const auto& f : j["roles"]["functions_changed"]) {
    CHECK(f["before"] == "contested");  // two whole-role claims, no tie between the rivals
    CHECK(f["after"] == "covered");     // one agreed claim per function
  }
  CHECK(j["roles"]["claims_dropped"].size() == 2);  // the rivals' whole-role claims
  CHECK(j["roles"]["claims_added"].size() == 5);
  CHECK(j["roles"]["anchor"]["anchors_after"] == nlohmann::json({"community-fdn"}));
  // Cross-sector pairs: 2 + 5 inside the silos' ties, 3 from the foundation
  // in 2024; 8 of the 9 ties of 2025 and all 11 of 2026 cross a sector.
  CHECK(j["ties"]["cross_sector"]["before"] == 10);
  CHECK(j["ties"]["cross_sector"]["after"] == 29);
  CHECK(j["structure"]["silos"]["before"] == 2);
  CHECK(j["structure"]["silos"]["after"] == 0);
  CHECK(j["structure"]["silos_dissolved"].size() == 2);
  CHECK(j["network"]["components"]["before"] == 3);  // police and the youth network alone
  CHECK(j["network"]["components"]["after"] == 1);
  CHECK(j["network"]["single_points_of_failure"]["after"] == 0);

  // 2024 -> 2025: the middle of the story.
  auto middle = nlohmann::json::parse(run_cli("compare --json " + file + "@2024 " + file + "@2025", false).out);
  // Investment stays contested in 2025: the Schools Foundation's whole-role
  // claim meets the Community Foundation's investor role over a weak tie.
  CHECK(middle["headline"][3] ==
        "The leadership and mobilization functions of Cradle to career education are no longer contested (now "
        "covered).");
  CHECK(middle["ties"]["cross_sector"]["after"] == 18);
}
