// Choosing a file as in any desktop program, drawn by ImGui: a folder's
// folders and files (only those the action can use), Up and the home folder,
// a name box for saving, and the files opened last (File > Open recent).
#pragma once

#include <string>
#include <vector>

namespace tablemap::viz {

struct FileDialog {
  enum class Purpose { none, open, save_as, export_png, export_svg, report } purpose = Purpose::none;
  std::string folder;     // shown folder
  char name[256] = "";    // file name typed or clicked
  std::string selected;   // full path clicked last
  std::string message;    // why OK cannot go on
  bool just_opened = false;
};

// Opens the dialog for `purpose` in `start_folder` (or the current folder),
// with `suggested` as the name for saving.
void open_file_dialog(FileDialog& d, FileDialog::Purpose purpose, const std::string& start_folder,
                      const std::string& suggested = "");
// Draws the dialog; returns the chosen path once (then closes), else "".
std::string draw_file_dialog(FileDialog& d);

// The files opened or saved last, newest first (at most 8), kept in
// $XDG_CONFIG_HOME/tablemap/recent.txt (or ~/.config/...).
std::vector<std::string> recent_files();
void add_recent_file(const std::string& path);

}  // namespace tablemap::viz
