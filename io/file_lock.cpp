#include "io/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "io/load.hpp"

namespace tablemap {

namespace fs = std::filesystem;

namespace {

fs::path absolute_target(const std::string& target) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(target, ec), ec);
  if (!p.has_filename()) p = p.parent_path();
  return p;
}

// "tablemap convert, process 1234": who holds the lock, for the other writer's message.
std::string who_am_i() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> args;
  for (size_t start = 0; start < cmdline.size() && args.size() < 2;) {
    size_t end = cmdline.find('\0', start);
    if (end == std::string::npos) end = cmdline.size();
    args.push_back(cmdline.substr(start, end - start));
    start = end + 1;
  }
  std::string program = args.empty() ? "tablemap" : fs::path(args[0]).filename().string();
  if (args.size() > 1 && !args[1].empty() && args[1][0] != '-' && args[1].size() < 20) program += " " + args[1];
  return program + ", process " + std::to_string(::getpid());
}

}  // namespace

std::string WriteLock::lock_path_for(const std::string& target) {
  const fs::path p = absolute_target(target);
  return (p.parent_path() / ("." + p.filename().string() + ".lock")).string();
}

WriteLock::WriteLock(const std::string& target, std::chrono::milliseconds wait) : path_(lock_path_for(target)) {
  if (!absolute_target(target).has_filename()) return;  // the top folder: the save itself refuses it
  std::error_code ec;
  fs::create_directories(fs::path(path_).parent_path(), ec);
  const auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw SaveError("cannot save " + target + ": cannot write in its folder (" + std::strerror(errno) + ")");
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK && errno != EINTR) return;  // no locks on this file system: save unguarded
      if (std::chrono::steady_clock::now() >= deadline) {
        char holder[200] = {};
        ssize_t n = ::pread(fd_, holder, sizeof holder - 1, 0);
        std::string other = n > 0 ? std::string(holder, size_t(n)) : "";
        while (!other.empty() && (other.back() == '\n' || other.back() == '\0')) other.pop_back();
        ::close(fd_);
        fd_ = -1;
        throw SaveError("cannot save " + target + ": another program is saving it (" +
                        (other.empty() ? std::string("unknown") : other) +
                        "); nothing was written, try again when it has finished");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    // The writer before us removes the lock file when it is done: a lock on
    // that removed file guards nothing, so take the one now at the path.
    struct stat held {}, now {};
    if (::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &now) == 0 && held.st_ino == now.st_ino &&
        held.st_dev == now.st_dev)
      break;
    ::close(fd_);
  }
  const std::string me = who_am_i() + "\n";
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, me.data(), me.size(), 0) < 0) {
    // the holder's name is only for the message another writer shows
  }
}

WriteLock::~WriteLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still holding it: see the check in the constructor
  ::close(fd_);             // closing releases the lock
}

DiskStamp disk_stamp_of(const std::string& path) {
  DiskStamp stamp;
  auto entry = [](const std::string& name, const std::string& p, DiskStamp::Entry& e) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return false;
    e = {name, (unsigned long long)st.st_dev, (unsigned long long)st.st_ino, (unsigned long long)st.st_size,
         (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
    return true;
  };
  DiskStamp::Entry self;
  if (!entry("", path, self)) return stamp;
  stamp.exists = true;
  stamp.entries.push_back(self);
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return stamp;
  // A folder's own time changes when a spreadsheet drops its lock file
  // (.~lock.organizations.csv#, ~$organizations.csv) beside the file it has
  // open: the folder counts by its identity and the files in it.
  stamp.entries.back().mtime_ns = 0;
  stamp.entries.back().size = 0;
  std::vector<DiskStamp::Entry> inside;
  for (const auto& e : fs::directory_iterator(path, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind('.', 0) == 0 || name.rfind("~$", 0) == 0) continue;
    DiskStamp::Entry one;
    if (entry(e.path().filename().string(), e.path().string(), one)) inside.push_back(one);
  }
  std::sort(inside.begin(), inside.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  stamp.entries.insert(stamp.entries.end(), inside.begin(), inside.end());
  return stamp;
}

std::string changed_on_disk_since(const DiskStamp& opened, const std::string& path) {
  if (!opened.exists || disk_stamp_of(path) == opened) return "";
  return path + " was saved by another program since you opened it: save as a copy (File > Save as), or open it "
                "again to see the other changes";
}

}  // namespace tablemap
