#include "io/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <filesystem>
#include <unistd.h>

#include "io/bundle.hpp"
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

Format format_of_path(const std::string& path) {
  const std::string file = split_snapshot_path(path).file;
  if (ends_with(file, ".json")) return Format::json;
  if (ends_with(file, ".tablemap")) return Format::project;
  if (ends_with(file, ".xlsx")) return Format::workbook;
  return Format::bundle;
}

namespace {

LoadResult problem(const std::string& path, std::string message) {
  LoadResult r;
  r.problems.push_back({path, 0, std::move(message)});
  return r;
}

}  // namespace

LoadResult load_community(const std::string& path, int year) {
  const SnapshotPath named = split_snapshot_path(path);
  if (named.year < 0)
    return problem(path, "a year after @ is a number such as 2025 (" + named.file + "@2025)");
  switch (format_of_path(path)) {
    case Format::bundle: {
      std::error_code ec;
      if (!fs::exists(path, ec)) {
        // "millbrook.tablemap:2025", the form of problem labels in older versions.
        const size_t colon = path.rfind(':');
        if (colon != std::string::npos && ends_with(path.substr(0, colon), ".tablemap"))
          return problem(path, "to name one year of a project file, write " + path.substr(0, colon) + "@" +
                                   path.substr(colon + 1));
        const size_t at = path.rfind('@');
        if (at != std::string::npos && at > 0)
          return problem(path, "only a .tablemap project file holds several years; " + path.substr(0, at) +
                                   " holds one community, named without @");
      }
      return load_bundle(path);
    }
    case Format::json: return load_json_file(path);
    case Format::project: return load_project(named.file, year ? year : named.year);
    case Format::workbook: return load_workbook(path);
  }
  return {};
}

SaveOutcome save_community(const Community& community, const std::string& path, const SaveOptions& options) {
  const SnapshotPath named = split_snapshot_path(path);
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

}  // namespace tablemap
