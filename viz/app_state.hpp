// The plain state every panel of the map reads and writes: the community
// being edited (through EditHistory), what is derived from it, where each
// organization sits, the camera, the selection, filters and what-if removals.
// Panels are functions draw_X(AppState&); there is no widget framework.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/whatif.hpp"
#include "core/community.hpp"
#include "core/edit.hpp"
#include "core/network.hpp"
#include "io/file_lock.hpp"
#include "viz/layout.hpp"
#include "viz/map_shapes.hpp"
#include "viz/panel_reports.hpp"

namespace tablemap::viz {

struct Color {
  uint8_t r = 0, g = 0, b = 0, a = 255;
};
// Qualitative palette for sectors (sector i gets entry i mod 12).
Color sector_color(SectorId s);
Color tie_kind_color(TieKind k);
uint32_t to_imgui(Color c);  // ImU32 (ABGR)

// Fixed colors of the map, documented in docs/map.md and checked by tests.
inline constexpr Color kSelectedColor{255, 200, 0, 255};     // ring around the selection
inline constexpr Color kHighlightColor{230, 0, 140, 255};    // trainer captions, search hits, candidates
inline constexpr Color kRemovedColor{200, 200, 200, 255};    // removed in what-if
inline constexpr Color kAtTableRing{30, 30, 30, 255};        // ring for organizations at the table
inline constexpr Color kMapBackground{250, 250, 247, 255};

// Role glyph bits.
inline constexpr uint8_t kGlyphBackbone = 1, kGlyphConvener = 2, kGlyphAnchor = 4;

enum class SizeMeasure { uniform, ties, strength, people };
const char* to_string(SizeMeasure m);

struct Camera {
  float zoom = 1;               // screen pixels per layout point
  float center_x = 0, center_y = 0;  // layout point at the middle of the map
};

struct Filters {
  std::vector<uint8_t> sector_hidden;  // per sector
  int issue_area = -1;                 // -1 = any
  TieKindSet tie_kinds = 0x3F;         // kinds drawn
  bool at_table_only = false;
};

// A caption of a sample's story and the organizations it talks about.
struct StoryStep {
  std::string caption;
  std::vector<std::string> organizations;  // ids
};

struct Trainer {
  bool active = false;
  std::string sample;  // folder of the sample
  std::vector<StoryStep> steps;
  int step = 0;
};

struct AppState {
  // The file the community came from; "" when none is open.
  std::string path;
  DiskStamp path_on_disk;  // path as opened or last saved, to catch another program's save
  EditHistory history;
  std::string load_message;  // problems of the last open, shown in a window

  // Derived from history.current(); rebuilt when the revision changes.
  uint64_t built_revision = UINT64_MAX;
  Network network;
  std::vector<uint8_t> at_table;     // per organization
  std::vector<uint8_t> glyphs;       // kGlyph* bits
  std::vector<float> measure;        // the size measure per organization
  std::vector<uint32_t> by_size;     // organizations, biggest first (label priority)
  std::vector<uint16_t> people_count;

  // Positions in layout points (y up), kept by id across edits.
  std::vector<Point> pos;
  std::vector<uint8_t> pinned;
  std::vector<std::string> pos_ids;  // the id each pos entry belongs to
  bool have_positions = false;
  bool positions_changed = false;    // to be saved in the project file
  LayoutJob layout;
  LayoutEngine engine = LayoutEngine::automatic;
  std::string layout_error;
  double last_layout_seconds = 0;

  // View.
  Camera camera;
  bool fit_requested = true;
  float map_x = 0, map_y = 0, map_w = 1, map_h = 1;  // map rectangle on screen, last frame
  int32_t selected = -1;
  int32_t hovered = -1;
  int32_t dragging = -1;
  std::string search;
  std::vector<uint32_t> search_hits;
  Filters filters;
  SizeMeasure size_by = SizeMeasure::ties;
  bool show_labels = true;
  std::vector<uint32_t> highlighted;  // trainer captions, candidates
  std::vector<uint32_t> group;        // community per organization (Structure panel)
  bool color_by_group = false;        // color by community instead of sector
  std::vector<uint8_t> visible;       // filters applied; rebuilt each frame
  bool weak_ties_hidden = false;      // level of detail dropped strength-1 ties
  double zoomed_at = -1e9;            // when zoom_at last changed the zoom (now_seconds)
  bool thinned_while_zooming = false; // this frame shows only the strongest ties
  MapShapes shapes;                   // this frame's ties and discs (GPU or ImGui)

  // What-if: organizations taken out (not an edit; nothing is saved).
  std::vector<uint8_t> removed;
  uint64_t whatif_revision = 0;  // changes when `removed` changes
  WhatIfReport whatif;           // for (built_revision, whatif_revision) below
  uint64_t whatif_built_revision = UINT64_MAX, whatif_built_removal = UINT64_MAX;

  // The analysis panels' reports (viz/panel_reports.hpp). `opened` counts
  // opens, so that a report of an earlier community never passes for this one
  // (each open starts the edit revision again).
  uint64_t opened = 0;
  PanelReports reports;
  StructureJob structure_job;
  std::optional<StructureResult> structure;  // the last measures, shown until newer ones arrive

  Trainer trainer;
  int right_tab_request = -1;  // a tab to bring to front next frame

  // Status line and close handling.
  std::string status;
  bool close_requested = false;
  bool quit = false;
  std::string recovery_path;

  const Community& community() const { return history.current(); }
  uint32_t organization_count() const { return uint32_t(history.current().organizations.size()); }
};

// Brings derived data and positions up to date after an edit or an open.
void refresh(AppState& s);
// Opens a community (problems go to load_message); returns false on bad data.
bool open_community(AppState& s, const std::string& path);
// Starts a layout of everything that is not pinned.
void start_layout(AppState& s, LayoutEngine engine);
// Takes a finished layout, if any; true when positions changed.
bool poll_layout(AppState& s);

// Selection and what-if by id; false (and a status message) when unknown.
bool select_by_id(AppState& s, const std::string& id);
bool whatif_remove(AppState& s, const std::string& id);
void whatif_reset(AppState& s);
// The what-if report for the current removals (analysis/whatif), recomputed only when they change.
const WhatIfReport& whatif_report(AppState& s);
void set_search(AppState& s, const std::string& text);
// Applies an edit; its problems go to the status line. True when applied.
bool apply(AppState& s, const Edit& edit);

// Layout points <-> screen pixels for the current camera and map rectangle.
float screen_x(const AppState& s, float x);
float screen_y(const AppState& s, float y);
float world_x(const AppState& s, float sx);
float world_y(const AppState& s, float sy);
// The fill of an organization's disc: removed grey, else its community's or
// its sector's color (docs/map.md).
Color node_fill(const AppState& s, uint32_t org);
// Radius on screen of an organization at the current zoom.
float screen_radius(const AppState& s, uint32_t org);
void fit_to_window(AppState& s);
// Recomputes `visible` from the filters.
void apply_filters(AppState& s);

}  // namespace tablemap::viz
