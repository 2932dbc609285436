#include "viz/app_state.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/palette.hpp"

namespace tablemap::viz {

Color tie_kind_color(TieKind k) {
  const Rgb c = tie_kind_rgb(k);
  return {c.r, c.g, c.b, 255};
}

uint32_t to_imgui(Color c) {
  return (uint32_t(c.a) << 24) | (uint32_t(c.b) << 16) | (uint32_t(c.g) << 8) | uint32_t(c.r);
}

const char* to_string(SizeMeasure m) {
  switch (m) {
    case SizeMeasure::uniform: return "same size";
    case SizeMeasure::ties: return "number of ties";
    case SizeMeasure::strength: return "tie strength";
    case SizeMeasure::people: return "people";
    case SizeMeasure::trust: return "trust (survey)";
    case SizeMeasure::value: return "value (survey)";
  }
  return "?";
}

const char* to_string(TieColorBy t) {
  switch (t) {
    case TieColorBy::kind: return "kind";
    case TieColorBy::intensity: return "intensity (survey)";
    case TieColorBy::trust: return "trust (survey)";
  }
  return "?";
}

namespace {

// tie_look, and the color only when asked: counting the ties drawn needs no color.
TieLook look_of(const AppState& s, const Relationship& r, bool with_color) {
  const uint32_t n = s.organization_count();
  auto shown = [&](uint32_t v) { return (s.visible.size() != n || s.visible[v]) && !s.removed[v]; };
  TieLook look;
  if (!shown(r.a) || !shown(r.b) || !(r.kinds & s.filters.tie_kinds)) return look;
  const std::vector<float>* quality = s.tie_color == TieColorBy::intensity ? &s.quality.intensity
                                      : s.tie_color == TieColorBy::trust   ? &s.quality.trust
                                                                           : nullptr;
  const auto& rels = s.network.relationships();
  if (quality && quality->size() != rels.size()) quality = nullptr;  // no survey columns
  if (!quality) {
    look.drawn = true;
    if (with_color) look.color = tie_kind_color(main_tie_kind(r.kinds));
    return look;
  }
  const float q = (*quality)[size_t(&r - rels.data())];
  if (s.tie_min > 0 && !(q >= s.tie_min)) return look;  // filtered out (or not rated)
  look.drawn = true;
  if (with_color) look.color = tie_quality_color(q);
  return look;
}

}  // namespace

TieLook tie_look(const AppState& s, const Relationship& r) { return look_of(s, r, true); }
bool tie_drawn(const AppState& s, const Relationship& r) { return look_of(s, r, false).drawn; }

const char* tie_quality_step(TieColorBy by, int step) {
  static const char* kSteps[] = {"1 awareness", "2 cooperation", "3 coordination", "4 integration"};
  static const char* kRatings[] = {"1 not at all", "2 a little", "3 a fair amount", "4 a great deal"};
  if (step < 1 || step > 4) return "?";
  return by == TieColorBy::intensity ? kSteps[step - 1] : kRatings[step - 1];
}

namespace {

void rebuild_measure(AppState& s) {
  const uint32_t n = s.organization_count();
  s.measure.assign(n, 1.f);
  for (uint32_t v = 0; v < n; ++v) {
    switch (s.size_by) {
      case SizeMeasure::uniform: break;
      case SizeMeasure::ties: s.measure[v] = float(s.network.degree(v)); break;
      case SizeMeasure::strength: s.measure[v] = float(s.network.strength(v)); break;
      case SizeMeasure::people: s.measure[v] = float(s.people_count[v]); break;
      case SizeMeasure::trust:
      case SizeMeasure::value: {
        // 1 (or nobody rated it) the smallest, 4 the largest.
        const auto& received = s.size_by == SizeMeasure::trust ? s.quality.trust_received : s.quality.value_received;
        const float r = v < received.size() ? received[v] : 0.f;
        s.measure[v] = std::isnan(r) ? 0.f : std::max(0.f, r - 1.f);
        break;
      }
    }
  }
  s.by_size.resize(n);
  std::iota(s.by_size.begin(), s.by_size.end(), 0u);
  std::stable_sort(s.by_size.begin(), s.by_size.end(),
                   [&](uint32_t a, uint32_t b) { return s.measure[a] > s.measure[b]; });
}

// Keeps each organization's position through edits that renumber rows.
void remap_positions(AppState& s) {
  const Community& c = s.community();
  const uint32_t n = s.organization_count();
  bool same = s.pos_ids.size() == n;
  for (uint32_t i = 0; same && i < n; ++i) same = s.pos_ids[i] == c.org_id(i);
  if (same) return;
  std::unordered_map<std::string, uint32_t> old;
  for (uint32_t i = 0; i < s.pos_ids.size(); ++i) old.emplace(s.pos_ids[i], i);
  std::vector<Point> pos(n);
  std::vector<uint8_t> pinned(n, 0), placed(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    auto it = old.find(c.org_id(i));
    if (it != old.end() && it->second < s.pos.size()) {
      pos[i] = s.pos[it->second];
      pinned[i] = s.pinned[it->second];
      placed[i] = 1;
    }
  }
  // A new organization appears next to a tied one, else at the middle of the view.
  for (uint32_t i = 0; i < n; ++i) {
    if (placed[i]) continue;
    pos[i] = Point{s.camera.center_x, s.camera.center_y};
    for (const Tie& t : c.ties) {
      const uint32_t other = t.source == i ? t.target : t.target == i ? t.source : UINT32_MAX;
      if (other < n && placed[other]) {
        pos[i] = Point{pos[other].x + 30, pos[other].y + 20};
        break;
      }
    }
    pos[i].x += float(i % 7) * 3;  // two new ones never sit exactly on each other
  }
  s.pos = std::move(pos);
  s.pinned = std::move(pinned);
  s.pos_ids.resize(n);
  for (uint32_t i = 0; i < n; ++i) s.pos_ids[i] = c.org_id(i);
  s.positions_changed = true;
  ++s.positions_revision;
}

}  // namespace

void refresh(AppState& s) {
  if (s.built_revision == s.history.revision() && s.measure.size() == s.organization_count()) return;
  // What the user pointed at is kept by organization id, not by row: an
  // edit, an undo or a redo may renumber the rows.
  auto id_of = [&](int64_t row) {
    return row >= 0 && size_t(row) < s.built_ids.size() ? s.built_ids[size_t(row)] : std::string();
  };
  const std::string selected_id = id_of(s.selected);
  std::vector<std::string> removed_ids, highlighted_ids;
  for (size_t v = 0; v < s.removed.size(); ++v)
    if (s.removed[v]) removed_ids.push_back(id_of(int64_t(v)));
  for (uint32_t v : s.highlighted) highlighted_ids.push_back(id_of(v));
  const Community& c = s.community();
  const uint32_t n = s.organization_count();
  s.network = Network(c);
  std::vector<bool> at = c.organizations_at_table();
  s.at_table.assign(at.begin(), at.end());
  s.glyphs.assign(n, 0);
  for (const Role& r : c.roles) {
    if (r.organization >= n) continue;
    if (r.kind == RoleKind::backbone) s.glyphs[r.organization] |= kGlyphBackbone;
    if (r.kind == RoleKind::convener) s.glyphs[r.organization] |= kGlyphConvener;
    if (r.kind == RoleKind::anchor) s.glyphs[r.organization] |= kGlyphAnchor;
  }
  s.people_count.assign(n, 0);
  for (const Person& p : c.people)
    if (p.organization >= 0 && uint32_t(p.organization) < n) ++s.people_count[size_t(p.organization)];
  s.quality = network_survey_quality(c, s.network);
  rebuild_measure(s);
  if (s.filters.sector_hidden.size() != c.profile.sectors.size())
    s.filters.sector_hidden.assign(c.profile.sectors.size(), 0);
  if (s.have_positions) remap_positions(s);
  s.built_ids.resize(n);
  for (uint32_t i = 0; i < n; ++i) s.built_ids[i] = c.org_id(i);
  auto row_of = [&](const std::string& id) -> int32_t {
    if (id.empty()) return -1;
    auto found = c.find_organization(id);
    return found ? int32_t(*found) : -1;
  };
  s.selected = row_of(selected_id);
  std::vector<uint8_t> removed(n, 0);
  for (const std::string& id : removed_ids)
    if (const int32_t row = row_of(id); row >= 0) removed[size_t(row)] = 1;
  if (removed != s.removed) {
    s.removed = std::move(removed);
    ++s.whatif_revision;
  }
  s.highlighted.clear();
  for (const std::string& id : highlighted_ids)
    if (const int32_t row = row_of(id); row >= 0) s.highlighted.push_back(uint32_t(row));
  s.hovered = -1;
  s.built_revision = s.history.revision();
  set_search(s, s.search);
}

void start_layout(AppState& s, LayoutEngine engine) {
  refresh(s);
  LayoutInput in = layout_input(s.community(), s.network, engine);
  if (s.have_positions) {
    for (uint32_t i = 0; i < in.organizations; ++i) {
      in.pinned[i] = s.pinned[i];
      in.pinned_at[i] = s.pos[i];
    }
  }
  s.layout_error.clear();
  s.layout.start(std::move(in));
}

bool poll_layout(AppState& s) {
  auto r = s.layout.take();
  if (!r) return false;
  if (!r->error.empty()) {
    s.layout_error = r->error;
    s.status = r->error;
    return false;
  }
  if (r->positions.size() != s.organization_count()) return false;  // the community changed meanwhile
  s.pos = std::move(r->positions);
  s.tiers = std::move(r->tiers);
  if (s.pinned.size() != s.pos.size()) s.pinned.assign(s.pos.size(), 0);
  s.have_positions = true;
  s.positions_changed = true;
  ++s.positions_revision;
  // A year opened where the last one was keeps its view; any other layout is fitted to the window.
  if (!s.keep_view_after_layout) s.fit_requested = true;
  s.keep_view_after_layout = false;
  s.last_layout_seconds = r->seconds;
  // Said after what the user did last ("created ...", "opened ..."), not instead of it.
  const std::string done = "laid out by " + r->engine + " in " + std::to_string(int(r->seconds * 1000)) + " ms";
  if (const size_t last = s.status.find("laid out by "); last != std::string::npos)
    s.status.erase(last >= 2 ? last - 2 : 0);  // the previous layout's words
  s.status = s.status.empty() ? done : s.status + "; " + done;
  return true;
}

void set_search(AppState& s, const std::string& text) {
  s.search = text;
  s.search_hits.clear();
  if (text.empty()) return;
  const std::string needle = to_lower(text);
  const auto& orgs = s.community().organizations;
  for (uint32_t i = 0; i < orgs.size(); ++i)
    if (to_lower(orgs[i].name).find(needle) != std::string::npos || to_lower(orgs[i].id).find(needle) != std::string::npos)
      s.search_hits.push_back(i);
}

float screen_x(const AppState& s, float x) { return s.map_x + s.map_w * 0.5f + (x - s.camera.center_x) * s.camera.zoom; }
float screen_y(const AppState& s, float y) { return s.map_y + s.map_h * 0.5f - (y - s.camera.center_y) * s.camera.zoom; }
float world_x(const AppState& s, float sx) { return s.camera.center_x + (sx - s.map_x - s.map_w * 0.5f) / s.camera.zoom; }
float world_y(const AppState& s, float sy) { return s.camera.center_y - (sy - s.map_y - s.map_h * 0.5f) / s.camera.zoom; }

const Legend& current_legend(AppState& s) {
  const uint32_t n = s.organization_count();
  const size_t groups = s.group.size() == n ? s.group.size() : 0;
  if (s.legend_built.revision != s.built_revision || s.legend_built.opened != s.opened ||
      !(s.legend.coloring == s.coloring) || s.legend_built.groups != groups ||
      s.legend_built.group_revision != s.group_revision || s.legend_built.change_revision != s.years.revision ||
      s.legend.entry_of.size() != n) {
    s.legend = build_legend(s.community(), s.coloring, groups ? s.group : std::vector<uint32_t>{}, s.years.change,
                            s.years.ghosts.size());
    s.legend_built = {s.opened, s.built_revision, groups, s.group_revision, s.years.revision};
  }
  return s.legend;
}

void set_coloring(AppState& s, const Coloring& coloring) {
  s.coloring = coloring;
  if (coloring.by == ColorBy::community) update_structure(s, true);  // the communities come from the measures
}

Color node_fill(AppState& s, uint32_t org) {
  if (org < s.removed.size() && s.removed[org]) return kRemovedColor;
  const Legend& l = current_legend(s);
  return org < l.entry_of.size() ? l.entries[l.entry_of[org]].color : kOtherColor;
}

float screen_radius(const AppState& s, uint32_t org) {
  // Area grows with the measure; a floor keeps every organization clickable
  // when zoomed out and a ceiling keeps hubs from covering the map.
  float top = s.by_size.empty() ? 1.f : std::max(1.f, s.measure[s.by_size[0]]);
  float r_points = 5.f + 13.f * std::sqrt(std::max(0.f, s.measure[org]) / top);
  float r = std::clamp(r_points * s.camera.zoom, 2.5f, 28.f);
  // Overlap removal: r_i <= d_i / 2 and r_j <= d_j / 2, with d_i, d_j <= d_ij.
  if (org < s.spacing.size()) r = std::min(r, std::max(1.5f, 0.5f * s.spacing[org] * s.camera.zoom - 0.5f));
  return r;
}

void update_spacing(AppState& s) {
  const uint32_t n = std::min<uint32_t>(s.organization_count(), uint32_t(s.pos.size()));
  if (s.spacing_revision == s.positions_revision && s.spacing.size() == n) return;
  s.spacing_revision = s.positions_revision;
  s.spacing.assign(n, 1e9f);
  if (n < 2) return;
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  for (uint32_t i = 0; i < n; ++i)
    x0 = std::min(x0, s.pos[i].x), x1 = std::max(x1, s.pos[i].x), y0 = std::min(y0, s.pos[i].y),
    y1 = std::max(y1, s.pos[i].y);
  const float w = std::max(x1 - x0, 1.f), h = std::max(y1 - y0, 1.f);
  const float cell = std::max(std::sqrt(w * h / float(n)), 1e-3f);
  const int cols = std::min(4096, int(w / cell) + 1), rows = std::min(4096, int(h / cell) + 1);
  std::vector<uint32_t> start(size_t(cols) * size_t(rows) + 1, 0), items(n);
  auto cell_of = [&](uint32_t i) {
    const int cx = std::min(cols - 1, int((s.pos[i].x - x0) / cell)), cy = std::min(rows - 1, int((s.pos[i].y - y0) / cell));
    return size_t(cy) * size_t(cols) + size_t(cx);
  };
  for (uint32_t i = 0; i < n; ++i) ++start[cell_of(i) + 1];
  for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (uint32_t i = 0; i < n; ++i) items[fill[cell_of(i)]++] = i;
  for (uint32_t i = 0; i < n; ++i) {
    const int cx = std::min(cols - 1, int((s.pos[i].x - x0) / cell)), cy = std::min(rows - 1, int((s.pos[i].y - y0) / cell));
    float best = 1e18f;
    // Rings of cells outward until the nearest found is closer than the next ring.
    for (int ring = 0; ring < 64; ++ring) {
      for (int y = cy - ring; y <= cy + ring; ++y)
        for (int x = cx - ring; x <= cx + ring; ++x) {
          if (std::max(std::abs(x - cx), std::abs(y - cy)) != ring || x < 0 || y < 0 || x >= cols || y >= rows) continue;
          const size_t c = size_t(y) * size_t(cols) + size_t(x);
          for (uint32_t k = start[c]; k < start[c + 1]; ++k) {
            const uint32_t j = items[k];
            if (j == i) continue;
            const float dx = s.pos[i].x - s.pos[j].x, dy = s.pos[i].y - s.pos[j].y;
            best = std::min(best, dx * dx + dy * dy);
          }
        }
      if (best < 1e18f && std::sqrt(best) <= float(ring) * cell) break;
    }
    s.spacing[i] = best < 1e18f ? std::sqrt(best) : 1e9f;
  }
}

void fit_to_window(AppState& s) {
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  const uint32_t n = std::min<uint32_t>(s.organization_count(), uint32_t(s.pos.size()));
  for (uint32_t i = 0; i < n; ++i) {
    if (!s.visible.empty() && !s.visible[i]) continue;
    x0 = std::min(x0, s.pos[i].x), x1 = std::max(x1, s.pos[i].x);
    y0 = std::min(y0, s.pos[i].y), y1 = std::max(y1, s.pos[i].y);
  }
  if (x0 > x1) return;
  const float margin = 40;  // pixels, room for rings and labels
  // The notes in the map's top left corner (gaps, backbones) are left out of
  // the fitted area: below them when they take most of the width.
  const bool notes_wide = s.notes_rect[2] > 0.4f * s.map_w;
  const float top = notes_wide ? std::max(margin, s.notes_rect[1] + s.notes_rect[3] - s.map_y + margin * 0.5f) : margin;
  const float w = std::max(x1 - x0, 1.f), h = std::max(y1 - y0, 1.f);
  s.camera.zoom = std::min((s.map_w - 2 * margin) / w, std::max(s.map_h - top - margin, 50.f) / h);
  s.camera.zoom = std::clamp(s.camera.zoom, 0.005f, 4.f);
  s.camera.center_x = (x0 + x1) / 2;
  // The center of the fitted area, in layout units (y grows upwards on the map).
  s.camera.center_y = (y0 + y1) / 2 + (top - margin) * 0.5f / s.camera.zoom;
}

void apply_filters(AppState& s) {
  const Community& c = s.community();
  const uint32_t n = s.organization_count();
  s.visible.assign(n, 1);
  const Filters& f = s.filters;
  for (uint32_t i = 0; i < n; ++i) {
    const Organization& o = c.organizations[i];
    if (o.sector < f.sector_hidden.size() && f.sector_hidden[o.sector]) s.visible[i] = 0;
    else if (f.at_table_only && !s.at_table[i]) s.visible[i] = 0;
    else if (f.issue_area >= 0 &&
             std::find(o.issue_areas.begin(), o.issue_areas.end(), IssueAreaId(f.issue_area)) == o.issue_areas.end())
      s.visible[i] = 0;
  }
}

}  // namespace tablemap::viz
