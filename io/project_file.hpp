// The `.tablemap` project file: SQLite, one snapshot of the community per
// year (the 2025 and the 2026 table), plus map positions. The schema has a
// version (PRAGMA user_version) and migrations from every older version.
#pragma once

#include <string>
#include <vector>

#include "io/codec.hpp"

namespace tablemap {

// Loads the snapshot of `year` (0 = the latest year in the file).
LoadResult load_project(const std::string& path, int year = 0);
// The years the file holds, oldest first; empty with a problem when unreadable.
std::vector<int> project_years(const std::string& path, Problems& problems);
// Stores the community as the snapshot of its profile's year, replacing that
// year and keeping the others. Atomic: a killed save leaves the old file whole.
// Throws SaveError.
void save_project(const Community& community, const std::string& path);

// Map positions of organizations, kept per snapshot so a map opens as it was left.
struct NodePosition {
  std::string organization;  // organization id
  double x = 0, y = 0;
  bool pinned = false;
};
std::vector<NodePosition> load_positions(const std::string& path, int year);
void save_positions(const std::string& path, int year, const std::vector<NodePosition>& positions);

}  // namespace tablemap
