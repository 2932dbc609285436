// Who is missing from the table: sector and generation representation, the
// candidates who would close each gap, one invite plan, and the readiness
// checklist. docs/gaps.md gives the definitions in the users' words.
//
// analyze_gaps is O(organizations + people + relationships + roles) plus
// sorting the shown candidates (O(C log K) for C candidates, K shown) and the
// greedy invite plan (about O(C + plan size * log C)). The generation fit test
// is exact up to 1,000,000 outcomes (tables of about 38 people), else O(1).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/stats.hpp"
#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

enum class GapStatus : uint8_t { missing, under, ok, over };
std::string_view to_string(GapStatus s);

struct GapOptions {
  // Candidates kept per gap, best first (the count of all of them is kept too).
  size_t max_candidates = 10;
  // Whether the invite plan also closes missing optional sectors.
  bool plan_optional_sectors = false;
};

// Someone in the network, not at the table, who would close a gap.
struct Candidate {
  enum class Kind : uint8_t { organization, person };
  Kind kind = Kind::organization;
  uint32_t index = 0;         // organization row or person row
  uint32_t ties_to_table = 0; // relationships with organizations at the table (a person: their organization's)
  uint32_t tie_strength = 0;  // sum of the strengths of those relationships
  // Of ties_to_table, those a partner survey heard from one side only
  // (`confirmed: no`): still counted, but worth checking before an introduction.
  uint32_t unconfirmed_ties = 0;
  // Copied for the shown candidates so that the report stands on its own.
  std::string id, name;
  std::string sector;                     // primary sector (an organization) or own sector (a person)
  std::optional<Generation> generation;   // a person's generation
  std::string organization;               // a person's organization id, "" when unaffiliated
  std::string organization_name;          // and its name
  std::vector<std::string> contacts;      // an organization: ids of its people not at the table
  std::vector<std::string> contact_names; // and their names
};

struct SectorRow {
  SectorId sector = 0;
  std::string name;
  bool required = false;
  GapStatus status = GapStatus::ok;
  int64_t seats = 0;             // organizations at the table with this primary sector + unaffiliated people at it
  int64_t min_seats = 1;         // min_per_required_sector for a required sector, 1 for an optional one
  int64_t people_at_table = 0;   // people at the table whose sector this is
  int64_t organizations = 0;     // organizations in the network with this primary sector
  int64_t secondary_only = 0;    // organizations naming it only as a secondary sector
  size_t candidate_count = 0;
  std::vector<Candidate> candidates;  // best first, at most GapOptions::max_candidates
};

struct GenerationRow {
  Generation generation = Generation::gen_x;
  GapStatus status = GapStatus::ok;
  int64_t at_table = 0;
  double table_share = 0;
  std::optional<int64_t> residents;      // when the profile gives resident counts
  std::optional<double> resident_share;
  std::optional<double> ratio;           // table share / resident share
  int64_t needed = 0;                    // people of this generation to invite to reach the floor
  // True when nobody of this generation is in the network outside the table,
  // so the candidates are organizations that serve it.
  bool through_organizations = false;
  size_t candidate_count = 0;
  std::vector<Candidate> candidates;
  // A generation the profile does not seat (seated_generations; children by
  // default) is never missing: it is served. Status stays ok; shares and
  // ratio are left empty; served_by names the organizations whose
  // generations_served include it (at most GapOptions::max_candidates).
  bool seated = true;
  size_t served_by_count = 0;
  std::vector<uint32_t> served_by;          // organization rows, at the table first, then by name
  std::vector<std::string> served_by_names;  // their names, for the report
};

struct TableSummary {
  int64_t people = 0;         // people at the table
  int64_t organizations = 0;  // organizations at the table
  int64_t formal_leaders = 0, informal_leaders = 0;
  int64_t residents = 0, non_residents = 0;
  int64_t unaffiliated = 0;   // people at the table without an organization
  // people = affiliated + unaffiliated; organizations = organizations_with_people + organizations_without_people.
  int64_t affiliated = 0;                    // people at the table for an organization
  int64_t organizations_with_people = 0;     // organizations with someone at the table
  int64_t organizations_without_people = 0;  // at the table by their own flag, nobody named at it
  int64_t unknown_generation = 0;            // people at the table whose generation is unknown
  // Who they are, copied so that the report stands on its own.
  struct NamedPerson {
    std::string id, name, organization_name;  // organization_name: "" for a person on their own
  };
  std::vector<NamedPerson> unknown_generation_people;
};

// How the whole-table fit test reads: a table too small for the test to tell
// anything says so instead of a p-value that reads as a pass.
enum class FitVerdict : uint8_t { no_test, too_few, differs, within_chance };
std::string_view to_string(FitVerdict v);
// The rule: a p-value of 0.05 or more judges the mix only when every seated
// generation would be expected to have at least this many people at the table
// (table size x resident share); below, the verdict is too_few.
inline constexpr double kFitMinExpected = 1.0;

// A gap of the invite plan: a sector or a generation.
struct GapRef {
  enum class Kind : uint8_t { sector, generation };
  Kind kind = Kind::sector;
  uint16_t index = 0;  // SectorId or Generation
  bool operator==(const GapRef&) const = default;
};

struct PlanInvitee {
  Candidate candidate;
  std::vector<GapRef> closes;  // the gaps this invitee counts toward
};

struct UnclosableGap {
  GapRef gap;
  int64_t needed = 0;     // seats or people the gap needs
  int64_t available = 0;  // what everyone in the network together could bring
};

struct InvitePlanResult {
  std::string method = "greedy";  // greedy set cover: small, not guaranteed smallest
  std::vector<PlanInvitee> invitees;
  std::vector<GapRef> closed;              // gaps fully closed by the plan
  std::vector<UnclosableGap> cannot_close; // gaps the network cannot (fully) close
};

struct ReadinessCheck {
  std::string criterion;
  bool pass = false;
  std::string evidence;
};

struct SingleGenerationSector {
  SectorId sector = 0;
  std::string name;
  Generation generation = Generation::gen_x;
  int64_t people = 0;
};

struct GapReport {
  std::string community;
  int min_per_required_sector = 1;
  double generation_ratio_floor = 0.5;
  bool has_residents = false;
  TableSummary table;
  std::vector<SectorRow> sectors;          // required sectors first, in profile order
  std::vector<GenerationRow> generations;  // oldest first, all six
  FitTest generation_fit;  // over the seated generations only
  FitVerdict fit_verdict = FitVerdict::no_test;
  double fit_min_expected = 0;         // smallest table size x resident share among seated generations
  std::string fit_smallest_generation;  // the generation with that smallest expectation
  GenerationSet seated_generations = Profile::default_seated_generations();
  // People at the table by their sector (row, SectorId) and generation (column).
  std::vector<std::array<int64_t, kGenerationCount>> sector_generation;
  // Sectors whose people at the table (two or more) are all of one generation.
  std::vector<SingleGenerationSector> single_generation_sectors;
  InvitePlanResult invite_plan;
  std::vector<ReadinessCheck> readiness;   // key sectors, generations, backbone, anchor

  bool ready() const;
};

GapReport analyze_gaps(const Community& community, const Network& network, const GapOptions& options = {});

// Ranking of candidates: more ties to the table, then stronger ties, then name, then id.
bool ranks_before(const Candidate& a, const Candidate& b, const Community& community);

// "sector:safety", "generation:gen_z".
std::string gap_label(const GapRef& gap, const GapReport& report);

// "At the table: 9 people and 9 organizations (8 people for 8 organizations, ...)".
std::string table_line(const TableSummary& table);
// "Generation unknown for 2 people: ..." naming them, or "" when every
// generation at the table is known.
std::string unknown_generation_line(const TableSummary& table);

// The --json form; see docs/gaps.md for the keys.
// "no tie to the table", "1 tie to the table", "3 ties to the table (1 one-sided)":
// a candidate's reach in words, as the map's gaps panel and the board report say it.
std::string ties_to_table_text(const Candidate& candidate);

nlohmann::json to_json(const GapReport& report);
// The text report: what is missing first, then aligned tables.
std::string format_gap_report(const GapReport& report, const Community& community);

}  // namespace tablemap
