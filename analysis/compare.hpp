// This year against last year: what changed between two snapshots of one
// community (two years of a project file, two bundles, a bundle and a file).
//
// Organizations and people are matched by id: an organization whose name
// changed is one organization, renamed; two organizations with one name and
// different ids are two (one gone, one new), and the comparison says so.
// Every figure comes from the analyses themselves, run on both snapshots:
// seats, gaps and the generation fit test from analyze_gaps, function
// coverage, conveners and the anchor from analyze_roles, silos, single
// points of failure, betweenness and the network summary from
// measure_network; compare only lines them up and says what moved.
//
// Costs: both snapshots' analyses (see gaps.hpp, roles.hpp, structure.hpp;
// measure_network computes only degree, betweenness, articulation points and
// communities), plus O((n + m) log m) to match organizations, people and
// ties by id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/gaps.hpp"
#include "analysis/measures.hpp"
#include "analysis/roles.hpp"
#include "analysis/structure.hpp"
#include "analysis/whatif.hpp"
#include "core/community.hpp"

namespace tablemap {

struct CompareOptions {
  // Structure of both snapshots (compare sets the measures it reads). Above
  // 20,000 organizations betweenness is estimated, each year within epsilon;
  // compare reads it only for its largest moves and lists a move only when
  // it is larger than both years' bounds together, so a looser bound than
  // `metrics`' 0.01 serves it at a quarter of the samples.
  MetricsOptions metrics = [] {
    MetricsOptions m;
    m.centrality.betweenness_epsilon = 0.02;
    return m;
  }();
  size_t betweenness_listed = 5;     // organizations listed whose betweenness rose most, and fell most
  size_t silo_members_listed = 5;    // members named per silo that formed or dissolved
};

// An organization (or person) as the report names it: the newer snapshot's
// name, the older one's when it is gone.
struct NamedRow {
  std::string id, name;
  bool operator==(const NamedRow&) const = default;
};

struct Renamed {
  std::string id, name_before, name_after;
};

// One organization gone and one new that carry the same name: two
// organizations for tablemap, perhaps one whose id was retyped.
struct SameNameNewId {
  std::string name, id_before, id_after;
};

struct PersonChange {
  NamedRow person;
  NamedRow organization;  // empty id: unaffiliated
};

struct SectorSeats {
  std::string sector;
  bool required = false;          // in the newer profile (the older when the sector was dropped)
  int64_t seats_before = 0, seats_after = 0;
  std::optional<GapStatus> status_before, status_after;  // nullopt: the profile does not list the sector
};

struct GenerationShift {
  Generation generation = Generation::gen_x;
  int64_t at_table_before = 0, at_table_after = 0;
  double share_before = 0, share_after = 0;                  // of the people at the table
  std::optional<double> resident_share_before, resident_share_after;
  GapStatus status_before = GapStatus::ok, status_after = GapStatus::ok;
};

// A backbone claim as roles.csv holds it, merged over rows: one organization,
// one issue area, one function ("" = the whole role).
struct ClaimChange {
  NamedRow organization;
  std::string issue_area;  // id
  std::string function;    // id, "" for the whole backbone role
  bool agreed = false;
};

struct CoverageChange {
  std::string issue_area, issue_area_name, function;
  CoverageStatus before = CoverageStatus::uncovered, after = CoverageStatus::uncovered;
};

struct ConvenerChange {
  NamedRow organization;
  std::string issue_area;  // id
  std::string outcome;     // "" for a convener of the whole issue area
};

struct TieChange {
  NamedRow source, target;  // source's id sorts first
  int strength_before = 0, strength_after = 0;  // 0: no tie that year
  bool confirmed_before = false, confirmed_after = false;
  bool cross_sector = false;  // in the newer snapshot (the older for a removed tie)
};

struct MeasureChange {
  std::string key;    // JSON key: "components", "density", ...
  std::string label;  // "separate parts (components)"
  double before = 0, after = 0;
  bool whole_number = true;
};

struct SiloChange {
  uint32_t organizations = 0;
  std::vector<std::string> sectors;   // names of the one or two sectors its ties stay in
  std::vector<NamedRow> members;      // the first few, by name
};

struct BetweennessChange {
  NamedRow organization;
  double before = 0, after = 0;  // normalized betweenness
};

struct Comparison {
  std::string before_label, after_label;  // what the user named, for the report's title
  std::string community_before, community_after;
  int year_before = 0, year_after = 0;

  // The table and the network.
  size_t organizations_before = 0, organizations_after = 0;
  size_t table_organizations_before = 0, table_organizations_after = 0;
  std::vector<NamedRow> joined_table, left_table;  // organizations
  std::vector<NamedRow> added, removed;            // organizations in the network
  std::vector<Renamed> renamed;
  std::vector<SameNameNewId> same_name_new_id;
  size_t people_before = 0, people_after = 0;
  size_t table_people_before = 0, table_people_after = 0;
  std::vector<PersonChange> people_joined_table, people_left_table;

  // Sectors and generations (GapReport of each year).
  std::vector<SectorSeats> sectors;          // newer profile's order, then sectors it dropped
  std::vector<std::string> gaps_closed, gaps_opened;  // "sector safety", "generation gen_z"
  std::vector<GenerationShift> generations;  // oldest first
  bool residents_before = false, residents_after = false;
  FitTest fit_before, fit_after;

  // Roles (RoleReport of each year, and the backbone claims of roles.csv).
  std::vector<ClaimChange> claims_added, claims_dropped, claims_now_agreed;
  std::vector<CoverageChange> coverage_changed;
  std::vector<ConvenerChange> conveners_added, conveners_lost;
  HowMany anchor_status_before = HowMany::none, anchor_status_after = HowMany::none;
  std::vector<NamedRow> anchors_before, anchors_after;

  // Ties (relationships: all tie rows between one pair).
  size_t ties_before = 0, ties_after = 0;
  std::vector<TieChange> ties_added, ties_removed, ties_strengthened, ties_weakened, ties_newly_confirmed;
  uint64_t cross_sector_before = 0, cross_sector_after = 0;
  double ei_before = 0, ei_after = 0;  // NaN without ties

  // Structure (NetworkMetrics of each year).
  std::vector<MeasureChange> network;
  std::vector<SiloChange> silos_formed, silos_dissolved;
  size_t silos_before = 0, silos_after = 0;
  std::vector<NamedRow> single_points_appeared, single_points_gone;
  std::vector<BetweennessChange> betweenness_rose, betweenness_fell;
  bool betweenness_estimated = false;  // sampled in either year (above 20,000 organizations)
  // When estimated: the larger of the two years' bounds (each estimate within
  // it at `betweenness_confidence`); moves listed exceed twice this.
  double betweenness_error = 0;
  double betweenness_confidence = 0;

  // The few sentences a board needs, most important first.
  std::vector<std::string> headline;
};

Comparison compare_communities(const Community& before, const Community& after, const CompareOptions& options = {});

// The figures a year apart, in the order the board report's "Change since"
// and the map's Change panel show them: the table, each key sector's seats,
// ties across sectors, silos (before/after lines, as what-if's).
std::vector<WhatIfRow> change_rows(const Comparison& comparison);

// --json and the text report (analysis/compare_report.cpp); keys in docs/compare.md.
nlohmann::json to_json(const Comparison& comparison);
std::string format_comparison(const Comparison& comparison);

}  // namespace tablemap
