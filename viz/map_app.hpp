// `tablemap map`: the window, its frame loop and the test hooks (screenshot
// after N frames, a replay script of UI actions, frame-time benchmark).
#pragma once

#include <cstdint>
#include <string>

#include "viz/layout.hpp"

namespace tablemap::viz {

struct MapOptions {
  std::string path;          // community to open; "" = empty window
  std::string screenshot;    // save the window as PNG after `frames` frames, then quit
  int frames = 3;
  std::string replay;        // script of UI actions (docs/map.md)
  int bench_frames = 0;      // time this many frames and print the figures, then quit
  bool imgui_shapes = false; // draw ties and discs with ImGui primitives, not shaders (comparison, old GL)
  bool bench_pan = false;    // ... while the map pans 3 pixels every frame (the picture scrolls)
  bool bench_zoom = false;   // ... while the map zooms in and out 2% every frame (every shape redrawn)
  int width = 1400, height = 860;
  uint32_t generate = 0;     // open a generated community of this many organizations instead
  uint64_t seed = 1;
  std::string datasets;      // folder of samples for trainer mode ("" = look for datasets/)
  LayoutEngine engine = LayoutEngine::automatic;
};

// Runs the window until it is closed (or the test hook finishes). Returns the
// exit status: 0 ok, 1 bad data (the file could not be opened), 2 bad usage
// (no display, a replay script that names an unknown action).
int run_map(const MapOptions& options);

}  // namespace tablemap::viz
