// tablemap report as a lead uses it, opened in real headless Chromium (the
// Debian package, installed by scripts/install-deps.sh for the tests):
// printed to PDF, turned into text (pdftotext) and PNG pages (pdftoppm),
// and checked for what a reader sees. What the samples hold comes from
// their READMEs (datasets/*/README.md) and `tablemap gaps`:
//   riverbend: business and safety, two key sectors, have no seat; 24 organizations.
//   metro-region: several organizations claim the education backbone; 177 organizations.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/cli_run.hpp"

using tablemap::testing::run_cli;
namespace fs = std::filesystem;

namespace {

const std::string kSource = TABLEMAP_SOURCE_DIR;

struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& tag) {
    dir = fs::temp_directory_path() / ("tablemap-report-" + tag + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Chromium as the tests run it: root needs --no-sandbox, a profile of its own
// so parallel tests do not share one, and a timeout so a hung browser fails
// the test instead of the CI job.
std::string chromium(const Scratch& s) {
  return "timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=" +
         s / "profile" + " ";
}

bool have(const char* program) { return std::system((std::string("command -v ") + program + " >/dev/null 2>&1").c_str()) == 0; }

// Prints `html` to `pdf` through Chromium; returns pdfinfo's page count.
int print(const Scratch& s, const std::string& html, const std::string& pdf) {
  const std::string cmd = chromium(s) + "--no-pdf-header-footer --print-to-pdf=" + pdf + " file://" + html +
                          " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  REQUIRE(fs::exists(pdf));
  REQUIRE(std::system(("pdfinfo " + pdf + " > " + pdf + ".info").c_str()) == 0);
  std::smatch m;
  const std::string info = read(pdf + ".info");
  REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
  return std::stoi(m[1]);
}

std::string page_text(const std::string& pdf, int first, int last) {
  const std::string out = pdf + ".txt";
  REQUIRE(std::system(("pdftotext -f " + std::to_string(first) + " -l " + std::to_string(last) + " " + pdf + " " +
                       out)
                          .c_str()) == 0);
  return read(out);
}

// Text with line breaks and runs of spaces as one space, as a reader sees it.
std::string flat(std::string t) {
  t = std::regex_replace(t, std::regex("[\\s\\f]+"), " ");
  return t;
}

// The same HTML forced onto one paper size.
std::string on_paper(const Scratch& s, const std::string& html, const std::string& size) {
  std::string text = read(html);
  text.insert(text.find("</head>"), "<style>@page { size: " + size + "; }</style>");
  const std::string path = s / ("report-" + size + ".html");
  std::ofstream(path) << text;
  return path;
}

std::vector<std::string> organization_names(const std::string& dataset) {
  // organizations.csv of the samples: id,name,... with no quoted names.
  std::vector<std::string> names;
  std::ifstream in(kSource + "/datasets/" + dataset + "/organizations.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const size_t a = line.find(','), b = line.find(',', a + 1);
    names.push_back(line.substr(a + 1, b - a - 1));
  }
  return names;
}

std::string html_text(std::string s) {
  for (auto [from, to] : {std::pair<const char*, const char*>{"&amp;", "&"}, {"&apos;", "'"}, {"&quot;", "\""}})
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, std::strlen(from), to);
  return s;
}

}  // namespace

TEST_CASE("report: riverbend in Chromium, page 1 names the missing sectors and the next steps", "[report][chromium]") {
  if (!have("chromium") || !have("pdftotext")) FAIL("chromium and poppler-utils are test dependencies (scripts/install-deps.sh)");
  Scratch s("riverbend");
  const std::string html = s / "riverbend.html";
  auto r = run_cli("report " + kSource + "/datasets/riverbend -o " + html, true);
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("wrote " + html) != std::string::npos);

  for (const std::string& size : {std::string("letter"), std::string("A4")}) {
    INFO("paper " << size);
    const std::string pdf = s / ("riverbend-" + size + ".pdf");
    const int pages = print(s, on_paper(s, html, size), pdf);
    CHECK(pages >= 4);   // summary, the table, roles, structure
    CHECK(pages <= 10);
    const std::string page1 = flat(page_text(pdf, 1, 1));
    INFO("page 1: " << page1);
    CHECK(page1.find("Riverbend County") != std::string::npos);
    CHECK(page1.find("Missing from the table: business and safety") != std::string::npos);
    CHECK(page1.find("Recommended next steps") != std::string::npos);
    CHECK(page1.find("Invite ") != std::string::npos);
    CHECK(page1.find("business (key)") != std::string::npos);  // the seat chart's rows
    CHECK(page1.find("safety (key)") != std::string::npos);
    CHECK(page1.find("The table ") == std::string::npos);      // the summary is one page of its own
    const std::string page2 = flat(page_text(pdf, 2, 2));
    CHECK(page2.find("The table") != std::string::npos);
  }

  // Every organization is named in what a reader sees; no id is shown instead.
  const std::string pdf = s / "riverbend-letter.pdf";
  const std::string all = flat(page_text(pdf, 1, 100));
  const std::string page_html = html_text(read(html));
  for (const std::string& name : organization_names("riverbend")) {
    INFO(name);
    CHECK(page_html.find(name) != std::string::npos);
  }
  CHECK(all.find("rb-") == std::string::npos);
  CHECK(page_html.find("rb-") == std::string::npos);

  // Page pictures for a person to look at (kept when TABLEMAP_KEEP_PAGES names a folder).
  REQUIRE(std::system(("pdftoppm -r 60 -png " + pdf + " " + s / "page").c_str()) == 0);
  CHECK(fs::exists(s / "page-1.png"));
  if (const char* keep = std::getenv("TABLEMAP_KEEP_PAGES"))
    for (auto& e : fs::directory_iterator(s.dir))
      if (e.path().extension() == ".png" || e.path().extension() == ".pdf")
        fs::copy_file(e.path(), fs::path(keep) / ("riverbend-" + e.path().filename().string()),
                      fs::copy_options::overwrite_existing);
}

TEST_CASE("report: metro-region with profiles, one page per organization, and a screenshot", "[report][chromium]") {
  if (!have("chromium") || !have("pdftotext")) FAIL("chromium and poppler-utils are test dependencies (scripts/install-deps.sh)");
  Scratch s("metro");
  const std::string html = s / "metro.html";
  auto r = run_cli("report " + kSource + "/datasets/metro-region -o " + html + " --profiles", true);
  INFO(r.out);
  REQUIRE(r.code == 0);
  const auto names = organization_names("metro-region");
  const int pages = print(s, html, s / "metro.pdf");
  CHECK(pages >= int(names.size()) + 4);
  const std::string all = flat(page_text(s / "metro.pdf", 1, 10000));
  CHECK(all.find("Overlapping backbones") != std::string::npos);
  CHECK(all.find("contested") != std::string::npos);
  const std::string page_html = html_text(read(html));
  for (const std::string& name : names) {
    INFO(name);
    CHECK(page_html.find(name) != std::string::npos);
  }
  REQUIRE(std::system((chromium(s) + "--window-size=1280,2400 --screenshot=" + s / "metro.png" + " file://" + html +
                       " >/dev/null 2>&1")
                          .c_str()) == 0);
  CHECK(fs::file_size(s / "metro.png") > 20000);
  if (const char* keep = std::getenv("TABLEMAP_KEEP_PAGES")) {
    REQUIRE(std::system(("pdftoppm -r 60 -l 6 -png " + s / "metro.pdf" + " " + keep + "/metro-page").c_str()) == 0);
    fs::copy_file(s / "metro.png", fs::path(keep) / "metro-screen.png", fs::copy_options::overwrite_existing);
  }
}

TEST_CASE("report --pdf prints through Chromium", "[report][chromium]") {
  if (!have("chromium")) FAIL("chromium is a test dependency (scripts/install-deps.sh)");
  Scratch s("pdf");
  auto r = run_cli("report " + kSource + "/datasets/shared-backbone -o " + s / "r.html" + " --pdf " + s / "r.pdf", true);
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.find("wrote " + s / "r.pdf") != std::string::npos);
  CHECK(read(s / "r.pdf").rfind("%PDF", 0) == 0);
}

TEST_CASE("report --pdf without Chromium says how to get a PDF", "[report]") {
  Scratch s("nochrome");
  // Run with a PATH where no browser is found.
  const std::string cmd = std::string("PATH=/nonexistent ") + TABLEMAP_BINARY + " report " + kSource +
                          "/datasets/silos -o " + s / "r3.html" + " --pdf " + s / "r3.pdf" + " > " + s / "out.txt" +
                          " 2>&1";
  const int status = std::system(cmd.c_str());
  const std::string out = read(s / "out.txt");
  INFO(out);
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(fs::exists(s / "r3.html"));
  CHECK(out.find("no PDF written") != std::string::npos);
  CHECK(out.find("apt-get install chromium") != std::string::npos);
  CHECK(out.find("Print > Save as PDF") != std::string::npos);
}

namespace {

std::vector<std::string> column(const std::string& csv, size_t index) {
  std::vector<std::string> out;
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
    if (index < cells.size()) out.push_back(cells[index]);
  }
  return out;
}

// Every file under `path` (a file or a folder), concatenated.
std::string everything(const fs::path& path) {
  if (fs::is_regular_file(path)) return read(path.string());
  std::string all;
  for (auto& e : fs::recursive_directory_iterator(path))
    if (e.is_regular_file()) all += read(e.path().string());
  return all;
}

}  // namespace

TEST_CASE("Pseudonymized output: no original name survives in any output form", "[report][privacy]") {
  Scratch s("privacy");
  const std::string in = kSource + "/datasets/riverbend";
  const auto people = column(in + "/people.csv", 1);       // names
  const auto person_ids = column(in + "/people.csv", 0);
  const auto orgs = column(in + "/organizations.csv", 1);
  const auto org_ids = column(in + "/organizations.csv", 0);
  const auto notes = column(in + "/organizations.csv", 9);  // "only clinic within 40 miles" and the like
  REQUIRE(people.size() == 18);
  REQUIRE(orgs.size() == 24);
  const std::vector<std::string> outputs = {"r.html", "r.json", "r.tablemap", "folder", "r.graphml",
                                            "r.gexf", "r.dot",  "r.kumu.json"};
  for (const std::string level : {"people", "all"}) {
    INFO("--pseudonymize " << level);
    for (const std::string& out : outputs) {
      INFO(out);
      const std::string target = s / (level + "-" + out);
      const std::string command = out == "r.html" ? "report " + in + " --profiles -o " + target
                                                  : "convert " + in + " " + target;
      auto r = run_cli(command + " --pseudonymize " + level, true);
      INFO(r.out);
      REQUIRE(r.code == 0);
      CHECK(r.out.find("pseudonyms:") != std::string::npos);
      const std::string text = everything(target);
      REQUIRE(!text.empty());
      for (const std::string& name : people) CHECK(text.find(name) == std::string::npos);
      for (const std::string& id : person_ids) CHECK(text.find(id) == std::string::npos);
      for (const std::string& note : notes)
        if (!note.empty()) CHECK(text.find(note) == std::string::npos);
      for (const std::string& name : orgs) {
        INFO(name);
        if (std::string(level) == "all") CHECK(text.find(name) == std::string::npos);
      }
      if (std::string(level) == "all")
        for (const std::string& id : org_ids) CHECK(text.find(id) == std::string::npos);
    }
  }
  // Stable: the same person gets the same pseudonym in two runs.
  auto a = run_cli("convert " + in + " " + s / "a.json --pseudonymize", true);
  auto b = run_cli("convert " + in + " " + s / "b.json --pseudonymize", true);
  REQUIRE(a.code == 0);
  REQUIRE(b.code == 0);
  CHECK(read(s / "a.json") == read(s / "b.json"));
  CHECK(read(s / "a.json").find("Person ") != std::string::npos);
}

TEST_CASE("report of a project file with several years: what changed since the year before", "[report][years]") {
  // Harbor Point, three bundles into one file (datasets/harbor-point/README.md):
  // 2025 -> 2026 the table goes from 8 to 11 organizations and 8 to 12
  // people; safety gains its first seat; cross-sector ties 18 -> 29.
  Scratch s("years");
  const std::string file = s / "harbor.tablemap";
  for (const char* year : {"2024", "2025", "2026"})
    REQUIRE(run_cli("convert " + kSource + "/datasets/harbor-point/" + year + " " + file, false).code == 0);
  REQUIRE(run_cli("report " + file + " -o " + s / "latest.html", false).code == 0);
  const std::string latest = read(s / "latest.html");
  CHECK(latest.find("<h2>Change since 2025</h2>") != std::string::npos);
  CHECK(latest.find("The table went from 8 to 11 organizations (3 joined, 0 left) and from 8 to 12 people.") !=
        std::string::npos);
  CHECK(latest.find("<tr><td>Seats for safety</td><td class=\"num\">0</td><td class=\"num\">1</td></tr>") !=
        std::string::npos);
  CHECK(latest.find("<tr><td>Ties across sectors</td><td class=\"num\">18</td><td class=\"num\">29</td></tr>") !=
        std::string::npos);
  CHECK(latest.find("Joined the table: Harbor County Public Health, Harbor Point Police and Harbor Youth Network.") !=
        std::string::npos);
  // A named year compares with the one before it; the first year has none.
  REQUIRE(run_cli("report " + file + "@2025 -o " + s / "middle.html", false).code == 0);
  CHECK(read(s / "middle.html").find("<h2>Change since 2024</h2>") != std::string::npos);
  REQUIRE(run_cli("report " + file + "@2024 -o " + s / "first.html", false).code == 0);
  CHECK(read(s / "first.html").find("id=\"change\"") == std::string::npos);
  // A bundle has one year: no section either.
  REQUIRE(run_cli("report " + kSource + "/datasets/harbor-point/2026 -o " + s / "bundle.html", false).code == 0);
  CHECK(read(s / "bundle.html").find("id=\"change\"") == std::string::npos);
}
