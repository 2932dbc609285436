// The map's many small shapes, ties and organization discs, and how they
// reach the screen.
//
// map_view decides what each shape looks like (screen position in pixels,
// width, radius, colors) and appends it here; `queue` then puts it in the
// ImGui draw list, in its place among ImGui's own drawing (over the map's
// background, under labels, glyphs and selection rings).
//
// Two ways to draw the same shapes:
//  - GPU (the normal case, OpenGL 3.3): one quad per shape, the
//    round edges, rings and anti-aliasing computed by the fragment shader.
//    Four vertices per shape (two for a tie a pixel wide), one call per kind,
//    into an offscreen buffer over the map's background color; the buffer
//    is copied to the screen. A frame whose shapes are byte for byte those of
//    the last drawing (nothing moved, nothing changed) only copies it: with a
//    software renderer (Mesa llvmpipe) filling the pixels of 40,000 ties is
//    what costs, not computing them.
//  - ImDrawList (when the shaders cannot be built): ImGui's own AddLine and
//    AddCircleFilled, which build anti-aliased outlines vertex by vertex on
//    the CPU. Correct but slow: about 40 vertices per disc, over a million
//    per frame at 10,000 organizations (the reason the GPU path exists).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

struct ImDrawList;
struct ImDrawCmd;
struct ImVec4;

namespace tablemap::viz {

// A straight tie between two points on screen.
struct TieShape {
  float ax, ay, bx, by;  // screen pixels
  float width;           // pixels
  uint32_t color;        // ImU32 (bytes R, G, B, A in memory)
};

// An organization: a filled disc, optionally with a ring around it and a
// diagonal cross-out (removed in what-if).
struct DiscShape {
  float x, y;            // center, screen pixels
  float radius;          // of the filled disc
  uint32_t fill;         // ImU32
  uint32_t ring;         // ImU32; ring centred at radius + ring_gap
  float ring_gap;        // pixels between disc edge and ring centre
  float ring_width;      // 0 = no ring
  float crossed;         // 1 = grey outline and a diagonal stroke (removed)
};

// One end of a thin tie drawn as a plain line.
struct LineVertex {
  float x, y;
  uint32_t color;
};

// The vertices of the quads the GPU draws: a corner, then the whole shape.
struct TieVertex {
  float corner_x, corner_y;
  TieShape tie;
};
struct DiscVertex {
  float corner_x, corner_y;
  DiscShape disc;
};

class MapShapes {
 public:
  MapShapes() = default;
  MapShapes(const MapShapes&) = delete;
  MapShapes& operator=(const MapShapes&) = delete;
  ~MapShapes();  // frees its GL objects; the GL context must still be current

  std::vector<TieShape> ties;
  std::vector<DiscShape> discs;

  void clear() {
    ties.clear();
    discs.clear();
  }

  // Adds the shapes to `dl` at its current position: a draw callback when the
  // GPU path works, ImGui primitives otherwise. The shapes must stay alive
  // until ImGui has rendered the frame (they are members, so they do).
  // `background` (ImU32) is the map's color under the shapes.
  void queue(ImDrawList* dl, uint32_t background);

  // Forces the ImDrawList path (tests compare both; a user never needs it).
  bool use_gpu = true;
  // Whether the last queue() went to the GPU.
  bool drew_on_gpu() const { return gpu_ready_ && use_gpu; }
  // Frames that drew the shapes, and frames that reused the last drawing.
  uint64_t drawn_frames() const { return drawn_frames_; }
  uint64_t cached_frames() const { return cached_frames_; }

 private:
  static void render_callback(const ImDrawList* list, const ImDrawCmd* cmd);
  bool build_gpu_objects();
  void render_gpu(const ImDrawCmd* cmd);
  void draw_shapes(const float view[4]);
  bool redraw_cache(const ImVec4& clip, int w, int h);
  void queue_imgui(ImDrawList* dl) const;

  bool gpu_tried_ = false, gpu_ready_ = false;
  unsigned tie_program_ = 0, disc_program_ = 0;
  unsigned tie_vao_ = 0, disc_vao_ = 0;
  unsigned index_buffer_ = 0, tie_buffer_ = 0, disc_buffer_ = 0;
  size_t index_quads_ = 0;  // quads the index buffer covers
  unsigned line_program_ = 0, line_vao_ = 0, line_buffer_ = 0;
  int tie_view_ = -1, disc_view_ = -1, line_view_ = -1;  // uniform locations
  std::vector<TieVertex> thick_;    // this drawing's wide ties
  std::vector<DiscVertex> disc_vertices_;
  std::vector<LineVertex> lines_;   // and thin ones

  // The offscreen copy of the last drawing and what it shows.
  uint32_t background_ = 0, cache_background_ = 0;
  unsigned cache_fbo_ = 0, cache_color_ = 0;
  int cache_w_ = 0, cache_h_ = 0;
  bool cache_ready_ = false, cache_failed_ = false;
  std::vector<TieShape> cached_ties_;
  std::vector<DiscShape> cached_discs_;
  uint64_t drawn_frames_ = 0, cached_frames_ = 0;
};

}  // namespace tablemap::viz
