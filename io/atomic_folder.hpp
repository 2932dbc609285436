// Replacing a folder of plain files as a whole. The new content is written
// into a hidden sibling folder (same file system), flushed, and swapped in
// with one atomic rename, so that a reader, a kill or a full disk sees the old
// folder or the new one, never a mix; the folder keeps holding plain files.
#pragma once

#include <string>
#include <vector>

namespace tablemap {

struct FolderFile {
  std::string name;  // a plain file name, no '/'
  std::string content;
};

// Makes `folder` hold `files`. Entries of the old folder that are not among
// `files` are carried into the new one (hard links, or copies where the file
// system has none), except those named in `owned`: names the writer owns,
// whose old copies go when the new content has none. Leftovers of an earlier
// save that was killed (hidden siblings `.NAME.saving-*`, `.NAME.old-*`)
// are removed first. Throws SaveError (io/load.hpp); then the folder is as
// it was.
void write_folder_atomically(const std::string& folder, const std::vector<FolderFile>& files,
                             const std::vector<std::string>& owned);

// The hidden siblings a save of `folder` writes while it runs: a killed save
// leaves them, the next save removes them. For tests and cleanup.
std::vector<std::string> save_leftovers_of(const std::string& folder);

}  // namespace tablemap
