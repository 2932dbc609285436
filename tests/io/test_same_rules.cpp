// One home for the data rules: each bad row below is fed to the bundle reader
// (as a line of a CSV file) and to the map's edit check (as the row the form
// would submit), and both must give the same message.
#include <catch2/catch.hpp>

#include <functional>

#include "core/edit.hpp"
#include "core/rules.hpp"
#include "io/load.hpp"
#include "sample_community.hpp"

using namespace tablemap;
using tablemap::test::ScratchFolder;
using tablemap::test::write_text;

namespace {

// Two organizations (clinic: health, school: education), one issue area with
// one outcome; the snapshot year 2026 bounds birth years.
const char* kProfile = R"({"name": "Same Rules", "year": 2026,
  "issue_areas": [{"id": "education", "name": "Education", "outcomes": ["reading"]}]})";
const char* kOrganizations = "id,name,sector\nclinic,Clinic,health\nschool,School,education\n";

struct Case {
  const char* what;
  const char* file;    // the CSV file the row goes into
  const char* header;  // its header
  const char* row;     // the bad row, as typed
  std::function<Edit(const Community&)> edit;  // the same row from the map's form
  const char* message;
};

Community base() {
  ScratchFolder scratch("rules");
  write_text(scratch / "community.json", kProfile);
  write_text(scratch / "organizations.csv", kOrganizations);
  LoadResult r = load_community(scratch.path().string());
  REQUIRE(r.ok());
  return *r.community;
}

Person person(const char* id, int32_t org, int year, GenerationCell gen = GenerationCell::blank) {
  Person p;
  p.id = id;
  p.name = "Someone";
  p.organization = org;
  p.birth_year = year;
  p.generation_cell = gen;
  return p;
}

Role role(RoleKind kind, IssueAreaId area, FunctionId function = kWholeBackbone, int16_t outcome = kNone) {
  Role r;
  r.organization = 0;
  r.kind = kind;
  r.issue_area = area;
  r.function = function;
  r.outcome = outcome;
  return r;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"an impossible birth year", "people.csv", "id,name,organization,birth_year", "p,Someone,clinic,1899",
       [](const Community&) { return Edit::add(person("p", 0, 1899)); },
       "birth year '1899' is impossible; use a year from 1900 to 2026, or unknown"},
      {"a birth year against the generation", "people.csv", "id,name,organization,birth_year,generation",
       "p,Someone,clinic,1990,gen_x",
       [](const Community&) { return Edit::add(person("p", 0, 1990, GenerationCell::gen_x)); },
       "birth year 1990 belongs to millennials but the generation column says gen_x"},
      {"no birth year and no generation", "people.csv", "id,name,organization,birth_year", "p,Someone,clinic,",
       [](const Community&) { return Edit::add(person("p", 0, 0)); },
       "person 'p' needs a birth_year or a generation (or unknown)"},
      {"an unaffiliated person without a sector", "people.csv", "id,name,organization,birth_year",
       "p,Someone,,1980", [](const Community&) { return Edit::add(person("p", kNoOrganization, 1980)); },
       "person 'p' has no organization, so needs a sector (use 'residents' for a resident)"},
      {"a tie to itself", "ties.csv", "source,target", "clinic,clinic",
       [](const Community&) { return Edit::add(Tie{0, 0, TieKind::information, 1, false, true, {}}); },
       "a tie from 'clinic' to itself; a tie links two organizations"},
      {"a strength out of range", "ties.csv", "source,target,strength", "clinic,school,4",
       [](const Community&) { return Edit::add(Tie{0, 1, TieKind::information, 4, false, true, {}}); },
       "strength '4' must be 1 (occasional), 2 or 3 (daily/strong)"},
      {"a backbone without an issue area", "roles.csv", "organization,role", "clinic,backbone",
       [](const Community&) { return Edit::add(role(RoleKind::backbone, kNone)); },
       "a backbone role needs an issue_area (which issue area is 'clinic' backbone of?)"},
      {"a function on a role that is not backbone", "roles.csv", "organization,role,function",
       "clinic,investor,data", [](const Community&) { return Edit::add(role(RoleKind::investor, kNone, 1)); },
       "a function is only for backbone roles; this role is investor"},
      {"an outcome on a role that is not convener", "roles.csv", "organization,role,issue_area,outcome",
       "clinic,anchor,education,reading",
       [](const Community&) { return Edit::add(role(RoleKind::anchor, 0, kWholeBackbone, 0)); },
       "an outcome is only for convener roles; this role is anchor"},
  };
  return all;
}

}  // namespace

TEST_CASE("each bad row gets the same message from the reader and from the edit check") {
  const Community c = base();
  for (const Case& k : cases()) {
    INFO(k.what);
    ScratchFolder scratch("rules");
    write_text(scratch / "community.json", kProfile);
    write_text(scratch / "organizations.csv", kOrganizations);
    write_text(scratch / k.file, std::string(k.header) + "\n" + k.row + "\n");
    LoadResult read = load_community(scratch.path().string());
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].line == 2);
    CHECK(read.problems[0].message == k.message);
    const Problems edited = check_edit(c, k.edit(c));
    REQUIRE(edited.size() == 1);
    CHECK(edited[0].message == k.message);
  }
}

TEST_CASE("an organization typed in a form is resolved and refused as the reader does") {
  const Community c = base();
  std::string message;
  CHECK(rules::find_organization(c.organizations.rows(), "School", "tie target", message) == 1u);  // its exact name
  CHECK_FALSE(rules::find_organization(c.organizations.rows(), "clinc", "tie target", message));
  ScratchFolder scratch("rules");
  write_text(scratch / "community.json", kProfile);
  write_text(scratch / "organizations.csv", kOrganizations);
  write_text(scratch / "ties.csv", "source,target\nschool,clinc\n");
  LoadResult read = load_community(scratch.path().string());
  REQUIRE(read.problems.size() == 1);
  CHECK(read.problems[0].message == message);
  CHECK(message == "tie target 'clinc' is not an organization in organizations.csv (did you mean 'clinic'?)");
}

TEST_CASE("sector names in a form match as the reader's do") {
  const Community c = base();
  // "Social Services" is the declared social_services, however it is typed.
  CHECK(c.profile.find_sector("Social Services") == c.profile.find_sector("social_services"));
  CHECK(c.profile.find_sector("social-services").has_value());
  CHECK_FALSE(c.profile.find_sector("heath").has_value());
}
