#include "viz/map_shapes.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <imgui.h>

namespace tablemap::viz {
namespace {

// The quad programs take a corner and the whole shape at every vertex, and
// turn screen pixels into clip space with `view`
// (x0, y0, width, height of ImGui's display rectangle).
constexpr const char* kTieVertex = R"(#version 330 core
layout(location = 0) in vec2 corner;    // x: 0 at a, 1 at b; y: -1 or +1 across
layout(location = 1) in vec4 ends;      // ax, ay, bx, by
layout(location = 2) in float width;
layout(location = 3) in vec4 color;
uniform vec4 view;
out vec4 v_color;
out float v_across;   // signed distance from the centre line, pixels
flat out float v_half;
void main() {
  vec2 a = ends.xy, b = ends.zw;
  vec2 d = b - a;
  float len = max(length(d), 1e-4);
  vec2 normal = vec2(-d.y, d.x) / len;
  float reach = 0.5 * max(width, 1.0) + 0.5;  // half a pixel more for the soft edge
  vec2 p = mix(a, b, corner.x) + normal * corner.y * reach;
  v_across = corner.y * reach;
  v_half = 0.5 * width;
  v_color = color;
  vec2 ndc = (p - view.xy) / view.zw * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
)";

// A line narrower than a pixel is drawn one pixel wide and fainter, as ImGui does.
constexpr const char* kTieFragment = R"(#version 330 core
in vec4 v_color;
in float v_across;
flat in float v_half;
out vec4 frag;
void main() {
  float half_width = max(v_half, 0.5);
  float cover = clamp(half_width + 0.5 - abs(v_across), 0.0, 1.0) * min(1.0, 2.0 * v_half);
  if (cover <= 0.0) discard;
  frag = vec4(v_color.rgb, v_color.a * cover);
}
)";

// Thin ties (a pixel wide or less) as plain one-pixel lines: two vertices
// each instead of a quad, which a software rasterizer sets up far faster.
constexpr const char* kLineVertex = R"(#version 330 core
layout(location = 0) in vec2 position;
layout(location = 1) in vec4 color;
uniform vec4 view;
out vec4 v_color;
void main() {
  v_color = color;
  vec2 ndc = (position - view.xy) / view.zw * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
)";

constexpr const char* kLineFragment = R"(#version 330 core
in vec4 v_color;
out vec4 frag;
void main() { frag = v_color; }
)";

constexpr const char* kDiscVertex = R"(#version 330 core
layout(location = 0) in vec2 corner;      // -1 or +1 on each axis
layout(location = 1) in vec3 disc;        // x, y, radius
layout(location = 2) in vec4 fill;
layout(location = 3) in vec4 ring;
layout(location = 4) in vec3 extra;       // ring gap, ring width, crossed
uniform vec4 view;
out vec2 v_offset;                        // from the centre, pixels
flat out vec4 v_fill;
flat out vec4 v_ring;
flat out vec4 v_shape;                    // radius, ring radius, ring half width, crossed
void main() {
  float ring_radius = disc.z + extra.x;
  float extent = max(disc.z, extra.y > 0.0 ? ring_radius + 0.5 * extra.y : 0.0) + 1.0;  // the soft edge
  v_offset = corner * extent;
  v_fill = fill;
  v_ring = ring;
  v_shape = vec4(disc.z, ring_radius, 0.5 * extra.y, extra.z);
  vec2 ndc = (disc.xy + v_offset - view.xy) / view.zw * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
)";

// Layers, bottom to top: the disc, (removed) its grey outline and diagonal,
// the ring. Composited premultiplied, written straight for ImGui's blending.
constexpr const char* kDiscFragment = R"(#version 330 core
in vec2 v_offset;
flat in vec4 v_fill;
flat in vec4 v_ring;
flat in vec4 v_shape;
out vec4 frag;
vec4 layer(vec4 c, float cover) { float a = c.a * clamp(cover, 0.0, 1.0); return vec4(c.rgb * a, a); }
vec4 over(vec4 top, vec4 below) { return top + below * (1.0 - top.a); }
void main() {
  float d = length(v_offset);
  float radius = v_shape.x;
  vec4 acc = layer(v_fill, radius - d + 0.5);
  if (v_shape.w > 0.5) {
    const vec4 grey = vec4(150.0 / 255.0, 150.0 / 255.0, 150.0 / 255.0, 1.0);
    acc = over(layer(grey, 1.0 - abs(d - radius)), acc);
    float along = clamp(0.5 * (v_offset.x + v_offset.y), -0.6 * radius, 0.6 * radius);
    acc = over(layer(grey, 1.0 - length(v_offset - vec2(along))), acc);
  }
  if (v_shape.z > 0.0) acc = over(layer(v_ring, v_shape.z + 0.5 - abs(d - v_shape.y)), acc);
  if (acc.a <= 0.0) discard;
  frag = vec4(acc.rgb / acc.a, acc.a);
}
)";

GLuint compile(GLenum kind, const char* source) {
  GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "tablemap map: drawing with ImGui instead of shaders (%s)\n", log);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

GLuint link(const char* vertex, const char* fragment) {
  GLuint vs = compile(GL_VERTEX_SHADER, vertex), fs = compile(GL_FRAGMENT_SHADER, fragment);
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return 0;
  }
  GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    glDeleteProgram(program);
    return 0;
  }
  return program;
}

// An attribute of each vertex of the expanded quads: vertex records are
// {corner x, corner y, the shape}, so the shape's fields sit 8 bytes in.
void attribute(GLuint location, GLint components, GLenum type, bool normalized, GLsizei stride, size_t offset) {
  glEnableVertexAttribArray(location);
  glVertexAttribPointer(location, components, type, normalized ? GL_TRUE : GL_FALSE, stride,
                        reinterpret_cast<const void*>(offset));
}

// Four corners of a quad: ties span 0..1 along and -1..1 across, discs -1..1 both ways.
constexpr float kTieCorners[4][2] = {{0, -1}, {1, -1}, {0, 1}, {1, 1}};
constexpr float kDiscCorners[4][2] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};

}  // namespace

MapShapes::~MapShapes() {
  if (!gpu_ready_) return;
  glDeleteProgram(tie_program_);
  glDeleteProgram(disc_program_);
  glDeleteProgram(line_program_);
  const GLuint arrays[] = {tie_vao_, line_vao_, disc_vao_};
  glDeleteVertexArrays(3, arrays);
  const GLuint buffers[] = {index_buffer_, tie_buffer_, line_buffer_, disc_buffer_};
  glDeleteBuffers(4, buffers);
  if (picture_fbo_[0]) {
    glDeleteFramebuffers(2, picture_fbo_);
    glDeleteRenderbuffers(2, picture_color_);
  }
}

bool MapShapes::build_gpu_objects() {
  gpu_tried_ = true;
  GLint major = 0, minor = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  glGetIntegerv(GL_MINOR_VERSION, &minor);
  if (major * 10 + minor < 33) return false;
  tie_program_ = link(kTieVertex, kTieFragment);
  line_program_ = link(kLineVertex, kLineFragment);
  disc_program_ = link(kDiscVertex, kDiscFragment);
  if (!tie_program_ || !line_program_ || !disc_program_) return false;
  tie_view_ = glGetUniformLocation(tie_program_, "view");
  line_view_ = glGetUniformLocation(line_program_, "view");
  disc_view_ = glGetUniformLocation(disc_program_, "view");

  GLint last_array = 0, last_buffer = 0;
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &last_array);
  glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &last_buffer);
  glGenBuffers(1, &index_buffer_);
  glGenBuffers(1, &tie_buffer_);
  glGenBuffers(1, &disc_buffer_);

  // Every quad is four vertices (not an instance: Mesa's software renderer
  // runs its whole vertex pipeline once per instance, which costs more than
  // the pixels at 10,000 discs).
  glGenVertexArrays(1, &tie_vao_);
  glBindVertexArray(tie_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, tie_buffer_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
  const GLsizei ts = sizeof(TieVertex);
  attribute(0, 2, GL_FLOAT, false, ts, 0);
  attribute(1, 4, GL_FLOAT, false, ts, 8 + offsetof(TieShape, ax));
  attribute(2, 1, GL_FLOAT, false, ts, 8 + offsetof(TieShape, width));
  attribute(3, 4, GL_UNSIGNED_BYTE, true, ts, 8 + offsetof(TieShape, color));

  glGenBuffers(1, &line_buffer_);
  glGenVertexArrays(1, &line_vao_);
  glBindVertexArray(line_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, line_buffer_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), reinterpret_cast<const void*>(0));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(LineVertex),
                        reinterpret_cast<const void*>(offsetof(LineVertex, color)));

  glGenVertexArrays(1, &disc_vao_);
  glBindVertexArray(disc_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, disc_buffer_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
  const GLsizei ds = sizeof(DiscVertex);
  attribute(0, 2, GL_FLOAT, false, ds, 0);
  attribute(1, 3, GL_FLOAT, false, ds, 8 + offsetof(DiscShape, x));
  attribute(2, 4, GL_UNSIGNED_BYTE, true, ds, 8 + offsetof(DiscShape, fill));
  attribute(3, 4, GL_UNSIGNED_BYTE, true, ds, 8 + offsetof(DiscShape, ring));
  attribute(4, 3, GL_FLOAT, false, ds, 8 + offsetof(DiscShape, ring_gap));

  glBindVertexArray(GLuint(last_array));
  glBindBuffer(GL_ARRAY_BUFFER, GLuint(last_buffer));
  gpu_ready_ = glGetError() == GL_NO_ERROR;
  return gpu_ready_;
}

void MapShapes::queue(ImDrawList* dl, uint32_t background, float origin_x, float origin_y) {
  background_ = background;
  // Whole pixels, so that a pan moves the picture by whole pixels.
  origin_x_ = std::round(origin_x);
  origin_y_ = std::round(origin_y);
  if (ties.empty() && discs.empty()) return;
  if (!gpu_available()) {
    queue_imgui(dl);
    return;
  }
  dl->AddCallback(&MapShapes::render_callback, this);
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void MapShapes::render_callback(const ImDrawList*, const ImDrawCmd* cmd) {
  static_cast<MapShapes*>(cmd->UserCallbackData)->render_gpu(cmd);
}

namespace {

template <class T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void clear_to(uint32_t color) {
  glClearColor(float(color & 0xFF) / 255.f, float((color >> 8) & 0xFF) / 255.f, float((color >> 16) & 0xFF) / 255.f,
               1.f);
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

void MapShapes::upload_shapes() {
  // Two triangles per quad, (0 1 2) and (2 1 3), for as many quads as the bigger kind needs.
  const size_t quads = std::max(ties.size(), discs.size());
  if (quads > index_quads_) {
    std::vector<uint32_t> index(quads * 6);
    for (uint32_t q = 0; q < quads; ++q) {
      const uint32_t v = q * 4, k = q * 6;
      index[k] = v, index[k + 1] = v + 1, index[k + 2] = v + 2;
      index[k + 3] = v + 2, index[k + 4] = v + 1, index[k + 5] = v + 3;
    }
    glBindVertexArray(disc_vao_);  // the element buffer binding belongs to a vertex array
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(index.size() * sizeof(uint32_t)), index.data(), GL_STATIC_DRAW);
    index_quads_ = quads;
  }
  // Ties up to a pixel and a quarter wide go as one-pixel lines, fainter
  // by their width; wider ones as anti-aliased quads.
  thick_.clear();
  lines_.clear();
  for (const TieShape& t : ties) {
    if (t.width > 1.25f) {
      for (const auto& c : kTieCorners) thick_.push_back({c[0], c[1], t});
      continue;
    }
    const uint32_t alpha = uint32_t(float(t.color >> 24) * std::min(1.f, t.width) + 0.5f);
    const uint32_t color = (t.color & 0x00FFFFFFu) | (alpha << 24);
    lines_.push_back({t.ax, t.ay, color});
    lines_.push_back({t.bx, t.by, color});
  }
  disc_vertices_.clear();
  for (const DiscShape& d : discs)
    for (const auto& c : kDiscCorners) disc_vertices_.push_back({c[0], c[1], d});
  glBindBuffer(GL_ARRAY_BUFFER, line_buffer_);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(lines_.size() * sizeof(LineVertex)), lines_.data(), GL_STREAM_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, tie_buffer_);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(thick_.size() * sizeof(TieVertex)), thick_.data(), GL_STREAM_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, disc_buffer_);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(disc_vertices_.size() * sizeof(DiscVertex)), disc_vertices_.data(),
               GL_STREAM_DRAW);
}

void MapShapes::draw_shapes(const float view[4]) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  if (!lines_.empty()) {
    glUseProgram(line_program_);
    glUniform4fv(line_view_, 1, view);
    glBindVertexArray(line_vao_);
    glDrawArrays(GL_LINES, 0, GLsizei(lines_.size()));
  }
  if (!thick_.empty()) {
    glUseProgram(tie_program_);
    glUniform4fv(tie_view_, 1, view);
    glBindVertexArray(tie_vao_);
    glDrawElements(GL_TRIANGLES, GLsizei(thick_.size() / 4 * 6), GL_UNSIGNED_INT, nullptr);
  }
  if (!disc_vertices_.empty()) {
    glUseProgram(disc_program_);
    glUniform4fv(disc_view_, 1, view);
    glBindVertexArray(disc_vao_);
    glDrawElements(GL_TRIANGLES, GLsizei(disc_vertices_.size() / 4 * 6), GL_UNSIGNED_INT, nullptr);
  }
}

void MapShapes::render_gpu(const ImDrawCmd* cmd) {
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return;
  // The map's rectangle (the command's clip rectangle) in framebuffer pixels,
  // y up as OpenGL counts.
  const ImVec2 scale = data->FramebufferScale, display = data->DisplayPos;
  const int fb_height = int(data->DisplaySize.y * scale.y);
  const ImVec4 clip = cmd->ClipRect;
  const int x0 = int((clip.x - display.x) * scale.x), y0 = int((clip.y - display.y) * scale.y);
  const int x1 = int((clip.z - display.x) * scale.x), y1 = int((clip.w - display.y) * scale.y);
  const int w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return;
  const int bottom = fb_height - y1;
  // Shape coordinates are relative to the origin: this maps them onto the clip rectangle.
  const float view[4] = {clip.x - origin_x_, clip.y - origin_y_, clip.z - clip.x, clip.w - clip.y};

  const Picture now{clip.x, clip.y, w, h, origin_x_, origin_y_, background_, draft};
  if (!update_picture(now, view, scale.x == 1.f && scale.y == 1.f)) {
    // No offscreen picture: draw straight onto the screen, clipped to the map.
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, bottom, w, h);
    clear_to(background_);
    upload_shapes();
    draw_shapes(view);
    return;
  }
  GLint draw_fb = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fb);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, picture_fbo_[current_]);
  glDisable(GL_SCISSOR_TEST);
  // A draft fills a quarter of the picture: stretched back to the whole map.
  glBlitFramebuffer(0, 0, picture_.drawn_w(), picture_.drawn_h(), x0, bottom, x1, bottom + h, GL_COLOR_BUFFER_BIT,
                    picture_.draft ? GL_LINEAR : GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, GLuint(draw_fb));
  // ImDrawCallback_ResetRenderState, queued next, gives ImGui its state back.
}

bool MapShapes::make_pictures(int w, int h) {
  if (picture_failed_) return false;
  if (picture_fbo_[0] && w == picture_.w && h == picture_.h) return true;
  if (!picture_fbo_[0]) {
    glGenFramebuffers(2, picture_fbo_);
    glGenRenderbuffers(2, picture_color_);
  }
  GLint draw_fb = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fb);
  bool complete = true;
  for (int k = 0; k < 2; ++k) {
    glBindRenderbuffer(GL_RENDERBUFFER, picture_color_[k]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, picture_fbo_[k]);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, picture_color_[k]);
    complete = complete && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, GLuint(draw_fb));
  picture_ready_ = false;
  picture_failed_ = !complete;
  return complete;
}

bool MapShapes::update_picture(const Picture& now, const float view[4], bool can_scroll) {
  if (!make_pictures(now.w, now.h)) return false;
  const bool same_shapes = picture_ready_ && same(ties, picture_ties_) && same(discs, picture_discs_);
  const bool same_frame = now.clip_x == picture_.clip_x && now.clip_y == picture_.clip_y && now.w == picture_.w &&
                          now.h == picture_.h && now.background == picture_.background && now.draft == picture_.draft;
  // The pan since the last picture, in pixels (y down).
  const int dx = int(now.origin_x - picture_.origin_x), dy = int(now.origin_y - picture_.origin_y);
  if (same_shapes && same_frame && dx == 0 && dy == 0) {
    ++reused_frames_;
    return true;
  }

  GLint draw_fb = 0, viewport[4];
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fb);
  glGetIntegerv(GL_VIEWPORT, viewport);
  glDisable(GL_SCISSOR_TEST);
  const int next = 1 - current_;
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, picture_fbo_[next]);
  glViewport(0, 0, now.drawn_w(), now.drawn_h());
  if (same_shapes && same_frame && can_scroll && !now.draft && std::abs(dx) < now.w && std::abs(dy) < now.h) {
    // Only the map moved: copy the old picture moved by (dx, dy), then draw
    // the strips it uncovers. OpenGL's y goes up: a pan down is -dy.
    const int gdy = -dy;
    const int sx0 = std::max(0, -dx), sx1 = now.w - std::max(0, dx);
    const int sy0 = std::max(0, -gdy), sy1 = now.h - std::max(0, gdy);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, picture_fbo_[current_]);
    glBlitFramebuffer(sx0, sy0, sx1, sy1, sx0 + dx, sy0 + gdy, sx1 + dx, sy1 + gdy, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    upload_shapes();  // once, drawn in each strip
    glEnable(GL_SCISSOR_TEST);
    auto strip = [&](int x, int y, int sw, int sh) {
      if (sw <= 0 || sh <= 0) return;
      glScissor(x, y, sw, sh);
      clear_to(now.background);
      draw_shapes(view);
    };
    strip(dx > 0 ? 0 : now.w + dx, 0, std::abs(dx), now.h);
    strip(0, gdy > 0 ? 0 : now.h + gdy, now.w, std::abs(gdy));
    glDisable(GL_SCISSOR_TEST);
    ++scrolled_frames_;
  } else {
    clear_to(now.background);
    upload_shapes();
    draw_shapes(view);
    picture_ties_ = ties;
    picture_discs_ = discs;
    ++drawn_frames_;
  }
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, GLuint(draw_fb));
  glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  current_ = next;
  picture_ = now;
  picture_ready_ = true;
  return true;
}

void MapShapes::queue_imgui(ImDrawList* dl) const {
  const float ox = origin_x_, oy = origin_y_;
  for (const TieShape& t : ties) dl->AddLine({t.ax + ox, t.ay + oy}, {t.bx + ox, t.by + oy}, t.color, t.width);
  for (const DiscShape& d : discs) {
    const int segments = d.radius < 4 ? 8 : d.radius < 9 ? 12 : d.radius < 16 ? 18 : 24;
    const ImVec2 p{d.x + ox, d.y + oy};
    dl->AddCircleFilled(p, d.radius, d.fill, segments);
    if (d.crossed > 0.5f) {
      const ImU32 grey = IM_COL32(150, 150, 150, 255);
      dl->AddCircle(p, d.radius, grey, segments, 1.f);
      dl->AddLine({p.x - d.radius * 0.6f, p.y - d.radius * 0.6f}, {p.x + d.radius * 0.6f, p.y + d.radius * 0.6f},
                  grey);
    }
    if (d.ring_width > 0) dl->AddCircle(p, d.radius + d.ring_gap, d.ring, segments + 4, d.ring_width);
  }
}

}  // namespace tablemap::viz
