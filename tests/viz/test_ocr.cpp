// OCR as a reader's stand-in (issue 14): tesseract (Debian's tesseract-ocr, a
// test dependency) reads the Backbone roles panel of the metro-region sample
// in a 1400x900 screenshot, and must find the five organizations that each
// claim the whole education backbone (datasets/metro-region/README.md) and
// the word "contested". The panel's part of the screenshot is cut out and
// scaled up 2x (nearest pixel) before reading, as a reader leaning in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

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
  // The panel, scaled up 2x.
  const int w = img.w - panel_x, h = img.h;
  std::vector<unsigned char> big(size_t(w) * 2 * size_t(h) * 2 * 3);
  for (int y = 0; y < h * 2; ++y)
    for (int x = 0; x < w * 2; ++x)
      for (int k = 0; k < 3; ++k)
        big[(size_t(y) * size_t(w) * 2 + size_t(x)) * 3 + size_t(k)] =
            img.rgba[(size_t(y / 2) * size_t(img.w) + size_t(panel_x + x / 2)) * 4 + size_t(k)];
  const auto panel = scratch("roles-panel.png");
  REQUIRE(stbi_write_png(panel.c_str(), w * 2, h * 2, 3, big.data(), w * 2 * 3) != 0);
  const auto text_base = scratch("roles-panel");
  REQUIRE(std::system(("tesseract " + panel.string() + " " + text_base.string() + " >/dev/null 2>&1").c_str()) == 0);
  std::ifstream in(text_base.string() + ".txt");
  std::stringstream all;
  all << in.rdbuf();
  const std::string text = squeeze(all.str());
  INFO(all.str());
  for (const char* name : {"Harborview Education Compact", "United Fund of Harborview Metro",
                           "Harborview Public Schools Foundation", "Metro Cradle to Career Alliance",
                           "Harborview Community College"}) {
    INFO(name);
    CHECK(text.find(squeeze(name)) != std::string::npos);
  }
  CHECK(text.find("contested") != std::string::npos);
}
