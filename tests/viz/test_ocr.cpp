// OCR as a reader's stand-in (issue 14): tesseract (Debian's tesseract-ocr, a
// test dependency) reads the Backbone roles panel of the metro-region sample
// in a 1400x900 screenshot, and must find the five organizations that each
// claim the whole education backbone (datasets/metro-region/README.md) and
// the word "contested"; and it reads the title and legend of a PNG export.
// The part read is cut out and scaled up 2x (nearest pixel) before reading,
// as a reader leaning in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <stb_image_write.h>  // implementation in libstb

#include "support/map_window.hpp"

using nlohmann::json;
using namespace tablemap::testing;

namespace {

bool have_tesseract() { return std::system("command -v tesseract >/dev/null 2>&1") == 0; }

// Lowercase, with every run of spaces and line breaks made one space: OCR
// wraps lines where the panel wraps them.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char ch : text) {
    const bool space = std::isspace(static_cast<unsigned char>(ch)) != 0;
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += char(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  return out;
}

const std::string kBridgeData = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/viz/bridge";

// What tesseract reads in the rectangle (x, y, w, h) of `img`, scaled up 2x
// (nearest pixel) first, as a reader leaning in.
std::string ocr(const Image& img, int x0, int y0, int w, int h, const std::string& name) {
  std::vector<unsigned char> big(size_t(w) * 2 * size_t(h) * 2 * 3);
  for (int y = 0; y < h * 2; ++y)
    for (int x = 0; x < w * 2; ++x)
      for (int k = 0; k < 3; ++k)
        big[(size_t(y) * size_t(w) * 2 + size_t(x)) * 3 + size_t(k)] =
            img.rgba[(size_t(y0 + y / 2) * size_t(img.w) + size_t(x0 + x / 2)) * 4 + size_t(k)];
  const auto cut = scratch(name + ".png");
  REQUIRE(stbi_write_png(cut.c_str(), w * 2, h * 2, 3, big.data(), w * 2 * 3) != 0);
  const auto text_base = scratch(name);
  REQUIRE(std::system(("tesseract " + cut.string() + " " + text_base.string() + " >/dev/null 2>&1").c_str()) == 0);
  std::ifstream in(text_base.string() + ".txt");
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

}  // namespace

TEST_CASE("OCR reads every competing claimant's name and the word contested in Backbone roles") {
  REQUIRE_XVFB();
  if (!have_tesseract()) {
    WARN("tesseract is missing (Debian package tesseract-ocr): OCR test skipped");
    return;
  }
  const auto png = scratch("roles-ocr.png");
  const std::string data = scratch_copy(std::string(TABLEMAP_SOURCE_DIR) + "/datasets/metro-region", "ocr");
  MapRun r = run_map(data + " --replay " +
                         script("ocr.txt", "tab roles\nwait 3\nprint-state\nscreenshot " + png.string() + "\nwait 1\n"),
                     "1400x900");
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 1);
  const json& map = r.lines[0]["map"];
  const int panel_x = int(map[0].get<double>() + map[2].get<double>()) + 4;
  Image img = load_png(png);
  REQUIRE(panel_x < img.w - 100);
  const std::string read = ocr(img, panel_x, 0, img.w - panel_x, img.h, "roles-panel");
  const std::string text = squeeze(read);
  INFO(read);
  for (const char* name : {"Harborview Education Compact", "United Fund of Harborview Metro",
                           "Harborview Public Schools Foundation", "Metro Cradle to Career Alliance",
                           "Harborview Community College"}) {
    INFO(name);
    CHECK(text.find(squeeze(name)) != std::string::npos);
  }
  CHECK(text.find("contested") != std::string::npos);
}

TEST_CASE("the PNG export carries the title and the legend, beside the map as drawn") {
  // Bridgeton (tests/data/viz/bridge): the map's own pixels on the left, and
  // on its right a card with the community's name and year and the sidebar's
  // legend, so that the picture stands on its own in a slide.
  REQUIRE_XVFB();
  const auto png = scratch("export.png");
  MapRun r = run_map(kBridgeData + " --replay " +
                     script("png.txt", "print-state\nprint-node a1\nexport-png " + png.string() + "\nwait 1\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  const json& map = r.lines[0]["map"];
  const double map_x = map[0], map_y = map[1], map_w = map[2], map_h = map[3];
  Image img = load_png(png);
  CHECK(img.w > int(map_w) + 150);
  CHECK(img.h >= int(map_h));
  // The card is on white paper; the map keeps its pixels where they were.
  CHECK(close_to(img.at(map_w + 3, 3), {255, 255, 255}));
  const json& a1 = r.lines[1];
  CHECK(close_to(img.at(a1["x"].get<double>() - 0.75 * a1["r"].get<double>() - map_x, a1["y"].get<double>() - map_y),
                 rgb(a1["color"])));
  if (!have_tesseract()) {
    WARN("tesseract is missing (Debian package tesseract-ocr): the words of the PNG are not read");
    return;
  }
  const std::string text = squeeze(ocr(img, int(map_w), 0, img.w - int(map_w), img.h, "png-legend"));
  INFO(text);
  CHECK(text.find("bridgeton (test) 2026") != std::string::npos);
  CHECK(text.find("color = sector") != std::string::npos);
  CHECK(text.find("education * 1") != std::string::npos);
  CHECK(text.find("dark ring: at the table") != std::string::npos);
}
