// The map across the years of a project file (viz/years.hpp).
#include "viz/years.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "io/load.hpp"
#include "io/project_file.hpp"
#include "viz/document.hpp"
#include "viz/layout.hpp"

namespace tablemap::viz {
namespace {

std::string year_path(const YearView& y, int year) { return y.file + "@" + std::to_string(year); }

// How far a ghost keeps from every organization on the map: about their
// usual spacing (0.8 of the median distance to the nearest other one, in
// layout points), 40 when the spacing is not known yet.
float ghost_clearance(const AppState& s) {
  std::vector<float> gaps;
  for (float d : s.spacing)
    if (d < 1e8f) gaps.push_back(d);
  if (gaps.empty()) return 40;
  std::nth_element(gaps.begin(), gaps.begin() + ptrdiff_t(gaps.size() / 2), gaps.end());
  return std::max(10.f, 0.8f * gaps[gaps.size() / 2]);
}

// Where each organization of the compared year that is gone now stood: where
// the project file saved it that year, else amid its old partners that are
// still on the map (in the nearest free spot), else nowhere (the panel lists
// it all the same). One pass over the compared year's ties.
std::vector<Ghost> place_ghosts(const AppState& s, const Community& other, const Comparison& cmp) {
  const Community& now = s.community();
  std::unordered_map<std::string, Point> saved;
  for (const NodePosition& p : load_positions(s.years.file, other.profile.year))
    saved[p.organization] = Point{float(p.x), float(p.y)};
  std::vector<Ghost> ghosts;
  std::unordered_map<uint32_t, size_t> unsaved;  // row in `other` -> its ghost, for those to place by partners
  for (const NamedRow& gone : cmp.removed) {
    Ghost g{gone.id, gone.name, {}, false};
    if (auto it = saved.find(gone.id); it != saved.end()) {
      g.pos = it->second;
      g.placed = true;
    } else if (auto row = other.find_organization(gone.id)) {
      unsaved[*row] = ghosts.size();
    }
    ghosts.push_back(std::move(g));
  }
  if (unsaved.empty()) return ghosts;
  // The sum of the map positions of each one's partners still on the map.
  struct Sum {
    float x = 0, y = 0;
    int partners = 0;
  };
  std::vector<Sum> sums(ghosts.size());
  auto add = [&](uint32_t gone, uint32_t partner) {
    auto g = unsaved.find(gone);
    if (g == unsaved.end()) return;
    auto here = now.find_organization(other.org_id(partner));
    if (!here || *here >= s.pos.size()) return;
    Sum& sum = sums[g->second];
    sum.x += s.pos[*here].x, sum.y += s.pos[*here].y, ++sum.partners;
  };
  for (const Tie& t : other.ties) {
    if (t.source == t.target) continue;
    add(t.source, t.target);
    add(t.target, t.source);
  }
  // Placed in the order compare lists them, each clear of the map and of the ghosts before it.
  std::vector<size_t> to_place;
  std::vector<Point> wanted, taken = s.pos;
  for (size_t k = 0; k < ghosts.size(); ++k)
    if (ghosts[k].placed)
      taken.push_back(ghosts[k].pos);  // saved that year: stays where it stood
    else if (sums[k].partners > 0) {
      const float n = float(sums[k].partners);
      to_place.push_back(k);
      wanted.push_back(Point{sums[k].x / n, sums[k].y / n});
    }
  const std::vector<Point> spots = free_spots_near(taken, wanted, ghost_clearance(s));
  for (size_t i = 0; i < to_place.size(); ++i) {
    ghosts[to_place[i]].pos = spots[i];
    ghosts[to_place[i]].placed = true;
  }
  return ghosts;
}

void clear_comparison(AppState& s) {
  YearView& y = s.years;
  y.compare_with = 0;
  y.other.reset();
  y.comparison.reset();
  y.change.clear();
  y.ghosts.clear();
  y.built_revision = y.built_opened = UINT64_MAX;
  ++y.revision;
  if (s.coloring.by == ColorBy::change) s.coloring = Coloring{};
}

}  // namespace

void note_years(AppState& s) {
  YearView& y = s.years;
  const std::string file = format_of_path(s.path) == Format::project ? split_snapshot_path(s.path).file : "";
  if (file != y.file) clear_comparison(s);  // another file: last file's years mean nothing here
  y.file = file;
  y.years.clear();
  if (!file.empty()) {
    Problems ignored;  // the open itself reported any problem
    y.years = project_years(file, ignored);
  }
  y.shown = s.community().profile.year;
  if (y.compare_with >= y.shown) clear_comparison(s);
  y.built_revision = UINT64_MAX;  // the community is another one: compare again
}

std::vector<int> earlier_years(const YearView& y) {
  std::vector<int> out;
  for (int year : y.years)
    if (year < y.shown) out.push_back(year);
  return out;
}

bool switch_year(AppState& s, int year) {
  YearView& y = s.years;
  if (y.file.empty() || std::find(y.years.begin(), y.years.end(), year) == y.years.end()) {
    s.status = "this file holds no " + std::to_string(year) +
               (y.years.empty() ? std::string() : " (it holds " + years_list(y.years) + ")");
    return false;
  }
  if (year == y.shown) return true;
  if (s.history.dirty()) {
    s.status = "save or undo your changes to " + std::to_string(y.shown) + " before opening " + std::to_string(year);
    return false;
  }
  // Every organization the two years share stays where it is, and so does the view.
  std::unordered_map<std::string, Point> carried;
  if (s.have_positions)
    for (size_t i = 0; i < s.pos.size() && i < s.pos_ids.size(); ++i) carried[s.pos_ids[i]] = s.pos[i];
  const Camera camera = s.camera;
  const int compared = y.compare_with;
  const Coloring coloring = s.coloring;
  if (!open_community(s, year_path(y, year), &carried)) return false;
  if (!carried.empty()) {
    s.camera = camera;
    s.fit_requested = false;
    s.keep_view_after_layout = s.layout.running();  // the new organizations are laid out around the others
  }
  const bool still = compared && compared < year;  // only an earlier year is compared with
  if (still) {
    compare_with_year(s, compared);
    if (coloring.by != ColorBy::change) s.coloring = coloring;
  }
  s.status = "showing " + std::to_string(year) + " of " + y.file +
             (still ? ", compared with " + std::to_string(compared) : std::string());
  return true;
}

bool compare_with_year(AppState& s, int year) {
  YearView& y = s.years;
  if (year == 0) {
    clear_comparison(s);
    return true;
  }
  if (y.file.empty() || year >= y.shown || std::find(y.years.begin(), y.years.end(), year) == y.years.end()) {
    s.status = y.file.empty() ? "only a project file (.tablemap) with several years can be compared"
                              : "compare " + std::to_string(y.shown) + " with a year before it: " +
                                    (earlier_years(y).empty() ? std::string("the file holds none")
                                                              : years_list(earlier_years(y)));
    return false;
  }
  LoadResult other = load_community(y.file, year);
  if (!other.ok()) {
    s.status = "could not read " + std::to_string(year) + ": " + other.problems.front().to_string();
    return false;
  }
  y.compare_with = year;
  y.other = std::move(*other.community);
  y.built_revision = UINT64_MAX;
  update_comparison(s);
  s.coloring = Coloring{ColorBy::change, "", year};
  return true;
}

void update_comparison(AppState& s) {
  YearView& y = s.years;
  if (!y.other) return;
  refresh(s);
  if (y.built_revision == s.built_revision && y.built_opened == s.opened) return;
  const Community& now = s.community();
  y.comparison = compare_communities(*y.other, now);
  const Comparison& cmp = *y.comparison;
  const uint32_t n = s.organization_count();
  y.change.assign(n, YearChange::none);
  auto mark = [&](const std::vector<NamedRow>& rows, YearChange k) {
    for (const NamedRow& r : rows)
      if (auto org = now.find_organization(r.id)) y.change[*org] = k;
  };
  mark(cmp.joined_table, YearChange::joined_table);
  mark(cmp.left_table, YearChange::left_table);
  mark(cmp.added, YearChange::added);  // new in the network (at the table or not)
  y.ghosts = place_ghosts(s, *y.other, cmp);
  y.built_revision = s.built_revision;
  y.built_opened = s.opened;
  ++y.revision;
}

}  // namespace tablemap::viz
