// Loading and saving a community, whatever the form: a bundle folder, a
// `.json` single file, a `.tablemap` SQLite project file, or an `.xlsx` workbook.
#pragma once

#include <stdexcept>
#include <string>

#include "io/codec.hpp"

namespace tablemap {

enum class Format { bundle, json, project, workbook };
// Chosen by the path: `.json`, `.tablemap`, `.xlsx`, anything else is a bundle folder.
Format format_of_path(const std::string& path);

// Loads a community. For a project file, `year` picks the snapshot (0 = latest).
LoadResult load_community(const std::string& path, int year = 0);

// Thrown by savers: the message says what went wrong in the user's words.
struct SaveError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SaveOptions {
  // A bundle may go into an existing folder that holds other things and no
  // community.json (`convert --force`); what is there stays.
  bool replace_any_folder = false;
};

// Saves atomically (write to a temporary file, fsync, rename; a bundle folder
// is swapped in as a whole). For a project file, the community is stored as
// the snapshot of its profile's year, replacing that year's snapshot and
// keeping the others.
void save_community(const Community& community, const std::string& path, const SaveOptions& options = {});

// Writes `content` to `path` atomically: temporary file, fsync, rename, fsync of the folder.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace tablemap
