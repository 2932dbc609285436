// `tablemap survey import|report` from the outside, on the Harbor survey
// (values worked out in tests/data/survey/harbor/README.md) and on the
// Millbrook sample's survey round (datasets/silos/survey-2026).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/network.hpp"
#include "io/load.hpp"
#include "support/bundle_fixture.hpp"
#include "support/cli_run.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

const std::string kHarbor = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/survey/harbor";
const std::string kSilos = std::string(TABLEMAP_SOURCE_DIR) + "/datasets/silos";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("survey report opens with what a lead reads first") {
  CliRun r = run_cli("survey report " + kHarbor + "/survey " + kHarbor, false);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("3 of the 4 organizations asked in Harbor Test answered the survey (75.0%). "
                    "Not yet answered: City of Harbor.\n", 0) == 0);
  // Network trust 23/7 = 3.29 (82%), value 3 (75%).
  CHECK(r.out.find("Partners rate each other's trustworthiness at 3.3 of 4 (82%) and their value at 3.0 of 4 (75%).") !=
        std::string::npos);
  CHECK(r.out.find("The answers give 4 ties: 1 reported by both sides, 3 by one side only; 1 pair plan or work") !=
        std::string::npos);
  // Most trusted: the pantry (4 from one rating); least: the clinic (2.5).
  CHECK(r.out.find("Most trusted: Harbor Food Pantry (4.0 of 4); least trusted: Harbor Health Clinic (2.5 of 4)") !=
        std::string::npos);
  CHECK(r.out.find("Warning") == std::string::npos);  // 75% is over 70%
  CHECK(r.out.find("Not rated by anyone: Harbor Chamber of Commerce") != std::string::npos);
  CHECK(r.out.find("  Did not answer: City of Harbor\n") != std::string::npos);
}

TEST_CASE("survey report --json has the keys of the issue") {
  CliRun r = run_cli("survey report --json " + kHarbor + "/survey " + kHarbor, false);
  REQUIRE(r.code == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["response_rate"] == 0.75);
  CHECK(j["respondents"].size() == 3);
  REQUIRE(j["non_respondents"].size() == 1);
  CHECK(j["non_respondents"][0]["name"] == "City of Harbor");
  REQUIRE(j["organizations"].size() == 5);
  CHECK(j["organizations"][0]["id"] == "harbor-clinic");
  CHECK(j["organizations"][0]["trust"] == 2.5);
  CHECK(j["organizations"][0]["trust_percent"] == 62.5);
  CHECK(j["organizations"][0]["value"] == 3.0);
  CHECK(j["organizations"][0]["value_percent"] == 75.0);
  CHECK(j["organizations"][0]["ratings_received"] == 1);
  CHECK(j["organizations"][2]["trust"].is_null());  // the chamber: nobody rated it
  CHECK(j["network"]["trust"].get<double>() == Approx(23.0 / 7));
  CHECK(j["network"]["value"] == 3.0);
  CHECK(j["network"]["ties"] == 4);
  CHECK(j["network"]["mutual_ties"] == 1);
  CHECK(j["intensity_ladder"]["cooperation"] == 2);
  CHECK(j["warning"].is_null());
}

TEST_CASE("survey report --ties mutual counts three ties") {
  CliRun r = run_cli("survey report --json --ties mutual " + kHarbor + "/survey " + kHarbor, false);
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(r.out)["network"]["ties"] == 3);
  CHECK(run_cli("survey report --ties both " + kHarbor + "/survey " + kHarbor, false).code == 2);
}

TEST_CASE("survey import writes the survey's ties with their quality columns", "[survey]") {
  TempFolder out;
  CliRun r = run_cli("survey import " + kHarbor + "/survey " + kHarbor + " " + out.path() + "/harbor", true);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("4 ties from the survey (1 reported by both sides, 3 by one), 6 tie rows in all") != std::string::npos);
  const std::string ties = read_text(out.path() + "/harbor/ties.csv");
  // The file keeps the columns as the coalition typed them (source, target,
  // kind, strength, notes); the columns the survey needs come after them, in
  // the header too; the tie the survey did not cover stays as typed, and the
  // notes typed on a tie the survey replaced go on to the survey's rows.
  CHECK(ties ==
        "source,target,kind,strength,notes,directed,confirmed,intensity,frequency,trust,value,intensity_by_source,"
        "intensity_by_target,trust_by_source,trust_by_target,value_by_source,value_by_target\n"
        "harbor-city,harbor-pantry,referral,2,food referrals,,,,,,,,,,,,\n"
        "harbor-clinic,harbor-schools,information,1,from the 2025 sign-in sheets,no,yes,2.5,monthly,3.33,3,3,2,3.67,2.5,3,3\n"
        "harbor-clinic,harbor-schools,data_sharing,1,from the 2025 sign-in sheets,no,yes,2.5,monthly,3.33,3,3,2,3.67,2.5,3,3\n"
        "harbor-clinic,harbor-chamber,information,1,,no,no,1,,,,1,,,,,\n"
        "harbor-schools,harbor-pantry,information,1,,no,no,2,,4,,2,,4,,,\n"
        "harbor-chamber,harbor-city,resources,3,,no,no,4,,3,,4,,3,,,\n");
  // The result is a community tablemap reads like any other.
  CHECK(run_cli("validate " + out.path() + "/harbor", false).code == 0);
}

TEST_CASE("survey import lists every problem of the survey and writes nothing") {
  TempFolder in;
  in.write("respondents.csv", "organization,responded\nharbor-clinc,yes\n");
  in.write("answers.csv", "respondent,partner,intensity\nharbor-schools,harbor-city,9\n");
  CliRun r = run_cli("survey import " + in.path() + " " + kHarbor + " " + in.path() + "/out", true);
  CHECK(r.code == 1);
  CHECK(r.out.find("respondents.csv:2: 'harbor-clinc' is not one of the community's organizations (did you mean "
                   "'harbor-clinic'?)") != std::string::npos);
  CHECK(r.out.find("answers.csv:2: 'harbor-schools' answered but is not in") != std::string::npos);
  CHECK(r.out.find("3 problems in the survey") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(in.path() + "/out"));
}

TEST_CASE("the Millbrook survey imported gives the bundle's ties wherever both describe a pair", "[survey]") {
  TempFolder out;
  REQUIRE(run_cli("survey import " + kSilos + "/survey-2026 " + kSilos + " " + out.path() + "/mb", false).code == 0);
  LoadResult before = load_community(kSilos), after = load_community(out.path() + "/mb");
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  auto pairs = [](const Community& c) {
    std::map<std::pair<std::string, std::string>, std::pair<int, TieKindSet>> out;
    Network n(c);
    for (const Relationship& r : n.relationships()) {
      auto a = c.org_id(r.a), b = c.org_id(r.b);
      out[{std::min(a, b), std::max(a, b)}] = {r.strength, r.kinds};
    }
    return out;
  };
  auto b = pairs(*before.community), a = pairs(*after.community);
  size_t shared = 0;
  for (const auto& [pair, tie] : b) {
    auto it = a.find(pair);
    if (it == a.end()) continue;
    ++shared;
    INFO(pair.first << " - " << pair.second);
    CHECK(it->second == tie);
  }
  // Every bundle pair is in the survey (reported, or kept between two non-respondents);
  // the survey adds three awareness ties.
  CHECK(shared == b.size());
  CHECK(a.size() == b.size() + 3);
}

TEST_CASE("the Millbrook survey report warns under 70% response") {
  CliRun r = run_cli("survey report " + kSilos + "/survey-2026 " + kSilos, false);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("24 of the 35 organizations asked in Millbrook Township Nonprofit Network answered the survey (68.6%).", 0) == 0);
  CHECK(r.out.find("Warning: Only 68.6% of the organizations asked answered.") != std::string::npos);
  CHECK(r.out.find("betweenness, the brokers, the single points of failure") != std::string::npos);
}

TEST_CASE("a survey workbook filled in another program reads like the folder") {
  // The Harbor survey typed into a workbook by openpyxl: numbers stored as
  // floats (3.0), a Title Case sheet name, blank partner rows as a form has.
  TempFolder dir;
  dir.write("write.py", R"(
import sys, openpyxl
wb = openpyxl.Workbook()
r = wb.active
r.title = "Respondents"
for row in [["Organization", "Responded", "Contributes", "most_important"],
            ["harbor-clinic", "yes", "funding;data", "funding"], ["Harbor Unified Schools", True, "expertise;data", "data"],
            ["harbor-chamber", "yes", "volunteers", "volunteers"], ["harbor-city", "no", None, None]]:
    r.append(row)
a = wb.create_sheet("answers")
a.append(["respondent", "partner", "intensity", "frequency", "kind", "reliability", "mission", "openness",
          "power", "resources", "involvement"])
for row in [["harbor-clinic", "harbor-schools", 3.0, "weekly", "data_sharing", 4, 3, 4, 2, 3, 4],
            ["harbor-clinic", "harbor-chamber", "awareness"],
            ["harbor-clinic", "harbor-city"],
            ["harbor-schools", "harbor-clinic", "Cooperation", "monthly", "information", 2.0, 3, None, 4, None, 2],
            ["harbor-schools", "Harbor Food Pantry", 2, None, None, None, 4.0],
            ["harbor-chamber", "harbor-clinic"],
            ["harbor-chamber", "harbor-city", "integration", None, None, 3]]:
    a.append(row)
wb.save(sys.argv[1])
)");
  REQUIRE(std::system(("/usr/bin/python3 " + dir.file("write.py") + " " + dir.file("survey.xlsx")).c_str()) == 0);
  CliRun book = run_cli("survey report --json " + dir.file("survey.xlsx") + " " + kHarbor, true);
  CliRun folder = run_cli("survey report --json " + kHarbor + "/survey " + kHarbor, true);
  REQUIRE(book.code == 0);
  CHECK(book.out == folder.out);
  TempFolder out;
  REQUIRE(run_cli("survey import " + dir.file("survey.xlsx") + " " + kHarbor + " " + out.path() + "/h", false).code == 0);
  REQUIRE(run_cli("survey import " + kHarbor + "/survey " + kHarbor + " " + out.path() + "/f", false).code == 0);
  CHECK(read_text(out.path() + "/h/ties.csv") == read_text(out.path() + "/f/ties.csv"));
}

TEST_CASE("a problem in a survey workbook names the sheet and row") {
  TempFolder dir;
  dir.write("write.py", R"(
import sys, openpyxl
wb = openpyxl.Workbook()
r = wb.active
r.title = "Respondents"
r.append(["organization", "responded"])
r.append(["harbor-clinic", "yes"])
a = wb.create_sheet("Answers")
a.append(["respondent", "partner", "intensity"])
a.append(["harbor-clinic", "Harbor Helth Clinic", 2])
wb.save(sys.argv[1])
)");
  REQUIRE(std::system(("/usr/bin/python3 " + dir.file("write.py") + " " + dir.file("s.xlsx")).c_str()) == 0);
  CliRun r = run_cli("survey report " + dir.file("s.xlsx") + " " + kHarbor, true);
  CHECK(r.code == 1);
  CHECK(r.out.find("s.xlsx:Answers:2: partner 'Harbor Helth Clinic' is not one of the community's organizations "
                   "(did you mean 'Harbor Health Clinic'?)") != std::string::npos);
}

TEST_CASE("a second survey import clears the first one's qualities on the ties it does not cover", "[survey]") {
  // Round 2: only the city answers, about the pantry. The clinic's and the
  // schools' ties keep their kinds and strengths but lose round 1's
  // qualities (the new survey did not measure them): those rows are written
  // from their values, not as round 1 wrote them.
  TempFolder out, round2;
  round2.write("respondents.csv", "organization,responded\nharbor-city,yes\n");
  round2.write("answers.csv", "respondent,partner,intensity\nharbor-city,harbor-pantry,2\n");
  REQUIRE(run_cli("survey import " + kHarbor + "/survey " + kHarbor + " " + out.path() + "/r1", false).code == 0);
  CliRun r = run_cli("survey import " + round2.path() + " " + out.path() + "/r1 " + out.path() + "/r2", true);
  INFO(r.out);
  REQUIRE(r.code == 0);
  const std::string ties = read_text(out.path() + "/r2/ties.csv");
  CHECK(ties.find("harbor-clinic,harbor-schools,information,1,from the 2025 sign-in sheets,no,yes,,,,,,,,,,\n") !=
        std::string::npos);
  CHECK(ties.find("2.5,monthly") == std::string::npos);
  // The city-pantry tie the city answered for: the survey's row, its kind
  // (referral) and its notes from the row it replaces.
  CHECK(ties.find("harbor-city,harbor-pantry,referral,1,food referrals,no,no,2,,,,2,,,,,\n") != std::string::npos);
  CHECK(run_cli("validate " + out.path() + "/r2", false).code == 0);
}
