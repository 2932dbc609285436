// A replay script: one UI action per line, run one per frame, so that tests
// drive the real window deterministically (docs/map.md lists the actions).
//
//   select riverbend_clinic      whatif-remove riverbend_clinic
//   click riverbend_clinic       search clinic        screenshot out.png
//   print-state                  print-node riverbend_clinic
//   print-gaps                   print-structure      color-by community
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "viz/app_state.hpp"

namespace tablemap::viz {

// Synthetic mouse input for one frame (window pixels).
struct MouseFrame {
  float x = 0, y = 0;
  bool down = false;
  float wheel = 0;
};

// What the frame loop must do after the current frame is drawn.
struct FrameRequests {
  std::string screenshot;  // whole window, PNG
  std::string export_png;  // the map only, PNG
  bool open_new_form = false;  // File > New...: the form, as the menu opens it
  bool quit = false;
  std::deque<MouseFrame> mouse;
};

// One action of a replay script: its name, how it is written, and what it
// does (a table, like the CLI's command registry).
struct ActionContext;
struct ReplayAction {
  const char* name;
  const char* usage;
  bool (*run)(ActionContext&);
};
const std::vector<ReplayAction>& replay_actions();

class Replay {
 public:
  // Reads the script; false with a message when the file cannot be read.
  bool load(const std::string& path, std::string& error);
  bool active() const { return !lines_.empty(); }
  bool finished() const { return next_ >= lines_.size() && wait_ == 0; }
  // Runs at most one action unless waiting (frames, a running layout or
  // structure measures, mouse input still playing). False on a line it cannot
  // run; error() says why.
  bool step(AppState& s, FrameRequests& requests);
  const std::string& error() const { return error_; }

 private:
  std::vector<std::string> lines_;
  std::vector<int> line_numbers_;
  std::string file_;
  size_t next_ = 0;
  int wait_ = 0;
  std::string error_;
};

// One line of print-state: the map rectangle, camera, selection (with its
// screen position), what-if figures, search hits, edit history. JSON.
std::string state_json(AppState& s);
// The legend of the current coloring: title, entries (label, color,
// organizations, key) in the order the sidebar shows them. JSON.
std::string legend_json(AppState& s);
// What the map marks (viz/panel_reports.hpp MapMarks): sectors without a
// seat, their candidates and whether the last frame showed each one's name,
// backbone marks by id, the issue areas' notes, and every name shown. JSON.
std::string marks_json(AppState& s);
// One organization: screen position, radius, fill color, shown/removed. JSON.
std::string node_json(AppState& s, uint32_t org);
// What the analysis panels show (viz/panel_json.cpp), one JSON line each:
// "Who is missing" (sectors, candidates, generations, invite plan, what-if
// view), "Backbone roles" (anchor, each function's status and claimants,
// conveners), "Structure" (parts, communities, silos, brokers, single points
// of failure).
std::string gaps_json(AppState& s);
std::string roles_json(AppState& s);
std::string structure_json(AppState& s);

}  // namespace tablemap::viz
