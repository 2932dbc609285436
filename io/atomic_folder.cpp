#include "io/atomic_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>  // renameat2, RENAME_EXCHANGE (glibc 2.28+)
#include <cstring>
#include <filesystem>
#include <random>

#include "io/load.hpp"

namespace tablemap {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSaving = ".saving-", kOld = ".old-";

// The folder as an absolute path without '.', '..', a trailing '/' or a
// symbolic link: a link to a bundle keeps pointing at it after the swap.
fs::path resolve(const std::string& folder) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  if (ec) throw SaveError("cannot find the folder " + folder + ": " + ec.message());
  if (!p.has_filename()) p = p.parent_path();
  return p;
}

std::string hidden_sibling(const fs::path& target, std::string_view kind, const std::string& suffix) {
  return (target.parent_path() / ("." + target.filename().string() + std::string(kind) + suffix)).string();
}

std::string random_suffix() {
  static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device rd;
  std::string s;
  for (int i = 0; i < 8; ++i) s += kLetters[rd() % (sizeof kLetters - 1)];
  return s;
}

void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// One new file, flushed to the disk before the folder is swapped in.
void write_new_file(const std::string& folder, const std::string& shown, const FolderFile& file) {
  const std::string path = folder + "/" + file.name;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw SaveError("cannot write " + shown + "/" + file.name + ": " + std::strerror(errno));
  auto fail = [&](const char* what) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    throw SaveError(std::string(what) + " " + shown + "/" + file.name + ": " + reason);
  };
  size_t written = 0;
  while (written < file.content.size()) {
    ssize_t n = ::write(fd, file.content.data() + written, file.content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    written += size_t(n);
  }
  if (::fchmod(fd, 0644) != 0) fail("cannot set permissions of");
  if (::fsync(fd) != 0) fail("cannot flush");
  if (::close(fd) != 0) throw SaveError("cannot close " + shown + "/" + file.name + ": " + std::strerror(errno));
}

// Carries one entry the writer does not own (a lead's notes, a subfolder)
// into the new folder: hard links where the file system has them, copies
// otherwise; the old folder is untouched until the swap.
void carry_over(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(from, ec);
  if (fs::is_symlink(st)) {
    fs::copy_symlink(from, to, ec);
  } else if (fs::is_directory(st)) {
    fs::create_directory(to, from, ec);
    if (!ec)
      for (const auto& e : fs::directory_iterator(from, ec)) carry_over(e.path(), to / e.path().filename());
  } else if (fs::is_regular_file(st)) {
    fs::create_hard_link(from, to, ec);
    if (ec) {
      ec.clear();
      fs::copy_file(from, to, ec);
    }
  } else {
    throw SaveError("cannot keep " + from.string() + ": it is neither a file nor a folder; move it elsewhere");
  }
  if (ec) throw SaveError("cannot keep " + from.string() + " in the new folder: " + ec.message());
}

// Swaps `saving` in at `target`; returns the path that now holds the
// previous content ("" when there was none), for the caller to remove.
std::string swap_in(const std::string& saving, const std::string& target, const std::string& old, bool target_exists,
                    const std::string& shown) {
  auto fail = [&](const std::string& reason) {
    throw SaveError("cannot replace the folder " + shown + ": " + reason + " (the folder is unchanged)");
  };
  if (!target_exists) {
    if (::renameat2(AT_FDCWD, saving.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) return "";
    if (errno != EINVAL && errno != ENOSYS) fail(std::strerror(errno));
    if (::rename(saving.c_str(), target.c_str()) != 0) fail(std::strerror(errno));
    return "";
  }
  if (::renameat2(AT_FDCWD, saving.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return saving;
  if (errno != EINVAL && errno != ENOSYS) fail(std::strerror(errno));
  // File systems without an atomic exchange (FAT, some network shares): two
  // renames; a kill between them leaves the old content whole in `old`.
  if (::rename(target.c_str(), old.c_str()) != 0) fail(std::strerror(errno));
  if (::rename(saving.c_str(), target.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::rename(old.c_str(), target.c_str());
    fail(reason);
  }
  return old;
}

}  // namespace

std::vector<std::string> save_leftovers_of(const std::string& folder) {
  const fs::path target = resolve(folder);
  const std::string saving = "." + target.filename().string() + std::string(kSaving);
  const std::string old = "." + target.filename().string() + std::string(kOld);
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(saving, 0) == 0 || name.rfind(old, 0) == 0) found.push_back(e.path().string());
  }
  std::sort(found.begin(), found.end());
  return found;
}

void write_folder_atomically(const std::string& folder, const std::vector<FolderFile>& files,
                             const std::vector<std::string>& owned) {
  const fs::path target = resolve(folder);
  if (target == target.root_path())
    throw SaveError(folder + " is the top folder of the disk; a bundle needs a folder of its own");
  std::error_code ec;
  const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
  if (!ec && (here == target || here.string().rfind(target.string() + "/", 0) == 0))
    throw SaveError("cannot replace the folder " + folder +
                    " while working inside it (the new files would not show where you are): run the command from "
                    "another folder");
  const fs::file_status st = fs::status(target, ec);
  const bool exists = fs::exists(st);
  if (exists && !fs::is_directory(st)) throw SaveError(folder + " is a file, not a folder: choose a folder name");
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw SaveError("cannot create the folder " + target.parent_path().string() + ": " + ec.message());

  // Leftovers of a killed save. An `.old-*` is the only copy of the previous
  // content when the two-rename path was killed before the second rename.
  for (const std::string& left : save_leftovers_of(folder))
    if (exists || fs::path(left).filename().string().find(kOld) == std::string::npos) fs::remove_all(left, ec);

  const std::string suffix = random_suffix();
  const std::string saving = hidden_sibling(target, kSaving, suffix), old = hidden_sibling(target, kOld, suffix);
  std::string previous;
  if (::mkdir(saving.c_str(), 0777) != 0)
    throw SaveError("cannot write in " + target.parent_path().string() + ": " + std::strerror(errno));
  try {
    for (const FolderFile& f : files) write_new_file(saving, folder, f);
    if (exists) {
      struct stat old_st {};
      if (::stat(target.c_str(), &old_st) == 0) ::chmod(saving.c_str(), old_st.st_mode & 07777);
      for (const auto& e : fs::directory_iterator(target)) {
        const std::string name = e.path().filename().string();
        auto named = [&](const std::string& n) { return n == name; };
        if (std::none_of(files.begin(), files.end(), [&](const FolderFile& f) { return named(f.name); }) &&
            std::none_of(owned.begin(), owned.end(), named))
          carry_over(e.path(), fs::path(saving) / name);
      }
    }
    fsync_path(saving);
    previous = swap_in(saving, target.string(), old, exists, folder);
  } catch (const SaveError& e) {
    fs::remove_all(saving, ec);
    std::string what = e.what();
    if (what.find("unchanged") == std::string::npos) what += exists ? " (the folder is unchanged)" : "";
    throw SaveError(what);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(saving, ec);
    throw SaveError("cannot write the folder " + folder + ": " + e.code().message() +
                    (exists ? " (the folder is unchanged)" : ""));
  }
  fsync_path(target.parent_path().string());
  if (!previous.empty()) fs::remove_all(previous, ec);  // what a failure leaves, the next save removes
}

}  // namespace tablemap
