// The real map window under Xvfb: replay scripts drive it, and the tests read
// the printed state and the pixels of its screenshots.
//
// Data: tests/data/viz/bridge, two triangles of organizations joined only by
// `hub` (Bridgeton Town Hall), plus `lone` with no tie. Hand-computed (see its
// community.json): 2 separate parts; without the hub 3 parts, and the table
// (a1 and hub) reaches 7 organizations before and 3 after.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/map_window.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace tablemap::testing;

namespace {

const std::string kBridge = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/viz/bridge";

// The map's fixed colors (viz/app_state.hpp, docs/map.md).
constexpr std::array<int, 3> kSelected{255, 200, 0};
constexpr std::array<int, 3> kRemoved{200, 200, 200};

}  // namespace

TEST_CASE("the screenshot shows every organization in its sector color") {
  REQUIRE_XVFB();
  const fs::path png = scratch("colors.png");
  MapRun r = run_map(kBridge + " --replay " +
                     script("colors.txt",
                            "print-node a1\nprint-node a2\nprint-node a3\nprint-node hub\n"
                            "print-node b1\nprint-node b2\nprint-node b3\nprint-node lone\nscreenshot " +
                                png.string() + "\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 8);
  Image img = load_png(png);
  CHECK(img.w == 1100);
  CHECK(img.h == 720);
  std::vector<std::array<int, 3>> colors;
  for (const json& node : r.lines) {
    INFO(node.dump());
    const double x = node["x"], y = node["y"], radius = node["r"];
    CHECK(radius >= 5);
    // Left of the center: inside the disc, clear of the role glyph in the middle.
    CHECK(close_to(img.at(x - 0.75 * radius, y), rgb(node["color"])));
    colors.push_back(rgb(node["color"]));
  }
  // health (a1, a3) share a color; health, education, government, business differ.
  CHECK(colors[0] == colors[2]);
  CHECK(colors[0] != colors[1]);
  CHECK(colors[3] != colors[0]);
  CHECK(colors[4] == colors[6]);
  CHECK(colors[4] != colors[5]);
}

TEST_CASE("select, then remove in what-if: ring, grey node and the network splits") {
  REQUIRE_XVFB();
  const fs::path selected_png = scratch("selected.png"), removed_png = scratch("removed.png");
  MapRun r = run_map(kBridge + " --replay " +
                     script("whatif.txt", "select hub\nprint-state\nscreenshot " + selected_png.string() +
                                              "\nwhatif-remove hub\nprint-state\nscreenshot " + removed_png.string() +
                                              "\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  const json& before = r.lines[0];
  const json& after = r.lines[1];
  REQUIRE(before["selected"]["id"] == "hub");
  CHECK(before["organizations"] == 8);
  CHECK(before["relationships"] == 8);
  CHECK(before["components_before"] == 2);
  CHECK(before["removed"].empty());

  CHECK(after["removed"] == json::array({"hub"}));
  CHECK(after["components_before"] == 2);
  CHECK(after["components_after"] == 3);
  CHECK(after["table_reach_before"] == 7);
  CHECK(after["table_reach_after"] == 3);
  CHECK(after["lost_from_table"] == 3);

  const json& hub = before["selected"];
  const double x = hub["x"], y = hub["y"], radius = hub["r"];
  const auto government = rgb(hub["color"]);
  Image sel = load_png(selected_png);
  // The selection ring: 4 px wide, centred 5 px outside the disc (above it: labels sit to the right).
  CHECK(close_to(sel.at(x, y - radius - 5), kSelected, 20));
  CHECK(close_to(sel.at(x - radius - 5, y), kSelected, 20));
  CHECK(close_to(sel.at(x - 0.75 * radius, y), government));

  Image removed = load_png(removed_png);
  CHECK_FALSE(close_to(removed.at(x - 0.75 * radius, y), government, 40));
  CHECK(close_to(removed.at(x - 0.75 * radius, y), kRemoved));
  CHECK(close_to(removed.at(x, y - radius - 5), kSelected, 20));  // still selected
}

TEST_CASE("a mouse click on an organization selects it") {
  REQUIRE_XVFB();
  MapRun r = run_map(kBridge + " --replay " + script("click.txt", "print-state\nclick b2\nprint-state\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0]["selected"].is_null());
  CHECK(r.lines[1]["selected"]["id"] == "b2");
}

TEST_CASE("dragging an organization moves and pins it") {
  REQUIRE_XVFB();
  MapRun r = run_map(kBridge + " --replay " + script("drag.txt", "print-node b3\ndrag b3 60 -40\nprint-node b3\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  CHECK_FALSE(r.lines[0]["pinned"].get<bool>());
  CHECK(r.lines[1]["pinned"].get<bool>());
  CHECK(r.lines[1]["x"].get<double>() - r.lines[0]["x"].get<double>() == Approx(60).margin(3));
  CHECK(r.lines[1]["y"].get<double>() - r.lines[0]["y"].get<double>() == Approx(-40).margin(3));
}

TEST_CASE("search by name finds the organization") {
  REQUIRE_XVFB();
  MapRun r = run_map(kBridge + " --replay " + script("search.txt", "search bakery\nprint-state\nsearch zzz\nprint-state\n"));
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0]["search_hits"] == json::array({"b1"}));
  CHECK(r.lines[1]["search_hits"].empty());
}

TEST_CASE("filters hide organizations") {
  REQUIRE_XVFB();
  MapRun r = run_map(kBridge + " --replay " +
                     script("filters.txt", "filter-at-table on\nprint-state\nfilter-at-table off\n"
                                           "filter-sector business off\nprint-state\nfilter-issue education\nprint-state\n"));
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 3);
  CHECK(r.lines[0]["visible"] == 2);  // a1 and hub (through its person)
  CHECK(r.lines[1]["visible"] == 6);  // all but b1, b3
  CHECK(r.lines[2]["visible"] == 3);  // education: a1, a2, hub
}

TEST_CASE("an edit, undo, and a save to a project file that keeps the map as it was left") {
  REQUIRE_XVFB();
  const fs::path project = scratch("bridge.tablemap"), copy = scratch("bridge-edit");
  fs::remove(project);
  fs::remove_all(copy);
  fs::copy(kBridge, copy);
  MapRun r = run_map(copy.string() + " --replay " +
                     script("edit.txt", "set-at-table b1 yes\nprint-state\nundo\nprint-state\nredo\n"
                                        "drag lone 50 0\nprint-node lone\nsave " +
                                            project.string() + "\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 3);
  CHECK(r.lines[0]["undo"] == 1);
  CHECK(r.lines[0]["dirty"] == true);
  CHECK(r.lines[1]["undo"] == 0);
  CHECK(r.lines[1]["dirty"] == false);
  REQUIRE(fs::exists(project));

  CHECK(r.err.find("unsaved") == std::string::npos);  // saved: nothing to recover
  CHECK_FALSE(fs::exists(copy.string() + ".recovery.json"));
  // Reopened: b1 is at the table, and `lone` is where it was dropped, pinned.
  MapRun again = run_map(project.string() + " --replay " + script("reopen.txt", "print-node b1\nprint-node lone\n"));
  INFO(again.err);
  REQUIRE(again.status == 0);
  REQUIRE(again.lines.size() == 2);
  CHECK(again.lines[0]["at_table"] == true);
  CHECK(again.lines[1]["pinned"] == true);
  CHECK(again.lines[1]["wx"].get<double>() == Approx(r.lines[2]["wx"].get<double>()).margin(0.01));
  CHECK(again.lines[1]["wy"].get<double>() == Approx(r.lines[2]["wy"].get<double>()).margin(0.01));
}

TEST_CASE("an edit the reader would refuse is refused in the map too") {
  REQUIRE_XVFB();
  MapRun r = run_map(kBridge + " --replay " +
                     script("refuse.txt", "add-organization a1 health Second Clinic\nprint-state\n"
                                          "add-tie b2 b2 information 1\nprint-state\n"));
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0]["organizations"] == 8);
  CHECK(r.lines[0]["status"].get<std::string>().find("duplicate organization id 'a1'") != std::string::npos);
  CHECK(r.lines[1]["relationships"] == 8);
  CHECK(r.lines[1]["status"].get<std::string>().find("to itself") != std::string::npos);
}

TEST_CASE("unsaved edits are kept in a recovery file when the window closes") {
  REQUIRE_XVFB();
  const fs::path copy = scratch("bridge-copy");
  fs::remove_all(copy);
  fs::copy(kBridge, copy);
  const fs::path recovery = copy.string() + ".recovery.json";
  fs::remove(recovery);
  MapRun r = run_map(copy.string() + " --replay " + script("unsaved.txt", "delete-organization lone\nquit\n"));
  REQUIRE(r.status == 0);
  CHECK(r.err.find("unsaved edits kept in") != std::string::npos);
  REQUIRE(fs::exists(recovery));
  std::ifstream in(recovery);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().find("\"a1\"") != std::string::npos);
  CHECK(text.str().find("\"lone\"") == std::string::npos);  // the deletion is in the copy
}

TEST_CASE("trainer mode highlights the organizations a caption names") {
  REQUIRE_XVFB();
  MapRun r = run_map("--replay " + script("trainer.txt", "trainer-open " + kBridge +
                                                             "\nprint-state\ntrainer-next\nprint-state\n"
                                                             "trainer-next\nprint-state\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 3);
  CHECK(r.lines[0]["trainer_step"] == 1);
  CHECK(r.lines[0]["highlighted"].empty());
  CHECK(r.lines[1]["highlighted"] == json::array({"hub"}));      // `hub` in backticks
  CHECK(r.lines[2]["highlighted"] == json::array({"hub", "b1"}));  // "Town Hall", "Mill Road Bakery"
}

TEST_CASE("the view exports as SVG with a title, a legend and one circle per organization") {
  REQUIRE_XVFB();
  const fs::path svg = scratch("view.svg");
  MapRun r = run_map(kBridge + " --replay " + script("svg.txt", "export-svg " + svg.string() + "\n"));
  REQUIRE(r.status == 0);
  std::ifstream in(svg);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  // The part of the file between <g id="NAME"> and the next group.
  auto group = [&](const std::string& name) {
    const size_t from = s.find("<g id=\"" + name + "\"");
    REQUIRE(from != std::string::npos);
    return s.substr(from, s.find("</g>", from) - from);
  };
  auto count = [](const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
  };
  CHECK(count(group("organizations"), "<circle") == 8);
  CHECK(s.find("<title>Bridgeton Town Hall (government)</title>") != std::string::npos);
  CHECK(count(group("ties"), "<line") == 8);
  // The community's name and year over the map, and
  // the legend of the sidebar: sectors with their counts, the tie kinds, the ring.
  CHECK(s.find("font-weight=\"bold\" fill=\"#191919\">Bridgeton (test) 2026</text>") != std::string::npos);
  const std::string legend = group("legend");
  CHECK(legend.find(">Color = sector</text>") != std::string::npos);
  CHECK(legend.find(">health *  2</text>") != std::string::npos);
  CHECK(legend.find(">faith  1</text>") != std::string::npos);
  CHECK(legend.find(">referral</text>") != std::string::npos);
  CHECK(legend.find(">dark ring: at the table</text>") != std::string::npos);
}

TEST_CASE("a replay line the map does not know stops with its line number") {
  REQUIRE_XVFB();
  const std::string file = script("bad.txt", "# comment\nselect hub\nfly-to-moon\n");
  MapRun r = run_map(kBridge + " --replay " + file);
  CHECK(r.status == 2);
  CHECK(r.err.find(file + ":3: unknown action 'fly-to-moon'") != std::string::npos);
}

TEST_CASE("a bundle with problems is not opened and the problems are listed") {
  REQUIRE_XVFB();
  const fs::path bad = scratch("bad-bundle");
  fs::remove_all(bad);
  fs::copy(kBridge, bad);
  std::ofstream(bad / "ties.csv", std::ios::app) << "a1,nobody,information,1,no\n";
  MapRun r = run_map(bad.string() + " --screenshot " + scratch("never.png").string());
  CHECK(r.status == 1);
  CHECK(r.err.find("ties.csv:10:") != std::string::npos);
  CHECK(r.err.find("nobody") != std::string::npos);
}

TEST_CASE("File > Report... writes the board report of the open community, as edited", "[map][report]") {
  // An organization added on the map is in the report; Bridgeton's missing
  // key sectors are named on its summary page as tablemap report names them.
  REQUIRE_XVFB();
  const fs::path html = scratch("map-report.html");
  MapRun r = run_map(scratch_copy(kBridge, "report") + " --replay " +
                     script("report.txt", "wait 1\nadd-organization quarry business Quarry Lane Credit Union\nwait 1\n"
                                          "export-report " + html.string() + "\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::ifstream in(html);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  CHECK(s.find("<title>Bridgeton (test) 2026: board report</title>") != std::string::npos);
  CHECK(s.find("Quarry Lane Credit Union") != std::string::npos);
  CHECK(s.find("<svg") != std::string::npos);  // the network picture, from the map's positions
}
