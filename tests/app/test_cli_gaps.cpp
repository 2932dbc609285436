// `tablemap gaps` from the outside: exit codes, text and --json.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "support/bundle_fixture.hpp"
#include "support/cli_run.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

CliRun run(const std::string& args) { return run_cli(args, false); }

const std::string riverbend = std::string(TABLEMAP_SOURCE_DIR) + "/datasets/riverbend";

}  // namespace

TEST_CASE("gaps prints what is missing first") {
  CliRun r = run("gaps " + riverbend);
  CHECK(r.code == 0);
  size_t missing = r.out.find("MISSING");
  REQUIRE(missing != std::string::npos);
  CHECK(r.out.find("Key sector \"business\": no seat") > missing);
  CHECK(r.out.find("Key sector \"business\": no seat") < r.out.find("KEY SECTORS"));
  CHECK(r.out.find("INVITE PLAN (greedy") != std::string::npos);
}

TEST_CASE("gaps --json has the keys of the issue") {
  CliRun r = run("gaps --json " + riverbend);
  REQUIRE(r.code == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["table"]["people"] == 13);
  CHECK(j["table"]["organizations"] == 11);
  REQUIRE(j["sectors"].is_array());
  CHECK(j["sectors"][2]["sector"] == "business");
  CHECK(j["sectors"][2]["status"] == "missing");
  CHECK(j["sectors"][2]["required"] == true);
  CHECK(j["sectors"][2]["seats"] == 0);
  CHECK(j["sectors"][2]["candidates"][0].contains("ties_to_table"));
  CHECK(j["generations"].size() == 6);
  CHECK(j["generations"][4]["generation"] == "gen_z");
  CHECK(j["generations"][4].contains("table_share"));
  CHECK(j["generations"][4].contains("resident_share"));
  CHECK(j["generations"][4].contains("ratio"));
  CHECK(j["invite_plan"]["method"] == "greedy");
  CHECK(j["readiness"].size() == 4);
}

TEST_CASE("gaps exit codes: 2 for bad usage, a PATH that does not exist included", "[cli]") {
  CHECK(run("gaps /nonexistent/bundle").code == 2);
  CHECK(run("gaps").code == 2);
  CHECK(run("gaps " + riverbend + " --candidates -3").code == 2);
  TempFolder broken;  // a bundle that exists but cannot be read: 1
  write_bundle(broken, valid_bundle_files(), {{"ties.csv", "source,target\nclinic,ghost\n"}});
  CHECK(run("gaps " + broken.path()).code == 1);
  CliRun help = run("gaps --help");
  CHECK(help.code == 0);
  CHECK(help.out.find("Example: tablemap gaps") != std::string::npos);
}

TEST_CASE("gaps counts and names the people at the table whose generation is unknown", "[cli]") {
  // The test bundle with Ada Vance's birth year typed as `unknown` and no
  // generation: 3 people at the table, 1 of unknown generation, so the
  // generation shares are over the 2 others (Bo Lind gen_x, Cy Oakes gen_z:
  // half each).
  TempFolder folder;
  write_bundle(folder, valid_bundle_files(),
               {{"people.csv", "id,name,organization,birth_year,generation,sector,at_table,resident,formal_leader\n"
                               "p1,Ada Vance,clinic,unknown,,,yes,yes,yes\n"
                               "p2,Bo Lind,bank,,gen_x,,yes,no,yes\n"
                               "p3,Cy Oakes,,2001,gen_z,residents,yes,yes,no\n"}});
  CliRun text = run("gaps " + folder.path());
  REQUIRE(text.code == 0);
  CHECK(text.out.find("; 1 person of unknown generation\n") != std::string::npos);
  CHECK(text.out.find("Generation unknown for 1 person: Ada Vance (Hollow Family Clinic).") != std::string::npos);
  auto j = nlohmann::json::parse(run("gaps --json " + folder.path()).out);
  CHECK(j["table"]["people"] == 3);
  CHECK(j["table"]["unknown_generation"] == 1);
  CHECK(j["table"]["unknown_generation_people"] ==
        nlohmann::json::parse(R"([{"id": "p1", "name": "Ada Vance", "organization_name": "Hollow Family Clinic"}])"));
  for (const auto& g : j["generations"])
    if (g["generation"] == "gen_x" || g["generation"] == "gen_z") CHECK(g["table_share"].get<double>() == Approx(0.5));
}
