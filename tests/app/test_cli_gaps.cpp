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
