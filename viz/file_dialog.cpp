// The ImGui file dialog and the recent files (viz/file_dialog.hpp).
#include "viz/file_dialog.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <imgui.h>

#include "viz/fit_text.hpp"

namespace tablemap::viz {
namespace {

namespace fs = std::filesystem;

const char* title(FileDialog::Purpose p) {
  switch (p) {
    case FileDialog::Purpose::open: return "Open a community###filedialog";
    case FileDialog::Purpose::save_as: return "Save as###filedialog";
    case FileDialog::Purpose::export_png: return "Export the view as PNG###filedialog";
    case FileDialog::Purpose::export_svg: return "Export the view as SVG###filedialog";
    case FileDialog::Purpose::report: return "Save the report###filedialog";
    case FileDialog::Purpose::none: break;
  }
  return "###filedialog";
}

// Files the purpose can use: a community (.json, .tablemap, .xlsx) to open; its
// own kind to save or export.
bool usable(FileDialog::Purpose p, const fs::path& file) {
  const std::string ext = file.extension().string();
  switch (p) {
    case FileDialog::Purpose::open:
    case FileDialog::Purpose::save_as: return ext == ".json" || ext == ".tablemap" || ext == ".xlsx";
    case FileDialog::Purpose::export_png: return ext == ".png";
    case FileDialog::Purpose::export_svg: return ext == ".svg";
    case FileDialog::Purpose::report: return ext == ".html";
    case FileDialog::Purpose::none: break;
  }
  return false;
}

bool is_bundle(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "organizations.csv", ec) || fs::exists(dir / "community.json", ec);
}

fs::path recent_list() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  const fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(home ? home : ".") / ".config";
  return base / "tablemap" / "recent.txt";
}

}  // namespace

void open_file_dialog(FileDialog& d, FileDialog::Purpose purpose, const std::string& start_folder,
                      const std::string& suggested) {
  std::error_code ec;
  d.purpose = purpose;
  d.folder = !start_folder.empty() && fs::is_directory(start_folder, ec) ? fs::absolute(start_folder, ec).string()
                                                                        : fs::current_path(ec).string();
  std::snprintf(d.name, sizeof d.name, "%s", suggested.c_str());
  d.selected.clear();
  d.message.clear();
  d.just_opened = true;
}

std::string draw_file_dialog(FileDialog& d) {
  if (d.purpose == FileDialog::Purpose::none) return "";
  const char* t = title(d.purpose);
  if (d.just_opened) {
    ImGui::OpenPopup(t);
    d.just_opened = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize({std::min(vp->WorkSize.x * 0.8f, 760.f), std::min(vp->WorkSize.y * 0.8f, 560.f)},
                           ImGuiCond_Appearing);
  ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2}, ImGuiCond_Appearing,
                          {0.5f, 0.5f});
  bool open = true;
  if (!ImGui::BeginPopupModal(t, &open)) {
    d.purpose = FileDialog::Purpose::none;
    return "";
  }
  std::string chosen;
  std::error_code ec;
  const bool opening = d.purpose == FileDialog::Purpose::open;
  if (ImGui::Button("Up")) d.folder = fs::path(d.folder).parent_path().string();
  ImGui::SameLine();
  if (const char* home = std::getenv("HOME"); home && ImGui::Button("Home")) d.folder = home;
  ImGui::SameLine();
  fit_text(d.folder);

  const float footer = ImGui::GetFrameHeightWithSpacing() * 3 + ImGui::GetTextLineHeightWithSpacing();
  if (ImGui::BeginChild("##entries", {0, -footer}, true)) {
    std::vector<fs::directory_entry> dirs, files;
    for (const auto& e : fs::directory_iterator(d.folder, fs::directory_options::skip_permission_denied, ec)) {
      const std::string n = e.path().filename().string();
      if (n.empty() || n[0] == '.') continue;
      if (e.is_directory(ec)) dirs.push_back(e);
      else if (usable(d.purpose, e.path())) files.push_back(e);
    }
    auto by_name = [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); };
    std::sort(dirs.begin(), dirs.end(), by_name);
    std::sort(files.begin(), files.end(), by_name);
    for (const auto& e : dirs) {
      const bool bundle = is_bundle(e.path());
      const std::string label = e.path().filename().string() + (bundle ? "/   (a community folder)" : "/");
      if (fit_selectable(label, d.selected == e.path().string())) {
        d.selected = e.path().string();
        if (opening) d.name[0] = 0;  // Open takes the folder clicked
      }
      if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) {
        if (bundle && opening) chosen = e.path().string();
        else d.folder = e.path().string(), d.selected.clear();
      }
    }
    for (const auto& e : files) {
      if (fit_selectable(e.path().filename().string(), d.selected == e.path().string())) {
        d.selected = e.path().string();
        std::snprintf(d.name, sizeof d.name, "%s", e.path().filename().string().c_str());
      }
      if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) chosen = e.path().string();
    }
    if (dirs.empty() && files.empty()) ImGui::TextDisabled("(nothing here that this can use)");
  }
  ImGui::EndChild();

  ImGui::TextUnformatted(opening ? "Selected:" : "File name:");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputText("##name", d.name, sizeof d.name, ImGuiInputTextFlags_EnterReturnsTrue);
  if (!d.message.empty()) ImGui::TextColored({0.75f, 0.12f, 0.1f, 1}, "%s", d.message.c_str());
  else
    ImGui::TextDisabled("%s", opening ? "A community folder, an .xlsx workbook, a .json file or a .tablemap project file"
                              : d.purpose == FileDialog::Purpose::save_as
                                  ? ".tablemap keeps the map positions; .xlsx, .json or a folder name also work"
                                  : "");
  if (ImGui::Button(opening ? "Open" : "Save") || enter) {
    const std::string typed = d.name;
    std::string path = !typed.empty() ? (fs::path(typed).is_absolute() ? typed : (fs::path(d.folder) / typed).string())
                                      : d.selected;
    if (path.empty()) d.message = opening ? "Choose a file or a community folder first." : "Type a file name first.";
    else if (opening && !fs::exists(path, ec)) d.message = "There is no " + path + ".";
    else chosen = path;
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) open = false;
  if (!chosen.empty() || !open) {
    d.purpose = FileDialog::Purpose::none;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return chosen;
}

std::vector<std::string> recent_files() {
  std::vector<std::string> out;
  std::ifstream in(recent_list());
  for (std::string line; std::getline(in, line) && out.size() < 8;)
    if (!line.empty()) out.push_back(line);
  return out;
}

void add_recent_file(const std::string& path) {
  std::error_code ec;
  const std::string full = fs::absolute(path, ec).lexically_normal().string();
  std::vector<std::string> list = recent_files();
  list.erase(std::remove(list.begin(), list.end(), full), list.end());
  list.insert(list.begin(), full);
  if (list.size() > 8) list.resize(8);
  fs::create_directories(recent_list().parent_path(), ec);
  std::ofstream out(recent_list());
  for (const std::string& p : list) out << p << "\n";
}

}  // namespace tablemap::viz
