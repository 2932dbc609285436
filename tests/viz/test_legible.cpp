// A map a lead reads at a glance (issue 14), checked in the real window under
// Xvfb at 1280x800 and 1400x900:
// - nothing is cut: print-clipped lists every window whose content runs past
//   its right edge without a scroll bar and every table cell wider than its
//   column (text cut with "..." and a tooltip is allowed and counted apart);
// - the legend describes the current coloring (print-legend against
//   print-node and print-structure);
// - every candidate marked for a missing required sector has its name on the
//   map (print-marks), and competing backbones are marked as such;
// - the selection stays on the same organization through a delete and an
//   undo.
//
// Data: tests/data/viz/long-names (Northfield Valley: 24 organizations with
// names of 40 to 62 characters, twelve sectors; business and safety have no
// seat; the Alliance, the Community Foundation and the United Way each claim
// the whole education backbone, see its community.json), the samples in
// datasets/, and tests/data/viz/panels (Millbrook, hand-computed in its
// community.json).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "support/map_window.hpp"

using nlohmann::json;
using namespace tablemap::testing;

namespace {

const std::string kSource = TABLEMAP_SOURCE_DIR;
const std::string kLongNames = kSource + "/tests/data/viz/long-names";
const std::string kPanels = kSource + "/tests/data/viz/panels";
const char* kTabs[] = {"inspector", "gaps", "table", "roles", "structure", "what-if", "change", "edit"};

// Every panel, with an organization selected so that the Inspector and the
// Edit forms have something to show.
std::string every_panel_script(const std::string& select) {
  std::string text = "select " + select + "\n";
  for (const char* tab : kTabs) text += std::string("tab ") + tab + "\nwait 3\nprint-clipped\n";
  return text;
}

void check_nothing_cut(const std::string& data, const std::string& select, const std::string& size) {
  INFO(data << " at " << size);
  MapRun r = run_map(scratch_copy(data, "clip") + " --replay " + script("clip.txt", every_panel_script(select)), size);
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == std::size(kTabs));
  for (size_t k = 0; k < r.lines.size(); ++k) {
    INFO("panel " << kTabs[k] << ": " << r.lines[k].dump());
    CHECK(r.lines[k]["windows"].empty());
    CHECK(r.lines[k]["cells"].empty());
    // Only a wide table scrolls sideways, in a child window of its own; the
    // panel itself never does (its wrapped text would follow the wider width).
    for (const auto& scroll : r.lines[k]["scrolls"]) {
      const std::string window = scroll["window"];
      CHECK(window.find('/', window.find("##panel_")) != std::string::npos);
    }
    CHECK(r.lines[k]["fitted"].get<int>() > 0);  // the audit did see the panel's text
  }
}

}  // namespace

TEST_CASE("long names and twelve sectors: no panel cuts text at 1280x800") {
  REQUIRE_XVFB();
  check_nothing_cut(kLongNames, "ln-alliance", "1280x800");
}

TEST_CASE("long names and twelve sectors: no panel cuts text at 1400x900") {
  REQUIRE_XVFB();
  check_nothing_cut(kLongNames, "ln-alliance", "1400x900");
}

TEST_CASE("metro-region: no panel cuts text at 1280x800", "[map]") {
  REQUIRE_XVFB();
  check_nothing_cut(kSource + "/datasets/metro-region", "hv-ed-compact", "1280x800");
}

TEST_CASE("riverbend: no panel cuts text at 1400x900") {
  REQUIRE_XVFB();
  check_nothing_cut(kSource + "/datasets/riverbend", "rb-bank", "1400x900");
}

TEST_CASE("the candidates for every missing required sector are named on the map") {
  REQUIRE_XVFB();
  for (const std::string size : {"1280x800", "1400x900"}) {
    INFO(size);
    MapRun r = run_map(scratch_copy(kLongNames, "marks") + " --replay " + script("marks.txt", "wait 2\nprint-marks\n"),
                       size);
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(r.lines.size() == 1);
    const json& m = r.lines[0];
    INFO(m.dump());
    // business and safety have no organization at the table (community.json).
    CHECK(m["no_seat"] == json::array({"business", "safety"}));
    std::set<std::string> sectors;
    for (const json& c : m["candidates"]) {
      INFO(c.dump());
      CHECK(c["labelled"] == true);
      sectors.insert(c["sector"].get<std::string>());
    }
    CHECK(sectors == std::set<std::string>{"business", "safety"});
    // Three candidates for business (its three organizations), two for safety.
    CHECK(m["candidates"].size() == 5);
    // The three whole-role claims on education compete; the agreed health
    // backbone is marked agreed.
    CHECK(m["backbones"]["ln-alliance"] == "competing");
    CHECK(m["backbones"]["ln-fund"] == "competing");
    CHECK(m["backbones"]["ln-united"] == "competing");
    CHECK(m["backbones"]["ln-hospital"] == "agreed");
  }
}

TEST_CASE("the issue area chosen for the backbone limits the marks to it") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kLongNames, "area") + " --replay " +
                     script("area.txt", "backbone-area health\nwait 1\nprint-marks\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 1);
  const json& m = r.lines[0];
  CHECK(m["backbones"].size() == 1);
  CHECK(m["backbones"]["ln-hospital"] == "agreed");
  REQUIRE(m["areas"].size() == 1);
  CHECK(m["areas"][0]["issue_area"] == "health");
  CHECK(m["areas"][0]["competing"] == 0);
}

TEST_CASE("the legend describes the coloring: sector, community, generation, a column") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kPanels, "legend") + " --replay " +
                     script("legend.txt",
                            "print-legend\nprint-node b1\n"
                            "color-by community\nwait-structure\nwait 1\nprint-legend\nprint-node b1\nprint-node a1\n"
                            "print-structure\n"
                            "color-by generation\nprint-legend\nprint-node a1\n"
                            "color-by sector\nprint-legend\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 9);
  auto entry = [](const json& legend, const std::string& label) {
    for (const json& e : legend["entries"])
      if (e["label"] == label) return e;
    FAIL("legend has no entry " << label << ": " << legend.dump());
    return json();
  };
  // By sector: one entry per sector of the profile (6), b1 in business's color.
  const json& sectors = r.lines[0];
  CHECK(sectors["coloring"] == "sector");
  CHECK(sectors["entries"].size() == 6);
  CHECK(r.lines[1]["color"] == entry(sectors, "business")["color"]);
  CHECK(entry(sectors, "business")["organizations"] == 3);  // b1 b2 b3
  // By community: numbered from 0 as `tablemap metrics` prints them; three
  // communities ({a1 a2 a3 a4 hub}, {b1 b2 b3}, {lone}); each node in its
  // community's color.
  const json& communities = r.lines[2];
  CHECK(communities["coloring"] == "community");
  CHECK(communities["entries"].size() == 3);
  const json& structure = r.lines[5];
  const int b1 = structure["community"]["b1"].get<int>(), a1 = structure["community"]["a1"].get<int>();
  CHECK(r.lines[3]["color"] == entry(communities, "community " + std::to_string(b1))["color"]);
  CHECK(r.lines[4]["color"] == entry(communities, "community " + std::to_string(a1))["color"]);
  CHECK(entry(communities, "community " + std::to_string(b1))["organizations"] == 3);
  // By generation: a1's one person (p2, born 1985) is a millennial.
  const json& generations = r.lines[6];
  CHECK(generations["coloring"] == "generation");
  CHECK(r.lines[7]["color"] == entry(generations, "millennials")["color"]);
  CHECK(r.lines[8]["coloring"] == "sector");
  // The entries' counts add up to the organizations (9).
  for (int k : {0, 2, 6}) {
    int total = 0;
    for (const json& e : r.lines[size_t(k)]["entries"]) total += e["organizations"].get<int>();
    CHECK(total == 9);
  }
}

TEST_CASE("coloring by a column of organizations.csv lists its values") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kLongNames, "column") + " --replay " +
                     script("column.txt", "color-by column neighborhood\nprint-legend\nprint-node ln-clinic\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  const json& l = r.lines[0];
  CHECK(l["coloring"] == "neighborhood");
  // Riverside 7, Old Town 8, Eastgate 6, regionwide 3 (organizations.csv).
  std::set<std::string> labels;
  int total = 0;
  for (const json& e : l["entries"]) {
    labels.insert(e["label"].get<std::string>());
    total += e["organizations"].get<int>();
    if (e["label"] == "Riverside") CHECK(r.lines[1]["color"] == e["color"]);
  }
  CHECK(labels == std::set<std::string>{"Riverside", "Old Town", "Eastgate", "regionwide"});
  CHECK(total == 24);
}

TEST_CASE("the selection stays on the same organization through a delete and an undo") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kPanels, "keep-selection") + " --replay " +
                     script("keep.txt",
                            "select b3\ndelete-organization a1\nprint-state\nundo\nprint-state\nredo\nprint-state\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 3);
  for (const json& st : r.lines) {
    INFO(st.dump());
    REQUIRE(st["selected"].is_object());
    CHECK(st["selected"]["id"] == "b3");
    CHECK(st["selected"]["name"] == "Hardware Depot");
  }
  CHECK(r.lines[0]["organizations"] == 8);
  CHECK(r.lines[1]["organizations"] == 9);
}

TEST_CASE("a what-if removal stays on the same organization through a delete") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kPanels, "keep-removal") + " --replay " +
                     script("keep-removal.txt", "whatif-remove b1\ndelete-organization a1\nprint-state\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0]["removed"] == json::array({"b1"}));
}

TEST_CASE("the notes over the map's corner cover no organization once the map is fitted", "[map]") {
  // Millbrook (datasets/silos) has a tall note: a sector without a seat and
  // three issue areas with uncovered functions. The fit leaves room below it.
  REQUIRE_XVFB();
  for (const std::string size : {"1280x800", "1400x900"}) {
    INFO(size);
    MapRun r = run_map(scratch_copy(kSource + "/datasets/silos", "notes") + " --replay " +
                           script("notes.txt", "wait 2\nprint-state\n"),
                       size);
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(r.lines.size() == 1);
    INFO(r.lines[0].dump());
    CHECK(r.lines[0]["notes"][3].get<double>() > 100);  // the note is there, and tall
    CHECK(r.lines[0]["under_notes"].empty());
  }
}
