// The shared backbone plan of one issue area: one organization per backbone
// function, chosen as a capacitated assignment problem and solved exactly as a
// min-cost max-flow with Boost.Graph's successive_shortest_path_nonnegative_weights.
//
// Flow network: source -> function (capacity 1) -> organization (capacity 1,
// cost of that organization for that function) -> sink (capacity
// max_functions). A maximum flow covers as many functions as the cap allows;
// among those, the flow of least cost is the plan.
//
// Costs are lexicographic, so no amount of a lower preference outweighs a
// higher one (F = number of functions):
//   1. keep agreed claims:        an assignment that is not an agreed claim costs A
//   2. prefer claimants:          2*B for no claim, B for a whole-role claim, 0 for
//                                 a claim of this very function
//   3. soft preferences (S <= 150 points): up to 100 points for being less
//      central in the issue area (degree within its organizations, relative to
//      the most connected one), 50 points for not being at the table.
//   with B = 150*F + 1 and A = 2F*B + 150*F + 1.
//
// Complexity: O(n) per function to pick candidates (n = the issue area's
// organizations), then min-cost flow on at most F + F*F + 2 vertices: each
// function needs only its F cheapest organizations, because the other F-1
// functions can occupy at most F-1 of them.
#pragma once

#include <cstdint>
#include <vector>

#include "core/community.hpp"

namespace tablemap {

// ---- The generic solver ----------------------------------------------------

struct AssignmentOption {
  uint32_t candidate = 0;  // 0 .. candidate_count-1
  int64_t cost = 0;        // >= 0
};

struct AssignmentSolution {
  std::vector<int32_t> candidate_of_slot;  // -1 when the slot could not be filled
  int64_t total_cost = 0;
  size_t assigned = 0;
};

// Fills as many slots as possible, each with one of its options, no candidate
// taking more than `capacity` slots; among those fillings, one of least total
// cost. Throws std::invalid_argument on a negative cost or an unknown candidate.
// O(k * (V + E) log V) for k filled slots (successive shortest paths).
AssignmentSolution solve_assignment(const std::vector<std::vector<AssignmentOption>>& options_per_slot,
                                    uint32_t candidate_count, int capacity);

// ---- The backbone cost model -----------------------------------------------

enum class ClaimLevel : uint8_t { none, whole_role, function };

// What the plan knows about one organization for one function.
struct BackboneFacts {
  ClaimLevel claim = ClaimLevel::none;
  bool agreed = false;      // its claim (of this function or the whole role) is agreed
  bool at_table = false;
  uint32_t area_ties = 0;   // how many of the issue area's other organizations it is tied to
};

struct BackboneScale {
  int function_count = 0;
  uint32_t max_area_ties = 0;  // the most connected organization of the issue area
};

int64_t plan_cost(const BackboneFacts& facts, const BackboneScale& scale);

// One backbone claim inside the issue area, by position in BackbonePlanInput::organizations.
struct BackboneClaim {
  uint32_t member = 0;
  FunctionId function = kWholeBackbone;
  bool agreed = false;
};

struct BackbonePlanInput {
  int function_count = 0;
  std::vector<uint32_t> organizations;  // the issue area's organizations (rows)
  std::vector<bool> at_table;           // per member
  std::vector<uint32_t> area_ties;      // per member
  std::vector<BackboneClaim> claims;
};

struct BackboneAssignment {
  FunctionId function = 0;
  int32_t organization = kNoOrganization;  // kNoOrganization when nobody can take it under the cap
  int64_t cost = 0;
  BackboneFacts facts;
  // Claimants of the function the plan did not choose (organization rows).
  std::vector<uint32_t> other_claimants;
};

struct BackbonePlan {
  std::vector<BackboneAssignment> assignments;  // one per function, in profile order
  int64_t total_cost = 0;
  bool complete = false;                    // every function has an organization
  int max_functions = 2;
};

BackbonePlan plan_backbone(const BackbonePlanInput& input, int max_functions);

// The facts of every member for one function (tests and reasons use it).
std::vector<BackboneFacts> backbone_facts_for_function(const BackbonePlanInput& input, FunctionId function);

}  // namespace tablemap
