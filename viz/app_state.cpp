#include "viz/app_state.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/palette.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"

namespace tablemap::viz {

// The palette lives in core/palette.hpp, shared with the exports and the report.
Color sector_color(SectorId s) {
  const Rgb c = sector_rgb(s);
  return {c.r, c.g, c.b, 255};
}

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
  }
  return "?";
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
}

}  // namespace

void refresh(AppState& s) {
  if (s.built_revision == s.history.revision() && s.measure.size() == s.organization_count()) return;
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
  rebuild_measure(s);
  if (s.filters.sector_hidden.size() != c.profile.sectors.size())
    s.filters.sector_hidden.assign(c.profile.sectors.size(), 0);
  if (s.have_positions) remap_positions(s);
  // Row numbers may have moved: keep the selection and what-if removals by id.
  if (s.selected >= int32_t(n)) s.selected = -1;
  if (s.removed.size() != n) {
    s.removed.assign(n, 0);
    ++s.whatif_revision;
  }
  s.hovered = -1;
  s.built_revision = s.history.revision();
  set_search(s, s.search);
}

bool open_community(AppState& s, const std::string& path) {
  const DiskStamp on_disk = disk_stamp_of(path);
  LoadResult r = load_community(path);
  if (!r.ok()) {
    s.load_message.clear();
    for (const Problem& p : r.problems) s.load_message += p.to_string() + "\n";
    s.status = "could not open " + path + ": " + std::to_string(r.problems.size()) + " problem(s) to fix";
    return false;
  }
  s.path = path;
  s.path_on_disk = on_disk;
  s.history = EditHistory(std::move(*r.community));
  ++s.opened;
  s.group.clear();
  s.built_revision = UINT64_MAX;
  s.have_positions = false;
  s.pos.clear();
  s.pinned.clear();
  s.pos_ids.clear();
  s.selected = -1;
  s.removed.clear();
  s.highlighted.clear();
  s.search.clear();
  s.filters = Filters{};
  refresh(s);
  const Community& c = s.community();
  const uint32_t n = s.organization_count();
  s.pos.assign(n, Point{});
  s.pinned.assign(n, 0);
  s.pos_ids.resize(n);
  for (uint32_t i = 0; i < n; ++i) s.pos_ids[i] = c.org_id(i);
  s.positions_changed = false;

  // A project file remembers where the map left each organization.
  size_t known = 0;
  if (format_of_path(path) == Format::project) {
    for (const NodePosition& p : load_positions(path, c.profile.year)) {
      if (auto org = c.find_organization(p.organization)) {
        s.pos[*org] = Point{float(p.x), float(p.y)};
        s.pinned[*org] = p.pinned;
        ++known;
      }
    }
  }
  s.fit_requested = true;
  if (known == n && n > 0) {
    s.have_positions = true;
  } else if (known > 0) {
    // Keep those we know in place and lay out the rest around them.
    std::vector<uint8_t> keep = s.pinned;
    for (uint32_t i = 0; i < n; ++i) s.pinned[i] = 1;
    s.have_positions = true;
    start_layout(s, s.engine);
    s.pinned = keep;
  } else {
    start_layout(s, s.engine);
  }
  s.status = "opened " + path + " (" + std::to_string(n) + " organizations, " +
             std::to_string(s.network.relationship_count()) + " relationships)";
  return true;
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
  if (s.pinned.size() != s.pos.size()) s.pinned.assign(s.pos.size(), 0);
  s.have_positions = true;
  s.positions_changed = true;
  s.fit_requested = true;
  s.last_layout_seconds = r->seconds;
  s.status = "layout by " + r->engine + " in " + std::to_string(int(r->seconds * 1000)) + " ms";
  return true;
}

bool select_by_id(AppState& s, const std::string& id) {
  auto org = s.community().find_organization(id);
  if (!org) {
    s.status = "no organization with id '" + id + "'";
    return false;
  }
  s.selected = int32_t(*org);
  return true;
}

bool whatif_remove(AppState& s, const std::string& id) {
  auto org = s.community().find_organization(id);
  if (!org) {
    s.status = "no organization with id '" + id + "'";
    return false;
  }
  s.removed[*org] = 1;
  ++s.whatif_revision;
  return true;
}

void whatif_reset(AppState& s) {
  std::fill(s.removed.begin(), s.removed.end(), 0);
  ++s.whatif_revision;
}

const WhatIfReport& whatif_report(AppState& s) {
  refresh(s);
  if (s.whatif_built_revision != s.built_revision || s.whatif_built_removal != s.whatif_revision) {
    std::vector<uint32_t> rows;
    for (uint32_t i = 0; i < s.removed.size(); ++i)
      if (s.removed[i]) rows.push_back(i);
    s.whatif = what_if_removed(s.community(), s.network, rows);
    s.whatif_built_revision = s.built_revision;
    s.whatif_built_removal = s.whatif_revision;
  }
  return s.whatif;
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

bool apply(AppState& s, const Edit& edit) {
  Problems problems = s.history.apply(edit);
  if (!problems.empty()) {
    s.status.clear();
    for (const Problem& p : problems) s.status += (s.status.empty() ? "" : "; ") + p.message;
    return false;
  }
  s.status = s.history.undo_label();
  refresh(s);
  return true;
}

float screen_x(const AppState& s, float x) { return s.map_x + s.map_w * 0.5f + (x - s.camera.center_x) * s.camera.zoom; }
float screen_y(const AppState& s, float y) { return s.map_y + s.map_h * 0.5f - (y - s.camera.center_y) * s.camera.zoom; }
float world_x(const AppState& s, float sx) { return s.camera.center_x + (sx - s.map_x - s.map_w * 0.5f) / s.camera.zoom; }
float world_y(const AppState& s, float sy) { return s.camera.center_y - (sy - s.map_y - s.map_h * 0.5f) / s.camera.zoom; }

Color node_fill(const AppState& s, uint32_t org) {
  if (org < s.removed.size() && s.removed[org]) return kRemovedColor;
  if (s.color_by_group && s.group.size() == s.organization_count()) return sector_color(SectorId(s.group[org] % 12));
  return sector_color(s.community().organizations[org].sector);
}

float screen_radius(const AppState& s, uint32_t org) {
  // Area grows with the measure; a floor keeps every organization clickable
  // when zoomed out and a ceiling keeps hubs from covering the map.
  float top = s.by_size.empty() ? 1.f : std::max(1.f, s.measure[s.by_size[0]]);
  float r_points = 5.f + 13.f * std::sqrt(std::max(0.f, s.measure[org]) / top);
  return std::clamp(r_points * s.camera.zoom, 2.5f, 28.f);
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
  const float w = std::max(x1 - x0, 1.f), h = std::max(y1 - y0, 1.f);
  s.camera.zoom = std::min((s.map_w - 2 * margin) / w, (s.map_h - 2 * margin) / h);
  s.camera.zoom = std::clamp(s.camera.zoom, 0.005f, 4.f);
  s.camera.center_x = (x0 + x1) / 2;
  s.camera.center_y = (y0 + y1) / 2;
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
