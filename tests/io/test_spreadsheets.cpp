// Bundles as spreadsheet programs save them: Excel (US: BOM, CRLF, commas;
// European: BOM, CRLF, semicolons), LibreOffice (quoted text cells) and Google
// Sheets (Title Case headers, names typed for ids, blank rows). Each test
// asserts the values loaded, worked out by hand from the rows shown.
#include <catch2/catch.hpp>

#include "io/csv.hpp"
#include "io/load.hpp"
#include "sample_community.hpp"

using namespace tablemap;
using tablemap::test::read_text;
using tablemap::test::ScratchFolder;
using tablemap::test::write_text;

namespace {

const char* kBom = "\xEF\xBB\xBF";

// Lakeside (invented): a clinic at the table, a school that is not, a food
// pantry marked with an `x`. The profile declares the default sectors.
void write_lakeside(const std::string& folder) {
  std::filesystem::create_directories(folder);
  write_text(folder + "/community.json", "{\n  // typed by hand\n  \"name\": \"Lakeside\",\n  \"year\": 2026\n}\n");
  // Excel, US locale: "CSV UTF-8" adds a BOM; lines end in CRLF; the last
  // row is a formatted empty row.
  write_text(folder + "/organizations.csv",
             std::string(kBom) +
                 "ID,Name,Sector,Type,At Table\r\n"
                 "clinic,Lakeside Clinic,Health,Nonprofit,Yes\r\n"
                 "school,Lakeside Elementary,Education,School,No\r\n"
                 "pantry,\"Food Pantry, Inc.\",Social Services,Nonprofit,x\r\n"
                 ",,,,\r\n");
  // Excel, European locale: semicolons; a name where the organization id goes.
  write_text(folder + "/people.csv",
             std::string(kBom) +
                 "ID;Name;Organization;Birth Year;Generation;At Table\r\n"
                 "p1;Ana Souza;Lakeside Clinic;1961;;\r\n"
                 "p2;Ben Ode;school;unknown;;yes\r\n"
                 ";;;;;\r\n"
                 "p3;Cy Lund;pantry;;Gen Z;\r\n");
  // Google Sheets: LF, Title Case, a name for an id, `Joint programming`.
  write_text(folder + "/ties.csv",
             "Source,Target,Kind,Strength\n"
             "Lakeside Clinic,school,Joint programming,2\n"
             "clinic,pantry,Referral,\n");
  // LibreOffice with "quote all text cells".
  write_text(folder + "/roles.csv",
             "\"Organization\",\"Role\",\"Status\"\n"
             "\"clinic\",\"Anchor\",\"Agreed\"\n");
}

Community load_ok(const std::string& folder, Problems* warnings = nullptr) {
  LoadResult r = load_community(folder);
  std::string all;
  for (const auto& p : r.problems) all += p.to_string() + "\n";
  INFO(all);
  REQUIRE(r.ok());
  if (warnings) *warnings = r.warnings;
  return std::move(*r.community);
}

}  // namespace

TEST_CASE("an Excel US organizations file: BOM, CRLF, Title Case, Yes and x, a blank formatted row") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  const Community c = load_ok(scratch / "lakeside");
  REQUIRE(c.organizations.size() == 3);  // the row of empty cells is skipped
  CHECK(c.organizations[0].id == "clinic");
  CHECK(c.sector_name(c.organizations[0].sector) == "health");
  CHECK(c.organizations[0].type == OrgType::nonprofit);
  CHECK(c.organizations[0].at_table);                  // Yes
  CHECK_FALSE(c.organizations[1].at_table);            // No
  CHECK(c.organizations[2].name == "Food Pantry, Inc.");
  CHECK(c.sector_name(c.organizations[2].sector) == "social_services");  // Social Services
  CHECK(c.organizations[2].at_table);                  // x
  const TableLayout* layout = c.organizations.layout();
  REQUIRE(layout);
  CHECK(layout->bom);
  CHECK(layout->line_end == "\r\n");
  CHECK(layout->separator == ',');
}

TEST_CASE("an Excel European people file: semicolons, a name for an id, unknown, blank at_table") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  Problems warnings;
  const Community c = load_ok(scratch / "lakeside", &warnings);
  REQUIRE(c.people.size() == 3);
  const Person& ana = c.people[0];
  CHECK(ana.organization == 0);                     // "Lakeside Clinic" is the clinic's exact name
  CHECK(ana.generation == Generation::boomers);     // 1961 is in 1946..1964
  CHECK(ana.at_table);                              // blank: the clinic's Yes
  CHECK(c.sector_name(ana.sector) == "health");     // the clinic's sector
  CHECK_FALSE(ana.sector_cell.has_value());
  const Person& ben = c.people[1];
  CHECK(ben.birth_year == kBirthYearUnknown);
  CHECK_FALSE(ben.generation_known);                // counts as a person, in no generation
  CHECK(ben.at_table);                              // typed yes, though the school is not
  const Person& cy = c.people[2];
  CHECK(cy.generation == Generation::gen_z);        // "Gen Z"
  CHECK(cy.at_table);                               // the pantry's x
  CHECK(c.people.layout()->separator == ';');
  // Ben is at the table while his school is not: a warning, and the load goes on.
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].line == 3);
  CHECK(warnings[0].to_string().find("people.csv:3: warning: person 'p2' is at the table but their organization "
                                     "'school' is not") != std::string::npos);
}

TEST_CASE("a Google Sheets ties file and a LibreOffice roles file") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  const Community c = load_ok(scratch / "lakeside");
  REQUIRE(c.ties.size() == 2);
  CHECK(c.ties[0].source == 0u);  // "Lakeside Clinic"
  CHECK(c.ties[0].target == 1u);
  CHECK(c.ties[0].kind == TieKind::joint_programming);
  CHECK(c.ties[0].strength == 2);
  CHECK(c.ties[1].kind == TieKind::referral);
  CHECK(c.ties[1].strength == 1);  // blank: the default
  REQUIRE(c.roles.size() == 1);
  CHECK(c.roles[0].kind == RoleKind::anchor);
  CHECK(c.roles[0].status == RoleStatus::agreed);
}

TEST_CASE("a tab-separated file is read by its header") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  write_text(scratch / "lakeside/ties.csv", "source\ttarget\tkind\nclinic\tschool\tdata sharing\nclinic\tpantry\t\n");
  const Community c = load_ok(scratch / "lakeside");
  REQUIRE(c.ties.size() == 2);
  CHECK(c.ties[0].kind == TieKind::data_sharing);
  CHECK(c.ties.layout()->separator == '\t');
}

TEST_CASE("every problem of every file at once, community.json included") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  write_text(scratch / "lakeside/community.json", "{ \"name\": \"Lakeside\", \"year\": 2026, }\n");
  write_text(scratch / "lakeside/ties.csv", "source,target\nclinic,schol\n");
  LoadResult r = load_community(scratch / "lakeside");
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].file == scratch / "lakeside/community.json");
  CHECK(r.problems[1].to_string() == scratch / "lakeside/ties.csv" +
                                         ":2: tie target 'schol' is not an organization in organizations.csv "
                                         "(did you mean 'school'?)");
}

TEST_CASE("a name shared by two organizations is not taken for an id") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  write_text(scratch / "lakeside/organizations.csv",
             "id,name,sector\nclinic,Health Center,health\nclinic2,Health Center,health\nschool,School,education\n"
             "pantry,Pantry,social_services\n");
  write_text(scratch / "lakeside/ties.csv", "source,target\nHealth Center,school\n");
  write_text(scratch / "lakeside/people.csv", "id,name,organization,generation\np1,Ana,clinic,gen_x\n");
  LoadResult r = load_community(scratch / "lakeside");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message ==
        "tie source 'Health Center' is the name of 2 organizations; use the id of the one you mean");
}

TEST_CASE("warnings: an exact repeated row, an organization with no ties") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  write_text(scratch / "lakeside/ties.csv", "source,target\nclinic,school\nclinic,school\n");
  write_text(scratch / "lakeside/people.csv", "id,name,organization,generation\np1,Ana,clinic,gen_x\n");
  Problems warnings;
  load_ok(scratch / "lakeside", &warnings);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].to_string() == scratch / "lakeside/organizations.csv" +
                                       ":4: warning: organization 'pantry' has no ties to any other organization");
  CHECK(warnings[1].to_string() ==
        scratch / "lakeside/ties.csv" + ":3: warning: this row repeats line 2 exactly; delete one of them");
}

TEST_CASE("warnings: many organizations with no ties are listed first, then counted") {
  // Eight organizations without a tie (lines 3-9 and 11): problem_lines lists
  // five and counts the other three after them, at the first one not listed.
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  std::string orgs = "id,name,sector\nclinic,Clinic,health\n";
  for (int i = 1; i <= 7; ++i) orgs += "lone" + std::to_string(i) + ",Lone " + std::to_string(i) + ",business\n";
  orgs += "school,School,education\nlone8,Lone 8,business\n";
  write_text(scratch / "lakeside/organizations.csv", orgs);
  write_text(scratch / "lakeside/people.csv", "id,name,generation\n");
  write_text(scratch / "lakeside/ties.csv", "source,target\nclinic,school\n");
  Problems warnings;
  load_ok(scratch / "lakeside", &warnings);
  REQUIRE(warnings.size() == 8);
  const std::string file = scratch / "lakeside/organizations.csv";
  const std::string expected = file + ":3: warning: organization 'lone1' has no ties to any other organization\n" +
                               file + ":4: warning: organization 'lone2' has no ties to any other organization\n" +
                               file + ":5: warning: organization 'lone3' has no ties to any other organization\n" +
                               file + ":6: warning: organization 'lone4' has no ties to any other organization\n" +
                               file + ":7: warning: organization 'lone5' has no ties to any other organization\n" +
                               file + ":8: warning: ... and 3 more organizations without ties\n";
  CHECK(problem_lines(warnings) == expected);
}

TEST_CASE("CR-only line ends count as lines") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  write_text(scratch / "lakeside/ties.csv", "source,target\rclinic,school\rclinic,nowhere\r");
  LoadResult r = load_community(scratch / "lakeside");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
}

TEST_CASE("a wide header over empty lines reserves memory for the text, not for every line") {
  // 20,000 columns and 100,000 empty lines: 300 KB of text. Reserving a cell
  // per column per line would be 2,000,000,000 cells (16 GB).
  std::string text;
  for (int c = 0; c < 20000; ++c) text += (c ? ",c" : "c") + std::to_string(c);
  text += '\n';
  text += std::string(100000, '\n');
  RowTable t;
  Problems problems;
  REQUIRE(parse_csv(text, "wide.csv", t, problems));
  CHECK(t.rows() == 0);
  CHECK(t.packed.capacity() <= text.size());
  // Rows far shorter than the header stop the read instead of padding without bound.
  std::string short_rows = text.substr(0, text.find('\n') + 1);
  for (int r = 0; r < 2000; ++r) short_rows += "x\n";
  RowTable u;
  CHECK_FALSE(parse_csv(short_rows, "wide.csv", u, problems));
  CHECK(problems.back().message.find("far shorter than the header") != std::string::npos);
}

// Wide files (issue 15: header matching, and the writer's layout, were
// quadratic in the columns). These assert what is read, written and
// reported; how long it takes is for a benchmark, not a unit test.
TEST_CASE("100,000 columns are read in one pass") {
  std::string header, row;
  for (int c = 0; c < 100000; ++c) {
    header += (c ? ",c" : "c") + std::to_string(c);
    row += c ? ",v" : "v";
  }
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  write_text(scratch / "lakeside/roles.csv", "organization,role," + header + "\nclinic,anchor," + row + "\n");
  LoadResult r = load_community(scratch / "lakeside");
  REQUIRE(r.ok());
  REQUIRE(r.community->roles.extra_columns().size() == 100000);
  CHECK(r.community->roles.extra_columns()[99999] == "c99999");
  REQUIRE(r.community->roles.size() == 1);
  CHECK(r.community->roles[0].extra[99999] == "v");
}

namespace {

// Lakeside's organizations.csv with 20,000 more columns q1..q20000 (Excel's
// CRLF and BOM kept); each cell names its row and column, e.g. school-q7.
std::string wide_organizations(const std::string& pantry_at_table, const std::string& after_school) {
  auto cells = [](const std::string& row) {
    std::string out;
    for (int c = 1; c <= 20000; ++c) out += "," + row + "-q" + std::to_string(c);
    return out;
  };
  std::string header = "ID,Name,Sector,Type,At Table";
  for (int c = 1; c <= 20000; ++c) header += ",q" + std::to_string(c);
  return std::string(kBom) + header + "\r\n" +
         "clinic,Lakeside Clinic,Health,Nonprofit,Yes" + cells("clinic") + "\r\n" +
         "school,Lakeside Elementary,Education,School,No" + cells("school") + after_school + "\r\n" +
         "pantry,\"Food Pantry, Inc.\",Social Services,Nonprofit," + pantry_at_table + cells("pantry") + "\r\n";
}

}  // namespace

TEST_CASE("a 20,000-column organizations.csv validates and saves back byte for byte") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  const std::string wide = wide_organizations("x", "");
  write_text(scratch / "lakeside/organizations.csv", wide);
  const Community c = load_ok(scratch / "lakeside");
  REQUIRE(c.organizations.size() == 3);
  const auto& extras = c.organizations.extra_columns();
  REQUIRE(extras.size() == 20000);
  CHECK(extras[0] == "q1");
  CHECK(extras[19999] == "q20000");
  CHECK(c.organizations[0].id == "clinic");
  CHECK(c.organizations[1].extra[0] == "school-q1");
  CHECK(c.organizations[1].extra[19999] == "school-q20000");
  CHECK(c.organizations[2].name == "Food Pantry, Inc.");
  CHECK(c.organizations[2].extra[12345] == "pantry-q12346");
  // The writer's layout lists every unknown column once, in the file's order.
  save_community(c, scratch / "copy");
  CHECK(read_text(scratch / "copy/organizations.csv") == wide);
}

TEST_CASE("a 20,000-column organizations.csv reports its problems on their lines") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  const std::string folder = scratch / "lakeside";
  // One cell too many on line 3: the CSV reader's error.
  write_text(folder + "/organizations.csv", wide_organizations("x", ",spill"));
  LoadResult r = load_community(folder);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string() == folder + "/organizations.csv:3: this row has 20006 cells but the header has "
                                              "20005 columns (a , too many, or a cell that needs quotes?)");
  // A cell no rule accepts on line 4, 20,000 columns before the row ends: the decoder's error.
  write_text(folder + "/organizations.csv", wide_organizations("maybe", ""));
  r = load_community(folder);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string() == folder + "/organizations.csv:4: at_table must be yes or no, not 'maybe'");
}

TEST_CASE("a message keeps every byte of a cell, even after a NUL") {
  ScratchFolder scratch("sheets");
  write_lakeside(scratch / "lakeside");
  using namespace std::string_literals;
  write_text(scratch / "lakeside/ties.csv", "source,target,kind\nclinic,school,ref\0erral\n"s);
  LoadResult r = load_community(scratch / "lakeside");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string().find("'ref\0erral' is not one of"s) != std::string::npos);
}
