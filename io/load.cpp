#include "io/load.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <filesystem>
#include <iterator>
#include <optional>
#include <unistd.h>

#include "io/bundle.hpp"
#include "io/graph_export.hpp"
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

// The forms a PATH may take, chosen by how it ends; the first entry whose
// suffix matches wins, and the last (no suffix) is the bundle folder.
struct Form {
  std::string_view suffix;
  Format format;
  LoadResult (*load)(const std::string& path, int year);
  void (*save)(const Community& community, const std::string& path, const SaveOptions& options);
};
const Form kForms[] = {
    {".json", Format::json, [](const std::string& p, int) { return load_json_file(p); },
     [](const Community& c, const std::string& p, const SaveOptions&) { save_json_file(c, p); }},
    {".tablemap", Format::project, load_project,
     [](const Community& c, const std::string& p, const SaveOptions&) { save_project(c, p); }},
    {".xlsx", Format::workbook, [](const std::string& p, int) { return load_workbook(p); },
     [](const Community& c, const std::string& p, const SaveOptions&) { save_workbook(c, p); }},
    {"", Format::bundle, [](const std::string& p, int) { return load_bundle(p); }, save_bundle},
};

const Form& form_of(const std::string& path) {
  for (const Form& f : kForms)
    if (ends_with(path, f.suffix)) return f;
  return kForms[std::size(kForms) - 1];
}

// A PATH that cannot be a community at all: what to give instead.
std::optional<std::string> wrong_path(const std::string& path) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (graph_format_of_path(path))
    return "tablemap writes this kind of file (tablemap convert COMMUNITY " + fs::path(path).filename().string() +
           ") but cannot read one; give the bundle folder, .json or .tablemap file it was made from";
  if (!exists) return std::string(form_of(path).format == Format::bundle ? "no such folder or file" : "no such file");
  if (ends_with(path, ".csv") && !fs::is_directory(path, ec)) {
    const fs::path parent = fs::path(path).parent_path();
    return "this is one CSV file of a bundle; give the folder that holds it (" +
           (parent.empty() ? std::string(".") : parent.string()) + "), with community.json beside it";
  }
  if (form_of(path).format == Format::bundle && !fs::is_directory(path, ec))
    return std::string("not a bundle folder, a .json, .xlsx or .tablemap file");
  return std::nullopt;
}

}  // namespace

Format format_of_path(const std::string& path) { return form_of(path).format; }

LoadResult load_community(const std::string& path, int year) {
  if (auto why = wrong_path(path)) {
    LoadResult r;
    r.problems.push_back({path, 0, *why});
    r.wrong_path = true;
    return r;
  }
  return form_of(path).load(path, year);
}

void save_community(const Community& community, const std::string& path, const SaveOptions& options) {
  form_of(path).save(community, path, options);
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
