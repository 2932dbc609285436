// One writer at a time: an advisory lock taken around every save, and the
// check that a file was not changed by someone else since it was opened.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace tablemap {

// Holds the write lock of `target` (a `.tablemap` or `.json` file, or a
// bundle folder) while alive. The lock is flock(2) on a hidden file beside
// the target, `.NAME.lock`: the target itself is replaced by each save, so a
// lock on it would be lost with the old copy; the lock file goes when the
// lock is released. A second writer waits up to `wait`, then gets a
// SaveError naming the program holding the lock.
class WriteLock {
 public:
  explicit WriteLock(const std::string& target, std::chrono::milliseconds wait = std::chrono::seconds(5));
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

  // The hidden lock file used for `target`.
  static std::string lock_path_for(const std::string& target);

 private:
  std::string path_;
  int fd_ = -1;
};

// What a file or folder looked like on disk: identity, size and modification
// time of the path and, for a folder, of each entry in it. Recorded when a
// community is opened; a different stamp before a save means another program
// saved it in between.
struct DiskStamp {
  struct Entry {
    std::string name;
    unsigned long long device = 0, inode = 0, size = 0;
    long long mtime_ns = 0;
    bool operator==(const Entry&) const = default;
  };
  bool exists = false;
  std::vector<Entry> entries;  // the path itself first, then a folder's entries by name
  bool operator==(const DiskStamp&) const = default;
};

DiskStamp disk_stamp_of(const std::string& path);

// The sentence to show when `path` changed on disk since `opened` was
// recorded; empty when it did not (or when nothing was recorded).
std::string changed_on_disk_since(const DiskStamp& opened, const std::string& path);

}  // namespace tablemap
