// The map: ties, organizations, rings, glyphs and labels; pan, zoom toward
// the cursor, hover, select, drag to pin.
//
// Per frame O(n + m) over organizations and relationships, with everything
// off-screen culled. Ties and organization discs, the many shapes, go to the
// GPU as one small record each (viz/map_shapes); the few others (arrowheads,
// role glyphs, rings, labels) are ImGui primitives drawn over them. Above
// 15,000 on-screen ties only the strong ones are drawn (level of detail, for
// readability), and labels go through a screen grid that admits one label per
// free cell, biggest organizations first, so they never pile up.
#include "viz/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <imgui.h>

#include "core/palette.hpp"

namespace tablemap::viz {
namespace {

ImU32 with_alpha(Color c, uint8_t a) {
  c.a = a;
  return to_imgui(c);
}

// The kind a relationship is drawn as: the most binding one it has.
TieKind main_kind(TieKindSet kinds) { return main_tie_kind(kinds); }  // core/palette.hpp

void draw_glyphs(ImDrawList* dl, ImVec2 c, float r, uint8_t glyphs) {
  if (r < 5 || !glyphs) return;
  const ImU32 white = IM_COL32(255, 255, 255, 235);
  const float g = r * 0.5f;
  if (glyphs & kGlyphAnchor) {  // diamond
    dl->AddQuadFilled({c.x, c.y - g}, {c.x + g, c.y}, {c.x, c.y + g}, {c.x - g, c.y}, white);
  } else if (glyphs & kGlyphBackbone) {  // square
    dl->AddRectFilled({c.x - g * 0.75f, c.y - g * 0.75f}, {c.x + g * 0.75f, c.y + g * 0.75f}, white);
  } else if (glyphs & kGlyphConvener) {  // triangle
    dl->AddTriangleFilled({c.x, c.y - g}, {c.x + g * 0.9f, c.y + g * 0.6f}, {c.x - g * 0.9f, c.y + g * 0.6f}, white);
  }
}

bool on_screen(const AppState& s, float x, float y, float margin) {
  return x >= s.map_x - margin && x <= s.map_x + s.map_w + margin && y >= s.map_y - margin &&
         y <= s.map_y + s.map_h + margin;
}

int32_t find_hovered(const AppState& s, ImVec2 mouse) {
  int32_t best = -1;
  float best_d = 1e30f;
  const uint32_t n = s.organization_count();
  for (uint32_t i = 0; i < n; ++i) {
    if (!s.visible[i]) continue;
    const float dx = screen_x(s, s.pos[i].x) - mouse.x, dy = screen_y(s, s.pos[i].y) - mouse.y;
    const float d = dx * dx + dy * dy, r = screen_radius(s, i) + 3;
    if (d <= r * r && d < best_d) best_d = d, best = int32_t(i);
  }
  return best;
}

void handle_input(AppState& s) {
  ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  if (hovered && s.dragging < 0) s.hovered = find_hovered(s, io.MousePos);
  else if (!hovered && !active) s.hovered = -1;

  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
    s.selected = s.hovered;
    s.dragging = s.hovered;
  }
  if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.f)) {
    if (s.dragging >= 0) {  // moving an organization pins it where it is dropped
      s.pos[size_t(s.dragging)].x += io.MouseDelta.x / s.camera.zoom;
      s.pos[size_t(s.dragging)].y -= io.MouseDelta.y / s.camera.zoom;
      s.pinned[size_t(s.dragging)] = 1;
      s.positions_changed = true;
    } else {
      pan_by(s, io.MouseDelta.x, io.MouseDelta.y);
    }
  }
  if (active && (ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle))) {
    pan_by(s, io.MouseDelta.x, io.MouseDelta.y);
  }
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) s.dragging = -1;
  if (hovered && io.MouseWheel != 0) zoom_at(s, io.MousePos.x, io.MousePos.y, std::pow(1.2f, io.MouseWheel));
}

// Arrowheads of one-way ties, drawn by ImGui over the GPU's ties.
struct Arrow {
  ImVec2 tip, left, right;
  ImU32 color;
};

// Where the shapes' (0, 0), the layout's origin, is on screen. Shapes are
// placed relative to it (layout point times zoom), so that a pan changes this
// origin only and the GPU can scroll the picture it already has.
ImVec2 shape_origin(const AppState& s) { return {screen_x(s, 0.f), screen_y(s, 0.f)}; }
ImVec2 shape_point(const AppState& s, uint32_t org) {
  return {s.pos[org].x * s.camera.zoom, -s.pos[org].y * s.camera.zoom};
}

// The ties become TieShapes; arrowheads (few: only when under 3,000 ties are
// on screen) are returned for drawing after the shapes. On the GPU every tie
// is sent, on or off screen (the picture can then be scrolled); ImGui's
// primitives get only those on screen.
std::vector<Arrow> collect_ties(AppState& s) {
  const auto& rels = s.network.relationships();
  const float x0 = s.map_x, y0 = s.map_y, x1 = s.map_x + s.map_w, y1 = s.map_y + s.map_h;
  const bool cull = !s.shapes.gpu_available();
  auto drawable = [&](const Relationship& r) {
    return s.visible[r.a] && s.visible[r.b] && !s.removed[r.a] && !s.removed[r.b] && (r.kinds & s.filters.tie_kinds);
  };
  auto endpoints = [&](const Relationship& r, ImVec2& a, ImVec2& b) {
    a = {screen_x(s, s.pos[r.a].x), screen_y(s, s.pos[r.a].y)};
    b = {screen_x(s, s.pos[r.b].x), screen_y(s, s.pos[r.b].y)};
    return std::max(a.x, b.x) >= x0 && std::min(a.x, b.x) <= x1 && std::max(a.y, b.y) >= y0 &&
           std::min(a.y, b.y) <= y1;
  };
  // Level of detail, for readability: when a hairball of ties is on screen,
  // the occasional (strength 1) ones are left out.
  size_t on_screen_count = 0;
  ImVec2 a, b;
  for (const Relationship& r : rels)
    if (drawable(r) && endpoints(r, a, b)) ++on_screen_count;
  s.weak_ties_hidden = on_screen_count > 15000;
  // While the wheel turns over a big network every shape moves, so the
  // picture cannot be reused: only the strongest ties are drawn (each line
  // costs a software renderer, however short), into a half-resolution draft
  // (a quarter of the pixels to fill), so that every zoom step comes in time.
  // The whole picture follows 0.3 s after the last step.
  s.thinned_while_zooming = on_screen_count > 5000 && now_seconds() - s.zoomed_at < 0.3;
  s.shapes.draft = s.thinned_while_zooming;
  const uint8_t weakest = s.thinned_while_zooming ? 3 : s.weak_ties_hidden ? 2 : 1;
  const bool arrows = on_screen_count < 3000;
  const float scale = std::clamp(s.camera.zoom, 0.4f, 1.5f);
  std::vector<Arrow> heads;
  for (const Relationship& r : rels) {
    if (!drawable(r) || r.strength < weakest) continue;
    const bool seen = endpoints(r, a, b);
    if (cull && !seen) continue;
    const ImVec2 pa = shape_point(s, r.a), pb = shape_point(s, r.b);
    if (std::fabs(pa.x - pb.x) + std::fabs(pa.y - pb.y) < 1.5f) continue;  // shorter than a pixel
    const bool touches_selection = int32_t(r.a) == s.selected || int32_t(r.b) == s.selected;
    const uint8_t alpha = uint8_t((r.confirmed ? 70 : 35) + 55 * r.strength + (touches_selection ? 60 : 0));
    const float width = (0.6f + 0.8f * r.strength) * scale + (touches_selection ? 1.f : 0.f);
    const ImU32 color = with_alpha(tie_kind_color(main_kind(r.kinds)), alpha);
    s.shapes.ties.push_back({pa.x, pa.y, pb.x, pb.y, width, color});
    if (seen && arrows && r.a_to_b != r.b_to_a) {  // a one-way tie: an arrowhead at its head
      ImVec2 from = r.a_to_b ? a : b, to = r.a_to_b ? b : a;
      const float dx = to.x - from.x, dy = to.y - from.y, len = std::sqrt(dx * dx + dy * dy);
      if (len > 30) {
        const float ux = dx / len, uy = dy / len;
        const float back = screen_radius(s, r.a_to_b ? r.b : r.a) + 1;
        ImVec2 tip{to.x - ux * back, to.y - uy * back};
        const float h = 7 * scale + 2, w = 3.5f * scale + 1;
        heads.push_back({tip,
                         {tip.x - ux * h - uy * w, tip.y - uy * h + ux * w},
                         {tip.x - ux * h + uy * w, tip.y - uy * h - ux * w},
                         color});
      }
    }
  }
  return heads;
}

// The organizations become DiscShapes (on the GPU all of them, for ImGui
// those on screen); returns those on screen with a role glyph, to be drawn
// after the discs.
std::vector<uint32_t> collect_nodes(AppState& s) {
  const uint32_t n = s.organization_count();
  const bool cull = !s.shapes.gpu_available();
  std::vector<uint32_t> with_glyph;
  for (uint32_t i = 0; i < n; ++i) {
    if (!s.visible[i]) continue;
    const float r = screen_radius(s, i);
    const bool seen = on_screen(s, screen_x(s, s.pos[i].x), screen_y(s, s.pos[i].y), r + 8);
    if (cull && !seen) continue;
    const ImVec2 p = shape_point(s, i);
    if (s.removed[i]) {
      s.shapes.discs.push_back({p.x, p.y, r, to_imgui(kRemovedColor), 0, 0, 0, 1});
      continue;
    }
    const Color fill = node_fill(s, i);
    const float ring_width = s.at_table[i] ? (r < 5 ? 1.2f : 2.f) : 0.f;
    s.shapes.discs.push_back({p.x, p.y, r, to_imgui(fill), to_imgui(kAtTableRing), 1.5f, ring_width, 0});
    if (seen && s.glyphs[i] && r >= 5) with_glyph.push_back(i);
  }
  return with_glyph;
}

// Selection, highlight and hover rings, on top of neighbours and names.
void draw_rings(AppState& s, ImDrawList* dl) {
  const uint32_t n = s.organization_count();
  auto ring = [&](uint32_t i, Color color, float gap, float width) {
    if (i >= n || !s.visible[i]) return;
    const ImVec2 p{screen_x(s, s.pos[i].x), screen_y(s, s.pos[i].y)};
    const float r = screen_radius(s, i);
    dl->AddCircle(p, r + gap, to_imgui(color), 32, width);
  };
  for (uint32_t i : s.highlighted) ring(i, kHighlightColor, 4.5f, 3.f);
  for (uint32_t i : s.search_hits) ring(i, kHighlightColor, 4.5f, 3.f);
  if (s.selected >= 0) ring(uint32_t(s.selected), kSelectedColor, 5.f, 4.f);
  if (s.hovered >= 0 && s.hovered != s.selected) ring(uint32_t(s.hovered), Color{90, 90, 90, 200}, 3.f, 1.5f);
}

void draw_labels(AppState& s, ImDrawList* dl) {
  const uint32_t n = s.organization_count();
  const Community& c = s.community();
  const float cell_w = 16, cell_h = ImGui::GetFontSize() + 2;
  const int cols = int(s.map_w / cell_w) + 1, rows = int(s.map_h / cell_h) + 1;
  std::vector<uint8_t> taken(size_t(cols) * size_t(rows), 0);
  int placed = 0;
  auto try_label = [&](uint32_t i, bool always) {
    if (i >= n || !s.visible[i]) return;
    const float x = screen_x(s, s.pos[i].x), y = screen_y(s, s.pos[i].y), r = screen_radius(s, i);
    if (!on_screen(s, x, y, 0)) return;
    if (!always && r < 3.5f) return;
    const char* name = c.organizations[i].name.c_str();
    const ImVec2 size = ImGui::CalcTextSize(name);
    // Right of the node, or left of it when the name would leave the map.
    const float lx = x + r + 3 + size.x > s.map_x + s.map_w ? x - r - 3 - size.x : x + r + 3;
    const float ly = y - size.y / 2;
    const int cx0 = int((lx - s.map_x) / cell_w), cx1 = int((lx + size.x - s.map_x) / cell_w);
    const int cy0 = int((ly - s.map_y) / cell_h), cy1 = int((ly + size.y - s.map_y) / cell_h);
    auto in = [&](int cx, int cy) { return cx >= 0 && cy >= 0 && cx < cols && cy < rows; };
    if (!always) {
      for (int cy = cy0; cy <= cy1; ++cy)
        for (int cx = cx0; cx <= cx1; ++cx)
          if (!in(cx, cy) || taken[size_t(cy) * cols + cx]) return;
    }
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx)
        if (in(cx, cy)) taken[size_t(cy) * cols + cx] = 1;
    dl->AddRectFilled({lx - 2, ly}, {lx + size.x + 2, ly + size.y}, IM_COL32(255, 255, 255, 190), 3);
    dl->AddText({lx, ly}, s.removed[i] ? IM_COL32(140, 140, 140, 255) : IM_COL32(25, 25, 25, 255), name);
    ++placed;
  };
  if (s.selected >= 0) try_label(uint32_t(s.selected), true);
  if (s.hovered >= 0) try_label(uint32_t(s.hovered), true);
  for (uint32_t i : s.highlighted) try_label(i, true);
  for (uint32_t i : s.search_hits) try_label(i, false);
  if (!s.show_labels) return;
  int checked = 0;
  for (uint32_t i : s.by_size) {
    if (placed >= 250 || ++checked > 4000) break;
    try_label(i, false);
  }
}

void draw_tooltip(const AppState& s) {
  if (s.hovered < 0 || s.dragging >= 0) return;
  const Community& c = s.community();
  const uint32_t i = uint32_t(s.hovered);
  const Organization& o = c.organizations[i];
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(o.name.c_str());
  ImGui::TextDisabled("%s", o.id.c_str());
  ImGui::Text("sector: %s%s", c.sector_name(o.sector).c_str(), c.profile.is_required(o.sector) ? " (required)" : "");
  ImGui::Text("%s the table", s.at_table[i] ? "at" : "not at");
  ImGui::Text("%u ties, %u people", s.network.degree(i), unsigned(s.people_count[i]));
  if (s.glyphs[i])
    ImGui::Text("roles:%s%s%s", (s.glyphs[i] & kGlyphAnchor) ? " anchor" : "",
                (s.glyphs[i] & kGlyphBackbone) ? " backbone" : "", (s.glyphs[i] & kGlyphConvener) ? " convener" : "");
  if (s.removed[i]) ImGui::TextColored({0.6f, 0.1f, 0.1f, 1}, "removed in what-if");
  if (s.pinned[i]) ImGui::TextDisabled("pinned (drag to move)");
  ImGui::EndTooltip();
}

void draw_progress(const AppState& s, ImDrawList* dl) {
  if (!s.layout.running()) return;
  const ImVec2 c{s.map_x + s.map_w / 2, s.map_y + s.map_h / 2};
  const double t = s.layout.elapsed();
  const float a0 = float(t * 4.0);
  dl->PathArcTo(c, 18, a0, a0 + 4.2f, 24);
  dl->PathStroke(IM_COL32(60, 90, 160, 255), 0, 4);
  char text[160];
  std::snprintf(text, sizeof text, "Laying out %u organizations with %s... %.1f s", s.organization_count(),
                s.layout.engine().c_str(), t);
  const ImVec2 size = ImGui::CalcTextSize(text);
  dl->AddText({c.x - size.x / 2, c.y + 28}, IM_COL32(40, 40, 40, 255), text);
}

}  // namespace

void zoom_at(AppState& s, float sx, float sy, float factor) {
  const float wx = world_x(s, sx), wy = world_y(s, sy);
  s.camera.zoom = std::clamp(s.camera.zoom * factor, 0.002f, 40.f);
  s.zoomed_at = now_seconds();
  // Keep the layout point under the cursor where it was.
  s.camera.center_x = wx - (sx - s.map_x - s.map_w * 0.5f) / s.camera.zoom;
  s.camera.center_y = wy + (sy - s.map_y - s.map_h * 0.5f) / s.camera.zoom;
}

void pan_by(AppState& s, float dx, float dy) {
  s.camera.center_x -= dx / s.camera.zoom;
  s.camera.center_y += dy / s.camera.zoom;
}

void draw_map(AppState& s) {
  refresh(s);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 50.f);
  size.y = std::max(size.y, 50.f);
  s.map_x = origin.x, s.map_y = origin.y, s.map_w = size.x, s.map_h = size.y;
  apply_filters(s);
  if (s.fit_requested && s.have_positions && !s.layout.running()) {
    fit_to_window(s);
    s.fit_requested = false;
  }

  ImGui::InvisibleButton("map", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, {origin.x + size.x, origin.y + size.y}, true);
  const bool have_map = s.have_positions && s.pos.size() == s.organization_count();
  std::vector<Arrow> heads;
  std::vector<uint32_t> with_glyph;
  s.shapes.clear();
  if (have_map) {
    handle_input(s);
    heads = collect_ties(s);
    with_glyph = collect_nodes(s);
  }
  // The GPU's picture of the shapes is drawn over the map's background
  // color, covering the whole map; otherwise ImGui paints the background.
  const bool covered = s.shapes.gpu_available() && !(s.shapes.ties.empty() && s.shapes.discs.empty());
  if (!covered) dl->AddRectFilled(origin, {origin.x + size.x, origin.y + size.y}, to_imgui(kMapBackground));
  if (have_map) {
    const ImVec2 o = shape_origin(s);
    s.shapes.queue(dl, to_imgui(kMapBackground), o.x, o.y);  // ties, then discs
    for (const Arrow& h : heads) dl->AddTriangleFilled(h.tip, h.left, h.right, h.color);
    for (uint32_t i : with_glyph)
      draw_glyphs(dl, {screen_x(s, s.pos[i].x), screen_y(s, s.pos[i].y)}, screen_radius(s, i), s.glyphs[i]);
    draw_labels(s, dl);
    draw_rings(s, dl);
    if (ImGui::IsItemHovered()) draw_tooltip(s);
  } else if (s.organization_count() == 0 && !s.layout.running()) {
    const char* text = s.path.empty() ? "Open a community: File > Open, or Trainer > a sample"
                                      : "This community has no organizations yet: add one in the Edit tab";
    const ImVec2 ts = ImGui::CalcTextSize(text);
    dl->AddText({origin.x + (size.x - ts.x) / 2, origin.y + size.y / 2}, IM_COL32(90, 90, 90, 255), text);
  }
  draw_progress(s, dl);
  if (s.thinned_while_zooming || s.weak_ties_hidden)
    dl->AddText({origin.x + 8, origin.y + size.y - ImGui::GetFontSize() - 6}, IM_COL32(90, 90, 90, 255),
                s.thinned_while_zooming ? "only the strongest ties while zooming"
                                        : "occasional ties hidden at this zoom: zoom in to see them");
  dl->PopClipRect();
}

}  // namespace tablemap::viz
