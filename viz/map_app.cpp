// The window: GLFW + OpenGL 3.3 + Dear ImGui, the menu bar, the three
// columns (sidebar, map, panels), the dialogs, and the test hooks.
#include "viz/map_app.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <numeric>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "core/synthetic.hpp"
#include "io/json_file.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"
#include "viz/export.hpp"
#include "viz/document.hpp"
#include "viz/file_dialog.hpp"
#include "viz/fit_text.hpp"
#include "viz/map_view.hpp"
#include "viz/replay.hpp"
#include "viz/years.hpp"

namespace tablemap::viz {
namespace {

namespace fs = std::filesystem;

struct Tab {
  const char* title;
  const char* key;  // name used by `tab` in replay scripts
  void (*draw)(AppState&);
};

const std::vector<Tab>& tabs() {
  static const std::vector<Tab> all = {
      {"Inspector", "inspector", draw_inspector},
      {"Who is missing", "gaps", draw_gaps},
      {"The table", "table", draw_table_view},
      {"Backbone roles", "roles", draw_roles},
      {"Structure", "structure", draw_structure},
      {"What-if", "what-if", draw_whatif},
      {"Change", "change", draw_change},
      {"Edit", "edit", draw_edit},
  };
  return all;
}

// File > New: the profile `tablemap init` asks for, and where to write it.
struct NewForm {
  bool open_request = false;
  char name[160] = "Our Community";
  char population[24] = "";
  int geography = int(Geography::unspecified);
  char path[512] = "";
  std::string message;  // why Create cannot go on
};

struct Ui {
  FileDialog dialog;
  NewForm new_form;
  std::string pending_png;  // export of the map after this frame
  bool show_problems = false;
  bool recovery_offer = false;
  std::string datasets;
  double last_autosave = 0;
  uint64_t autosaved_revision = 0;
  float left_w = 0, right_w = 0;  // column widths; 0 = from the window's width
};

// Keeps unsaved edits in a recovery file beside the data (a JSON single file).
void autosave(AppState& s, Ui& ui, bool now) {
  if (!s.history.dirty() || s.history.revision() == ui.autosaved_revision) return;
  if (!now && glfwGetTime() - ui.last_autosave < 30) return;
  ui.last_autosave = glfwGetTime();
  try {
    save_json_file(s.community(), s.recovery_path);
    ui.autosaved_revision = s.history.revision();
  } catch (const std::exception& e) {
    s.status = std::string("could not keep a recovery copy: ") + e.what();
  }
}

void after_open(AppState& s, Ui& ui) {
  s.recovery_path = recovery_path_for(s.path);
  ui.autosaved_revision = 0;
  std::error_code ec;
  ui.recovery_offer = !s.path.empty() && fs::exists(s.recovery_path, ec);
}

void open_path(AppState& s, Ui& ui, const std::string& path) {
  if (open_community(s, path)) {
    s.trainer = Trainer{};
    after_open(s, ui);
    add_recent_file(path);
  } else {
    ui.show_problems = true;
  }
}

// File > New...: the form, its file suggested in `folder` (or the current one).
void open_new_form(Ui& ui, const std::string& folder) {
  ui.new_form.open_request = true;
  std::error_code ec;
  const fs::path where = folder.empty() ? fs::current_path(ec) : fs::path(folder);
  std::snprintf(ui.new_form.path, sizeof ui.new_form.path, "%s", (where / "our-community.xlsx").string().c_str());
  ui.new_form.message.clear();
}

void draw_menu(AppState& s, Ui& ui) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    namespace fs = std::filesystem;
    const std::string here = s.path.empty() ? std::string() : fs::path(s.path).parent_path().string();
    const std::string stem = s.path.empty() ? "community" : fs::path(s.path).stem().string();
    if (ImGui::MenuItem("New...")) open_new_form(ui, here);
    if (ImGui::MenuItem("Open...", "Ctrl+O")) open_file_dialog(ui.dialog, FileDialog::Purpose::open, here);
    if (ImGui::BeginMenu("Open recent")) {
      const auto recent = recent_files();
      if (recent.empty()) ImGui::TextDisabled("nothing opened yet");
      for (const std::string& path : recent)
        if (ImGui::MenuItem(path.c_str())) open_path(s, ui, path);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save", "Ctrl+S", false, !s.path.empty())) save_to(s, s.path);
    if (ImGui::MenuItem("Save as...", nullptr, false, s.organization_count() > 0 || !s.path.empty()))
      open_file_dialog(ui.dialog, FileDialog::Purpose::save_as, here, stem + ".tablemap");
    ImGui::Separator();
    if (ImGui::MenuItem("Export view as PNG..."))
      open_file_dialog(ui.dialog, FileDialog::Purpose::export_png, here, stem + ".png");
    if (ImGui::MenuItem("Export view as SVG..."))
      open_file_dialog(ui.dialog, FileDialog::Purpose::export_svg, here, stem + ".svg");
    if (ImGui::MenuItem("Report...", nullptr, false, s.organization_count() > 0))
      open_file_dialog(ui.dialog, FileDialog::Purpose::report, here, stem + "-report.html");
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) s.close_requested = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo_item = "Undo " + s.history.undo_label(), redo_item = "Redo " + s.history.redo_label();
    if (ImGui::MenuItem(undo_item.c_str(), "Ctrl+Z", false, s.history.can_undo())) undo(s);
    if (ImGui::MenuItem(redo_item.c_str(), "Ctrl+Y", false, s.history.can_redo())) redo(s);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Fit to window", "F")) s.fit_requested = true;
    ImGui::MenuItem("Names", nullptr, &s.show_labels);
    if (ImGui::MenuItem("Network layout", nullptr, false, !s.layout.running())) start_layout(s, LayoutEngine::automatic);
    if (ImGui::MenuItem("Role hierarchy layout", nullptr, false, !s.layout.running()))
      start_layout(s, LayoutEngine::dot_roles);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Trainer")) {
    auto samples = find_samples(ui.datasets);
    if (samples.empty()) ImGui::TextDisabled("no samples found (datasets/)");
    for (const std::string& dir : samples)
      if (ImGui::MenuItem(fs::path(dir).filename().c_str())) {
        if (open_sample(s, dir)) after_open(s, ui);
        else ui.show_problems = true;
      }
    ImGui::EndMenu();
  }
  if (s.history.dirty()) ImGui::TextColored({0.7f, 0.35f, 0.f, 1}, "  unsaved changes");
  ImGui::EndMainMenuBar();
}

void draw_prompt(AppState& s, Ui& ui) {
  const FileDialog::Purpose purpose = ui.dialog.purpose;
  const std::string path = draw_file_dialog(ui.dialog);
  if (path.empty()) return;
  switch (purpose) {
    case FileDialog::Purpose::open: open_path(s, ui, path); break;
    case FileDialog::Purpose::save_as:
      if (save_to(s, path)) add_recent_file(path);
      break;
    case FileDialog::Purpose::export_png: ui.pending_png = path; break;
    case FileDialog::Purpose::export_svg: s.status = save_svg(s, path) ? "wrote " + path : "could not write " + path; break;
    case FileDialog::Purpose::report: {
      const std::string error = save_report(s, path);
      s.status = error.empty() ? "wrote " + path + ": the board report; open it in a browser, print it for the board"
                               : "could not write " + path + ": " + error;
      break;
    }
    default: break;
  }
}

// File > New's form: the community's name, residents and kind of place, and
// where to write it (a workbook or a folder), then it opens.
void draw_new_form(AppState& s, Ui& ui) {
  NewForm& f = ui.new_form;
  if (f.open_request) {
    ImGui::OpenPopup("New community");
    f.open_request = false;
  }
  ImGui::SetNextWindowSize({560, 0}, ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("New community", nullptr)) return;
  ImGui::TextWrapped(
      "A new community to fill in: the six key sectors, the usual optional ones, the five backbone functions, "
      "a row per generation for the residents, and one example row per table showing how.");
  ImGui::Separator();
  const float label_w = ImGui::CalcTextSize("Kind of place").x + 16;
  auto label = [&](const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
  };
  label("Name");
  ImGui::InputText("##new-name", f.name, sizeof f.name);
  label("Residents");
  ImGui::InputTextWithHint("##new-population", "how many people live there (may stay empty)", f.population,
                           sizeof f.population, ImGuiInputTextFlags_CharsDecimal);
  label("Kind of place");
  const std::string shown = f.geography == int(Geography::unspecified)
                                ? std::string("(not said)")
                                : std::string(to_string(Geography(f.geography)));
  if (ImGui::BeginCombo("##new-geography", shown.c_str())) {
    for (int g = 0; g <= int(Geography::unspecified); ++g) {
      const std::string text = g == int(Geography::unspecified) ? "(not said)" : std::string(to_string(Geography(g)));
      if (ImGui::Selectable(text.c_str(), f.geography == g)) f.geography = g;
    }
    ImGui::EndCombo();
  }
  label("Save it as");
  ImGui::InputText("##new-path", f.path, sizeof f.path);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("A name ending in .xlsx makes one workbook; any other name makes a folder of files.");
  ImGui::PopStyleColor();
  if (!f.message.empty()) ImGui::TextColored({0.75f, 0.12f, 0.1f, 1}, "%s", f.message.c_str());
  bool close = false;
  const std::string residents = f.population;
  const bool whole_number = residents.size() <= 12 && std::all_of(residents.begin(), residents.end(), [](char ch) {
    return ch >= '0' && ch <= '9';
  });
  const bool create = ImGui::Button("Create");
  if (create && !whole_number) {
    f.message = "Residents is a whole number of people, such as 7500 (or leave it empty).";
  } else if (create) {
    NewCommunityOptions options;
    options.name = f.name;
    options.geography = Geography(f.geography);
    options.population = std::atoll(f.population);
    f.message = create_community(s, options, f.path);
    if (f.message.empty()) {
      after_open(s, ui);
      add_recent_file(f.path);
      close = true;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) close = true;
  if (close) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void draw_dialogs(AppState& s, Ui& ui) {
  draw_prompt(s, ui);
  draw_new_form(s, ui);
  if (ui.show_problems) {
    ImGui::SetNextWindowSize({640, 320}, ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Problems in the data", &ui.show_problems)) {
      ImGui::TextWrapped("Nothing was opened. Fix these lines in your files and open again:");
      ImGui::Separator();
      ImGui::TextUnformatted(s.load_message.c_str());
    }
    ImGui::End();
  }
  if (s.close_requested) {
    if (!s.history.dirty()) {
      s.quit = true;
    } else {
      ImGui::OpenPopup("Unsaved changes");
    }
    s.close_requested = false;
  }
  if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("You have changes to %s that are not saved.", s.path.empty() ? "this community" : s.path.c_str());
    if (ImGui::Button("Save and quit")) {
      if (save_to(s, s.path)) s.quit = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Quit without saving")) {
      std::error_code ec;
      fs::remove(s.recovery_path, ec);
      s.quit = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (ui.recovery_offer) {
    ImGui::OpenPopup("Unsaved edits found");
    ui.recovery_offer = false;
  }
  if (ImGui::BeginPopupModal("Unsaved edits found", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Edits to %s were not saved last time; a copy was kept in\n%s", s.path.c_str(),
                s.recovery_path.c_str());
    if (ImGui::Button("Restore them")) {
      restore_recovery(s);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard them")) {
      std::error_code ec;
      fs::remove(s.recovery_path, ec);
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void draw_shortcuts(AppState& s, Ui& ui) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Z)) undo(s);
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Y)) redo(s);
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_S) && !s.path.empty()) save_to(s, s.path);
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O)) open_file_dialog(ui.dialog, FileDialog::Purpose::open, "");
  if (!io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F)) s.fit_requested = true;
  if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) s.selected = -1;
}

// A bar between two columns that the pointer drags: `width` grows by the
// drag times `sign` (+1: the column left of the bar, -1: the one right of it).
void splitter(const char* id, float x, float top, float height, float& width, float sign, float min_w, float max_w) {
  const float grip = 6;
  ImGui::SetNextWindowPos({x - grip / 2, top});
  ImGui::SetNextWindowSize({grip, height});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, {1, 1});
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin(id, nullptr, flags)) {
    ImGui::InvisibleButton("##grip", {grip, height});
    const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
    if (hot) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive()) width = std::clamp(width + sign * ImGui::GetIO().MouseDelta.x, min_w, max_w);
    ImGui::GetWindowDrawList()->AddLine({x, top}, {x, top + height},
                                        hot ? IM_COL32(70, 110, 200, 255) : IM_COL32(200, 200, 200, 255),
                                        hot ? 3.f : 1.f);
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

// The panels' names as buttons that wrap onto a second row when the column
// is narrow, so that no panel's name is ever cut (ImGui's tab bar scrolls or
// shrinks them).
void draw_panel_picker(AppState& s) {
  const auto& all = tabs();
  if (s.right_tab_request >= 0 && s.right_tab_request < int(all.size())) s.right_tab = s.right_tab_request;
  s.right_tab_request = -1;
  for (int t = 0; t < int(all.size()); ++t) {
    const char* title = all[size_t(t)].title;
    const float w = ImGui::CalcTextSize(title).x + ImGui::GetStyle().FramePadding.x * 2;
    flow(w, t == 0);
    const bool current = t == s.right_tab;
    ImGui::PushStyleColor(ImGuiCol_Button, current ? ImVec4{0.26f, 0.45f, 0.78f, 1} : ImVec4{0.86f, 0.88f, 0.92f, 1});
    ImGui::PushStyleColor(ImGuiCol_Text, current ? ImVec4{1, 1, 1, 1} : ImVec4{0.1f, 0.1f, 0.1f, 1});
    if (ImGui::Button(title)) s.right_tab = t;
    ImGui::PopStyleColor(2);
  }
  ImGui::Separator();
}

void draw_frame(AppState& s, Ui& ui) {
  clip_audit_new_frame();
  draw_menu(s, ui);
  draw_shortcuts(s, ui);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float top = vp->WorkPos.y, height = vp->WorkSize.y, width = vp->WorkSize.x;
  const float status_h = ImGui::GetFrameHeight() + 4;
  const float em = ImGui::GetFontSize();
  // Columns: about a fifth of the window for the sidebar and a third for the
  // panels unless the user dragged a splitter; the map keeps at least 30 em.
  if (ui.left_w <= 0) ui.left_w = std::clamp(width * 0.2f, 17 * em, 24 * em);
  if (ui.right_w <= 0) ui.right_w = std::clamp(width * 0.36f, 28 * em, 44 * em);
  const float min_map = std::min(30 * em, width * 0.3f);
  ui.left_w = std::clamp(ui.left_w, 12 * em, std::max(12 * em, width - ui.right_w - min_map));
  ui.right_w = std::clamp(ui.right_w, 18 * em, std::max(18 * em, width - ui.left_w - min_map));
  const float left_w = ui.left_w, right_w = ui.right_w;
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus;

  ImGui::SetNextWindowPos({vp->WorkPos.x, top});
  ImGui::SetNextWindowSize({left_w, height - status_h});
  if (ImGui::Begin("##sidebar", nullptr, fixed)) draw_sidebar(s);
  ImGui::End();

  ImGui::SetNextWindowPos({vp->WorkPos.x + left_w, top});
  ImGui::SetNextWindowSize({width - left_w - right_w, height - status_h});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  // No window background: the map paints its own (viz/map_view.cpp), and with
  // a software renderer every pixel painted twice costs.
  if (ImGui::Begin("##map", nullptr,
                   fixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                       ImGuiWindowFlags_NoBackground)) {
    // The notes first (their window sits where the map was last frame): the
    // map's fit leaves room for them and its labels keep clear of them.
    draw_map_notes(s);
    draw_map(s);
    draw_trainer(s);
  }
  ImGui::End();
  ImGui::PopStyleVar();

  ImGui::SetNextWindowPos({vp->WorkPos.x + width - right_w, top});
  ImGui::SetNextWindowSize({right_w, height - status_h});
  if (ImGui::Begin("##panels", nullptr, fixed | ImGuiWindowFlags_NoScrollbar)) {
    draw_panel_picker(s);
    // The panel scrolls under the picker; its wide tables scroll sideways in
    // children of their own. The panel itself never does: with a sideways
    // scroll bar ImGui wraps text at the content's width, so a line a few
    // pixels too wide once (the frame before the vertical scroll bar showed)
    // kept every wrapped line that wide and cut at the right edge.
    if (ImGui::BeginChild("##panel", {0, 0}, false, 0))
      tabs()[size_t(s.right_tab)].draw(s);
    ImGui::EndChild();
  }
  ImGui::End();

  splitter("##split_left", vp->WorkPos.x + left_w, top, height - status_h, ui.left_w, +1, 12 * em, width * 0.45f);
  splitter("##split_right", vp->WorkPos.x + width - right_w, top, height - status_h, ui.right_w, -1, 18 * em,
           width * 0.6f);

  ImGui::SetNextWindowPos({vp->WorkPos.x, top + height - status_h});
  ImGui::SetNextWindowSize({width, status_h});
  if (ImGui::Begin("##status", nullptr, fixed | ImGuiWindowFlags_NoScrollbar)) fit_text(s.status);
  ImGui::End();

  draw_dialogs(s, ui);
}

std::string default_datasets(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("TABLEMAP_DATASETS")) return env;
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "datasets", ec)) return (dir / "datasets").string();
    if (dir == dir.parent_path()) break;
  }
  return "datasets";
}

}  // namespace

int tab_index(const std::string& name) {
  const auto& all = tabs();
  for (size_t t = 0; t < all.size(); ++t)
    if (to_lower(name) == all[t].key) return int(t);
  return -1;
}

int run_map(const MapOptions& options) {
  if (!glfwInit()) {
    std::fprintf(stderr, "tablemap map: cannot open a window (no display?). Run it on a desktop, or under xvfb-run.\n");
    return 2;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(options.width, options.height, "tablemap", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "tablemap map: cannot create an OpenGL 3.3 window on this display.\n");
    glfwTerminate();
    return 2;
  }
  glfwMakeContextCurrent(window);
  const bool scripted = !options.screenshot.empty() || !options.replay.empty() || options.bench_frames > 0;
  glfwSwapInterval(scripted ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; nothing to remember
  ImGui::StyleColorsLight();
  {
    // A real font at the monitor's scale (a 4K laptop screen reports 2).
    float xs = 1, ys = 1;
    glfwGetWindowContentScale(window, &xs, &ys);
    load_fonts(15.f, std::max(xs, ys));
  }
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");

  int status = 0;
  {
    AppState s;
    s.shapes.use_gpu = !options.imgui_shapes;
    Ui ui;
    ui.datasets = default_datasets(options.datasets);
    s.engine = options.engine;
    if (options.generate > 0) {
      GenerateOptions g;
      g.organizations = options.generate;
      g.seed = options.seed;
      open_unsaved(s, generate_community(g));
      start_layout(s, options.engine);
      s.fit_requested = true;
    } else if (!options.path.empty()) {
      if (!open_community(s, options.path)) {
        std::fprintf(stderr, "%s", s.load_message.c_str());
        std::fprintf(stderr, "tablemap map: %s\n", s.status.c_str());
        status = 1;
      }
      after_open(s, ui);
    }
    Replay replay;
    if (status == 0 && !options.replay.empty()) {
      std::string error;
      if (!replay.load(options.replay, error)) {
        std::fprintf(stderr, "tablemap map: %s\n", error.c_str());
        status = 2;
      }
    }

    FrameRequests rq;
    int settled_frames = 0;
    std::vector<double> frame_ms;
    double layout_seconds = 0;
    while (status == 0 && !s.quit) {
      // While Graphviz works, draw the spinner some 20 times a second and
      // leave the other core to the layout; input still wakes the loop at once.
      if (s.layout.running())
        glfwWaitEventsTimeout(0.05);
      else
        glfwPollEvents();
      if (glfwWindowShouldClose(window)) {
        glfwSetWindowShouldClose(window, GLFW_FALSE);
        s.close_requested = true;
        if (scripted) s.quit = true;
      }
      const double t0 = glfwGetTime();
      if (poll_layout(s)) layout_seconds = s.last_layout_seconds;
      update_structure(s, false);  // takes finished measures even when the Structure panel is hidden
      update_comparison(s);        // "compare with" follows the edits
      const bool settled = !s.layout.running() && (s.have_positions || s.organization_count() == 0);
      if (settled && replay.active() && !replay.step(s, rq)) {
        std::fprintf(stderr, "tablemap map: %s\n", replay.error().c_str());
        status = 2;
        break;
      }

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      if (rq.open_new_form) {
        open_new_form(ui, s.path.empty() ? std::string() : fs::path(s.path).parent_path().string());
        rq.open_new_form = false;
      }
      if (!rq.mouse.empty()) {  // scripted mouse input replaces the real pointer
        const MouseFrame m = rq.mouse.front();
        rq.mouse.pop_front();
        io.MousePos = {m.x, m.y};
        io.MouseDown[0] = m.down;
        io.MouseWheel = m.wheel;
      }
      if (options.bench_pan && settled && settled_frames > 3) {
        // A user dragging the map: 3 pixels a frame, turning every 30 frames.
        pan_by(s, (frame_ms.size() / 30) % 2 ? 3.f : -3.f, 0.f);
      }
      if (options.bench_zoom && settled && settled_frames > 3)
        zoom_at(s, s.map_x + s.map_w / 2, s.map_y + s.map_h / 2, (frame_ms.size() / 15) % 2 ? 1 / 1.02f : 1.02f);
      // A picture (screenshot or export) shows the map, not the tooltip or
      // ring of whatever the pointer happens to be over. An export chosen in
      // a dialog is taken on the next frame, once the dialog is gone.
      const std::string png_now = !rq.export_png.empty() ? rq.export_png : ui.pending_png;
      s.picture_frame = !rq.screenshot.empty() || !png_now.empty() ||
                        (!options.screenshot.empty() && settled && settled_frames + 1 >= options.frames);
      ImGui::NewFrame();
      draw_frame(s, ui);
      // The PNG export carries the title and legend the SVG has (viz/export.hpp).
      const PictureParts picture = png_now.empty() ? PictureParts{} : draw_picture_frame(s);
      ImGui::Render();
      int fb_w, fb_h;
      glfwGetFramebufferSize(window, &fb_w, &fb_h);
      glViewport(0, 0, fb_w, fb_h);
      glClearColor(0.95f, 0.95f, 0.95f, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

      const float scale = io.DisplayFramebufferScale.x;
      if (!rq.screenshot.empty()) {
        if (!save_png(rq.screenshot, 0, 0, fb_w, fb_h, fb_h))
          std::fprintf(stderr, "tablemap map: could not write %s\n", rq.screenshot.c_str());
        rq.screenshot.clear();
      }
      const std::string& png = png_now;
      if (!png.empty()) {
        const bool ok = save_picture_png(png, picture, scale, fb_h);
        s.status = ok ? "wrote " + png : "could not write " + png;
        rq.export_png.clear();
        if (ui.pending_png == png) ui.pending_png.clear();
      }
      if (settled) ++settled_frames;
      if (!options.screenshot.empty() && settled && !s.structure_job.running() && settled_frames >= options.frames &&
          !replay.active()) {
        if (!save_png(options.screenshot, 0, 0, fb_w, fb_h, fb_h)) {
          std::fprintf(stderr, "tablemap map: could not write %s\n", options.screenshot.c_str());
          status = 1;
        }
        s.quit = true;
      }
      if (options.bench_frames > 0 && settled && settled_frames > 3) {
        glFinish();  // count the drawing, not only the queueing
        frame_ms.push_back((glfwGetTime() - t0) * 1000);
        if (int(frame_ms.size()) >= options.bench_frames) s.quit = true;
      }
      glfwSwapBuffers(window);
      if (replay.active() && replay.finished() && rq.mouse.empty()) {
        if (!options.screenshot.empty()) {
          // The screenshot hook also applies after a replay: one more frame, then save.
          replay = Replay{};
          settled_frames = options.frames - 1;
        } else {
          s.quit = true;
        }
      }
      if (rq.quit) s.quit = true;
      if (!scripted) autosave(s, ui, false);
    }

    if (s.history.dirty()) {
      // Never lose an edit: whatever closed the window, keep a recovery copy.
      autosave(s, ui, true);
      std::fprintf(stderr, "tablemap map: unsaved edits kept in %s\n", s.recovery_path.c_str());
    }
    if (!frame_ms.empty()) {
      std::vector<double> sorted = frame_ms;
      std::sort(sorted.begin(), sorted.end());
      const double mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / double(sorted.size());
      std::printf("frames %zu organizations %u relationships %zu layout_s %.3f median_ms %.2f p95_ms %.2f "
                  "mean_ms %.2f fps %.1f gpu %d drawn %llu scrolled %llu reused %llu\n",
                  sorted.size(), s.organization_count(), s.network.relationship_count(), layout_seconds,
                  sorted[sorted.size() / 2], sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)], mean,
                  1000.0 / mean, s.shapes.drew_on_gpu() ? 1 : 0,
                  static_cast<unsigned long long>(s.shapes.drawn_frames()),
                  static_cast<unsigned long long>(s.shapes.scrolled_frames()),
                  static_cast<unsigned long long>(s.shapes.reused_frames()));
    }
    s.layout.wait();
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

}  // namespace tablemap::viz
