// The real map window under Xvfb: replay scripts drive it, and the tests read
// the printed state and the pixels of its screenshots.
//
// Data: tests/data/viz/bridge, two triangles of organizations joined only by
// `hub` (Bridgeton Town Hall), plus `lone` with no tie. Hand-computed (see its
// community.json): 2 separate parts; without the hub 3 parts, and the table
// (a1 and hub) reaches 7 organizations before and 3 after.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
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

// Harbor Point's year bundles (datasets/harbor-point) converted into one project file.
fs::path harbor_file(const std::string& name, const std::vector<std::string>& year_folders) {
  const fs::path file = scratch(name);
  fs::remove(file);
  for (const std::string& folder : year_folders) {
    const std::string convert =
        std::string(TABLEMAP_BINARY) + " convert " + folder + " " + file.string() + " >/dev/null";
    REQUIRE(std::system(convert.c_str()) == 0);
  }
  return file;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}


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
  const std::string s = read_all(html);
  CHECK(s.find("<title>Bridgeton (test) 2026: board report</title>") != std::string::npos);
  CHECK(s.find("Quarry Lane Credit Union") != std::string::npos);
  CHECK(s.find("<svg") != std::string::npos);  // the network picture, from the map's positions
}

TEST_CASE("File > Report... of a project file with an earlier year has its Change since section", "[map][report][years]") {
  // Harbor Point's 2025 and 2026 bundles in one file (datasets/harbor-point/README.md):
  // the table goes from 8 to 11 organizations; the map's report says so, as `tablemap report` does.
  REQUIRE_XVFB();
  const std::string sample = std::string(TABLEMAP_SOURCE_DIR) + "/datasets/harbor-point/";
  const fs::path file = harbor_file("harbor-map.tablemap", {sample + "2025", sample + "2026"});
  const fs::path html = scratch("map-report-years.html");
  MapRun r = run_map(file.string() + " --replay " + script("report-years.txt", "wait 1\nexport-report " +
                                                                                  html.string() + "\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string s = read_all(html);
  CHECK(s.find("<h2>Change since 2025</h2>") != std::string::npos);
  CHECK(s.find("The table went from 8 to 11 organizations (3 joined, 0 left) and from 8 to 12 people.") !=
        std::string::npos);
}

TEST_CASE("File > New writes a workbook to fill in, opens it, and File > Save as writes .xlsx", "[map][new]") {
  // The template of `tablemap init` (io/new_community.hpp): two example
  // organizations (a clinic and a school, marked as examples), so that the
  // example tie has two ends; the workbook reads back with the name typed.
  REQUIRE_XVFB();
  const fs::path book = scratch("map-new.xlsx"), copy = scratch("map-new-copy.xlsx");
  fs::remove(book);
  fs::remove(copy);
  MapRun r = run_map(kBridge + " --replay " +
                     script("new.txt", "new-community " + book.string() + " Lakeside Test Coalition\nwait 1\n"
                                       "print-state\nsave " + copy.string() + "\nnew-community " + book.string() +
                                       " Again\n"));
  INFO(r.err);
  // The second new-community must refuse: the workbook exists and is never overwritten.
  CHECK(r.status == 2);
  CHECK(r.err.find("new.txt:5: " + book.string() + " already exists and is not empty; nothing was written.") !=
        std::string::npos);
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0]["community"] == "Lakeside Test Coalition");
  CHECK(r.lines[0]["organizations"] == 2);
  CHECK(r.lines[0]["status"].get<std::string>().find("created " + book.string() + ": fill in its sheets") == 0);
  REQUIRE(fs::exists(copy));
  const std::string validate = std::string(TABLEMAP_BINARY) + " validate " + copy.string() + " >/dev/null";
  CHECK(std::system(validate.c_str()) == 0);
}

TEST_CASE("the year selector keeps every organization in place, and compare-with colors who joined", "[map][years]") {
  // datasets/harbor-point/README.md: 2025 -> 2026 Harbor County Public
  // Health, the Harbor Point Police and the Harbor Youth Network join the
  // table; the same twenty organizations every year.
  REQUIRE_XVFB();
  const std::string sample = std::string(TABLEMAP_SOURCE_DIR) + "/datasets/harbor-point/";
  const fs::path file = harbor_file("harbor-years.tablemap", {sample + "2024", sample + "2025", sample + "2026"});
  const fs::path png = scratch("harbor-compare.png");
  MapRun r = run_map(file.string() + "@2025 --replay " +
                         script("years.txt", "print-node police\nprint-state\nyear 2026\nprint-node police\n"
                                             "compare-with 2025\ntab change\nwait 2\nprint-state\nprint-legend\n"
                                             "print-clipped\nscreenshot " + png.string() + "\n"
                                             "compare-with 2026\n"),
                     "1400x900");
  INFO(r.err);
  // The last line asks to compare 2026 with itself: refused, naming the years it can compare with.
  CHECK(r.status == 2);
  CHECK(r.err.find("years.txt:12: compare 2026 with a year before it: 2024, 2025") != std::string::npos);
  REQUIRE(r.lines.size() >= 6);
  const json& police_2025 = r.lines[0];
  const json& state_2025 = r.lines[1];
  const json& police_2026 = r.lines[2];
  const json& compared = r.lines[3];
  const json& legend = r.lines[4];
  CHECK(state_2025["year"] == 2025);
  CHECK(state_2025["years"] == json::array({2024, 2025, 2026}));
  CHECK(state_2025["compare_with"] == 0);
  // Same place, in layout points, after the switch.
  CHECK(police_2026["wx"] == police_2025["wx"]);
  CHECK(police_2026["wy"] == police_2025["wy"]);
  CHECK(police_2025["at_table"] == false);
  CHECK(police_2026["at_table"] == true);
  CHECK(compared["year"] == 2026);
  CHECK(compared["compare_with"] == 2025);
  CHECK(compared["change"]["joined the table"] == json::array({"public-health", "police", "youth-network"}));
  CHECK(compared["change"].count("left the table") == 0);
  CHECK(compared["ghosts"].empty());
  CHECK(legend["title"] == "Color = change since 2025");
  // Everything on screen fits, the Change panel included.
  CHECK(r.lines[5]["windows"].empty());
  CHECK(r.lines[5]["cells"].empty());
}

TEST_CASE("an organization gone since the year compared with is drawn as a ghost amid its old partners",
          "[map][years]") {
  // A 2026 made from Harbor Point's 2025 without the Seaway Credit Union,
  // whose three ties went to the chamber, the shipyard and the county board:
  // its ghost stands near the middle of those three, on none of them.
  REQUIRE_XVFB();
  const std::string sample = std::string(TABLEMAP_SOURCE_DIR) + "/datasets/harbor-point/2025";
  const fs::path later = scratch("harbor-2026-without-credit-union");
  fs::remove_all(later);
  fs::copy(sample, later);
  for (const char* name : {"organizations.csv", "ties.csv"}) {
    std::istringstream in(read_all(later / name));
    std::string kept;
    for (std::string line; std::getline(in, line);)
      if (line.find("credit-union") == std::string::npos) kept += line + "\n";
    std::ofstream(later / name, std::ios::binary) << kept;
  }
  std::string profile = read_all(later / "community.json");
  profile.replace(profile.find("\"year\": 2025"), 12, "\"year\": 2026");
  std::ofstream(later / "community.json", std::ios::binary) << profile;
  const fs::path file = harbor_file("harbor-ghost.tablemap", {sample, later.string()});
  MapRun r = run_map(file.string() + " --replay " +
                     script("ghost.txt", "compare-with 2025\nprint-state\nprint-node chamber\nprint-node shipyard\n"
                                         "print-node county\nyear 2025\nprint-node credit-union\nprint-node chamber\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 6);
  const json& state = r.lines[0];
  CHECK(state["year"] == 2026);
  CHECK(state["change"].empty());  // nobody joined or left the table
  REQUIRE(state["ghosts"].size() == 1);
  const json& ghost = state["ghosts"][0];
  CHECK(ghost["id"] == "credit-union");
  CHECK(ghost["name"] == "Seaway Credit Union");
  CHECK(ghost["placed"] == true);
  const double mx = (r.lines[1]["wx"].get<double>() + r.lines[2]["wx"].get<double>() + r.lines[3]["wx"].get<double>()) / 3;
  const double my = (r.lines[1]["wy"].get<double>() + r.lines[2]["wy"].get<double>() + r.lines[3]["wy"].get<double>()) / 3;
  const double gx = ghost["wx"].get<double>(), gy = ghost["wy"].get<double>();
  CHECK(std::hypot(gx - mx, gy - my) < 150);
  for (int k = 1; k <= 3; ++k)
    CHECK(std::hypot(gx - r.lines[size_t(k)]["wx"].get<double>(), gy - r.lines[size_t(k)]["wy"].get<double>()) > 10);
  // Back to 2025: the chamber has not moved, and the credit union, laid out
  // around the others, is not left at the origin.
  CHECK(r.lines[5]["wx"] == r.lines[1]["wx"]);
  const json& cu = r.lines[4];
  CHECK(!(cu["wx"].get<double>() == 0 && cu["wy"].get<double>() == 0));
}

TEST_CASE("Trainer: Harbor Point steps through its three years", "[map][years][trainer]") {
  // datasets/harbor-point/story.md: 2024, then 2025 compared with 2024 (the
  // Community Foundation, the chamber and the United Way joined the table),
  // then 2026 compared with 2025.
  REQUIRE_XVFB();
  const fs::path cache = scratch("trainer-cache");
  fs::create_directories(cache);
  MapRun r = run_map("--replay " + script("harbor-trainer.txt",
                                          "trainer-open " + std::string(TABLEMAP_SOURCE_DIR) +
                                              "/datasets/harbor-point\nwait 2\nprint-state\ntrainer-next\n"
                                              "trainer-next\nwait 2\nprint-state\nprint-legend\ntrainer-next\n"
                                              "trainer-next\nwait 2\nprint-state\n"),
                     "1100x720", "XDG_CACHE_HOME=" + cache.string());
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 4);
  CHECK(r.lines[0]["year"] == 2024);
  CHECK(r.lines[0]["years"] == json::array({2024, 2025, 2026}));
  CHECK(r.lines[0]["compare_with"] == 0);
  CHECK(r.lines[1]["year"] == 2025);
  CHECK(r.lines[1]["compare_with"] == 2024);
  CHECK(r.lines[1]["change"]["joined the table"] == json::array({"chamber", "united-way", "community-fdn"}));
  CHECK(r.lines[2]["title"] == "Color = change since 2024");
  CHECK(r.lines[3]["year"] == 2026);
  CHECK(r.lines[3]["compare_with"] == 2025);
  CHECK(fs::exists(cache / "tablemap" / "harbor-point.tablemap"));
}
