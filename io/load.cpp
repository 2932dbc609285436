#include "io/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <filesystem>
#include <iterator>
#include <optional>
#include <unistd.h>

#include "core/parallel.hpp"
#include "io/bundle.hpp"
#include "io/graph_export.hpp"
#include "io/file_lock.hpp"
#include "io/json_file.hpp"
#include "io/project_file.hpp"
#include "io/workbook_read.hpp"
#include "io/workbook_write.hpp"

namespace tablemap {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && equals_ignore_case(std::string_view(s).substr(s.size() - suffix.size()), suffix);
}

// The forms a PATH may take, chosen by how its file name ends (after any
// @YEAR); the first entry whose suffix matches wins, and the last (no
// suffix) is the bundle folder.
struct Form {
  std::string_view suffix;
  Format format;
};
const Form kForms[] = {
    {".json", Format::json},
    {".tablemap", Format::project},
    {".xlsx", Format::workbook},
    {"", Format::bundle},
};

const Form& form_of(const std::string& file) {
  for (const Form& f : kForms)
    if (ends_with(file, f.suffix)) return f;
  return kForms[std::size(kForms) - 1];
}

LoadResult problem(const std::string& path, std::string message, bool wrong_path = true) {
  LoadResult r;
  r.problems.push_back({path, 0, std::move(message)});
  r.wrong_path = wrong_path;
  return r;
}

// A PATH that cannot be a community at all: what to give instead.
std::optional<std::string> wrong_path(const std::string& path, const std::string& file) {
  std::error_code ec;
  const bool exists = fs::exists(file, ec);
  if (graph_format_of_path(file))
    return "tablemap writes this kind of file (tablemap convert COMMUNITY " + fs::path(file).filename().string() +
           ") but cannot read one; give the bundle folder, .json or .tablemap file it was made from";
  if (!exists) {
    // "millbrook.tablemap:2025", the form of problem labels in older versions.
    const size_t colon = path.rfind(':');
    if (colon != std::string::npos && ends_with(path.substr(0, colon), ".tablemap"))
      return "to name one year of a project file, write " + path.substr(0, colon) + "@" + path.substr(colon + 1);
    const size_t at = path.rfind('@');
    if (at != std::string::npos && at > 0 && form_of(file).format != Format::project)
      return "only a .tablemap project file holds several years; " + path.substr(0, at) +
             " holds one community, named without @";
    return std::string(form_of(file).format == Format::bundle ? "no such folder or file" : "no such file");
  }
  if (ends_with(file, ".csv") && !fs::is_directory(file, ec)) {
    const fs::path parent = fs::path(file).parent_path();
    return "this is one CSV file of a bundle; give the folder that holds it (" +
           (parent.empty() ? std::string(".") : parent.string()) + "), with community.json beside it";
  }
  if (form_of(file).format == Format::bundle && !fs::is_directory(file, ec))
    return std::string("not a bundle folder, a .json, .xlsx or .tablemap file");
  return std::nullopt;
}

}  // namespace

SnapshotPath split_snapshot_path(const std::string& path) {
  const size_t at = path.rfind('@');
  if (at == std::string::npos || !ends_with(path.substr(0, at), ".tablemap")) return {path, 0};
  const std::string digits = path.substr(at + 1);
  // Any text after the @ is taken as a year, so that a typo is reported, not
  // read as a file name; a year that is not a number becomes year -1.
  bool number = !digits.empty() && digits.size() <= 6 &&
                std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  int year = number ? std::stoi(digits) : -1;
  return {path.substr(0, at), year > 0 ? year : -1};
}

Format format_of_path(const std::string& path) { return form_of(split_snapshot_path(path).file).format; }

int year_before(const std::string& path) {
  if (format_of_path(path) != Format::project) return 0;
  const SnapshotPath snapshot = split_snapshot_path(path);
  Problems ignored;  // an unreadable file has no year before: the load says why
  const std::vector<int> years = project_years(snapshot.file, ignored);
  const int shown = snapshot.year > 0 ? snapshot.year : (years.empty() ? 0 : years.back());
  int previous = 0;
  for (int y : years)
    if (y < shown) previous = y;
  return previous;
}

LoadResult load_community(const std::string& path, int year) {
  const SnapshotPath named = split_snapshot_path(path);
  if (named.year < 0) return problem(path, "a year after @ is a number such as 2025 (" + named.file + "@2025)");
  if (auto why = wrong_path(path, named.file)) return problem(path, *why);
  switch (format_of_path(path)) {
    case Format::bundle: return load_bundle(path);
    case Format::json: return load_json_file(path);
    case Format::project: return load_project(named.file, year ? year : named.year);
    case Format::workbook: return load_workbook(path);
  }
  return {};
}

SaveOutcome save_community(const Community& community, const std::string& path, const SaveOptions& options) {
  const SnapshotPath named = split_snapshot_path(path);
  WriteLock one_writer_at_a_time(named.file);
  switch (format_of_path(path)) {
    case Format::bundle: save_bundle(community, path, options); return {};
    case Format::json: save_json_file(community, path); return {};
    case Format::workbook: save_workbook(community, path); return {};
    case Format::project:
      if (named.year != 0 && named.year != community.profile.year)
        throw SaveError("cannot save " + path + ": the community is the snapshot of " +
                        std::to_string(community.profile.year) + "; save it as " + named.file + "@" +
                        std::to_string(community.profile.year) + " or as " + named.file);
      return save_project(community, named.file, options);
  }
  return {};
}

void write_file_atomically(const std::string& path, std::string_view content) {
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(temp.data());
  if (fd < 0) throw SaveError("cannot write in " + folder.string() + ": " + std::strerror(errno));
  auto fail = [&](const char* what) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    ::unlink(temp.c_str());
    throw SaveError(std::string(what) + " " + path + ": " + reason + " (the previous file is unchanged)");
  };
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    written += size_t(n);
  }
  if (::fchmod(fd, 0644) != 0) fail("cannot set permissions of");
  if (::fsync(fd) != 0) fail("cannot flush");
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    throw SaveError("cannot close " + path);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    throw SaveError("cannot replace " + path + ": " + reason + " (the previous file is unchanged)");
  }
  // The rename itself is durable only once the folder is flushed.
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::pair<LoadResult, LoadResult> load_two(const std::string& first, const std::string& second) {
  std::pair<LoadResult, LoadResult> both;
  run_both([&] { both.first = load_community(first); }, [&] { both.second = load_community(second); });
  return both;
}

}  // namespace tablemap
