// What the analysis panels show, kept in AppState and rebuilt only when the
// community or the what-if removals change (no function statics).
//
// While organizations are removed in what-if, "Who is missing" and "Backbone
// roles" describe a snapshot of the community without them
// (community_without in analysis/whatif), labelled "What-if: without ...".
// The Structure panel's measures come from a worker thread (StructureJob) and
// the last ones stay shown until newer ones arrive. Reports of a snapshot
// number organizations their own way: map_row turns a row back into the map's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/gaps.hpp"
#include "analysis/roles.hpp"
#include "core/community.hpp"
#include "core/network.hpp"
#include "viz/structure_job.hpp"

namespace tablemap::viz {

struct AppState;

// The community the gaps and roles panels describe while organizations are removed.
struct WhatIfCommunity {
  Community community;
  Network network;
  std::string label;  // "What-if: without Millbrook Town Hall, Main Street Bakery"
};

// What the map marks from the reports, in the map's rows (viz/map_view.cpp
// draws it): the empty seats and who could fill them, and the backbones.
struct SeatCandidate {
  uint32_t organization = 0;  // map row
  SectorId sector = 0;        // the missing sector it could seat
};
enum class BackboneMark : uint8_t { none, agreed, claimed, competing };
struct MapMarks {
  int backbone_area = -2;                  // built for (IssueAreaId, -1 = every issue area)
  std::vector<SectorId> no_seat;           // required sectors without a seat at the table
  std::vector<SeatCandidate> candidates;   // the best few of each, best first
  std::vector<BackboneMark> backbone;      // per organization
  struct AreaNote {
    IssueAreaId issue_area = 0;
    size_t competing = 0;                  // organizations claiming the whole role
    std::vector<FunctionId> contested, uncovered;
  };
  std::vector<AreaNote> areas;             // the chosen one, or each with a problem
};
// Candidates marked on the map per missing sector.
inline constexpr size_t kCandidatesMarked = 3;

struct PanelReports {
  uint64_t opened = UINT64_MAX, revision = UINT64_MAX, removal = UINT64_MAX;  // built for
  std::optional<WhatIfCommunity> whatif;  // only while organizations are removed
  std::optional<GapReport> gaps;          // computed when a panel first asks
  std::optional<RoleReport> roles;
  std::optional<MapMarks> marks;
};

// The community the gaps and roles reports describe: the what-if snapshot
// while organizations are removed, else the community being edited.
const Community& report_community(AppState& s);
// "What-if: without X, Y" while organizations are removed, else "".
std::string report_label(AppState& s);
const GapReport& gap_report(AppState& s);
const RoleReport& role_report(AppState& s);

// The marks for the map; `backbone_area` is the issue area whose backbone the
// sidebar shows (-1: every issue area).
const MapMarks& map_marks(AppState& s, int backbone_area);
// The map's row of a gap candidate (a person: their organization); -1 when none.
int32_t candidate_row(AppState& s, const Candidate& candidate);

// The map's row of organization `row` of `snapshot` (a what-if community, or
// measures of an earlier edit), by id; -1 when the map no longer has it.
int32_t map_row(const AppState& s, const Community& snapshot, uint32_t row);

// Takes finished structure measures (and the communities the map can color
// by); when `wanted` and the measures shown are not of the current community,
// starts measuring. Never waits.
void update_structure(AppState& s, bool wanted);
// True when the measures shown are of the current community.
bool structure_current(const AppState& s);

}  // namespace tablemap::viz
