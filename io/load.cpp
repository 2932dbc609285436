#include "io/load.hpp"

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

Format format_of_path(const std::string& path) {
  if (ends_with(path, ".json")) return Format::json;
  if (ends_with(path, ".tablemap")) return Format::project;
  if (ends_with(path, ".xlsx")) return Format::workbook;
  return Format::bundle;
}

LoadResult load_community(const std::string& path, int year) {
  switch (format_of_path(path)) {
    case Format::bundle: return load_bundle(path);
    case Format::json: return load_json_file(path);
    case Format::project: return load_project(path, year);
    case Format::workbook: return load_workbook(path);
  }
  return {};
}

void save_community(const Community& community, const std::string& path, const SaveOptions& options) {
  switch (format_of_path(path)) {
    case Format::bundle: save_bundle(community, path, options); return;
    case Format::json: save_json_file(community, path); return;
    case Format::project: save_project(community, path); return;
    case Format::workbook: save_workbook(community, path); return;
  }
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
