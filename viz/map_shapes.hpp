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
//    into an offscreen picture over the map's background color, which is
//    copied to the screen. A frame whose shapes are byte for byte those of
//    the last picture only copies it; when only the map moved (a pan), the
//    picture is scrolled and just the uncovered strips are drawn. With a
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

// Coordinates are screen pixels relative to an origin given to queue() (the
// layout's origin on screen): when the map pans, the shapes stay byte for
// byte the same and only the origin moves.

// A straight tie between two points.
struct TieShape {
  float ax, ay, bx, by;  // pixels from the origin
  float width;           // pixels
  uint32_t color;        // ImU32 (bytes R, G, B, A in memory)
};

// An organization: a filled disc, optionally with a ring around it and a
// diagonal cross-out (removed in what-if).
struct DiscShape {
  float x, y;            // center, pixels from the origin
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
  // `background` (ImU32) is the map's color under the shapes; (origin_x,
  // origin_y) is where the shapes' (0, 0) is on screen (rounded to pixels).
  void queue(ImDrawList* dl, uint32_t background, float origin_x, float origin_y);

  // Draw the next pictures at half the resolution, stretched to the map: a
  // quarter of the pixels to fill, slightly blurred (while the map zooms).
  bool draft = false;

  // Forces the ImDrawList path (tests compare both; a user never needs it).
  bool use_gpu = true;
  // Whether queue() will draw on the GPU (builds the shaders the first time;
  // needs the GL context).
  bool gpu_available() {
    if (use_gpu && !gpu_tried_) build_gpu_objects();
    return use_gpu && gpu_ready_;
  }
  // Whether the last queue() went to the GPU.
  bool drew_on_gpu() const { return gpu_ready_ && use_gpu; }
  // Frames that drew every shape, that scrolled the last picture and drew
  // only the strips a pan uncovered, and that reused the last picture as it was.
  uint64_t drawn_frames() const { return drawn_frames_; }
  uint64_t scrolled_frames() const { return scrolled_frames_; }
  uint64_t reused_frames() const { return reused_frames_; }

 private:
  static void render_callback(const ImDrawList* list, const ImDrawCmd* cmd);
  bool build_gpu_objects();
  void render_gpu(const ImDrawCmd* cmd);
  // Expands this frame's shapes into vertices and hands them to the GPU;
  // draw_shapes then draws them (once, or once per strip of a scroll).
  void upload_shapes();
  void draw_shapes(const float view[4]);
  void queue_imgui(ImDrawList* dl) const;

  // What an offscreen picture shows besides the shapes.
  struct Picture {
    float clip_x = 0, clip_y = 0;  // the map's top left on screen
    int w = 0, h = 0;              // framebuffer pixels
    float origin_x = 0, origin_y = 0;
    uint32_t background = 0;
    bool draft = false;            // drawn at half the resolution
    int drawn_w() const { return draft ? (w + 1) / 2 : w; }
    int drawn_h() const { return draft ? (h + 1) / 2 : h; }
  };
  bool make_pictures(int w, int h);
  // Brings the current picture up to date (reuse, scroll, or draw); false
  // when there is no offscreen buffer.
  bool update_picture(const Picture& now, const float view[4], bool can_scroll);

  bool gpu_tried_ = false, gpu_ready_ = false;
  unsigned tie_program_ = 0, disc_program_ = 0, line_program_ = 0;
  unsigned tie_vao_ = 0, disc_vao_ = 0, line_vao_ = 0;
  unsigned index_buffer_ = 0, tie_buffer_ = 0, disc_buffer_ = 0, line_buffer_ = 0;
  size_t index_quads_ = 0;  // quads the index buffer covers
  int tie_view_ = -1, disc_view_ = -1, line_view_ = -1;  // uniform locations
  std::vector<TieVertex> thick_;         // this drawing's wide ties
  std::vector<LineVertex> lines_;        // and thin ones
  std::vector<DiscVertex> disc_vertices_;

  uint32_t background_ = 0;
  float origin_x_ = 0, origin_y_ = 0;
  // Two offscreen pictures of the map: the current one, and the one a pan
  // scrolls it into.
  unsigned picture_fbo_[2] = {0, 0}, picture_color_[2] = {0, 0};
  int current_ = 0;
  bool picture_ready_ = false, picture_failed_ = false;
  Picture picture_;
  std::vector<TieShape> picture_ties_;
  std::vector<DiscShape> picture_discs_;
  uint64_t drawn_frames_ = 0, scrolled_frames_ = 0, reused_frames_ = 0;
};

}  // namespace tablemap::viz
