// Who plays which part of the partnership, per issue area: backbone claims
// and their overlaps, coverage of each backbone function, conveners of each
// outcome, the anchor, and a shared backbone plan (analysis/backbone_plan.hpp).
//
// The CLI text report, the --json writer and the map all read RoleReport.
//
// An issue area's organizations are those that list it in their issue_areas
// or hold any role in it (a backbone claim or a convener role counts even
// when the organization forgot to list the area). Its practitioners are the
// organizations with a practitioner role in it (or a practitioner role with
// no issue area, when they list the area).
//
// Complexity: O(A * (n + m) + R) for A issue areas, n organizations, m
// relationships and R roles, plus O(k^2) for k claimants of one function
// when listing pair evidence (bounded by RoleOptions::max_evidence_pairs).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/backbone_plan.hpp"
#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

struct RoleOptions {
  int max_functions = 2;             // the plan's cap on functions per organization, per issue area
  size_t max_evidence_pairs = 50;    // pairs listed as evidence per function (all are checked)
  size_t max_matrix_rows = 40;       // text report: organizations shown per matrix
};

enum class CoverageStatus : uint8_t { uncovered, covered, shared, contested };
std::string_view to_string(CoverageStatus s);

// none / one / several: conveners of an outcome, anchors of the partnership.
enum class HowMany : uint8_t { none, one, several };
std::string_view to_string(HowMany h);
HowMany how_many(size_t count);

// ---- Which roles claim which backbone functions (docs/roles.md) ------------
//
// A `backbone` row claims its function (or, with no function, the whole role)
// in its issue area. An `investor` row claims the investment function and a
// `data_partner` row the data function: in the row's issue area or, when the
// row names none, in every issue area the organization lists. In a profile
// whose functions are renamed, the function a role claims is the one whose id
// is exactly `investment` / `data`, else the first (profile order) whose id
// contains one of the role's keywords (kRoleFunctionKeywords).

// Keywords of the functions an investor / data partner claims, in order of preference.
struct RoleFunctionKeywords {
  RoleKind role;
  const char* exact;
  std::vector<const char*> contains;
};
const std::vector<RoleFunctionKeywords>& role_function_keywords();

// The backbone function a role row claims: kWholeBackbone-free; nullopt when
// the role claims no function (conveners, anchors, practitioners) or the
// profile has no matching function.
std::optional<FunctionId> function_claimed_by(const Profile& profile, RoleKind role);

// One claim on backbone functions of one issue area, from a role row.
struct BackboneFunctionClaim {
  uint32_t organization = 0;
  IssueAreaId issue_area = 0;
  FunctionId function = kWholeBackbone;  // kWholeBackbone: the whole role
  bool agreed = false;
  RoleKind role = RoleKind::backbone;    // backbone, investor or data_partner
  uint32_t row = 0;                      // the roles.csv row
};
// Every claim on a backbone function, in role-row order (an area-less
// investor row gives one claim per issue area its organization lists).
std::vector<BackboneFunctionClaim> backbone_function_claims(const Community& community);

// Tie kinds that are an agreement to work together on the same thing: a pair of
// claimants tied by one of these with strength >= 2 shares a function.
inline constexpr std::array<TieKind, 3> kCoordinatingKinds = {TieKind::joint_programming, TieKind::data_sharing,
                                                               TieKind::formal_agreement};
bool is_coordinating(TieKind kind);

// One organization's claim on a function (merged over its role rows).
struct FunctionClaim {
  uint32_t organization = 0;
  bool whole_role = false;  // only through a claim of the whole backbone role
  bool agreed = false;      // any of its claims for this function is agreed
  // The role that made the claim: backbone, or investor / data_partner when
  // only such a row claims this function.
  RoleKind role = RoleKind::backbone;
};

// Two claimants of one function and what ties them.
struct PairEvidence {
  uint32_t a = 0, b = 0;   // organization rows
  uint8_t strength = 0;    // 0 when they have no direct tie (the strongest row of any kind)
  TieKindSet kinds = 0;
  // The strongest tie row between them of a coordinating kind, and those kinds.
  uint8_t coordinating_strength = 0;
  TieKindSet coordinating_kinds = 0;
  // A coordinating row of strength >= 2 between them is confirmed (both
  // sides reported it, `confirmed` yes in ties.csv).
  bool coordination_confirmed = false;
  bool strongly_tied() const { return strength >= 2; }
  bool coordinated() const { return coordinating_strength >= 2; }
  bool coordinated_unconfirmed() const { return coordinated() && !coordination_confirmed; }
};

struct FunctionCoverage {
  FunctionId function = 0;
  CoverageStatus status = CoverageStatus::uncovered;
  std::vector<FunctionClaim> claims;  // by organization row
  // Evidence, for several claimants: shared when all_agreed or all_pairs_coordinating.
  bool all_agreed = false;
  bool all_pairs_strongly_tied = false;  // every pair has a tie of strength >= 2, of any kind
  bool all_pairs_coordinating = false;   // every pair has a coordinating tie of strength >= 2
  size_t pair_count = 0;              // k(k-1)/2
  size_t weak_pair_count = 0;         // pairs without a tie of strength >= 2 (any kind)
  size_t uncoordinated_pair_count = 0;  // pairs without a coordinating tie of strength >= 2
  // Coordinated pairs whose coordinating ties of strength >= 2 are all
  // unconfirmed (one side reported them; a survey partner did not answer).
  size_t unconfirmed_pair_count = 0;
  // Uncoordinated pairs first, then the unconfirmed ones, at most max_evidence_pairs.
  std::vector<PairEvidence> pairs;
  // Shared because the claimants work together (not because every claim is
  // agreed), and some of that rests on a tie only one side reported.
  bool rests_on_unconfirmed() const {
    return status == CoverageStatus::shared && !all_agreed && unconfirmed_pair_count > 0;
  }
};

struct WholeRoleBackbone {
  uint32_t organization = 0;
  bool agreed = false;
};

struct ConvenerTies {
  uint32_t organization = 0;
  bool whole_issue_area = false;     // a convener role naming no outcome
  bool agreed = false;
  uint32_t practitioners_tied = 0;   // of the issue area's practitioners (itself excluded)
  uint32_t practitioners = 0;
  uint32_t organizations_tied = 0;   // of the issue area's organizations (itself excluded)
  uint32_t organizations = 0;
};

struct OutcomeConveners {
  int16_t outcome = 0;               // index into the issue area's outcomes
  HowMany status = HowMany::none;
  std::vector<ConvenerTies> conveners;  // outcome conveners, then whole-area ones
};

struct BackboneStep {
  BackboneAssignment assignment;
  std::string reason;  // one line, in the users' words
};

struct IssueAreaRoles {
  IssueAreaId issue_area = 0;
  uint32_t organization_count = 0;
  uint32_t practitioner_count = 0;
  std::vector<WholeRoleBackbone> backbones;
  bool overlapping_backbones = false;  // two or more organizations claim the whole role
  std::vector<FunctionCoverage> functions;  // one per backbone function of the profile
  std::vector<OutcomeConveners> conveners;  // one per outcome
  std::vector<ConvenerTies> whole_area_conveners;  // convener roles naming no outcome
  std::vector<BackboneStep> plan;               // one per backbone function
  bool plan_complete = false;
  int64_t plan_cost = 0;
};

// One organization claiming the whole backbone role of several issue areas.
struct BackboneLoad {
  uint32_t organization = 0;
  std::vector<IssueAreaId> issue_areas;
};

struct RoleReport {
  std::vector<IssueAreaRoles> issue_areas;  // profile order
  HowMany anchor_status = HowMany::none;
  std::vector<uint32_t> anchors;
  std::vector<BackboneLoad> load_concentration;
  int max_functions = 2;
};

RoleReport analyze_roles(const Community& community, const Network& network, const RoleOptions& options = {});

// The readiness criterion "an identified backbone", from a RoleReport: it
// passes when some issue area has claims on backbone functions and every such
// area has no overlapping whole-role claims and every function covered or
// shared. The evidence names the areas and what is wrong there. The gaps
// report, its JSON and the map's checklist all show this one verdict.
struct BackboneVerdict {
  bool pass = false;
  std::string evidence;
};
BackboneVerdict identified_backbone(const RoleReport& report, const Community& community);

// The plan's caveat and the centrality it uses, for every report.
extern const char* const kPlanCaveat;
extern const char* const kPlanCentralityNote;

// --json and the text report (analysis/roles_report.cpp).
nlohmann::json to_json(const RoleReport& report, const Community& community);
std::string format_role_report(const RoleReport& report, const Community& community,
                               const RoleOptions& options = {});

}  // namespace tablemap
