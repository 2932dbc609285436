// The document: the community open on the map and everything that changes
// it or where it lives (viz/document.hpp).
#include "viz/document.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/palette.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"
#include "viz/years.hpp"

namespace tablemap::viz {

namespace fs = std::filesystem;

std::string recovery_path_for(const std::string& path) {
  std::string p = path.empty() ? "untitled" : path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p + ".recovery.json";
}

std::string create_community(AppState& s, const NewCommunityOptions& options, const std::string& path) {
  if (path.empty()) return "type where the new community goes: a folder name, or a name ending in .xlsx";
  try {
    write_new_community(options, path);
  } catch (const SaveError& e) {
    return e.what();
  }
  if (!open_community(s, path)) return "the new community was written but could not be opened: " + s.status;
  s.status = "created " + path + ": fill in its " +
             (format_of_path(path) == Format::workbook ? "sheets" : "files") +
             " (the example rows show how), then open it again";
  return "";
}

bool open_community(AppState& s, const std::string& path, const std::unordered_map<std::string, Point>* carried) {
  const DiskStamp on_disk = disk_stamp_of(path);
  LoadResult r = load_community(path);
  if (!r.ok()) {
    s.load_message = problem_lines(r.problems);
    s.status = "could not open " + path + ": " + std::to_string(r.problems.size()) + " problem(s) to fix";
    return false;
  }
  s.path = path;
  s.path_on_disk = on_disk;
  s.history = EditHistory(std::move(*r.community));
  ++s.opened;
  s.group.clear();
  ++s.group_revision;
  s.built_revision = UINT64_MAX;
  s.have_positions = false;
  s.pos.clear();
  s.pinned.clear();
  s.pos_ids.clear();
  s.tiers.clear();
  s.selected = -1;
  s.removed.clear();
  s.highlighted.clear();
  s.built_ids.clear();
  s.search.clear();
  s.filters = Filters{};
  s.backbone_area = -1;
  if (s.coloring.by == ColorBy::column) s.coloring = Coloring{};  // another community's column
  refresh(s);
  const Community& c = s.community();
  const uint32_t n = s.organization_count();
  s.pos.assign(n, Point{});
  s.pinned.assign(n, 0);
  s.pos_ids.resize(n);
  for (uint32_t i = 0; i < n; ++i) s.pos_ids[i] = c.org_id(i);
  s.positions_changed = false;
  ++s.positions_revision;

  // A project file remembers where the map left each organization.
  std::vector<uint8_t> placed(n, 0);
  if (carried)
    for (uint32_t i = 0; i < n; ++i)
      if (auto it = carried->find(c.org_id(i)); it != carried->end()) {
        s.pos[i] = it->second;
        placed[i] = 1;
      }
  if (format_of_path(path) == Format::project) {
    for (const NodePosition& p : load_positions(path, c.profile.year)) {
      if (auto org = c.find_organization(p.organization)) {
        s.pinned[*org] = p.pinned;
        if (placed[*org]) continue;
        s.pos[*org] = Point{float(p.x), float(p.y)};
        placed[*org] = 1;
      }
    }
  }
  const size_t known = size_t(std::count(placed.begin(), placed.end(), uint8_t(1)));
  s.fit_requested = true;
  if (known == n && n > 0) {
    s.have_positions = true;
  } else if (known > 0) {
    // Keep those we know in place and lay out the rest around them (only
    // those: an organization with no position yet is not held at 0,0).
    std::vector<uint8_t> keep = s.pinned;
    for (uint32_t i = 0; i < n; ++i) s.pinned[i] = placed[i];
    s.have_positions = true;
    start_layout(s, s.engine);
    s.pinned = keep;
  } else {
    start_layout(s, s.engine);
  }
  note_years(s);
  s.status = "opened " + path + " (" + std::to_string(n) + " organizations, " +
             std::to_string(s.network.relationship_count()) + " relationships)";
  return true;
}

namespace {

// The row of organization `id`; none, with the status saying so, when unknown.
std::optional<uint32_t> organization_named(AppState& s, const std::string& id) {
  auto org = s.community().find_organization(id);
  if (!org) s.status = "no organization with id '" + id + "'";
  return org;
}

}  // namespace

bool select_by_id(AppState& s, const std::string& id) {
  const auto org = organization_named(s, id);
  if (org) s.selected = int32_t(*org);
  return bool(org);
}

bool whatif_remove(AppState& s, const std::string& id) {
  const auto org = organization_named(s, id);
  if (org) set_removed(s, *org, true);
  return bool(org);
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
    if (!s.live_whatif || s.live_whatif_opened != s.opened || s.live_whatif_revision != s.built_revision) {
      s.live_whatif = std::make_unique<LiveWhatIf>(s.community(), s.network);
      s.live_whatif_opened = s.opened;
      s.live_whatif_revision = s.built_revision;
    }
    s.whatif = s.live_whatif->apply(rows);
    s.whatif_built_revision = s.built_revision;
    s.whatif_built_removal = s.whatif_revision;
  }
  return s.whatif;
}

Problems apply_checked(AppState& s, const Edit& edit) {
  Problems problems = s.history.apply(edit);
  if (problems.empty()) {
    s.status = s.history.undo_label();
    refresh(s);
  }
  return problems;
}

bool apply(AppState& s, const Edit& edit) {
  const Problems problems = apply_checked(s, edit);
  if (problems.empty()) return true;
  s.status.clear();
  for (const Problem& p : problems) s.status += (s.status.empty() ? "" : "; ") + p.message;
  return false;
}

void set_removed(AppState& s, uint32_t org, bool out) {
  if (org >= s.removed.size() || bool(s.removed[org]) == out) return;
  s.removed[org] = out ? 1 : 0;
  ++s.whatif_revision;
}

bool restore_recovery(AppState& s) {
  LoadResult r = load_community(s.recovery_path);
  if (!r.ok()) {
    s.status = "the recovery copy could not be read: " + r.problems.front().to_string();
    return false;
  }
  s.history.replace(std::move(*r.community), "restore unsaved edits");
  refresh(s);
  s.status = "restored the unsaved edits; save to keep them";
  return true;
}

void open_unsaved(AppState& s, Community community) {
  s.history = EditHistory(std::move(community));
  s.path.clear();
  s.recovery_path = recovery_path_for("");
  refresh(s);
}

void undo(AppState& s) {
  if (!s.history.can_undo()) return;
  s.history.undo();
  refresh(s);
}

void redo(AppState& s) {
  if (!s.history.can_redo()) return;
  s.history.redo();
  refresh(s);
}

bool save_to(AppState& s, const std::string& path) {
  if (path.empty()) {
    s.status = "choose where to save: File > Save as";
    return false;
  }
  if (path == s.path) {
    if (const std::string changed = changed_on_disk_since(s.path_on_disk, path); !changed.empty()) {
      s.status = "not saved: " + changed;
      return false;
    }
  }
  try {
    save_community(s.community(), path);
    if (format_of_path(path) == Format::project) {
      std::vector<NodePosition> positions;
      const Community& c = s.community();
      for (uint32_t i = 0; i < s.organization_count() && i < s.pos.size(); ++i)
        positions.push_back({c.org_id(i), s.pos[i].x, s.pos[i].y, s.pinned[i] != 0});
      save_positions(path, c.profile.year, positions);
      s.positions_changed = false;
    }
  } catch (const std::exception& e) {
    s.status = std::string("not saved: ") + e.what();
    return false;
  }
  // The saved file becomes the one being edited (as "Save as" does everywhere).
  s.history.mark_saved();
  std::error_code ec;
  fs::remove(s.recovery_path, ec);
  s.path = path;
  s.path_on_disk = disk_stamp_of(path);
  s.recovery_path = recovery_path_for(path);
  s.status = "saved " + path;
  return true;
}

}  // namespace tablemap::viz
