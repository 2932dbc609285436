// The map after a survey import: ties colored and filtered by the survey's
// intensity or trust, discs sized by the trust or value partners gave. On the
// Harbor survey imported (tests/data/survey/harbor/README.md, by hand): trust
// received A (clinic) 2.5, B (schools) 3.67, C (chamber) nobody rated, D
// (city) 3, E (pantry) 4; the intensities A-B 2.5, A-C 1, B-E 2, C-D 4, the
// City-Pantry tie kept from the bundle has none.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"
#include "support/map_window.hpp"
#include "viz/coloring.hpp"

using namespace tablemap::testing;
using tablemap::viz::Color;
using tablemap::viz::tie_quality_color;

namespace {

const std::string kHarbor = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/survey/harbor";

std::string imported_harbor() {
  const std::string out = scratch("harbor-surveyed").string();
  std::filesystem::remove_all(out);
  const CliRun r = run_cli("survey import " + kHarbor + "/survey " + kHarbor + " " + out, true);
  INFO(r.out);
  REQUIRE(r.code == 0);
  return out;
}

}  // namespace

TEST_CASE("a survey value colors a tie from light (1) to dark (4) blue, grey without one") {
  CHECK(tie_quality_color(1) == Color{158, 202, 225, 255});
  CHECK(tie_quality_color(4) == Color{8, 48, 107, 255});
  CHECK(tie_quality_color(3) == Color{33, 113, 181, 255});
  // 2.5: halfway between cooperation (107, 174, 214) and coordination (33, 113, 181).
  CHECK(tie_quality_color(2.5f) == Color{70, 144, 198, 255});
  CHECK(tie_quality_color(std::nanf("")) == tablemap::viz::kOtherColor);
}

TEST_CASE("size-by trust orders the discs by the trust partners gave, the unrated smallest") {
  REQUIRE_XVFB();
  const std::string bundle = imported_harbor();
  const auto png = scratch("survey-trust.png");
  MapRun r = run_map(bundle + " --replay " +
                         script("trust.txt", "wait 2\nsize-by trust\ntie-color intensity 2\nzoom 0.4\nwait 2\n"
                                             "print-node harbor-pantry\nprint-node harbor-schools\n"
                                             "print-node harbor-city\nprint-node harbor-clinic\n"
                                             "print-node harbor-chamber\nscreenshot " + png.string() + "\n"),
                     "1280x800");
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 5);
  std::vector<double> radius;
  for (const auto& node : r.lines) radius.push_back(node["r"].get<double>());
  // Pantry 4 > schools 3.67 > city 3 > clinic 2.5 > chamber (nobody rated it).
  for (size_t i = 1; i < radius.size(); ++i) {
    INFO(r.lines[i - 1]["id"] << " " << radius[i - 1] << " vs " << r.lines[i]["id"] << " " << radius[i]);
    CHECK(radius[i - 1] > radius[i]);
  }
  CHECK(std::filesystem::exists(png));
}

TEST_CASE("tie-color is refused on ties without survey columns, naming the script line") {
  REQUIRE_XVFB();
  MapRun r = run_map(kHarbor + " --replay " + script("refused.txt", "wait 1\ntie-color trust\nquit\n"), "1280x800");
  CHECK(r.status != 0);
  CHECK(r.err.find("refused.txt:2: the ties have no survey columns (intensity, trust): import a survey first") !=
        std::string::npos);
}

TEST_CASE("the SVG export draws the ties as the map does: by survey intensity, filtered, with that legend",
          "[map][survey]") {
  // Intensities (README): clinic-schools 2.5, clinic-chamber 1, schools-pantry
  // 2, chamber-city 4, city-pantry none. At 2 or more: three ties drawn, the
  // chamber-city one in the darkest blue.
  REQUIRE_XVFB();
  const std::string data = imported_harbor();
  const auto svg = scratch("survey-view.svg");
  MapRun r = run_map(data + " --replay " + script("survey-svg.txt", "tie-color intensity 2\nexport-svg " +
                                                                         svg.string() + "\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::ifstream in(svg);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  const size_t ties_at = s.find("<g id=\"ties\">");
  REQUIRE(ties_at != std::string::npos);
  const std::string ties = s.substr(ties_at, s.find("</g>", ties_at) - ties_at);
  size_t lines = 0;
  for (size_t p = ties.find("<line"); p != std::string::npos; p = ties.find("<line", p + 1)) ++lines;
  CHECK(lines == 3);
  CHECK(ties.find("stroke=\"#08306b\"") != std::string::npos);  // tie_quality_color(4)
  const size_t legend_at = s.find("<g id=\"legend\"");
  REQUIRE(legend_at != std::string::npos);
  const std::string legend = s.substr(legend_at);
  CHECK(legend.find(">Ties by how closely partners work</text>") != std::string::npos);
  CHECK(legend.find(">4 integration</text>") != std::string::npos);
  CHECK(legend.find(">only ties at 2.0 or more shown</text>") != std::string::npos);
  CHECK(legend.find(">referral</text>") == std::string::npos);  // the tie kinds are not what the colors mean now
}
