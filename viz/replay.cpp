// Runs replay scripts one action per frame, and prints the map's state as
// JSON lines (docs/map.md lists the actions).
#include "viz/replay.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "viz/export.hpp"
#include "viz/fit_text.hpp"
#include "viz/map_view.hpp"
#include "viz/years.hpp"

namespace tablemap::viz {
namespace {

bool on_off(const std::string& word, bool& out) {
  if (auto b = parse_yes_no(word)) return out = *b, true;
  if (word == "on") return out = true, true;
  if (word == "off") return out = false, true;
  return false;
}

std::string rest_of(std::istringstream& in) {
  std::string rest;
  std::getline(in >> std::ws, rest);
  return std::string(trim(rest));
}

}  // namespace

std::string node_json(AppState& s, uint32_t org) {
  const Community& c = s.community();
  nlohmann::json j;
  j["id"] = c.org_id(org);
  j["name"] = c.organizations[org].name;
  j["x"] = screen_x(s, s.pos[org].x);
  j["y"] = screen_y(s, s.pos[org].y);
  j["r"] = screen_radius(s, org);
  j["wx"] = s.pos[org].x;  // layout points, as saved in the project file
  j["wy"] = s.pos[org].y;
  const Color fill = node_fill(s, org);
  j["color"] = {fill.r, fill.g, fill.b};
  j["visible"] = s.visible.size() > org && s.visible[org] != 0;
  j["removed"] = s.removed[org] != 0;
  j["pinned"] = s.pinned[org] != 0;
  j["at_table"] = s.at_table[org] != 0;
  return j.dump();
}

std::string legend_json(AppState& s) {
  refresh(s);
  const Legend& l = current_legend(s);
  nlohmann::json entries = nlohmann::json::array();
  for (const LegendEntry& e : l.entries)
    entries.push_back({{"label", e.label},
                       {"color", {e.color.r, e.color.g, e.color.b}},
                       {"organizations", e.organizations},
                       {"key", e.key}});
  nlohmann::json j;
  j["coloring"] = to_string(l.coloring);
  j["title"] = l.title;
  j["note"] = l.note;
  j["entries"] = entries;
  return j.dump();
}

std::string marks_json(AppState& s) {
  refresh(s);
  const Community& c = s.community();
  const MapMarks& m = map_marks(s, s.backbone_area);
  auto labelled = [&](uint32_t org) {
    return std::find(s.labels_drawn.begin(), s.labels_drawn.end(), org) != s.labels_drawn.end();
  };
  nlohmann::json j, no_seat = nlohmann::json::array(), cands = nlohmann::json::array();
  for (SectorId sec : m.no_seat) no_seat.push_back(c.sector_name(sec));
  for (const SeatCandidate& cand : m.candidates)
    cands.push_back({{"id", c.org_id(cand.organization)},
                     {"sector", c.sector_name(cand.sector)},
                     {"labelled", labelled(cand.organization)}});
  nlohmann::json backbones = nlohmann::json::object();
  static constexpr const char* words[] = {"none", "agreed", "claimed", "competing"};
  for (uint32_t v = 0; v < m.backbone.size(); ++v)
    if (m.backbone[v] != BackboneMark::none) backbones[c.org_id(v)] = words[size_t(m.backbone[v])];
  nlohmann::json areas = nlohmann::json::array();
  for (const MapMarks::AreaNote& a : m.areas) {
    nlohmann::json contested = nlohmann::json::array(), uncovered = nlohmann::json::array();
    for (FunctionId f : a.contested) contested.push_back(c.profile.backbone_functions[size_t(f)]);
    for (FunctionId f : a.uncovered) uncovered.push_back(c.profile.backbone_functions[size_t(f)]);
    areas.push_back({{"issue_area", c.profile.issue_areas[size_t(a.issue_area)].id},
                     {"competing", a.competing},
                     {"contested", contested},
                     {"uncovered", uncovered}});
  }
  nlohmann::json labels = nlohmann::json::array();
  for (uint32_t v : s.labels_drawn) labels.push_back(c.org_id(v));
  j["no_seat"] = no_seat;
  j["candidates"] = cands;
  j["backbones"] = backbones;
  j["areas"] = areas;
  j["labels"] = labels;
  return j.dump();
}

std::string state_json(AppState& s) {
  refresh(s);
  const Community& c = s.community();
  nlohmann::json j;
  j["community"] = c.profile.name;
  j["organizations"] = s.organization_count();
  j["relationships"] = s.network.relationship_count();
  uint32_t visible = 0;
  for (uint8_t v : s.visible) visible += v;
  j["visible"] = visible;
  j["map"] = {s.map_x, s.map_y, s.map_w, s.map_h};
  // The notes over the map's corner, and the organizations whose disc they cover.
  j["notes"] = {s.notes_rect[0], s.notes_rect[1], s.notes_rect[2], s.notes_rect[3]};
  nlohmann::json under_notes = nlohmann::json::array();
  if (s.notes_rect[2] > 0 && s.pos.size() == s.organization_count())
    for (uint32_t v = 0; v < s.organization_count(); ++v) {
      if (s.visible.size() > v && !s.visible[v]) continue;
      const float x = screen_x(s, s.pos[v].x), y = screen_y(s, s.pos[v].y), r = screen_radius(s, v);
      if (x + r > s.notes_rect[0] && x - r < s.notes_rect[0] + s.notes_rect[2] && y + r > s.notes_rect[1] &&
          y - r < s.notes_rect[1] + s.notes_rect[3])
        under_notes.push_back(c.org_id(v));
    }
  j["under_notes"] = under_notes;
  j["zoom"] = s.camera.zoom;
  j["layout"] = s.layout.running() ? "running" : (s.have_positions ? "done" : "none");
  j["structure"] = s.structure_job.running() ? "measuring" : structure_current(s) ? "done" : "none";
  j["selected"] = s.selected >= 0 ? nlohmann::json::parse(node_json(s, uint32_t(s.selected))) : nlohmann::json();
  const WhatIfReport& w = whatif_report(s);
  nlohmann::json removed = nlohmann::json::array();
  for (uint32_t v : w.removed) removed.push_back(c.org_id(v));
  j["removed"] = removed;
  j["components_before"] = w.before.components;
  j["components_after"] = w.after.components;
  j["largest_part_after"] = w.after.largest_component;
  j["table_reach_before"] = w.before.table_reach;
  j["table_reach_after"] = w.after.table_reach;
  j["lost_from_table"] = w.lost_from_table.size();
  nlohmann::json hits = nlohmann::json::array();
  for (uint32_t v : s.search_hits) hits.push_back(c.org_id(v));
  j["search_hits"] = hits;
  nlohmann::json highlighted = nlohmann::json::array();
  for (uint32_t v : s.highlighted) highlighted.push_back(c.org_id(v));
  j["highlighted"] = highlighted;
  j["undo"] = s.history.undo_depth();
  j["dirty"] = s.history.dirty();
  j["trainer_step"] = s.trainer.active ? s.trainer.step + 1 : 0;
  j["status"] = s.status;
  // The years of a project file, and what changed since the year compared with.
  update_comparison(s);
  j["year"] = s.years.shown;
  j["years"] = s.years.years;
  j["compare_with"] = s.years.compare_with;
  nlohmann::json ghosts = nlohmann::json::array();
  for (const Ghost& g : s.years.ghosts)
    ghosts.push_back({{"id", g.id}, {"name", g.name}, {"placed", g.placed}, {"wx", g.pos.x}, {"wy", g.pos.y}});
  j["ghosts"] = ghosts;
  nlohmann::json change = nlohmann::json::object();
  for (uint32_t v = 0; v < s.years.change.size(); ++v)
    if (s.years.change[v] != YearChange::none) change[to_string(s.years.change[v])].push_back(c.org_id(v));
  j["change"] = change;
  j["ties_drawn"] = s.shapes.ties.size();
  j["thinned_while_zooming"] = s.thinned_while_zooming;
  j["pictures"] = {{"gpu", s.shapes.drew_on_gpu()},
                   {"draft", s.shapes.draft},
                   {"drawn", s.shapes.drawn_frames()},
                   {"scrolled", s.shapes.scrolled_frames()},
                   {"reused", s.shapes.reused_frames()}};
  return j.dump();
}

// What an action gets: the window's state, what the frame loop must do after
// this frame, the rest of its line, and how to fail with the line's number.
struct ActionContext {
  AppState& s;
  FrameRequests& rq;
  std::istringstream& in;
  const std::string& action;
  std::function<bool(const std::string&)> fail;
  std::function<bool(uint32_t&)> org_arg;
  int& wait;
};

namespace {

// The names an action's body uses, as the frame loop calls them.
#define TABLEMAP_REPLAY_NAMES                         \
  [[maybe_unused]] AppState& s = ctx.s;                 \
  [[maybe_unused]] FrameRequests& rq = ctx.rq;          \
  [[maybe_unused]] std::istringstream& in = ctx.in;     \
  [[maybe_unused]] const std::string& action = ctx.action; \
  [[maybe_unused]] auto& fail = ctx.fail;               \
  [[maybe_unused]] auto& org_arg = ctx.org_arg;         \
  [[maybe_unused]] int& wait_ = ctx.wait

bool do_select(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  uint32_t org;
  if (!org_arg(org)) return false;
  s.selected = int32_t(org);
  return true;
}

bool do_deselect(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  s.selected = -1;
  return true;
}

bool do_center(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  uint32_t org;
  if (!org_arg(org)) return false;
  go_to(s, org);
  return true;
}

bool do_whatif_remove(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  uint32_t org;
  if (!org_arg(org)) return false;
  set_removed(s, org, true);
  return true;
}

bool do_whatif_reset(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  whatif_reset(s);
  return true;
}

bool do_search(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  set_search(s, rest_of(in));
  return true;
}

bool do_filter_sector(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string sector, word;
  bool on;
  in >> sector >> word;
  auto id = s.community().profile.find_sector(sector);
  if (!id || !on_off(word, on)) return fail("use: filter-sector SECTOR on|off");
  s.filters.sector_hidden[*id] = !on;
  return true;
}

bool do_filter_at_table(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string word;
  in >> word;
  if (!on_off(word, s.filters.at_table_only)) return fail("use: filter-at-table on|off");
  return true;
}

bool do_filter_kind(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string kind, word;
  bool on;
  in >> kind >> word;
  auto k = parse_tie_kind(kind);
  if (!k || !on_off(word, on)) return fail("use: filter-kind KIND on|off");
  s.filters.tie_kinds = TieKindSet(on ? s.filters.tie_kinds | (1u << int(*k)) : s.filters.tie_kinds & ~(1u << int(*k)));
  return true;
}

bool do_filter_issue(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string id;
  in >> id;
  if (id == "any") s.filters.issue_area = -1;
  else if (auto a = s.community().profile.find_issue_area(id)) s.filters.issue_area = *a;
  else return fail("no issue area '" + id + "'");
  return true;
}

bool do_people(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string word;
  in >> word;
  if (!on_off(word, s.show_people)) return fail("use: people on|off");
  return true;
}

bool do_backbone_area(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string id;
  in >> id;
  if (id == "any") s.backbone_area = -1;
  else if (auto a = s.community().profile.find_issue_area(id)) s.backbone_area = *a;
  else return fail("no issue area '" + id + "'");
  return true;
}

bool do_fit(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  s.fit_requested = true;
  return true;
}

bool do_pan(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  // The camera moves as under a mouse drag of DX, DY pixels on the background.
  float dx = 0, dy = 0;
  if (!(in >> dx >> dy)) return fail("use: pan DX DY (pixels)");
  pan_by(s, dx, dy);
  return true;
}

bool do_zoom(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  float factor = 1;
  if (!(in >> factor) || factor <= 0) return fail("use: zoom FACTOR");
  zoom_at(s, s.map_x + s.map_w / 2, s.map_y + s.map_h / 2, factor);
  return true;
}

bool do_click(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  // Real mouse input through ImGui, aimed at an organization.
  uint32_t org;
  if (!org_arg(org)) return false;
  const float x = screen_x(s, s.pos[org].x), y = screen_y(s, s.pos[org].y);
  if (action == "click") {
    rq.mouse = {{x, y, false, 0}, {x, y, true, 0}, {x, y, false, 0}};
  } else if (action == "wheel") {
    float amount = 1;
    in >> amount;
    rq.mouse = {{x, y, false, 0}, {x, y, false, amount}, {x, y, false, 0}};
  } else {
    float dx = 0, dy = 0;
    if (!(in >> dx >> dy)) return fail("use: drag ORG DX DY (pixels)");
    rq.mouse = {{x, y, false, 0}, {x, y, true, 0}};
    for (int k = 1; k <= 4; ++k) rq.mouse.push_back({x + dx * k / 4, y + dy * k / 4, true, 0});
    rq.mouse.push_back({x + dx, y + dy, false, 0});
  }
  return true;
}

bool do_layout(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string engine;
  in >> engine;
  LayoutEngine e = engine == "sfdp"    ? LayoutEngine::sfdp
                   : engine == "neato" ? LayoutEngine::neato
                   : engine == "fdp"   ? LayoutEngine::fdp
                   : engine == "dot" || engine == "roles" ? LayoutEngine::dot_roles
                                                          : LayoutEngine::automatic;
  start_layout(s, e);
  return true;
}

bool do_set_at_table(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  uint32_t org;
  std::string word;
  bool on;
  if (!org_arg(org)) return false;
  in >> word;
  if (!on_off(word, on)) return fail("use: set-at-table ORG yes|no");
  Organization o = s.community().organizations[org];
  o.at_table = on;
  apply(s, Edit::change(org, o));
  return true;
}

bool do_add_organization(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string id, sector;
  in >> id >> sector;
  Organization o;
  o.id = id;
  o.name = rest_of(in);
  auto sec = s.community().profile.find_sector(sector);
  o.sector = sec ? *sec : SectorId(UINT16_MAX);
  apply(s, Edit::add(o));
  return true;
}

bool do_delete_organization(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  uint32_t org;
  if (!org_arg(org)) return false;
  apply(s, Edit::remove<Organization>(org));
  return true;
}

bool do_add_tie(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  uint32_t a, b;
  if (!org_arg(a) || !org_arg(b)) return false;
  std::string kind;
  int strength = 1;
  in >> kind >> strength;
  Tie t;
  t.source = a;
  t.target = b;
  t.kind = parse_tie_kind(kind).value_or(TieKind::information);
  t.strength = uint8_t(strength);
  apply(s, Edit::add(t));
  return true;
}

bool do_undo(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  undo(s);
  return true;
}

bool do_redo(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  redo(s);
  return true;
}

bool do_save(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  if (!save_to(s, rest_of(in))) return fail(s.status);
  return true;
}

bool do_new_form(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  rq.open_new_form = true;
  return true;
}

bool do_new_community(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string path;
  in >> path;
  NewCommunityOptions options;
  if (const std::string name = rest_of(in); !name.empty()) options.name = name;
  if (const std::string error = create_community(s, options, path); !error.empty()) return fail(error);
  return true;
}

bool do_year(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  int year = 0;
  if (!(in >> year)) return fail("use: year YEAR");
  if (!switch_year(s, year)) return fail(s.status);
  return true;
}

bool do_compare_with(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string word;
  in >> word;
  int year = 0;
  if (word != "none" && !(std::istringstream(word) >> year)) return fail("use: compare-with YEAR|none");
  if (!compare_with_year(s, year)) return fail(s.status);
  return true;
}

bool do_trainer_open(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  if (!open_sample(s, rest_of(in))) return fail(s.status);
  return true;
}

bool do_trainer_next(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  trainer_step(s, +1);
  return true;
}

bool do_trainer_prev(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  trainer_step(s, -1);
  return true;
}

bool do_tab(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  s.right_tab_request = tab_index(rest_of(in));
  if (s.right_tab_request < 0) return fail("no panel named that");
  return true;
}

bool do_screenshot(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  rq.screenshot = rest_of(in);
  return true;
}

bool do_export_png(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  rq.export_png = rest_of(in);
  return true;
}

bool do_export_svg(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  apply_filters(s);
  if (!save_svg(s, rest_of(in))) return fail("could not write the SVG file");
  return true;
}

bool do_export_report(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  if (const std::string error = save_report(s, rest_of(in)); !error.empty()) return fail("could not write the report: " + error);
  return true;
}

bool do_color_by(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string what;
  in >> what;
  Coloring coloring;
  if (what == "community") coloring.by = ColorBy::community;
  else if (what == "generation") coloring.by = ColorBy::generation;
  else if (what == "column") {
    coloring.by = ColorBy::column;
    coloring.column = rest_of(in);
    const auto& columns = s.community().organizations.extra_columns();
    if (std::find(columns.begin(), columns.end(), coloring.column) == columns.end())
      return fail("organizations.csv has no column '" + coloring.column + "'");
  } else if (what == "change") {
    if (!s.years.compare_with) return fail("color-by change needs a year to compare with first (compare-with YEAR)");
    coloring = Coloring{ColorBy::change, "", s.years.compare_with};
  } else if (what != "sector") return fail("use: color-by sector|community|generation|change|column NAME");
  set_coloring(s, coloring);
  return true;
}

bool do_size_by(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string what;
  in >> what;
  static const std::pair<const char*, SizeMeasure> kMeasures[] = {
      {"uniform", SizeMeasure::uniform}, {"ties", SizeMeasure::ties},   {"strength", SizeMeasure::strength},
      {"people", SizeMeasure::people},   {"trust", SizeMeasure::trust}, {"value", SizeMeasure::value}};
  for (const auto& [word, m] : kMeasures)
    if (what == word) {
      s.size_by = m;
      s.built_revision = UINT64_MAX;  // rebuild the measure
      return true;
    }
  return fail("use: size-by uniform|ties|strength|people|trust|value");
}

bool do_tie_color(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::string what;
  in >> what;
  float min = 0;
  if (!(in >> min)) min = 0;
  if (what == "kind") s.tie_color = TieColorBy::kind;
  else if (what == "intensity") s.tie_color = TieColorBy::intensity;
  else if (what == "trust") s.tie_color = TieColorBy::trust;
  else return fail("use: tie-color kind|intensity|trust [MIN]");
  if (s.tie_color != TieColorBy::kind && !s.quality.any())
    return fail("the ties have no survey columns (intensity, trust): import a survey first (tablemap survey import)");
  s.tie_min = std::clamp(min, 0.f, 4.f);
  return true;
}

bool do_print_marks(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::printf("%s\n", marks_json(s).c_str());
  std::fflush(stdout);
  return true;
}

bool do_print_legend(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::printf("%s\n", legend_json(s).c_str());
  std::fflush(stdout);
  return true;
}

bool do_wait(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  in >> wait_;
  return true;
}

bool do_wait_structure(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  // Waited above until the measures were of the current community.
  return true;
}

bool do_print_state(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::printf("%s\n", state_json(s).c_str());
  std::fflush(stdout);
  return true;
}

bool do_print_gaps(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  const std::string j = action == "print-gaps" ? gaps_json(s) : action == "print-roles" ? roles_json(s) : structure_json(s);
  std::printf("%s\n", j.c_str());
  std::fflush(stdout);
  return true;
}

bool do_print_clipped(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  std::printf("%s\n", clip_audit_json().c_str());
  std::fflush(stdout);
  return true;
}

bool do_print_node(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  uint32_t org;
  if (!org_arg(org)) return false;
  std::printf("%s\n", node_json(s, org).c_str());
  std::fflush(stdout);
  return true;
}

bool do_quit(ActionContext& ctx) {
  TABLEMAP_REPLAY_NAMES;
  rq.quit = true;
  return true;
}

#undef TABLEMAP_REPLAY_NAMES

}  // namespace

const std::vector<ReplayAction>& replay_actions() {
  static const std::vector<ReplayAction> all = {
      {"select", "select ID", do_select},
      {"deselect", "deselect", do_deselect},
      {"center", "center ID", do_center},
      {"whatif-remove", "whatif-remove ID", do_whatif_remove},
      {"whatif-reset", "whatif-reset", do_whatif_reset},
      {"search", "search TEXT", do_search},
      {"filter-sector", "filter-sector SECTOR on|off", do_filter_sector},
      {"filter-at-table", "filter-at-table on|off", do_filter_at_table},
      {"filter-kind", "filter-kind KIND on|off", do_filter_kind},
      {"filter-issue", "filter-issue ID|any", do_filter_issue},
      {"people", "people on|off", do_people},
      {"backbone-area", "backbone-area ID|any", do_backbone_area},
      {"fit", "fit", do_fit},
      {"pan", "pan DX DY", do_pan},
      {"zoom", "zoom FACTOR", do_zoom},
      {"click", "click ID", do_click},
      {"drag", "drag ID DX DY", do_click},
      {"wheel", "wheel ID AMOUNT", do_click},
      {"layout", "layout auto|sfdp|neato|fdp|roles", do_layout},
      {"set-at-table", "set-at-table ID yes|no", do_set_at_table},
      {"add-organization", "add-organization ID SECTOR NAME", do_add_organization},
      {"delete-organization", "delete-organization ID", do_delete_organization},
      {"add-tie", "add-tie ID ID KIND STRENGTH", do_add_tie},
      {"undo", "undo", do_undo},
      {"redo", "redo", do_redo},
      {"save", "save PATH", do_save},
      {"new-community", "new-community PATH [NAME]", do_new_community},
      {"new-form", "new-form", do_new_form},
      {"trainer-open", "trainer-open FOLDER", do_trainer_open},
      {"trainer-next", "trainer-next", do_trainer_next},
      {"trainer-prev", "trainer-prev", do_trainer_prev},
      {"tab", "tab inspector|gaps|table|roles|structure|what-if|change|edit", do_tab},
      {"year", "year YEAR", do_year},
      {"compare-with", "compare-with YEAR|none", do_compare_with},
      {"screenshot", "screenshot FILE", do_screenshot},
      {"export-png", "export-png FILE", do_export_png},
      {"export-svg", "export-svg FILE", do_export_svg},
      {"export-report", "export-report FILE.html", do_export_report},
      {"color-by", "color-by sector|community|generation|change|column NAME", do_color_by},
      {"size-by", "size-by uniform|ties|strength|people|trust|value", do_size_by},
      {"tie-color", "tie-color kind|intensity|trust [MIN]", do_tie_color},
      {"print-marks", "print-marks", do_print_marks},
      {"print-legend", "print-legend", do_print_legend},
      {"wait", "wait N", do_wait},
      {"wait-structure", "wait-structure", do_wait_structure},
      {"print-state", "print-state", do_print_state},
      {"print-gaps", "print-gaps", do_print_gaps},
      {"print-roles", "print-roles", do_print_gaps},
      {"print-structure", "print-structure", do_print_gaps},
      {"print-clipped", "print-clipped", do_print_clipped},
      {"print-node", "print-node ID", do_print_node},
      {"quit", "quit", do_quit},
  };
  return all;
}

bool Replay::load(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read the replay script " + path;
    return false;
  }
  file_ = path;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    lines_.emplace_back(t);
    line_numbers_.push_back(number);
  }
  return true;
}

bool Replay::step(AppState& s, FrameRequests& rq) {
  if (wait_ > 0) {
    --wait_;
    return true;
  }
  // Actions wait for the layout and the fit that follows it, so positions are
  // final, and for structure measures being taken, so panels show them
  // (quitting does not: the window never waits for the measures).
  if (next_ >= lines_.size() || s.layout.running() || (s.fit_requested && s.have_positions) || !rq.mouse.empty() ||
      (s.structure_job.running() && lines_[next_] != "quit"))
    return true;
  const std::string line = lines_[next_];
  // These read the structure measures: take them first when they are not of the current community.
  if (line == "wait-structure" || line == "print-structure") {
    update_structure(s, true);
    if (!structure_current(s)) return true;
  }
  const int number = line_numbers_[next_];
  ++next_;
  std::istringstream in(line);
  std::string action;
  in >> action;
  auto fail = [&](const std::string& why) {
    error_ = file_ + ":" + std::to_string(number) + ": " + why;
    return false;
  };
  auto org_arg = [&](uint32_t& org) {
    std::string id;
    in >> id;
    auto found = s.community().find_organization(id);
    if (!found) return fail("no organization with id '" + id + "'");
    org = *found;
    return true;
  };
  refresh(s);
  for (const ReplayAction& a : replay_actions())
    if (action == a.name) {
      ActionContext x{s, rq, in, action, fail, org_arg, wait_};
      return a.run(x);
    }
  return fail("unknown action '" + action + "' (docs/map.md lists the actions)");
}

}  // namespace tablemap::viz
