// The view as a picture: PNG from the frame buffer, SVG written by hand from
// the same positions, colors and filters the map draws with.
#pragma once

#include <string>

#include "viz/app_state.hpp"

namespace tablemap::viz {

// Reads the rectangle (window pixels, top-left origin) of the frame just
// rendered into the back buffer and writes it as PNG. `framebuffer_height`
// is the height of the whole frame buffer. False when the file cannot be written.
bool save_png(const std::string& path, int x, int y, int w, int h, int framebuffer_height);

// Writes the map as it is on screen (same rectangle, camera and filters) as SVG.
bool save_svg(AppState& s, const std::string& path);

// Writes the board report (analysis/board_report) of the open community, its
// network picture laid out as on the map; "" when written, else what went wrong.
std::string save_report(AppState& s, const std::string& path);

}  // namespace tablemap::viz
