// `tablemap survey form`: the workbook partners fill in, read by another
// program (python3-openpyxl) for its sheets, columns and drop-downs, then
// filled by that program with the Harbor answers
// (tests/data/survey/harbor/README.md) and read back by survey report and
// survey import, as one workbook and as a folder of the copies partners
// send back.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/bundle_fixture.hpp"
#include "support/cli_run.hpp"
#include "support/python_run.hpp"

using namespace tablemap::testing;

namespace {

const std::string kHarbor = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/survey/harbor";
const std::string kAskFour = " --ask harbor-clinic harbor-schools \"Harbor Chamber of Commerce\" harbor-city";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Fills the sheets of a form with the Harbor answers of the README, as a
// partner would in Excel: numbers for ratings, words from the drop-downs.
// Args: FORM OUT [ORG]: with ORG, only that organization's sheet is filled.
// The schools leave Answered blank (what they filled in says they answered);
// the city fills in nothing.
const char* kFill = R"PY(
import sys, openpyxl
form, out = sys.argv[1], sys.argv[2]
only = sys.argv[3] if len(sys.argv) > 3 else None
answers = {
  "harbor-clinic": ("yes", ["funding", "data"], "funding",
      {"harbor-schools": ["coordination", "weekly", "data_sharing", 4, 3, 4, 2, 3, 4],
       "harbor-chamber": ["awareness"]}),
  "harbor-schools": (None, ["expertise", "data"], "data",
      {"harbor-clinic": ["cooperation", "monthly", "information", 2, 3, None, 4, None, 2],
       "harbor-pantry": ["cooperation", None, None, None, 4]}),
  "harbor-chamber": ("yes", ["volunteers"], "volunteers",
      {"harbor-city": ["integration", None, None, 3]}),
}
wb = openpyxl.load_workbook(form)
for ws in wb.worksheets:
    rows = list(ws.iter_rows())
    top = {r[0].value: r for r in rows if r[0].value}
    if "Organization id" not in top:
        continue
    org = top["Organization id"][1].value
    if org not in answers or (only and org != only):
        continue
    answered, contributes, most, partners = answers[org]
    if answered:
        top["Answered"][1].value = answered
    words = top["What you contribute"]
    below = rows[words[0].row]  # the row under the words (rows are 1-based)
    for cell in words[1:]:
        if cell.value in contributes:
            below[cell.column - 1].value = "yes"
    top["Most important contribution"][1].value = most
    header = next(r for r in rows if r[0].value == "partner")
    column = {c.value: c.column for c in header}
    for r in rows[header[0].row:]:
        values = partners.get(r[column["partner_id"] - 1].value)
        for name, value in zip(["intensity", "frequency", "kind", "reliability", "mission", "openness",
                                "power", "resources", "involvement"], values or []):
            ws.cell(row=r[0].row, column=column[name]).value = value
wb.save(out)
)PY";

}  // namespace

TEST_CASE("survey form: a sheet per organization asked, every other listed, answers as drop-downs", "[survey]") {
  TempFolder dir;
  CliRun r = run_cli("survey form " + kHarbor + " " + dir.file("form.xlsx"), true);
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("wrote " + dir.file("form.xlsx") + ": an Instructions sheet and a sheet for each of the 5 "
                    "organizations asked, each listing the 4 others.\n", 0) == 0);
  const std::string out = run_python(dir, R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets:", "|".join(wb.sheetnames))
ws = wb["Harbor Health Clinic"]
print("top:", ws["A1"].value, "=", ws["B1"].value, "/", ws["A2"].value, "=", ws["B2"].value)
print("header:", ",".join(str(c.value) for c in ws[9] if c.value))
print("partners:", ",".join(ws.cell(row=r, column=1).value + "=" + ws.cell(row=r, column=2).value for r in range(10, ws.max_row + 1)))
print("contributes:", ",".join(str(c.value) for c in ws[4][1:13]))
for v in sorted(ws.data_validations.dataValidation, key=lambda v: str(v.sqref)):
    print("validation:", v.sqref, v.type, v.formula1)
text = " ".join(str(r[0].value) for r in wb["Instructions"].iter_rows() if r[0].value)
print("instructions mention:", all(w in text for w in ["awareness", "cooperation", "coordination", "integration",
      "1 (not at all) to 4 (a great deal)", "survey import"]))
)PY", dir.file("form.xlsx"));
  CHECK(out.find("sheets: Instructions|Harbor Health Clinic|Harbor Unified Schools|Harbor Chamber of Commerce|"
                 "City of Harbor|Harbor Food Pantry\n") != std::string::npos);
  CHECK(out.find("top: Answers of = Harbor Health Clinic / Organization id = harbor-clinic\n") != std::string::npos);
  CHECK(out.find("header: partner,partner_id,intensity,frequency,kind,reliability,mission,openness,power,resources,"
                 "involvement\n") != std::string::npos);
  // Every other organization, by name with its id; the clinic itself is not listed.
  CHECK(out.find("partners: Harbor Unified Schools=harbor-schools,Harbor Chamber of Commerce=harbor-chamber,"
                 "City of Harbor=harbor-city,Harbor Food Pantry=harbor-pantry\n") != std::string::npos);
  CHECK(out.find("contributes: funding,in_kind,paid_staff,volunteers,data,info_feedback,expertise,"
                 "community_connections,fiscal_management,facilitation,advocacy,it_web\n") != std::string::npos);
  // The partners are rows 10-13; each question column has its list.
  CHECK(out.find("validation: B3 list \"yes,no\"\n") != std::string::npos);
  CHECK(out.find("validation: B5:M5 list \"yes,no\"\n") != std::string::npos);
  CHECK(out.find("validation: B6 list \"funding,in_kind,paid_staff,volunteers,data,info_feedback,expertise,"
                 "community_connections,fiscal_management,facilitation,advocacy,it_web\"\n") != std::string::npos);
  CHECK(out.find("validation: C10:C13 list \"awareness,cooperation,coordination,integration\"\n") != std::string::npos);
  CHECK(out.find("validation: D10:D13 list \"yearly,quarterly,monthly,weekly,daily\"\n") != std::string::npos);
  CHECK(out.find("validation: E10:E13 list \"information,resources,joint_programming,data_sharing,referral,"
                 "formal_agreement\"\n") != std::string::npos);
  for (const char* column : {"F", "G", "H", "I", "J", "K"})
    CHECK(out.find(std::string("validation: ") + column + "10:" + column + "13 list \"1,2,3,4\"\n") != std::string::npos);
  CHECK(out.find("instructions mention: True\n") != std::string::npos);
}

TEST_CASE("survey form --ask names the organizations asked, every other is still listed", "[survey]") {
  TempFolder dir;
  CliRun r = run_cli("survey form " + kHarbor + " " + dir.file("form.xlsx") + kAskFour, true);
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Asked: Harbor Health Clinic, Harbor Unified Schools, Harbor Chamber of Commerce, City of Harbor.\n") !=
        std::string::npos);
  const std::string out = run_python(dir, R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets:", "|".join(wb.sheetnames))
print("rows of the city:", wb["City of Harbor"].max_row - 9)
)PY", dir.file("form.xlsx"));
  CHECK(out.find("sheets: Instructions|Harbor Health Clinic|Harbor Unified Schools|Harbor Chamber of Commerce|"
                 "City of Harbor\n") != std::string::npos);
  CHECK(out.find("rows of the city: 4\n") != std::string::npos);

  CliRun unknown = run_cli("survey form " + kHarbor + " " + dir.file("x.xlsx") + " --ask harbor-clinc", true);
  CHECK(unknown.code == 2);
  CHECK(unknown.out.find("tablemap: --ask: no organization with the id or name 'harbor-clinc' (did you mean "
                         "'harbor-clinic'?)") != std::string::npos);
  CHECK(run_cli("survey form " + kHarbor + " " + dir.file("x.csv"), true).code != 0);
}

TEST_CASE("a form filled in another program imports the ties worked out by hand", "[survey]") {
  TempFolder dir;
  REQUIRE(run_cli("survey form " + kHarbor + " " + dir.file("form.xlsx") + kAskFour, false).code == 0);
  run_python(dir, kFill, dir.file("form.xlsx") + " " + dir.file("filled.xlsx"));

  // The report: what the hand-worked README says (3 of 4 answered, the city did not).
  CliRun report = run_cli("survey report --json " + dir.file("filled.xlsx") + " " + kHarbor, true);
  INFO(report.out);
  REQUIRE(report.code == 0);
  nlohmann::json j = nlohmann::json::parse(report.out);
  CHECK(j["response_rate"] == 0.75);
  REQUIRE(j["non_respondents"].size() == 1);
  CHECK(j["non_respondents"][0]["name"] == "City of Harbor");
  CHECK(j["network"]["ties"] == 4);
  CHECK(j["network"]["mutual_ties"] == 1);
  CHECK(j["network"]["trust"].get<double>() == Approx(23.0 / 7));
  CHECK(j["network"]["value"] == 3.0);
  CHECK(j["organizations"][0]["trust"] == 2.5);  // the clinic, from the schools' 2 and 3
  // The same report as the CSV survey the README works out.
  CliRun folder = run_cli("survey report --json " + kHarbor + "/survey " + kHarbor, true);
  CHECK(report.out == folder.out);

  // The import: the README's rows, A-B confirmed at intensity (3+2)/2 = 2.5, trust 3.33, value 3.
  REQUIRE(run_cli("survey import " + dir.file("filled.xlsx") + " " + kHarbor + " " + dir.file("from-form"), false).code == 0);
  REQUIRE(run_cli("survey import " + kHarbor + "/survey " + kHarbor + " " + dir.file("from-csv"), false).code == 0);
  const std::string ties = read_text(dir.file("from-form/ties.csv"));
  CHECK(ties == read_text(dir.file("from-csv/ties.csv")));
  CHECK(ties.find("harbor-clinic,harbor-schools,data_sharing,1,") != std::string::npos);
  CHECK(ties.find(",yes,2.5,monthly,3.33,3,3,2,3.67,2.5,3,3\n") != std::string::npos);
  CHECK(ties.find("harbor-chamber,harbor-city,") != std::string::npos);
}

TEST_CASE("a folder of the copies partners send back reads as one survey", "[survey]") {
  TempFolder dir;
  REQUIRE(run_cli("survey form " + kHarbor + " " + dir.file("form.xlsx") + kAskFour, false).code == 0);
  std::filesystem::create_directory(dir.file("back"));
  // Each organization sends back its own copy, with only its sheet filled; the city sends nothing.
  for (const char* org : {"harbor-clinic", "harbor-schools", "harbor-chamber"})
    run_python(dir, kFill, dir.file("form.xlsx") + " " + dir.file(std::string("back/") + org + ".xlsx") + " " + org);
  CliRun folder = run_cli("survey report --json " + dir.file("back") + " " + kHarbor, true);
  INFO(folder.out);
  REQUIRE(folder.code == 0);
  CHECK(folder.out == run_cli("survey report --json " + kHarbor + "/survey " + kHarbor, true).out);

  // The clinic's answers twice (its copy and a full one) is a problem naming both.
  run_python(dir, kFill, dir.file("form.xlsx") + " " + dir.file("back/all.xlsx"));
  CliRun twice = run_cli("survey report " + dir.file("back") + " " + kHarbor, true);
  CHECK(twice.code == 1);
  CHECK(twice.out.find(dir.file("back/harbor-chamber.xlsx") + ":Harbor Chamber of Commerce:2: Harbor Chamber of "
                       "Commerce is answered here and in " + dir.file("back/all.xlsx") +
                       ":Harbor Chamber of Commerce as well; keep the answers that are right and clear the other sheet") !=
        std::string::npos);
}

TEST_CASE("a problem in a filled form names the workbook, the sheet and the row, in a lead's words", "[survey]") {
  TempFolder dir;
  REQUIRE(run_cli("survey form " + kHarbor + " " + dir.file("form.xlsx") + kAskFour, false).code == 0);
  run_python(dir, R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Harbor Health Clinic"]
ws["B3"] = "no"      # says it did not answer...
ws["F10"] = 3        # ...but rates the schools, without saying how closely they work
ws["C11"] = "often"  # not a step of the ladder
c = wb["City of Harbor"]
c["B2"] = "harbor-citty"
wb.save(sys.argv[2])
)PY", dir.file("form.xlsx") + " " + dir.file("bad.xlsx"));
  CliRun r = run_cli("survey report " + dir.file("bad.xlsx") + " " + kHarbor, true);
  INFO(r.out);
  CHECK(r.code == 1);
  const std::string book = dir.file("bad.xlsx");
  CHECK(r.out.find(book + ":Harbor Health Clinic:3: Answered says no, but the sheet holds answers: choose yes if they "
                   "are Harbor Health Clinic's answers, or clear them") != std::string::npos);
  CHECK(r.out.find(book + ":Harbor Health Clinic:10: 'Harbor Health Clinic' rates 'Harbor Unified Schools' but does not "
                   "say how closely they work: fill in intensity (1 awareness, 2 cooperation, 3 coordination, 4 "
                   "integration) or clear the row") != std::string::npos);
  CHECK(r.out.find(book + ":Harbor Health Clinic:11: intensity 'often' is not one of 1 awareness, 2 cooperation, 3 "
                   "coordination, 4 integration") != std::string::npos);
  CHECK(r.out.find(book + ":City of Harbor:2: organization id 'harbor-citty' is not one of the "
                   "community's organizations (did you mean 'harbor-city'?); write back the id the form had") != std::string::npos);
}
