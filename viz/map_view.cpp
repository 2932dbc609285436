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

// The role glyph inside a disc: diamond = anchor; square = backbone, white
// when agreed, hollow when only claimed, red with a white rim when it
// competes with others for the same backbone; triangle = convener.
void draw_glyphs(ImDrawList* dl, ImVec2 c, float r, uint8_t glyphs, BackboneMark backbone) {
  if (r < 5 || !(glyphs || backbone != BackboneMark::none)) return;
  const ImU32 white = IM_COL32(255, 255, 255, 235);
  const float g = r * 0.5f;
  const ImVec2 a{c.x - g * 0.75f, c.y - g * 0.75f}, b{c.x + g * 0.75f, c.y + g * 0.75f};
  if (glyphs & kGlyphAnchor) {  // diamond
    dl->AddQuadFilled({c.x, c.y - g}, {c.x + g, c.y}, {c.x, c.y + g}, {c.x - g, c.y}, white);
  } else if (backbone == BackboneMark::competing) {
    dl->AddRectFilled({a.x - 1.5f, a.y - 1.5f}, {b.x + 1.5f, b.y + 1.5f}, white);
    dl->AddRectFilled(a, b, to_imgui(kCompetingColor));
  } else if (backbone == BackboneMark::claimed) {
    dl->AddRect(a, b, white, 0, 0, std::max(1.5f, r * 0.12f));
  } else if (backbone == BackboneMark::agreed || (glyphs & kGlyphBackbone)) {  // square
    dl->AddRectFilled(a, b, white);
  } else if (glyphs & kGlyphConvener) {  // triangle
    dl->AddTriangleFilled({c.x, c.y - g}, {c.x + g * 0.9f, c.y + g * 0.6f}, {c.x - g * 0.9f, c.y + g * 0.6f}, white);
  }
}

// The dashed circle of a ghost (viz/years.hpp), in screen pixels.
constexpr float kGhostRadius = 8;

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
      ++s.positions_revision;
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
    if (tie_drawn(s, r) && endpoints(r, a, b)) ++on_screen_count;
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
    if (r.strength < weakest) continue;
    const TieLook look = tie_look(s, r);
    if (!look.drawn) continue;
    const bool seen = endpoints(r, a, b);
    if (cull && !seen) continue;
    const ImVec2 pa = shape_point(s, r.a), pb = shape_point(s, r.b);
    if (std::fabs(pa.x - pb.x) + std::fabs(pa.y - pb.y) < 1.5f) continue;  // shorter than a pixel
    const bool touches_selection = int32_t(r.a) == s.selected || int32_t(r.b) == s.selected;
    const uint8_t alpha = uint8_t((r.confirmed ? 70 : 35) + 55 * r.strength + (touches_selection ? 60 : 0));
    const float width = (0.6f + 0.8f * r.strength) * scale + (touches_selection ? 1.f : 0.f);
    const ImU32 color = with_alpha(look.color, alpha);
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
std::vector<uint32_t> collect_nodes(AppState& s, const MapMarks& marks) {
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
    if (seen && r >= 5 && (s.glyphs[i] || (i < marks.backbone.size() && marks.backbone[i] != BackboneMark::none)))
      with_glyph.push_back(i);
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
  if (s.hovered >= 0 && s.hovered != s.selected && !s.picture_frame)
    ring(uint32_t(s.hovered), Color{90, 90, 90, 200}, 3.f, 1.5f);
}

// Names, placed where they cover neither another name nor another disc:
// each tries right, left, above and below its disc. First those that must
// show (the selection, the hovered one, the candidates for an empty seat,
// captions' and panels' highlights), then the organizations at the table,
// then the rest biggest first, up to 250 names.
void draw_labels(AppState& s, ImDrawList* dl, const MapMarks& marks) {
  const uint32_t n = s.organization_count();
  const Community& c = s.community();
  const float cell_w = 8, cell_h = std::max(6.f, ImGui::GetFontSize() / 2);
  const int cols = int(s.map_w / cell_w) + 1, rows = int(s.map_h / cell_h) + 1;
  // 1 = a disc, 2 = a name.
  std::vector<uint8_t> taken(size_t(cols) * size_t(rows), 0);
  auto cell_range = [&](float x0, float y0, float x1, float y1, int& cx0, int& cy0, int& cx1, int& cy1) {
    cx0 = std::max(0, int((x0 - s.map_x) / cell_w)), cx1 = std::min(cols - 1, int((x1 - s.map_x) / cell_w));
    cy0 = std::max(0, int((y0 - s.map_y) / cell_h)), cy1 = std::min(rows - 1, int((y1 - s.map_y) / cell_h));
  };
  // Discs big enough to read (a name never hides one), at most 20,000 cells' worth.
  for (uint32_t i = 0; i < n; ++i) {
    if (!s.visible[i]) continue;
    const float x = screen_x(s, s.pos[i].x), y = screen_y(s, s.pos[i].y), r = screen_radius(s, i);
    if (r < 4 || !on_screen(s, x, y, r)) continue;
    int cx0, cy0, cx1, cy1;
    const float k = r * 0.8f;  // the cells mostly inside the disc
    cell_range(x - k, y - k, x + k, y + k, cx0, cy0, cx1, cy1);
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx) taken[size_t(cy) * cols + cx] = 1;
  }
  // Nor does it hide the ghost of an organization gone since the year compared with.
  const bool ghosts = s.coloring.by == ColorBy::change;
  if (ghosts)
    for (const Ghost& g : s.years.ghosts) {
      if (!g.placed) continue;
      int cx0, cy0, cx1, cy1;
      const float x = screen_x(s, g.pos.x), y = screen_y(s, g.pos.y);
      cell_range(x - kGhostRadius, y - kGhostRadius, x + kGhostRadius, y + kGhostRadius, cx0, cy0, cx1, cy1);
      for (int cy = cy0; cy <= cy1; ++cy)
        for (int cx = cx0; cx <= cx1; ++cx) taken[size_t(cy) * cols + cx] = 1;
    }
  // The notes over the map's corner (last frame's place) are no place for a name.
  if (s.notes_rect[2] > 0) {
    int cx0, cy0, cx1, cy1;
    cell_range(s.notes_rect[0], s.notes_rect[1], s.notes_rect[0] + s.notes_rect[2], s.notes_rect[1] + s.notes_rect[3],
               cx0, cy0, cx1, cy1);
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx) taken[size_t(cy) * cols + cx] = 2;
  }
  // Nor are the role hierarchy's tier names (placed as draw_tiers places them).
  for (const Tier& t : s.tiers) {
    const ImVec2 size = ImGui::CalcTextSize(t.name.c_str());
    const float x = std::max(s.map_x + 6, screen_x(s, t.x_left) - size.x);
    const float y = (screen_y(s, t.y_top) + screen_y(s, t.y_bottom)) / 2 - size.y / 2;
    int cx0, cy0, cx1, cy1;
    cell_range(x - 4, y - 2, x + size.x + 4, y + size.y + 2, cx0, cy0, cx1, cy1);
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx) taken[size_t(cy) * cols + cx] = 2;
  }
  std::vector<uint8_t> labelled(n, 0);
  int placed = 0;
  auto free_at = [&](float lx, float ly, ImVec2 size) {
    if (lx < s.map_x || ly < s.map_y || lx + size.x > s.map_x + s.map_w || ly + size.y > s.map_y + s.map_h) return false;
    int cx0, cy0, cx1, cy1;
    cell_range(lx, ly, lx + size.x, ly + size.y, cx0, cy0, cx1, cy1);
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx)
        if (taken[size_t(cy) * cols + cx]) return false;
    return true;
  };
  auto try_label = [&](uint32_t i, bool always, const std::string& text) {
    if (i >= n || labelled[i] || !s.visible[i]) return;
    const float x = screen_x(s, s.pos[i].x), y = screen_y(s, s.pos[i].y), r = screen_radius(s, i);
    if (!on_screen(s, x, y, 0)) return;
    if (!always && r < 3.5f) return;
    // A name wider than most of the map is cut to fit (the disc's tooltip has it whole).
    std::string shown = text;
    const float widest = std::max(60.f, s.map_w * 0.8f);
    if (ImGui::CalcTextSize(shown.c_str()).x > widest) {
      while (!shown.empty() && ImGui::CalcTextSize((shown + "...").c_str()).x > widest) {
        shown.pop_back();
        while (!shown.empty() && (uint8_t(shown.back()) & 0xC0) == 0x80) shown.pop_back();  // a whole UTF-8 letter
        if (!shown.empty() && (uint8_t(shown.back()) & 0xC0) == 0xC0) shown.pop_back();
      }
      shown += "...";
    }
    const ImVec2 size = ImGui::CalcTextSize(shown.c_str());
    // Its own disc's cells do not count against it.
    int dx0, dy0, dx1, dy1;
    const float k = r * 0.8f;
    cell_range(x - k, y - k, x + k, y + k, dx0, dy0, dx1, dy1);
    std::vector<uint8_t> own;
    for (int cy = dy0; cy <= dy1; ++cy)
      for (int cx = dx0; cx <= dx1; ++cx) {
        own.push_back(taken[size_t(cy) * cols + cx]);
        if (own.back() == 1) taken[size_t(cy) * cols + cx] = 0;
      }
    const ImVec2 spots[4] = {{x + r + 3, y - size.y / 2},
                             {x - r - 3 - size.x, y - size.y / 2},
                             {x - size.x / 2, y - r - 2 - size.y},
                             {x - size.x / 2, y + r + 2}};
    int pick = -1;
    for (int k2 = 0; k2 < 4 && pick < 0; ++k2)
      if (free_at(spots[k2].x, spots[k2].y, size)) pick = k2;
    ImVec2 at = pick >= 0 ? spots[pick] : ImVec2{};
    if (pick < 0 && always) {
      // A name that must show: the spot that covers the fewest other names
      // and discs, moved inside the map.
      int best = INT32_MAX;
      for (int k2 = 0; k2 < 4; ++k2) {
        ImVec2 p = spots[k2];
        p.x = std::clamp(p.x, s.map_x + 2, std::max(s.map_x + 2, s.map_x + s.map_w - size.x - 2));
        p.y = std::clamp(p.y, s.map_y + 2, std::max(s.map_y + 2, s.map_y + s.map_h - size.y - 2));
        int cx0, cy0, cx1, cy1, covered = 0;
        cell_range(p.x, p.y, p.x + size.x, p.y + size.y, cx0, cy0, cx1, cy1);
        for (int cy = cy0; cy <= cy1; ++cy)
          for (int cx = cx0; cx <= cx1; ++cx) covered += taken[size_t(cy) * cols + cx] ? 1 : 0;
        if (covered < best) best = covered, pick = k2, at = p;
      }
    }
    size_t o = 0;
    for (int cy = dy0; cy <= dy1; ++cy)
      for (int cx = dx0; cx <= dx1; ++cx, ++o)
        if (own[o] == 1 && taken[size_t(cy) * cols + cx] == 0) taken[size_t(cy) * cols + cx] = 1;
    if (pick < 0) return;
    const float lx = at.x, ly = at.y;
    int cx0, cy0, cx1, cy1;
    cell_range(lx, ly, lx + size.x, ly + size.y, cx0, cy0, cx1, cy1);
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx) taken[size_t(cy) * cols + cx] = 2;
    dl->AddRectFilled({lx - 2, ly}, {lx + size.x + 2, ly + size.y}, IM_COL32(255, 255, 255, 200), 3);
    dl->AddText({lx, ly}, s.removed[i] ? IM_COL32(140, 140, 140, 255) : IM_COL32(25, 25, 25, 255), shown.c_str());
    labelled[i] = 1;
    s.labels_drawn.push_back(i);
    ++placed;
  };
  s.labels_drawn.clear();
  auto name = [&](uint32_t i) { return c.organizations[i].name; };
  if (s.selected >= 0) try_label(uint32_t(s.selected), true, name(uint32_t(s.selected)));
  if (s.hovered >= 0 && !s.picture_frame) try_label(uint32_t(s.hovered), true, name(uint32_t(s.hovered)));
  for (const SeatCandidate& cand : marks.candidates)
    try_label(cand.organization, true, name(cand.organization) + "  (could seat " + c.sector_name(cand.sector) + ")");
  for (uint32_t i : s.highlighted) try_label(i, true, name(i));
  for (uint32_t i : s.search_hits) try_label(i, false, name(i));
  if (!s.show_labels) return;
  // The ghosts' names, in grey, where they find room.
  if (ghosts)
    for (const Ghost& g : s.years.ghosts) {
      const float x = screen_x(s, g.pos.x), y = screen_y(s, g.pos.y);
      if (!g.placed || !on_screen(s, x, y, 0)) continue;
      const ImVec2 size = ImGui::CalcTextSize(g.name.c_str());
      const float r = kGhostRadius;
      const ImVec2 spots[4] = {{x + r + 3, y - size.y / 2},
                               {x - r - 3 - size.x, y - size.y / 2},
                               {x - size.x / 2, y - r - 2 - size.y},
                               {x - size.x / 2, y + r + 2}};
      for (const ImVec2& at : spots) {
        if (!free_at(at.x, at.y, size)) continue;
        int cx0, cy0, cx1, cy1;
        cell_range(at.x, at.y, at.x + size.x, at.y + size.y, cx0, cy0, cx1, cy1);
        for (int cy = cy0; cy <= cy1; ++cy)
          for (int cx = cx0; cx <= cx1; ++cx) taken[size_t(cy) * cols + cx] = 2;
        dl->AddRectFilled({at.x - 2, at.y}, {at.x + size.x + 2, at.y + size.y}, IM_COL32(255, 255, 255, 200), 3);
        dl->AddText(at, IM_COL32(110, 110, 110, 255), g.name.c_str());
        break;
      }
    }
  int checked = 0;
  for (uint32_t i : s.by_size) {
    if (placed >= 250 || ++checked > 4000) break;
    if (i < s.at_table.size() && s.at_table[i]) try_label(i, false, name(i));
  }
  checked = 0;
  for (uint32_t i : s.by_size) {
    if (placed >= 250 || ++checked > 4000) break;
    try_label(i, false, name(i));
  }
}

// People as small discs around their organization, colored by generation
// (a dark rim: at the table); only where the organization's disc is big
// enough to hold them in view.
void draw_people(AppState& s, ImDrawList* dl) {
  if (!s.show_people) return;
  const Community& c = s.community();
  const uint32_t n = s.organization_count();
  std::vector<uint16_t> count(n, 0), seen(n, 0);
  for (const Person& p : c.people)
    if (p.organization >= 0 && uint32_t(p.organization) < n) ++count[size_t(p.organization)];
  for (const Person& p : c.people) {
    if (p.organization < 0 || uint32_t(p.organization) >= n) continue;
    const uint32_t i = uint32_t(p.organization);
    const uint16_t k = seen[i]++;
    if (!s.visible[i] || s.removed[i]) continue;
    const float r = screen_radius(s, i);
    if (r < 6) continue;
    const float x = screen_x(s, s.pos[i].x), y = screen_y(s, s.pos[i].y);
    if (!on_screen(s, x, y, r + 10)) continue;
    const float a = -1.5707963f + 6.2831853f * float(k) / float(count[i]);
    const float pr = std::clamp(r * 0.22f, 2.5f, 4.5f), ring = r + pr + 1.5f;
    const ImVec2 at{x + ring * std::cos(a), y + ring * std::sin(a)};
    dl->AddCircleFilled(at, pr, to_imgui(generation_color(p.generation)), 10);
    if (p.at_table) dl->AddCircle(at, pr, to_imgui(kAtTableRing), 10, 1.2f);
  }
}

// Comparing with an earlier year: the organizations gone since, as dashed
// outlines where they stood (their names, in grey, go with the other names
// in draw_labels).
void draw_ghosts(AppState& s, ImDrawList* dl) {
  if (s.coloring.by != ColorBy::change) return;
  const ImU32 ink = to_imgui(year_change_color(YearChange::left_table));
  const float r = kGhostRadius;
  for (const Ghost& g : s.years.ghosts) {
    if (!g.placed) continue;
    const ImVec2 at{screen_x(s, g.pos.x), screen_y(s, g.pos.y)};
    if (!on_screen(s, at.x, at.y, r + 4)) continue;
    constexpr int kDashes = 10;  // ImGui has no dashed circle: every other arc of twenty
    for (int k = 0; k < kDashes; ++k) {
      const float a0 = 6.2831853f * float(2 * k) / float(2 * kDashes), a1 = a0 + 6.2831853f / float(2 * kDashes);
      dl->PathArcTo(at, r, a0, a1, 4);
      dl->PathStroke(ink, 0, 1.6f);
    }
  }
}

// The role hierarchy's tier names, left of their rows, with a faint line
// between tiers.
void draw_tiers(AppState& s, ImDrawList* dl) {
  for (size_t k = 0; k < s.tiers.size(); ++k) {
    const Tier& t = s.tiers[k];
    const float top = screen_y(s, t.y_top), bottom = screen_y(s, t.y_bottom);
    if (bottom < s.map_y - 40 || top > s.map_y + s.map_h + 40) continue;
    const ImVec2 size = ImGui::CalcTextSize(t.name.c_str());
    const float x = std::max(s.map_x + 6, screen_x(s, t.x_left) - size.x);
    const float y = (top + bottom) / 2 - size.y / 2;
    dl->AddRectFilled({x - 4, y - 2}, {x + size.x + 4, y + size.y + 2}, IM_COL32(232, 236, 245, 235), 4);
    dl->AddText({x, y}, IM_COL32(40, 60, 110, 255), t.name.c_str());
    if (k + 1 < s.tiers.size()) {
      const float line = (screen_y(s, t.y_bottom) + screen_y(s, s.tiers[k + 1].y_top)) / 2;
      dl->AddLine({s.map_x, line}, {s.map_x + s.map_w, line}, IM_COL32(200, 205, 220, 255), 1.f);
    }
  }
}

// Candidates for an empty seat: a dashed ring in the color of the sector
// they could seat, around the magenta and yellow rings' place.
void draw_candidates(AppState& s, ImDrawList* dl, const MapMarks& marks) {
  for (const SeatCandidate& cand : marks.candidates) {
    const uint32_t i = cand.organization;
    if (i >= s.organization_count() || !s.visible[i]) continue;
    const ImVec2 p{screen_x(s, s.pos[i].x), screen_y(s, s.pos[i].y)};
    const float r = screen_radius(s, i) + 8;
    const ImU32 col = to_imgui(kCandidateRing);
    for (int k = 0; k < 12; ++k) {
      const float a0 = float(k) * 6.2831853f / 12, a1 = a0 + 6.2831853f / 24;
      dl->PathArcTo(p, r, a0, a1, 6);
      dl->PathStroke(col, 0, 2.5f);
    }
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

void draw_map_notes(AppState& s) {
  s.notes_rect[2] = 0;
  const int shown_before = s.notes_frames;
  s.notes_frames = 0;
  if (s.organization_count() == 0 || !s.have_positions) return;
  const MapMarks& m = map_marks(s, s.backbone_area);
  if (m.no_seat.empty() && m.areas.empty()) return;
  s.notes_frames = shown_before + 1;
  const Community& c = report_community(s);
  const float w = std::min(s.map_w * 0.55f, 26 * ImGui::GetFontSize());
  ImGui::SetNextWindowPos({s.map_x + 8, s.map_y + 8});
  ImGui::SetNextWindowSizeConstraints({w, 0}, {w, s.map_h * 0.5f});
  ImGui::SetNextWindowBgAlpha(0.88f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin("##map_notes", nullptr, flags)) {
    const ImVec4 red{0.75f, 0.12f, 0.1f, 1};
    auto names = [&](const std::vector<FunctionId>& fs) {
      std::string out;
      for (FunctionId f : fs) out += (out.empty() ? "" : ", ") + c.profile.backbone_functions[size_t(f)];
      return out;
    };
    if (!m.no_seat.empty()) {
      std::string sectors;
      for (SectorId sec : m.no_seat) sectors += (sectors.empty() ? "" : ", ") + c.sector_name(sec);
      ImGui::PushStyleColor(ImGuiCol_Text, red);
      ImGui::TextWrapped("No seat at the table: %s.", sectors.c_str());
      ImGui::PopStyleColor();
      ImGui::TextWrapped("Dashed red rings: who could take the seat.");
    }
    for (const MapMarks::AreaNote& a : m.areas) {
      const IssueArea& ia = c.profile.issue_areas[size_t(a.issue_area)];
      ImGui::TextWrapped("%s:", ia.name.empty() ? ia.id.c_str() : ia.name.c_str());
      ImGui::Indent();
      if (a.competing > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, red);
        ImGui::TextWrapped("%zu organizations compete for the whole backbone (red squares).", a.competing);
        ImGui::PopStyleColor();
      }
      if (!a.contested.empty()) ImGui::TextWrapped("contested: %s", names(a.contested).c_str());
      if (!a.uncovered.empty()) ImGui::TextWrapped("uncovered: %s", names(a.uncovered).c_str());
      if (a.competing == 0 && a.contested.empty() && a.uncovered.empty()) ImGui::TextWrapped("every function covered");
      ImGui::Unindent();
    }
    const ImVec2 p = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    s.notes_rect[0] = p.x, s.notes_rect[1] = p.y, s.notes_rect[2] = size.x, s.notes_rect[3] = size.y;
  }
  ImGui::End();
}

void draw_map(AppState& s) {
  refresh(s);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 50.f);
  size.y = std::max(size.y, 50.f);
  s.map_x = origin.x, s.map_y = origin.y, s.map_w = size.x, s.map_h = size.y;
  apply_filters(s);
  if (s.have_positions) update_spacing(s);
  // The fit leaves room for the notes drawn just before (draw_map_notes),
  // once they have their size: a frame after they first show.
  const bool notes_settled = s.notes_rect[2] == 0 || s.notes_frames >= 2;
  if (s.fit_requested && s.have_positions && !s.layout.running() && notes_settled) {
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
  const MapMarks& marks = map_marks(s, s.backbone_area);
  if (have_map) {
    handle_input(s);
    heads = collect_ties(s);
    with_glyph = collect_nodes(s, marks);
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
      draw_glyphs(dl, {screen_x(s, s.pos[i].x), screen_y(s, s.pos[i].y)}, screen_radius(s, i), s.glyphs[i],
                  i < marks.backbone.size() ? marks.backbone[i] : BackboneMark::none);
    draw_tiers(s, dl);
    draw_ghosts(s, dl);
    draw_people(s, dl);
    draw_candidates(s, dl, marks);
    draw_labels(s, dl, marks);
    draw_rings(s, dl);
    if (ImGui::IsItemHovered() && !s.picture_frame) draw_tooltip(s);
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
