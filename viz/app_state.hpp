// The plain state every panel of the map reads and writes: the community
// being edited (through EditHistory), what is derived from it, where each
// organization sits, the camera, the selection, filters and what-if removals.
// Panels are functions draw_X(AppState&); there is no widget framework.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/compare.hpp"
#include "analysis/survey.hpp"
#include "analysis/whatif.hpp"
#include "analysis/whatif_live.hpp"
#include "core/community.hpp"
#include "core/edit.hpp"
#include "core/network.hpp"
#include "io/file_lock.hpp"
#include "viz/coloring.hpp"
#include "viz/edit_forms.hpp"
#include "viz/layout.hpp"
#include "viz/markdown.hpp"
#include "viz/map_shapes.hpp"
#include "viz/panel_reports.hpp"

namespace tablemap::viz {

Color tie_kind_color(TieKind k);
uint32_t to_imgui(Color c);  // ImU32 (ABGR)

// Fixed colors of the map, documented in docs/map.md and checked by tests.
inline constexpr Color kSelectedColor{255, 200, 0, 255};     // ring around the selection
inline constexpr Color kHighlightColor{230, 0, 140, 255};    // trainer captions, search hits, candidates
inline constexpr Color kRemovedColor{200, 200, 200, 255};    // removed in what-if
inline constexpr Color kAtTableRing{30, 30, 30, 255};        // ring for organizations at the table
inline constexpr Color kMapBackground{250, 250, 247, 255};
inline constexpr Color kCompetingColor{200, 30, 30, 255};    // glyph of a backbone that competes with others
inline constexpr Color kCandidateRing{190, 30, 30, 255};     // dashed ring: could fill an empty seat

// Role glyph bits.
inline constexpr uint8_t kGlyphBackbone = 1, kGlyphConvener = 2, kGlyphAnchor = 4;

// trust, value: what the partners said of it in a survey (the ties' survey
// columns, analysis/survey.hpp), 1 the smallest to 4 the largest.
enum class SizeMeasure { uniform, ties, strength, people, trust, value };
const char* to_string(SizeMeasure m);
// What a tie's color means: its kind (default), or its survey intensity or trust (1 light to 4 dark).
enum class TieColorBy { kind, intensity, trust };
const char* to_string(TieColorBy t);

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
  std::string caption;                     // Markdown
  std::vector<MarkdownBlock> blocks;       // the caption, parsed (viz/markdown.hpp)
  std::vector<std::string> organizations;  // ids
  std::string panel;                       // a panel to open ("roles"), "" = leave as it is
  std::optional<Coloring> coloring;        // a coloring to set
  std::optional<bool> people;              // show or hide the people layer
  int year = 0;                            // a sample in years: the year to show (0 = leave as it is)
  std::optional<int> compare;              // and the year to compare with (0 = none)
};

struct Trainer {
  bool active = false;
  std::string sample;  // folder of the sample
  std::vector<StoryStep> steps;
  int step = 0;
};

// An organization of the compared year that the shown year no longer has,
// drawn as a dashed outline where it was.
struct Ghost {
  std::string id, name;
  Point pos;            // layout points
  bool placed = false;  // false: no position known (listed in the panel only)
};

// The years of a project file and the comparison with one of them (viz/years.hpp).
struct YearView {
  std::string file;        // the project file ("" when the community is of another form)
  std::vector<int> years;  // the years it holds, oldest first
  int shown = 0;           // the year open on the map
  int compare_with = 0;    // 0: no comparison

  std::optional<Community> other;         // the compared year's community
  std::optional<Comparison> comparison;   // compared year -> shown year, as edited
  std::vector<YearChange> change;         // per organization of the shown year
  std::vector<Ghost> ghosts;
  uint64_t built_revision = UINT64_MAX, built_opened = UINT64_MAX;
  uint64_t revision = 0;                  // changes whenever `change` does (the legend rebuilds)
};

struct AppState {
  // The file the community came from; "" when none is open.
  std::string path;
  DiskStamp path_on_disk;  // path as opened or last saved, to catch another program's save
  EditHistory history;
  std::string load_message;  // problems of the last open, shown in a window

  // Derived from history.current(); rebuilt when the revision changes.
  uint64_t built_revision = UINT64_MAX;
  std::vector<std::string> built_ids;  // the id of each row at built_revision
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
  uint64_t positions_revision = 0;   // changes whenever `pos` does
  std::vector<float> spacing;        // per organization: distance to the nearest other one (layout points)
  uint64_t spacing_revision = UINT64_MAX;
  LayoutJob layout;
  std::vector<Tier> tiers;             // the role hierarchy's rows, when it is the layout shown
  LayoutEngine engine = LayoutEngine::automatic;
  std::string layout_error;
  double last_layout_seconds = 0;

  // View.
  Camera camera;
  bool fit_requested = true;
  bool keep_view_after_layout = false;  // the running layout must not refit the view (a year switch)

  float map_x = 0, map_y = 0, map_w = 1, map_h = 1;  // map rectangle on screen, last frame
  int notes_frames = 0;  // frames in a row the notes have been shown: ImGui sizes a new window in its first
  float notes_rect[4] = {0, 0, 0, 0};                 // the notes over the map's corner, last frame (x y w h)
  int32_t selected = -1;
  int32_t hovered = -1;
  bool picture_frame = false;         // this frame is saved as a picture: no hover tooltip or ring
  int32_t dragging = -1;
  std::string search;
  std::vector<uint32_t> search_hits;
  Filters filters;
  SizeMeasure size_by = SizeMeasure::ties;
  TieColorBy tie_color = TieColorBy::kind;
  float tie_min = 0;                   // with tie_color intensity or trust: ties below it are hidden (0: none)
  NetworkSurveyQuality quality;        // the ties' survey columns, per relationship and organization
  bool show_labels = true;
  bool show_people = false;           // people as small discs around their organization
  int backbone_area = -1;             // the issue area whose backbone the map marks (-1: every one)
  std::vector<uint32_t> highlighted;  // trainer captions, candidates
  std::vector<uint32_t> labels_drawn; // organizations whose name the last frame showed
  std::vector<uint32_t> group;        // community per organization (Structure panel)
  uint64_t group_revision = 0;        // changes when `group` does
  Coloring coloring;                  // what the discs' colors mean (viz/coloring.hpp)
  Legend legend;                      // of `coloring`, rebuilt by current_legend()
  struct {
    uint64_t opened = UINT64_MAX, revision = UINT64_MAX;
    size_t groups = 0;
    uint64_t group_revision = UINT64_MAX;
    uint64_t change_revision = UINT64_MAX;
  } legend_built;
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
  // The before of every what-if, kept per (opened, built_revision): each click
  // searches again only the parts the removed organizations belonged to.
  std::unique_ptr<LiveWhatIf> live_whatif;
  uint64_t live_whatif_opened = UINT64_MAX, live_whatif_revision = UINT64_MAX;

  // The analysis panels' reports (viz/panel_reports.hpp). `opened` counts
  // opens, so that a report of an earlier community never passes for this one
  // (each open starts the edit revision again).
  uint64_t opened = 0;
  PanelReports reports;
  StructureJob structure_job;
  std::optional<StructureResult> structure;  // the last measures, shown until newer ones arrive

  EditForms forms;  // the Edit panel's forms (viz/edit_forms.hpp)

  YearView years;  // the years of a project file, and "compare with" (viz/years.hpp)

  Trainer trainer;
  int right_tab = 0;           // the panel shown on the right
  int right_tab_request = -1;  // a panel to show next frame

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
// Starts a layout of everything that is not pinned.
void start_layout(AppState& s, LayoutEngine engine);
// Takes a finished layout, if any; true when positions changed.
bool poll_layout(AppState& s);

void set_search(AppState& s, const std::string& text);

// Layout points <-> screen pixels for the current camera and map rectangle.
float screen_x(const AppState& s, float x);
float screen_y(const AppState& s, float y);
float world_x(const AppState& s, float sx);
float world_y(const AppState& s, float sy);
// The fill of an organization's disc: removed grey, else its community's or
// its sector's color (docs/map.md).
Color node_fill(AppState& s, uint32_t org);
// A tie as the map draws it (and the SVG export, alike): whether the filters
// let it through (its kinds, its two organizations shown and not removed, the
// survey minimum), and its color (its main kind, or its survey intensity or
// trust when the ties are colored by those).
struct TieLook {
  bool drawn = false;
  Color color{};
};
TieLook tie_look(const AppState& s, const Relationship& r);
// tie_look(s, r).drawn, without working out the color (the map counts every tie each frame).
bool tie_drawn(const AppState& s, const Relationship& r);
// The legend's words for step 1-4 of a survey tie coloring ("3 coordination",
// "3 a fair amount").
const char* tie_quality_step(TieColorBy by, int step);

// The legend of the current coloring, rebuilt when the coloring, the
// community or its measured communities change.
const Legend& current_legend(AppState& s);
// Colors the map by `coloring` (by community: measures the network first when needed).
void set_coloring(AppState& s, const Coloring& coloring);
// Brings `spacing` up to date with the positions (a grid search, O(n)).
void update_spacing(AppState& s);
// Radius on screen of an organization at the current zoom: its measure,
// but never more than half the distance to its nearest neighbour, so that
// discs never overlap at any zoom (down to 1.5 pixels).
float screen_radius(const AppState& s, uint32_t org);
void fit_to_window(AppState& s);
// Recomputes `visible` from the filters.
void apply_filters(AppState& s);

}  // namespace tablemap::viz
