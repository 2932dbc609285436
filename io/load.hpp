// Loading and saving a community, whatever the form: a bundle folder, a
// `.json` single file, a `.tablemap` SQLite project file, or an `.xlsx` workbook.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "io/codec.hpp"

namespace tablemap {

enum class Format { bundle, json, project, workbook };
// Chosen by the path: `.json`, `.tablemap` (also `.tablemap@2025`), `.xlsx`,
// anything else is a bundle folder.
Format format_of_path(const std::string& path);

// A PATH as the user gives it: `millbrook.tablemap@2025` names the 2025
// snapshot of a project file; `millbrook.tablemap` its latest year (0).
// The one home of the `@YEAR` rule: every reader and saver splits here.
struct SnapshotPath {
  std::string file;
  int year = 0;  // 0 = the latest
};
// `@YEAR` is read only after a `.tablemap` name; anything else is kept whole.
SnapshotPath split_snapshot_path(const std::string& path);

// For a project file's PATH (`FILE.tablemap` or `FILE.tablemap@2025`): the
// latest year the file holds before the one the PATH names, 0 when there is
// none or the PATH is of another form. The "change since last year" of the
// board report, in the CLI and the map alike, compares with that year.
int year_before(const std::string& path);

// Loads a community. For a project file, `year` picks the snapshot (0 = the
// one the path names, else the latest); a path of another form with `@YEAR`
// or an unknown year is a problem naming what the file holds.
LoadResult load_community(const std::string& path, int year = 0);
// Two PATHs read side by side, each on its own thread (compare's two years).
std::pair<LoadResult, LoadResult> load_two(const std::string& first, const std::string& second);

// Thrown by savers: the message says what went wrong in the user's words.
struct SaveError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SaveOptions {
  // A bundle may go into an existing folder that holds other things and no
  // community.json (`convert --force`); what is there stays.
  bool replace_any_folder = false;
  // A project file that already holds the community's year: replace that
  // snapshot (true), or refuse with YearExists (false).
  bool replace_year = true;
};

// What a save did to a project file (for other forms: `years` stays empty).
struct SaveOutcome {
  int year = 0;               // the snapshot written
  bool replaced = false;      // true: it replaced that year; false: it added it
  std::vector<int> years;     // the years the file holds now, oldest first
};

// A project file already holds the year and SaveOptions::replace_year is false.
struct YearExists : SaveError {
  YearExists(const std::string& message, std::vector<int> held) : SaveError(message), years(std::move(held)) {}
  std::vector<int> years;
};

// Saves atomically: a bundle or `.json` file is written beside its place and
// swapped in; a project file changes in one SQLite transaction. For a
// project file, the community is stored as the snapshot of its profile's
// year, adding it or replacing that year's snapshot, and keeping the others;
// a path naming another year (`FILE.tablemap@2024`) is refused.
SaveOutcome save_community(const Community& community, const std::string& path, const SaveOptions& options = {});

// Writes `content` to `path` atomically: temporary file, fsync, rename, fsync of the folder.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace tablemap
