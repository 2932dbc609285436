// The assignment solver and the backbone plan against exhaustive search.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <stdexcept>

#include "analysis/backbone_plan.hpp"

using namespace tablemap;

namespace {

struct Best {
  size_t assigned = 0;
  int64_t cost = 0;
};

// Every way to give each slot one of its options or nothing, under the cap:
// the most slots filled, then the least cost.
Best exhaustive(const std::vector<std::vector<AssignmentOption>>& options, uint32_t candidates, int capacity) {
  Best best;
  bool found = false;
  std::vector<int> choice(options.size(), -1);  // -1 = unfilled, else option index
  std::vector<int> load(candidates, 0);
  std::function<void(size_t, size_t, int64_t)> go = [&](size_t slot, size_t assigned, int64_t cost) {
    if (slot == options.size()) {
      if (!found || assigned > best.assigned || (assigned == best.assigned && cost < best.cost)) best = {assigned, cost};
      found = true;
      return;
    }
    go(slot + 1, assigned, cost);
    for (const AssignmentOption& o : options[slot]) {
      if (load[o.candidate] >= capacity) continue;
      ++load[o.candidate];
      go(slot + 1, assigned + 1, cost + o.cost);
      --load[o.candidate];
    }
  };
  go(0, 0, 0);
  return best;
}

void check_solution(const AssignmentSolution& s, const std::vector<std::vector<AssignmentOption>>& options,
                    uint32_t candidates, int capacity) {
  std::vector<int> load(candidates, 0);
  int64_t cost = 0;
  size_t assigned = 0;
  for (size_t slot = 0; slot < options.size(); ++slot) {
    const int32_t c = s.candidate_of_slot[slot];
    if (c < 0) continue;
    ++assigned;
    ++load[size_t(c)];
    bool offered = false;
    for (const AssignmentOption& o : options[slot])
      if (o.candidate == uint32_t(c)) {
        offered = true;
        cost += o.cost;
      }
    REQUIRE(offered);
  }
  for (int l : load) REQUIRE(l <= capacity);
  REQUIRE(assigned == s.assigned);
  REQUIRE(cost == s.total_cost);
}

}  // namespace

TEST_CASE("solver: a 3x3 assignment with a known optimum") {
  // Costs (slot x candidate):   c0  c1  c2
  //                       s0     4   1   3
  //                       s1     2   0   5
  //                       s2     3   2   2
  // Capacity 1, all six permutations by hand: 6, 11, 5, 9, 7, 6; the optimum
  // is s0->c1 (1), s1->c0 (2), s2->c2 (2) = 5, although taking the cheapest
  // cell first (s1->c1, 0) can only reach 6.
  std::vector<std::vector<AssignmentOption>> options = {
      {{0, 4}, {1, 1}, {2, 3}}, {{0, 2}, {1, 0}, {2, 5}}, {{0, 3}, {1, 2}, {2, 2}}};
  AssignmentSolution s = solve_assignment(options, 3, 1);
  CHECK(s.assigned == 3);
  CHECK(s.total_cost == 5);
  CHECK(s.candidate_of_slot == std::vector<int32_t>{1, 0, 2});
}

TEST_CASE("solver: capacity lets one candidate take several slots, never more than the cap") {
  // One cheap candidate for all four slots, an expensive one for slot 3 only.
  std::vector<std::vector<AssignmentOption>> options = {{{0, 1}}, {{0, 1}}, {{0, 1}}, {{0, 1}, {1, 10}}};
  AssignmentSolution s2 = solve_assignment(options, 2, 2);
  // Cap 2: candidate 0 takes two of slots 0-2 (one left empty), slot 3 goes to candidate 1.
  CHECK(s2.assigned == 3);
  CHECK(s2.total_cost == 12);
  CHECK(s2.candidate_of_slot[3] == 1);
  AssignmentSolution s4 = solve_assignment(options, 2, 4);
  CHECK(s4.assigned == 4);
  CHECK(s4.total_cost == 4);
}

TEST_CASE("solver: refuses negative costs and unknown candidates") {
  CHECK_THROWS_AS(solve_assignment({{{0, -1}}}, 1, 1), std::invalid_argument);
  CHECK_THROWS_AS(solve_assignment({{{3, 1}}}, 2, 1), std::invalid_argument);
  AssignmentSolution none = solve_assignment({{}, {}}, 0, 1);
  CHECK(none.assigned == 0);
  CHECK(none.candidate_of_slot == std::vector<int32_t>{-1, -1});
}

TEST_CASE("solver: matches exhaustive search on 300 random problems") {
  std::mt19937 rng(20260401);
  for (int round = 0; round < 300; ++round) {
    const size_t slots = 1 + rng() % 5;
    const uint32_t candidates = 1 + rng() % 5;
    const int capacity = 1 + int(rng() % 3);
    std::vector<std::vector<AssignmentOption>> options(slots);
    for (auto& list : options)
      for (uint32_t c = 0; c < candidates; ++c)
        if (rng() % 3 != 0) list.push_back({c, int64_t(rng() % 50)});
    AssignmentSolution s = solve_assignment(options, candidates, capacity);
    Best best = exhaustive(options, candidates, capacity);
    INFO("round " << round);
    check_solution(s, options, candidates, capacity);
    REQUIRE(s.assigned == best.assigned);
    REQUIRE(s.total_cost == best.cost);
  }
}

TEST_CASE("cost model: agreed beats claimed beats unclaimed, whatever the soft points") {
  BackboneScale scale{5, 10};
  BackboneFacts agreed_isolated{ClaimLevel::whole_role, true, false, 0};
  BackboneFacts claimed_central{ClaimLevel::function, false, true, 10};
  BackboneFacts whole_central{ClaimLevel::whole_role, false, true, 10};
  BackboneFacts none_central{ClaimLevel::none, false, true, 10};
  BackboneFacts none_isolated{ClaimLevel::none, false, false, 0};
  CHECK(plan_cost(agreed_isolated, scale) < plan_cost(claimed_central, scale));
  CHECK(plan_cost(claimed_central, scale) < plan_cost(whole_central, scale));
  CHECK(plan_cost(whole_central, scale) < plan_cost(none_central, scale));
  // Soft points: 100 for no ties (0 of a maximum 10), 50 for not at the table.
  CHECK(plan_cost(none_isolated, scale) - plan_cost(none_central, scale) == 150);
  // Over all five functions the claim tier still dominates: 5 x 150 soft points < one claim step.
  CHECK(5 * 150 < plan_cost(whole_central, scale) - plan_cost(claimed_central, scale));
}

namespace {

// Exhaustive best plan over all members, from the cost model itself.
Best exhaustive_plan(const BackbonePlanInput& in, int cap) {
  BackboneScale scale{in.function_count, 0};
  for (uint32_t t : in.area_ties) scale.max_area_ties = std::max(scale.max_area_ties, t);
  std::vector<std::vector<AssignmentOption>> options(size_t(in.function_count));
  for (int f = 0; f < in.function_count; ++f) {
    auto facts = backbone_facts_for_function(in, FunctionId(f));
    for (uint32_t m = 0; m < facts.size(); ++m) options[size_t(f)].push_back({m, plan_cost(facts[m], scale)});
  }
  return exhaustive(options, uint32_t(in.organizations.size()), cap);
}

}  // namespace

TEST_CASE("plan: matches exhaustive search over every organization on 200 random issue areas") {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    BackbonePlanInput in;
    in.function_count = 1 + int(rng() % 5);
    const uint32_t n = 1 + rng() % 6;
    for (uint32_t m = 0; m < n; ++m) {
      in.organizations.push_back(100 + 3 * m);  // rows need not be dense
      in.at_table.push_back(rng() % 2 == 0);
      in.area_ties.push_back(rng() % 5);
    }
    const int claims = int(rng() % 7);
    for (int i = 0; i < claims; ++i)
      in.claims.push_back({uint32_t(rng() % n), FunctionId(int(rng() % (in.function_count + 1)) - 1), rng() % 3 == 0});
    const int cap = 1 + int(rng() % 3);
    BackbonePlan plan = plan_backbone(in, cap);
    Best best = exhaustive_plan(in, cap);
    INFO("round " << round << ": " << n << " organizations, " << in.function_count << " functions, cap " << cap);
    size_t assigned = 0;
    std::map<int32_t, int> load;
    for (const BackboneAssignment& a : plan.assignments)
      if (a.organization != kNoOrganization) {
        ++assigned;
        REQUIRE(++load[a.organization] <= cap);
      }
    REQUIRE(assigned == best.assigned);
    REQUIRE(plan.total_cost == best.cost);
    REQUIRE(plan.complete == (assigned == size_t(in.function_count)));
  }
}

TEST_CASE("plan: keeps an agreed claim even against a more central claimant at the table") {
  // Two functions, three organizations (rows 10, 11, 12):
  //   10 agreed on function 0, not at the table, no ties;
  //   11 claims function 0 and 1, at the table, tied to both others;
  //   12 claims nothing.
  BackbonePlanInput in;
  in.function_count = 2;
  in.organizations = {10, 11, 12};
  in.at_table = {false, true, false};
  in.area_ties = {0, 2, 1};
  in.claims = {{0, 0, true}, {1, 0, false}, {1, 1, false}};
  BackbonePlan plan = plan_backbone(in, 1);
  REQUIRE(plan.complete);
  CHECK(plan.assignments[0].organization == 10);
  CHECK(plan.assignments[0].facts.agreed);
  CHECK(plan.assignments[1].organization == 11);
  CHECK(plan.assignments[0].other_claimants == std::vector<uint32_t>{11});
}

TEST_CASE("plan: too few organizations for the cap leaves functions open instead of failing") {
  // Five functions, two organizations, two functions each: four assigned, one open.
  BackbonePlanInput in;
  in.function_count = 5;
  in.organizations = {0, 1};
  in.at_table = {true, true};
  in.area_ties = {1, 1};
  BackbonePlan plan = plan_backbone(in, 2);
  CHECK_FALSE(plan.complete);
  int open = 0;
  for (const BackboneAssignment& a : plan.assignments) open += a.organization == kNoOrganization;
  CHECK(open == 1);
  BackbonePlan empty = plan_backbone(BackbonePlanInput{5, {}, {}, {}, {}}, 2);
  CHECK_FALSE(empty.complete);
  CHECK(empty.assignments.size() == 5);
}
