// The workbook form (.xlsx): what our writer writes our reader reads back as
// the same community; workbooks written by another program (python3-openpyxl)
// read as their cells say; our workbooks read back in openpyxl; and problems
// are located as BOOK.xlsx:SHEET:ROW.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "io/workbook_read.hpp"
#include "io/workbook_write.hpp"
#include "support/bundle_fixture.hpp"
#include "support/python_run.hpp"

using namespace tablemap;
using namespace tablemap::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kDatasets = fs::path(TABLEMAP_SOURCE_DIR) / "datasets";

Community load_ok(const std::string& path) {
  LoadResult r = load_community(path);
  for (const Problem& p : r.problems) UNSCOPED_INFO(p.to_string());
  REQUIRE(r.ok());
  return std::move(*r.community);
}

std::vector<std::string> problem_lines(const std::string& path) {
  LoadResult r = load_community(path);
  CHECK_FALSE(r.ok());
  std::vector<std::string> lines;
  for (const Problem& p : r.problems) lines.push_back(p.to_string());
  return lines;
}

bool has_line(const std::vector<std::string>& lines, const std::string& wanted) {
  for (const auto& l : lines)
    if (l.find(wanted) != std::string::npos) return true;
  for (const auto& l : lines) UNSCOPED_INFO(l);
  return false;
}

// A workbook as openpyxl writes it: shared strings, numbers typed as floats
// (1961.0), a boolean cell, a Title Case sheet name, a sheet the reader does
// not know, and a blank formatted row in the middle of Organizations.
const char* kOpenpyxlWriter = R"(
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Read me"
ws.append(["Notes a lead keeps for herself"])
c = wb.create_sheet("community")
for row in [["Field", "Value"], ["Name", "Openpyxl Flats"], ["Geography", "small urban"],
            ["Population", 4200.0], ["Year", 2026], ["Required sectors", "health; education"],
            ["Optional sectors", "business;residents"], ["Residents gen_z", 1000], ["Residents boomers", 1200.0],
            ["Generation ratio floor", 0.4], ["Min per required sector", 2]]:
    c.append(row)
a = wb.create_sheet("Issue Areas")
a.append(["ID", "Name", "Outcomes"])
a.append(["health", "Health status", "fewer_er_visits; flu_shots"])
o = wb.create_sheet("Organizations")
o.append(["id", "name", "sector", "at_table", "budget"])
o.append(["clinic", "Flats Clinic", "health", True, 120000])
o.append([None, None, None, None, None])
o.append(["school", "Flats School", "education", False, 0.25])
o.append(["shop", "Corner Shop", "business", "no", None])
p = wb.create_sheet("People")
p.append(["id", "name", "organization", "birth_year", "sector"])
p.append(["p1", "Ana Reyes", "clinic", 1961.0, None])
p.append(["p2", "Tom Quill", None, 2001, "residents"])
t = wb.create_sheet("Ties")
t.append(["source", "target", "kind", "strength"])
t.append(["clinic", "school", "referral", 3.0])
t.append(["shop", "clinic", None, 1])
wb.save(sys.argv[1])
)";

}  // namespace

TEST_CASE("number cells read as the number they hold") {
  CHECK(number_cell_text("1961.0") == "1961");
  CHECK(number_cell_text("1961") == "1961");
  CHECK(number_cell_text("1.961E3") == "1961");
  CHECK(number_cell_text("0.5") == "0.5");
  CHECK(number_cell_text("0.30000000000000004") == "0.3");  // 15 digits, as a spreadsheet shows it
  CHECK(number_cell_text("-2") == "-2");
  CHECK(number_cell_text("") == "");
}

TEST_CASE("sheet names match like headers") {
  Workbook book;
  book.sheets.push_back({"issue_areas", {}, {}});
  book.sheets.push_back({" ORGANIZATIONS ", {}, {}});
  CHECK(book.find("Issue areas") == &book.sheets[0]);
  CHECK(book.find("Organizations") == &book.sheets[1]);
  CHECK(book.find("People") == nullptr);
}

TEST_CASE("our workbook reads back as the same community, for every sample") {
  TempFolder folder;
  for (const char* name : {"riverbend", "metro-region", "shared-backbone", "silos"}) {
    INFO(name);
    Community from_bundle = load_ok((kDatasets / name).string());
    const std::string book = folder.file(std::string(name) + ".xlsx");
    save_community(from_bundle, book);
    Community from_book = load_ok(book);
    CHECK(from_book.profile == from_bundle.profile);
    CHECK(from_book.organizations == from_bundle.organizations);
    CHECK(from_book.people == from_bundle.people);
    CHECK(from_book.ties == from_bundle.ties);
    CHECK(from_book.roles == from_bundle.roles);
  }
}

TEST_CASE("unknown columns and unknown profile keys survive the workbook") {
  TempFolder folder;
  write_bundle(folder, valid_bundle_files(),
               {{"community.json", R"({"name": "Test Hollow", "year": 2026, "contact": "Ann at the library",
                                       "issue_areas": [{"id": "education", "name": "Schools"}, {"id": "health"}]})"}});
  Community c = load_ok(folder.path());
  save_community(c, folder.file("hollow.xlsx"));
  Community back = load_ok(folder.file("hollow.xlsx"));
  CHECK(back.profile.extra["contact"] == "Ann at the library");
  CHECK_FALSE(back.profile.has_residents);
  CHECK(back.organizations.extra_columns() == std::vector<std::string>{"website"});
  CHECK(back.organizations[0].extra == ExtraCells{"clinic.example"});
  CHECK(back == c);
}

TEST_CASE("a workbook written by openpyxl reads as its cells say") {
  TempFolder folder;
  const std::string book = folder.file("flats.xlsx");
  run_python(folder, kOpenpyxlWriter, book);
  Community c = load_ok(book);
  CHECK(c.profile.name == "Openpyxl Flats");
  CHECK(c.profile.geography == Geography::small_urban);
  CHECK(c.profile.population == 4200);  // typed 4200.0
  CHECK(c.profile.year == 2026);
  CHECK(c.profile.required_sector_count == 2);
  CHECK(c.profile.sectors == std::vector<std::string>{"health", "education", "business", "residents"});
  CHECK(c.profile.has_residents);
  CHECK(c.profile.residents[size_t(Generation::gen_z)] == 1000);
  CHECK(c.profile.residents[size_t(Generation::boomers)] == 1200);
  CHECK(c.profile.residents[size_t(Generation::silent)] == 0);
  CHECK(c.profile.thresholds.generation_ratio_floor == 0.4);
  CHECK(c.profile.thresholds.min_per_required_sector == 2);
  REQUIRE(c.profile.issue_areas.size() == 1);
  CHECK(c.profile.issue_areas[0].outcomes == std::vector<std::string>{"fewer_er_visits", "flu_shots"});
  // The blank row between clinic and school is skipped.
  REQUIRE(c.organizations.size() == 3);
  CHECK(c.organizations[0].at_table);        // a TRUE boolean cell
  CHECK_FALSE(c.organizations[1].at_table);  // a FALSE boolean cell
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"budget"});
  CHECK(c.organizations[0].extra == ExtraCells{"120000"});
  CHECK(c.organizations[1].extra == ExtraCells{"0.25"});
  REQUIRE(c.people.size() == 2);
  CHECK(c.people[0].birth_year == 1961);  // typed 1961.0
  CHECK(c.people[0].generation == Generation::boomers);
  CHECK(c.sector_name(c.people[0].sector) == "health");
  CHECK(c.people[1].organization == kNoOrganization);
  REQUIRE(c.ties.size() == 2);
  CHECK(c.ties[0].strength == 3);  // typed 3.0
  CHECK(c.ties[0].kind == TieKind::referral);
}

TEST_CASE("openpyxl reads our workbook: numbers as numbers, header bold and frozen") {
  TempFolder folder;
  const std::string book = folder.file("riverbend.xlsx");
  save_community(load_ok((kDatasets / "riverbend").string()), book);
  const std::string out = run_python(folder, R"(
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
people = wb["People"]
header = [c.value for c in people[1]]
first = [c.value for c in people[2]]
community = {r[0].value: r[1].value for r in wb["Community"].iter_rows(min_row=2)}
print(json.dumps({"sheets": wb.sheetnames, "header": header, "first": first,
                  "bold": people["A1"].font.b, "freeze": people.freeze_panes,
                  "year_is_number": isinstance(first[header.index("birth_year")], (int, float)),
                  "population": community["Population"], "required": community["Required sectors"],
                  "organizations": wb["Organizations"].max_row}))
)",
                                     book);
  const auto j = nlohmann::json::parse(out);
  CHECK(j["sheets"] == nlohmann::json::array({"Community", "Issue areas", "Organizations", "People", "Ties", "Roles"}));
  CHECK(j["header"][0] == "id");
  CHECK(j["bold"] == true);
  CHECK(j["freeze"] == "A2");
  CHECK(j["year_is_number"] == true);
  CHECK(j["population"] == 7500);
  CHECK(j["required"] == "health; education; business; government; social_services; safety");
  // Riverbend has 24 organizations (datasets/riverbend/organizations.csv): a header and 24 rows.
  CHECK(j["organizations"] == 25);
}

TEST_CASE("problems in a workbook are located as BOOK.xlsx:SHEET:ROW") {
  TempFolder folder;
  const std::string book = folder.file("bad.xlsx");
  run_python(folder, R"(
import sys, openpyxl
wb = openpyxl.Workbook()
c = wb.active
c.title = "Community"
for row in [["Field", "Value"], ["Name", "Bad Flats"], ["Population", "lots"], ["Populaton", 5]]:
    c.append(row)
o = wb.create_sheet("Organizations")
o.append(["id", "name", "sector"])
o.append(["clinic", "Flats Clinic", "heath"])
o.append(["school", "Flats School", "education"])
t = wb.create_sheet("Ties")
t.append(["source", "target"])
t.append(["clinic", "school"])
t.append(["school", "nowhere"])
wb.save(sys.argv[1])
)",
             book);
  // The profile problems come first; the decoder checks the sheets only with a profile.
  auto lines = problem_lines(book);
  CHECK(has_line(lines, book + ":Community:4: 'Populaton' is not a field of the Community sheet (did you mean 'Population'?)"));

  run_python(folder, R"(
import sys, openpyxl
wb = openpyxl.Workbook()
c = wb.active
c.title = "Community"
for row in [["Field", "Value"], ["Name", "Bad Flats"], ["Population", "lots"]]:
    c.append(row)
o = wb.create_sheet("Organizations")
o.append(["id", "name", "sector"])
o.append(["clinic", "Flats Clinic", "health"])
wb.save(sys.argv[1])
)",
             book);
  lines = problem_lines(book);
  CHECK(has_line(lines, book + ":Community:3: \"population\" must be a whole number"));

  run_python(folder, R"(
import sys, openpyxl
wb = openpyxl.Workbook()
c = wb.active
c.title = "Community"
c.append(["Field", "Value"])
c.append(["Name", "Bad Flats"])
o = wb.create_sheet("Organizations")
o.append(["id", "name", "sector"])
o.append(["clinic", "Flats Clinic", "heath"])
o.append(["school", "Flats School", "education"])
t = wb.create_sheet("Ties")
t.append(["source", "target"])
t.append(["clinic", "school"])
t.append(["school", "nowhere"])
wb.save(sys.argv[1])
)",
             book);
  lines = problem_lines(book);
  CHECK(has_line(lines, book + ":Organizations:2: sector 'heath' is not declared in the Community sheet (did you mean 'health'?)"));
  CHECK(has_line(lines, book + ":Ties:3: tie target 'nowhere' is not an organization in the Organizations sheet"));
}

TEST_CASE("a sheet is at most Excel's 16,384 columns, A to XFD, and the problem says so") {
  TempFolder folder;
  const std::string book = folder.file("wide.xlsx");
  // A cell in column `column` (1-based: 16,384 is XFD) of the Organizations sheet's second row.
  const char* kWideSheet = R"(
import sys, openpyxl
wb = openpyxl.Workbook()
c = wb.active
c.title = "Community"
for row in [["Field", "Value"], ["Name", "Wide Flats"], ["Required sectors", "health"]]:
    c.append(row)
o = wb.create_sheet("Organizations")
o.append(["id", "name", "sector"])
o.append(["clinic", "Flats Clinic", "health"])
o.cell(row=2, column=int(sys.argv[2]), value="far")
wb.save(sys.argv[1])
)";
  // XFD, the last column, is read: the header has no name there, so it is kept as an unnamed column.
  run_python(folder, kWideSheet, book + " 16384");
  Community c = load_ok(book);
  REQUIRE(c.organizations.extra_columns().size() == 16381);
  CHECK(c.organizations.extra_columns().back() == "column_16384");
  CHECK(c.organizations[0].extra.back() == "far");

  // XFE, one past it, is the one problem of the sheet, naming the limit.
  run_python(folder, kWideSheet, book + " 16385");
  auto lines = problem_lines(book);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == book + ":Organizations:2: the cell XFE2 is beyond column XFD: a sheet holds at most 16,384 "
                           "columns (A to XFD), as an Excel sheet does; move what is past XFD into columns A to XFD");

  // A reference far past it (its column number overflowed an int) is the same problem, shortened.
  run_python(folder, R"(
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
out = zipfile.ZipFile(sys.argv[2], "w")
for item in src.infolist():
    data = src.read(item.filename)
    if item.filename == "xl/worksheets/sheet2.xml":
        data = data.replace(b'r="XFE2"', b'r="' + b"Z" * 40 + b'2"')
    out.writestr(item, data)
out.close()
)",
             book + " " + folder.file("far.xlsx"));
  lines = problem_lines(folder.file("far.xlsx"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == folder.file("far.xlsx") + ":Organizations:2: the cell " + std::string(20, 'Z') +
                        " is beyond column XFD: a sheet holds at most 16,384 columns (A to XFD), as an Excel sheet "
                        "does; move what is past XFD into columns A to XFD");
}

TEST_CASE("a community wider than 16,384 columns is not written as a workbook, and the error says why") {
  TempFolder folder;
  // The Organizations sheet: its 9 columns and 16,375 more make 16,384, as many as a sheet holds.
  std::string organizations = valid_bundle_files()["organizations.csv"];
  std::string more;
  for (int c = 1; c <= 16375; ++c) more += ",note_" + std::to_string(c);
  organizations.insert(organizations.find('\n'), more);
  write_bundle(folder, valid_bundle_files(), {{"organizations.csv", organizations}});
  const Community fits = load_ok(folder.path());
  REQUIRE(workbook_sheets(fits)[2].name == "Organizations");
  REQUIRE(workbook_sheets(fits)[2].header.size() == 16384);
  save_workbook(fits, folder.file("fits.xlsx"));
  CHECK(load_ok(folder.file("fits.xlsx")).organizations.extra_columns().back() == "note_16375");

  organizations.insert(organizations.find('\n'), ",note_16376");
  write_bundle(folder, valid_bundle_files(), {{"organizations.csv", organizations}});
  const Community wide = load_ok(folder.path());
  try {
    save_workbook(wide, folder.file("wide.xlsx"));
    FAIL("a sheet of 16,385 columns was written");
  } catch (const SaveError& e) {
    CHECK(std::string(e.what()) == "cannot write " + folder.file("wide.xlsx") +
                                       ": the Organizations sheet would have 16,385 columns, but a sheet holds at "
                                       "most 16,384 columns (A to XFD), as an Excel sheet does; keep this community "
                                       "as a bundle folder of CSV files or a .tablemap file");
  }
  CHECK_FALSE(fs::exists(folder.file("wide.xlsx")));
}

TEST_CASE("a file that is not a workbook says what to do") {
  TempFolder folder;
  folder.write("partners.xlsx", "id,name,sector\nclinic,Clinic,health\n");
  auto lines = problem_lines(folder.file("partners.xlsx"));
  REQUIRE(lines.size() == 1);
  CHECK(has_line(lines, "partners.xlsx: not a workbook (.xlsx): it is not a zip archive"));
  CHECK(has_line(lines, "save or download it as \"Excel Workbook (.xlsx)\""));

  folder.write("old.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  CHECK(has_line(problem_lines(folder.file("old.xlsx")), "it is an Excel 97-2003 file (.xls) or a workbook protected by a password"));

  CHECK(has_line(problem_lines(folder.file("missing.xlsx")), "missing.xlsx: no such file"));

  // A workbook without the sheets of a community names the sheets it has.
  run_python(folder, "import sys, openpyxl\nwb = openpyxl.Workbook()\nwb.active.title = 'Organisations'\nwb.save(sys.argv[1])\n",
             folder.file("wrong.xlsx"));
  lines = problem_lines(folder.file("wrong.xlsx"));
  CHECK(has_line(lines, "wrong.xlsx: the workbook has no Organizations sheet (did you mean 'Organisations'?); its sheets are: Organisations"));
  CHECK(has_line(lines, "wrong.xlsx: the workbook has no Community sheet"));
}

TEST_CASE("a workbook converts to and from every other form") {
  // bundle -> .xlsx -> .json -> .xlsx -> .tablemap -> .xlsx -> bundle: the same community at every step.
  TempFolder folder;
  const Community original = load_ok((kDatasets / "shared-backbone").string());
  const std::vector<std::string> steps = {"a.xlsx", "b.json", "c.xlsx", "d.tablemap", "e.xlsx", "f"};
  Community current = original;
  for (const auto& step : steps) {
    INFO(step);
    save_community(current, folder.file(step));
    current = load_ok(folder.file(step));
    CHECK(current == original);
  }
}
