// Every class of bad input the bundle format names is refused with the right
// FILE:LINE, all problems at once, and nothing is loaded.
#include <catch2/catch.hpp>

#include "support/bundle_fixture.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

// Loads the valid test bundle with some files changed; returns the problems
// as "FILE:LINE: message" with the temporary folder left out.
std::vector<std::string> problems_with(const std::map<std::string, std::string>& changes) {
  TempFolder folder;
  write_bundle(folder, valid_bundle_files(), changes);
  LoadResult r = load_community(folder.path());
  CHECK(r.ok() == r.problems.empty());
  std::vector<std::string> out;
  for (const Problem& p : r.problems) {
    std::string s = p.to_string();
    const std::string prefix = folder.path() + "/";
    if (s.rfind(prefix, 0) == 0) s = s.substr(prefix.size());
    out.push_back(s);
  }
  return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("the valid test bundle loads without problems") {
  CHECK(problems_with({}).empty());
}

TEST_CASE("a duplicate organization id names the line and the first use") {
  auto p = problems_with({{"organizations.csv",
                           "id,name,sector\nclinic,A,health\nschool,B,education\nbank,C,business\ncounty,D,government\n"
                           "library,E,education\nclinic,Again,health\n"}});
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "organizations.csv:7: duplicate organization id 'clinic' (already used on line 2)");
}

TEST_CASE("a duplicate person id is refused") {
  auto p = problems_with({{"people.csv", "id,name,generation,sector\nq,Q One,gen_x,residents\nq,Q Two,gen_z,residents\n"}});
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "people.csv:3: duplicate person id 'q' (already used on line 2)");
}

TEST_CASE("a tie to an unknown organization is refused at its line") {
  auto p = problems_with({{"ties.csv", "source,target\nclinic,school\nclinic,clinc\n"}});
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "ties.csv:3: tie target 'clinc' is not an organization in organizations.csv");
}

TEST_CASE("a role or a person naming an unknown organization is refused") {
  auto p = problems_with({{"roles.csv", "organization,role\nnobody,anchor\n"},
                          {"people.csv", "id,name,organization,generation\nx,X,ghost,gen_x\n"}});
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "people.csv:2: organization 'ghost' is not an organization in organizations.csv");
  CHECK(p[1] == "roles.csv:2: organization 'nobody' is not an organization in organizations.csv");
}

TEST_CASE("an undeclared sector is refused with a suggestion, not silently created") {
  auto p = problems_with({{"organizations.csv", "id,name,sector\nclinic,A,heath\nschool,B,education\nbank,C,business\n"
                                                "county,D,government\nlibrary,E,education\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "organizations.csv:2: sector 'heath' is not declared in community.json (did you mean 'health'?)"));
}

TEST_CASE("an undeclared secondary sector is refused") {
  auto files = valid_bundle_files();
  std::string orgs = files["organizations.csv"];
  orgs.replace(orgs.find("social_services"), 15, "social_service");
  auto p = problems_with({{"organizations.csv", orgs}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "organizations.csv:2: secondary sector 'social_service' is not declared"));
}

TEST_CASE("an impossible birth year is refused: before 1900 or after the snapshot year") {
  auto p = problems_with({{"people.csv", "id,name,birth_year,sector\na,A,1899,residents\nb,B,2031,residents\n"
                                         "c,C,19x0,residents\nd,D,1900,residents\n"}});
  REQUIRE(p.size() == 3);
  CHECK(p[0] == "people.csv:2: birth year '1899' is impossible; use a year from 1900 to 2026");
  CHECK(p[1] == "people.csv:3: birth year '2031' is impossible; use a year from 1900 to 2026");
  CHECK(p[2] == "people.csv:4: birth year '19x0' is impossible; use a year from 1900 to 2026");
}

TEST_CASE("a generation id that does not exist is refused") {
  auto p = problems_with({{"people.csv", "id,name,generation,sector\na,A,gen_y,residents\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "people.csv:2: 'gen_y' is not a generation"));
}

TEST_CASE("a birth year that disagrees with the generation column is refused") {
  auto p = problems_with({{"people.csv", "id,name,birth_year,generation,sector\na,A,1970,boomers,residents\n"
                                         "b,B,1970,gen_x,residents\n"}});
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "people.csv:2: birth year 1970 belongs to gen_x but the generation column says boomers");
}

TEST_CASE("a person with neither birth year nor generation, or unaffiliated without sector, is refused") {
  auto p = problems_with({{"people.csv", "id,name,organization,birth_year,generation,sector\na,A,clinic,,,\n"
                                         "b,B,,1980,,\n"}});
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "people.csv:2: person 'a' needs a birth_year or a generation");
  CHECK(starts_with(p[1], "people.csv:3: person 'b' has no organization, so needs a sector"));
}

TEST_CASE("a backbone or convener role without an issue area is refused") {
  auto p = problems_with({{"roles.csv", "organization,role,issue_area,function\nschool,backbone,,data\n"
                                        "clinic,convener,,\ncounty,anchor,,\n"}});
  REQUIRE(p.size() == 2);
  CHECK(starts_with(p[0], "roles.csv:2: a backbone role needs an issue_area"));
  CHECK(starts_with(p[1], "roles.csv:3: a convener role needs an issue_area"));
}

TEST_CASE("unknown issue areas, functions and outcomes are refused") {
  auto p = problems_with({{"roles.csv", "organization,role,issue_area,function,outcome\n"
                                        "school,backbone,educaton,,\n"
                                        "school,backbone,education,dta,\n"
                                        "clinic,convener,education,,reading\n"
                                        "clinic,practitioner,health,data,\n"}});
  REQUIRE(p.size() == 4);
  CHECK(starts_with(p[0], "roles.csv:2: issue area 'educaton' is not in community.json (did you mean 'education'?)"));
  CHECK(starts_with(p[1], "roles.csv:3: backbone function 'dta' is not in community.json (did you mean 'data'?)"));
  CHECK(starts_with(p[2], "roles.csv:4: outcome 'reading' is not an outcome of issue area 'education'"));
  CHECK(p[3] == "roles.csv:5: a function is only for backbone roles; this row's role is practitioner");
}

TEST_CASE("an unterminated quote is refused at the line where it opened") {
  auto p = problems_with({{"ties.csv", "source,target,kind\nclinic,school,information\n\"bank,school,resources\n"
                                       "county,clinic,referral\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "ties.csv:3: a quoted cell is never closed"));
}

TEST_CASE("text after a closing quote is refused") {
  auto p = problems_with({{"ties.csv", "source,target,kind\nclinic,\"school\"x,information\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "ties.csv:2: text after a closing quote"));
}

TEST_CASE("a self-tie is refused") {
  auto p = problems_with({{"ties.csv", "source,target\nclinic,school\nbank,bank\n"}});
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "ties.csv:3: a tie from 'bank' to itself; a tie links two organizations");
}

TEST_CASE("invalid UTF-8 is refused at every bad line") {
  auto p = problems_with({{"organizations.csv", "id,name,sector\nclinic,Caf\xe9,health\nschool,B,education\n"
                                                "bank,\xff\xfe,business\n"}});
  REQUIRE(p.size() == 2);
  CHECK(starts_with(p[0], "organizations.csv:2: this line is not valid UTF-8"));
  CHECK(starts_with(p[1], "organizations.csv:4: this line is not valid UTF-8"));
}

TEST_CASE("an overlong UTF-8 encoding is not UTF-8") {
  auto p = problems_with({{"organizations.csv", "id,name,sector\nclinic,\xc0\xaf,health\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "organizations.csv:2: this line is not valid UTF-8"));
}

TEST_CASE("a broken community.json names the line of the syntax error") {
  auto p = problems_with({{"community.json", "{\n  \"name\": \"X\",\n  \"population\": 75 00\n}\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "community.json:3: community.json is not valid JSON"));
}

TEST_CASE("community.json values are checked with the line of their key") {
  auto p = problems_with({{"community.json", "{\n  \"name\": \"X\",\n  \"geography\": \"rural\",\n"
                                             "  \"population\": -5,\n  \"generations\": {\"gen_y\": 3},\n"
                                             "  \"thresholds\": {\"generation_ratio_floor\": 2}\n}\n"}});
  REQUIRE(p.size() == 4);
  CHECK(starts_with(p[0], "community.json:3: \"geography\" must be one of"));
  CHECK(starts_with(p[1], "community.json:4: \"population\" must be a whole number"));
  CHECK(starts_with(p[2], "community.json:5: \"gen_y\" is not a generation"));
  CHECK(starts_with(p[3], "community.json:6: \"generation_ratio_floor\" must be a number above 0"));
}

TEST_CASE("a community.json without a name, or a missing file, is refused") {
  CHECK(problems_with({{"community.json", "{}"}}) ==
        std::vector<std::string>{"community.json:1: community.json has no \"name\"; add the community's name"});
  auto p = problems_with({{"community.json", "<absent>"}, {"organizations.csv", "<absent>"}});
  REQUIRE(p.size() == 2);
  CHECK(starts_with(p[0], "community.json: missing"));
  CHECK(starts_with(p[1], "organizations.csv: missing"));
}

TEST_CASE("a missing required column is refused at the header line, with a suggestion") {
  // The ids are still usable, so the other files are checked against them and pass.
  auto p = problems_with({{"organizations.csv", "\nid,name,sectr\nclinic,A,health\nschool,B,education\n"
                                                "bank,C,business\ncounty,D,government\nlibrary,E,education\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "organizations.csv:2: the header has no 'sector' column (did you mean 'sectr'?)"));
}

TEST_CASE("bad values of kind, strength, yes/no and type are refused") {
  auto p = problems_with({{"ties.csv", "source,target,kind,strength,directed\nclinic,school,gossip,4,maybe\n"},
                          {"organizations.csv", "id,name,sector,type\nclinic,A,health,hospital\n"
                                                "school,B,education,\nbank,C,business,\ncounty,D,government,\n"
                                                "library,E,education,\n"}});
  REQUIRE(p.size() == 4);
  CHECK(starts_with(p[0], "organizations.csv:2: type 'hospital' is not one of"));
  CHECK(starts_with(p[1], "ties.csv:2: tie kind 'gossip' is not one of"));
  CHECK(starts_with(p[2], "ties.csv:2: strength '4' must be 1"));
  CHECK(p[3] == "ties.csv:2: directed must be yes or no, not 'maybe'");
}

TEST_CASE("a row with more cells than the header is refused, fewer cells are padded") {
  auto p = problems_with({{"ties.csv", "source,target,kind\nclinic,school\nbank,school,resources,extra\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "ties.csv:3: this row has 4 cells but the header has 3 columns"));
}

TEST_CASE("all problems of all files are reported at once, in file order, and nothing is loaded") {
  TempFolder folder;
  write_bundle(folder, valid_bundle_files(),
               {{"ties.csv", "source,target\nclinic,ghost\nbank,bank\n"},
                {"roles.csv", "organization,role\nschool,boss\n"},
                {"people.csv", "id,name,generation,sector\na,A,gen_q,residents\n"}});
  LoadResult r = load_community(folder.path());
  CHECK_FALSE(r.ok());
  REQUIRE(r.problems.size() == 4);
  CHECK(r.problems[0].file == folder.path() + "/people.csv");
  CHECK(r.problems[1].file == folder.path() + "/ties.csv");
  CHECK(r.problems[1].line == 2);
  CHECK(r.problems[2].line == 3);
  CHECK(r.problems[3].file == folder.path() + "/roles.csv");
}

TEST_CASE("without an id column, the other files are not checked against nothing") {
  auto p = problems_with({{"organizations.csv", "key,name,sector\nclinic,A,health\n"}});
  REQUIRE(p.size() == 1);
  CHECK(starts_with(p[0], "organizations.csv:1: the header has no 'id' column"));
}

TEST_CASE("a path that is neither a folder nor a known file is refused") {
  LoadResult r = load_community("/nonexistent/tablemap/place");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message == "no such folder or file");
}
