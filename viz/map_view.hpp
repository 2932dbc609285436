// The map and the panels around it: each a function over AppState, drawn
// inside the current ImGui window.
#pragma once

#include "viz/app_state.hpp"
#include "viz/document.hpp"

struct ImVec4;  // imgui.h

namespace tablemap::viz {

// The network map filling the rest of the current window.
void draw_map(AppState& s);
// Over the map's top left corner: the empty seats and, for the issue area
// chosen in the sidebar, competing backbones and contested and uncovered
// functions (from MapMarks, viz/panel_reports.hpp). Called before draw_map,
// whose fit leaves room for them.
void draw_map_notes(AppState& s);
// Multiplies the zoom, keeping the layout point under (sx, sy) in place.
void zoom_at(AppState& s, float sx, float sy, float factor);
// Moves the map as a drag of (dx, dy) screen pixels on its background does.
void pan_by(AppState& s, float dx, float dy);

// Selects an organization and centers the map on it.
void go_to(AppState& s, uint32_t org);

// The color of a gap's status in the panels: missing red, under orange, over blue, ok green.
ImVec4 gap_status_color(GapStatus st);
// A heading inside a panel (ImGui 1.86 has no SeparatorText).
void section_title(const char* title);
// What a lead should know first, the same sentences as the CLI report's
// opening (analysis/headlines), at the top of a panel.
void headline(const std::string& text);
// The line over a panel that describes a what-if community ("What-if: without ...").
void what_if_banner(const std::string& label);

// Left side: search, legend with sector and tie-kind filters, size measure, layout.
void draw_sidebar(AppState& s);
// The selected organization: its people, roles, ties, measures.
void draw_inspector(AppState& s);
// Forms to add, edit and delete organizations, people, ties and roles.
void draw_edit(AppState& s);
// What-if: organizations taken out of the network, and what changes.
void draw_whatif(AppState& s);
// Who is missing (analysis/gaps): sectors, generations, candidates, invite plan.
void draw_gaps(AppState& s);
// Backbone roles (analysis/roles): function coverage, overlaps, conveners, plan.
void draw_roles(AppState& s);
// Structure (analysis/structure): silos, brokers, single points of failure.
void draw_structure(AppState& s);
// "The table": the leadership table as a seat chart by sector and generation.
void draw_table_view(AppState& s);
// Change: the year shown against a year before it (viz/years.hpp).
void draw_change(AppState& s);
// Trainer mode: the story of a sample, one caption at a time.
void draw_trainer(AppState& s);

// Opens a sample folder and starts its story (trainer mode).
bool open_sample(AppState& s, const std::string& folder);
// Moves through the story: +1 next caption, -1 previous.
void trainer_step(AppState& s, int delta);
// Samples (folders with community.json) under the datasets folder.
std::vector<std::string> find_samples(const std::string& datasets);

// The right-hand panels by name ("inspector", "what-if", ...); -1 when unknown.
int tab_index(const std::string& name);

}  // namespace tablemap::viz
