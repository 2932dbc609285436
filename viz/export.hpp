// The view as a picture: PNG from the frame buffer, SVG written by hand from
// the same positions, colors and filters the map draws with.
#pragma once

#include <string>
#include <vector>

#include "viz/app_state.hpp"

namespace tablemap::viz {

// Reads the rectangle (window pixels, top-left origin) of the frame just
// rendered into the back buffer and writes it as PNG. `framebuffer_height`
// is the height of the whole frame buffer. False when the file cannot be written.
bool save_png(const std::string& path, int x, int y, int w, int h, int framebuffer_height);

// The picture's title: the community and its year.
std::string picture_title(AppState& s);

// The legend a picture of the map carries (the SVG beside it, the PNG over
// the sidebar): what the colors, ties and rings mean, as the sidebar says it.
// The map draws unconfirmed ties faint, the SVG dashed.
struct LegendRow {
  enum class Mark { none, heading, disc, tie, ring, gap } mark = Mark::none;
  Color color{};
  std::string text;
};
std::vector<LegendRow> picture_legend(AppState& s, bool dashed_unconfirmed);

// Draws, over this frame, what makes the PNG export stand on its own: a card
// with the title (the community and its year) and the legend, where the
// window has room beside the map (over the panels or the sidebar, for this
// one frame; else over the map's corner). Returns where the map and the card
// are (window pixels), for save_picture_png.
struct PictureRect {
  float x = 0, y = 0, w = 0, h = 0;
};
struct PictureParts {
  PictureRect map, card;
  bool beside = false;  // false: the card is over the map, and the picture is the map alone
};
PictureParts draw_picture_frame(AppState& s);
// Writes the map with the card on its right as one PNG (`scale`: frame
// buffer pixels per window pixel).
bool save_picture_png(const std::string& path, const PictureParts& parts, float scale, int framebuffer_height);

// Writes the map as it is on screen (same rectangle, camera and filters) as SVG.
bool save_svg(AppState& s, const std::string& path);

// Writes the board report (analysis/board_report) of the open community, its
// network picture laid out as on the map; "" when written, else what went wrong.
std::string save_report(AppState& s, const std::string& path);

}  // namespace tablemap::viz
