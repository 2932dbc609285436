// The `.tablemap` project file: SQLite, one snapshot of the community per
// year (the 2025 and the 2026 table), plus map positions. The schema has a
// version (PRAGMA user_version) and migrations from every older version.
#pragma once

#include <string>
#include <vector>

#include "io/codec.hpp"
#include "io/load.hpp"

namespace tablemap {

// Loads the snapshot of `year` (0 = the latest year in the file).
LoadResult load_project(const std::string& path, int year = 0);
// The years the file holds, oldest first; empty with a problem when unreadable.
std::vector<int> project_years(const std::string& path, Problems& problems);
// "2024, 2025, 2026", as every message names the years a file holds.
std::string years_list(const std::vector<int>& years);

// What one snapshot holds, for `tablemap years`.
struct SnapshotCounts {
  int year = 0;
  size_t organizations = 0, people = 0, ties = 0;  // rows
  size_t organizations_at_table = 0, people_at_table = 0;
  size_t problems = 0;  // > 0: the snapshot does not load (validate names them)
};
// Every snapshot of the file, oldest first; empty with a problem when the file is unreadable.
std::vector<SnapshotCounts> snapshot_counts(const std::string& path, Problems& problems);

// Stores the community as the snapshot of its profile's year, adding it or
// (when options allow) replacing that year, and keeping the others. One SQLite
// transaction: a killed save leaves the old file whole. A damaged file is
// never saved into. Throws SaveError (YearExists when the year is held and
// may not be replaced). `path` is the file itself (no @YEAR).
SaveOutcome save_project(const Community& community, const std::string& path, const SaveOptions& options = {});

// Map positions of organizations, kept per snapshot so a map opens as it was left.
struct NodePosition {
  std::string organization;  // organization id
  double x = 0, y = 0;
  bool pinned = false;
};
// `path` may name a year (FILE.tablemap@2025); `year` (0 = latest) picks the snapshot.
std::vector<NodePosition> load_positions(const std::string& path, int year);
void save_positions(const std::string& path, int year, const std::vector<NodePosition>& positions);

}  // namespace tablemap
