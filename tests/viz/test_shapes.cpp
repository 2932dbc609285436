// The map's ties and discs drawn by shaders (viz/map_shapes) against the same
// shapes drawn by ImGui's own primitives; the reuse of a still picture and
// the scrolling of a panned one.
//
// Data: tests/data/viz/bridge (see test_map.cpp): eight organizations, the
// biggest at least 10 pixels wide at the window's fit.
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>

#include "support/map_window.hpp"

using namespace tablemap::testing;
using Rgb = std::array<int, 3>;

namespace {

const std::string kBridge = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/viz/bridge";

// Screenshot of the bridge sample plus the printed nodes, drawn one way or the other.
struct Drawing {
  Image image;
  std::vector<nlohmann::json> nodes;
  nlohmann::json state;
};

Drawing draw_bridge(const std::string& name, const std::string& extra) {
  const auto png = scratch(name + ".png");
  const MapRun r = run_map(kBridge + " " + extra + " --replay " +
                           script(name + ".txt",
                                  "print-state\nprint-node a1\nprint-node hub\nprint-node b2\nprint-node lone\n"
                                  "screenshot " + png.string() + "\n"),
                           "1280x800");  // a size leads use; the probes below are clear of labels there
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 5);
  Drawing d;
  d.state = r.lines[0];
  d.nodes.assign(r.lines.begin() + 1, r.lines.end());
  d.image = load_png(png);
  return d;
}

// "key value" figures from the --bench-frames line.
std::map<std::string, double> figures(const std::string& out) {
  std::map<std::string, double> f;
  std::smatch m;
  std::string rest = out;
  const std::regex pair("([a-z_0-9]+) ([0-9.]+)");
  const auto line_start = out.find("frames ");
  if (line_start == std::string::npos) return f;
  rest = out.substr(line_start, out.find('\n', line_start) - line_start);
  for (auto it = std::sregex_iterator(rest.begin(), rest.end(), pair); it != std::sregex_iterator(); ++it)
    f[(*it)[1]] = std::stod((*it)[2]);
  return f;
}

}  // namespace

TEST_CASE("shaders and ImGui primitives draw the same map", "[map]") {
  REQUIRE_XVFB();
  const Drawing gpu = draw_bridge("gpu", "");
  const Drawing cpu = draw_bridge("cpu", "--imgui-shapes");
  REQUIRE(gpu.image.w == cpu.image.w);
  REQUIRE(gpu.image.h == cpu.image.h);

  // Each organization's disc has its sector color in both drawings, inside
  // the disc and clear of the glyph in the middle.
  for (size_t k = 0; k < gpu.nodes.size(); ++k) {
    const auto& n = gpu.nodes[k];
    INFO(n.dump());
    REQUIRE(n["x"] == cpu.nodes[k]["x"]);
    const double x = n["x"], y = n["y"], r = n["r"];
    CHECK(close_to(gpu.image.at(x - 0.75 * r, y), rgb(n["color"]), 3));
    CHECK(close_to(cpu.image.at(x - 0.75 * r, y), rgb(n["color"]), 3));
  }
  // `hub` is at the table: a dark ring just outside its disc, in both.
  const auto& hub = gpu.nodes[1];
  REQUIRE(hub["at_table"] == true);
  const double hx = hub["x"], hy = hub["y"], hr = hub["r"];
  CHECK(close_to(gpu.image.at(hx - hr - 1.5, hy), {30, 30, 30}, 60));
  CHECK(close_to(cpu.image.at(hx - hr - 1.5, hy), {30, 30, 30}, 60));
  // Above `lone` (no tie, label on its left) both show the map's background.
  const auto& lone = gpu.nodes[3];
  const double lx = lone["x"], ly = lone["y"], lr = lone["r"];
  CHECK(close_to(gpu.image.at(lx, ly - lr - 12), {250, 250, 247}, 2));
  CHECK(close_to(cpu.image.at(lx, ly - lr - 12), {250, 250, 247}, 2));

  // Over the whole map the two drawings differ only along anti-aliased edges.
  const auto map = gpu.state["map"];
  const int x0 = int(map[0].get<double>()) + 1, y0 = int(map[1].get<double>()) + 1;
  const int x1 = x0 + int(map[2].get<double>()) - 2, y1 = y0 + int(map[3].get<double>()) - 2;
  long pixels = 0, different = 0;
  double total = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const Rgb a = gpu.image.at(x, y), b = cpu.image.at(x, y);
      const int d = std::max({std::abs(a[0] - b[0]), std::abs(a[1] - b[1]), std::abs(a[2] - b[2])});
      total += d;
      different += d > 48;
      ++pixels;
    }
  INFO("pixels " << pixels << ", differing by more than 48: " << different << ", mean difference "
                 << total / double(pixels));
  CHECK(double(different) / double(pixels) < 0.01);
  CHECK(total / double(pixels) < 2.0);
}

TEST_CASE("a still map is drawn once and reused, a panning map is scrolled") {
  REQUIRE_XVFB();
  const MapRun still = run_map("--generate 400 --bench-frames 20");
  INFO(still.out << still.err);
  REQUIRE(still.status == 0);
  auto f = figures(still.out);
  REQUIRE(f.count("reused"));
  CHECK(f["gpu"] == 1);
  CHECK(f["organizations"] == 400);
  CHECK(f["drawn"] <= 3);    // the first frames, while the layout lands
  CHECK(f["reused"] >= 20);  // every timed frame

  const MapRun pan = run_map("--generate 400 --bench-frames 20 --bench-pan");
  INFO(pan.out << pan.err);
  REQUIRE(pan.status == 0);
  f = figures(pan.out);
  CHECK(f["drawn"] <= 3);
  CHECK(f["scrolled"] >= 19);  // every timed frame but the first moved the map
  CHECK(f["reused"] <= 4);
}

TEST_CASE("a pan scrolls the picture and matches drawing it afresh") {
  REQUIRE_XVFB();
  // Pan (the shapes stay the same: the picture is scrolled and the uncovered
  // strips drawn), screenshot; then hide and show a tie kind, which changes
  // the shapes twice, so the same view is drawn from nothing; screenshot.
  const auto scrolled = scratch("scrolled.png"), fresh = scratch("fresh.png");
  const MapRun r = run_map(kBridge + " --replay " +
                           script("pan.txt", "print-state\npan 37 -21\nwait 1\nprint-state\nscreenshot " +
                                                 scrolled.string() +
                                                 "\nfilter-kind information off\nwait 1\nfilter-kind information on\n"
                                                 "wait 1\nprint-state\nscreenshot " + fresh.string() + "\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 3);
  const auto& before = r.lines[0]["pictures"];
  const auto& after_pan = r.lines[1]["pictures"];
  const auto& after_redraw = r.lines[2]["pictures"];
  REQUIRE(before["gpu"] == true);
  CHECK(after_pan["scrolled"].get<int>() == before["scrolled"].get<int>() + 1);
  CHECK(after_pan["drawn"] == before["drawn"]);
  CHECK(after_redraw["drawn"].get<int>() >= after_pan["drawn"].get<int>() + 2);

  const Image a = load_png(scrolled), b = load_png(fresh);
  const auto map = r.lines[1]["map"];
  const int x0 = int(map[0].get<double>()) + 1, y0 = int(map[1].get<double>()) + 1;
  const int x1 = x0 + int(map[2].get<double>()) - 2, y1 = y0 + int(map[3].get<double>()) - 2;
  long pixels = 0, different = 0, drawn = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const Rgb pa = a.at(x, y), pb = b.at(x, y);
      const int d = std::max({std::abs(pa[0] - pb[0]), std::abs(pa[1] - pb[1]), std::abs(pa[2] - pb[2])});
      different += d > 2;
      drawn += !close_to(pb, {250, 250, 247}, 2);
      ++pixels;
    }
  INFO("pixels " << pixels << ", not background " << drawn << ", differing by more than 2 levels " << different);
  CHECK(drawn > 2000);  // the map is not empty
  CHECK(different <= pixels / 2000);
}

TEST_CASE("while the wheel turns over a big network only the strongest ties are drawn, as a draft") {
  REQUIRE_XVFB();
  // 3,000 generated organizations: about 10,700 ties, all on screen at the fit.
  const MapRun r = run_map("--generate 3000 --replay " +
                           script("zoom.txt", "wait 2\nprint-state\nzoom 1.05\nprint-state\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  const auto& still = r.lines[0];
  const auto& zooming = r.lines[1];
  CHECK(still["thinned_while_zooming"] == false);
  CHECK(zooming["thinned_while_zooming"] == true);
  // ... into a half-resolution draft.
  CHECK(still["pictures"]["draft"] == false);
  CHECK(zooming["pictures"]["draft"] == true);
  CHECK(still["ties_drawn"].get<int>() > 5000);
  // Strength 3 only: well under half of the ties.
  CHECK(zooming["ties_drawn"].get<int>() > 0);
  CHECK(zooming["ties_drawn"].get<int>() < still["ties_drawn"].get<int>() / 2);
}

TEST_CASE("a small network is never thinned while zooming") {
  REQUIRE_XVFB();
  const MapRun r = run_map(kBridge + " --replay " + script("zoom_small.txt", "zoom 1.05\nprint-state\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0]["thinned_while_zooming"] == false);
  CHECK(r.lines[0]["ties_drawn"] == 8);
}
