#include "analysis/backbone_plan.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

namespace tablemap {

namespace {

using FlowTraits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
// Weights are doubles holding whole numbers (exact below 2^53): Boost's
// Dijkstra marks unreachable vertices with infinity, which a double absorbs
// without overflow when the potentials are updated.
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, FlowTraits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, double>>>>>;
using FlowEdge = boost::graph_traits<FlowGraph>::edge_descriptor;

FlowEdge add_arc(FlowGraph& g, size_t u, size_t v, long capacity, double weight) {
  FlowEdge e = boost::add_edge(u, v, g).first;
  FlowEdge r = boost::add_edge(v, u, g).first;
  boost::put(boost::edge_capacity, g, e, capacity);
  boost::put(boost::edge_capacity, g, r, 0);
  boost::put(boost::edge_weight, g, e, weight);
  boost::put(boost::edge_weight, g, r, -weight);
  boost::put(boost::edge_reverse, g, e, r);
  boost::put(boost::edge_reverse, g, r, e);
  return e;
}

}  // namespace

AssignmentSolution solve_assignment(const std::vector<std::vector<AssignmentOption>>& options_per_slot,
                                    uint32_t candidate_count, int capacity) {
  AssignmentSolution solution;
  const size_t slots = options_per_slot.size();
  solution.candidate_of_slot.assign(slots, -1);
  if (capacity <= 0 || slots == 0 || candidate_count == 0) return solution;

  // Vertices: source, slots, candidates that appear in an option, sink.
  std::vector<int64_t> vertex_of_candidate(candidate_count, -1);
  size_t next = 1 + slots;
  for (const auto& options : options_per_slot)
    for (const AssignmentOption& o : options) {
      if (o.cost < 0) throw std::invalid_argument("assignment cost must not be negative");
      if (o.candidate >= candidate_count) throw std::invalid_argument("assignment option names an unknown candidate");
      if (vertex_of_candidate[o.candidate] < 0) vertex_of_candidate[o.candidate] = int64_t(next++);
    }
  const size_t source = 0, sink = next;
  FlowGraph g(next + 1);

  struct SlotArc {
    size_t slot;
    uint32_t candidate;
    int64_t cost;
    FlowEdge edge;
  };
  std::vector<SlotArc> slot_arcs;
  for (size_t s = 0; s < slots; ++s) {
    add_arc(g, source, 1 + s, 1, 0.0);
    for (const AssignmentOption& o : options_per_slot[s])
      slot_arcs.push_back({s, o.candidate, o.cost,
                           add_arc(g, 1 + s, size_t(vertex_of_candidate[o.candidate]), 1, double(o.cost))});
  }
  for (uint32_t c = 0; c < candidate_count; ++c)
    if (vertex_of_candidate[c] >= 0) add_arc(g, size_t(vertex_of_candidate[c]), sink, capacity, 0.0);

  boost::successive_shortest_path_nonnegative_weights(g, source, sink);

  auto residual = boost::get(boost::edge_residual_capacity, g);
  for (const SlotArc& a : slot_arcs) {
    if (boost::get(residual, a.edge) != 0) continue;  // no flow on this arc
    solution.candidate_of_slot[a.slot] = int32_t(a.candidate);
    solution.total_cost += a.cost;
    ++solution.assigned;
  }
  return solution;
}

// ---- The backbone cost model -----------------------------------------------

namespace {
constexpr int64_t kCentralityPoints = 100;
constexpr int64_t kNotAtTablePoints = 50;
constexpr int64_t kSoftMax = kCentralityPoints + kNotAtTablePoints;
}  // namespace

int64_t plan_cost(const BackboneFacts& facts, const BackboneScale& scale) {
  const int64_t f = std::max(1, scale.function_count);
  const int64_t claim_unit = kSoftMax * f + 1;
  const int64_t agreed_unit = 2 * f * claim_unit + kSoftMax * f + 1;
  int64_t cost = facts.agreed ? 0 : agreed_unit;
  cost += claim_unit * (facts.claim == ClaimLevel::function ? 0 : facts.claim == ClaimLevel::whole_role ? 1 : 2);
  // Less central = more points; an issue area without ties makes everyone equal.
  if (scale.max_area_ties > 0)
    cost += int64_t(std::llround(double(kCentralityPoints) * double(scale.max_area_ties - facts.area_ties) /
                                 double(scale.max_area_ties)));
  if (!facts.at_table) cost += kNotAtTablePoints;
  return cost;
}

namespace {

BackboneFacts base_facts(const BackbonePlanInput& in, uint32_t member) {
  BackboneFacts f;
  f.at_table = in.at_table[member];
  f.area_ties = in.area_ties[member];
  return f;
}

void apply_claim(BackboneFacts& f, const BackboneClaim& claim) {
  ClaimLevel level = claim.function == kWholeBackbone ? ClaimLevel::whole_role : ClaimLevel::function;
  if (level > f.claim) f.claim = level;
  f.agreed = f.agreed || claim.agreed;
}

}  // namespace

std::vector<BackboneFacts> backbone_facts_for_function(const BackbonePlanInput& in, FunctionId function) {
  std::vector<BackboneFacts> facts(in.organizations.size());
  for (uint32_t m = 0; m < facts.size(); ++m) facts[m] = base_facts(in, m);
  for (const BackboneClaim& c : in.claims)
    if (c.function == function || c.function == kWholeBackbone) apply_claim(facts[c.member], c);
  return facts;
}

BackbonePlan plan_backbone(const BackbonePlanInput& in, int max_functions) {
  BackbonePlan plan;
  plan.max_functions = max_functions;
  const int F = in.function_count;
  const uint32_t n = uint32_t(in.organizations.size());
  BackboneScale scale{F, 0};
  for (uint32_t t : in.area_ties) scale.max_area_ties = std::max(scale.max_area_ties, t);

  // For one function, organizations that do not claim it differ only in
  // their soft points: walking all members in that order finds its F cheapest.
  std::vector<std::pair<int64_t, uint32_t>> by_soft_cost(n);
  for (uint32_t m = 0; m < n; ++m) by_soft_cost[m] = {plan_cost(base_facts(in, m), scale), m};
  std::sort(by_soft_cost.begin(), by_soft_cost.end(), [&](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : in.organizations[x.second] < in.organizations[y.second];
  });
  std::vector<uint8_t> claims_this(n, 0);

  // Claims grouped by function (whole-role claims go to every function).
  std::vector<std::vector<BackboneClaim>> claims_of(size_t(std::max(F, 0)));
  for (const BackboneClaim& c : in.claims) {
    if (c.function == kWholeBackbone) {
      for (auto& list : claims_of) list.push_back(c);
    } else if (c.function >= 0 && c.function < F) {
      claims_of[size_t(c.function)].push_back(c);
    }
  }

  std::vector<std::vector<AssignmentOption>> options(size_t(std::max(F, 0)));
  std::vector<std::vector<BackboneFacts>> option_facts(options.size());
  for (int f = 0; f < F; ++f) {
    // Facts of the claimants of f, merged per organization.
    std::vector<std::pair<uint32_t, BackboneFacts>> merged;
    auto& list = claims_of[size_t(f)];
    std::sort(list.begin(), list.end(), [](const BackboneClaim& a, const BackboneClaim& b) { return a.member < b.member; });
    for (const BackboneClaim& c : list) {
      if (merged.empty() || merged.back().first != c.member) merged.emplace_back(c.member, base_facts(in, c.member));
      apply_claim(merged.back().second, c);
    }
    for (const auto& [m, facts] : merged) claims_this[m] = 1;
    const size_t claimant_count = merged.size();
    for (size_t i = 0, taken = 0; i < by_soft_cost.size() && taken < size_t(F); ++i) {
      const uint32_t m = by_soft_cost[i].second;
      if (claims_this[m]) continue;
      merged.emplace_back(m, base_facts(in, m));
      ++taken;
    }
    for (size_t i = 0; i < claimant_count; ++i) claims_this[merged[i].first] = 0;

    std::vector<std::pair<int64_t, size_t>> ranked;
    for (size_t i = 0; i < merged.size(); ++i) ranked.emplace_back(plan_cost(merged[i].second, scale), i);
    const size_t top = std::min(ranked.size(), size_t(F));
    std::partial_sort(ranked.begin(), ranked.begin() + top, ranked.end(), [&](const auto& x, const auto& y) {
      return x.first != y.first ? x.first < y.first
                                : in.organizations[merged[x.second].first] < in.organizations[merged[y.second].first];
    });
    for (size_t i = 0; i < top; ++i) {
      options[size_t(f)].push_back({merged[ranked[i].second].first, ranked[i].first});
      option_facts[size_t(f)].push_back(merged[ranked[i].second].second);
    }
    plan.assignments.push_back(BackboneAssignment{FunctionId(f), kNoOrganization, 0, {}, {}});
    for (const auto& [m, facts] : merged)
      if (facts.claim != ClaimLevel::none) plan.assignments.back().other_claimants.push_back(in.organizations[m]);
  }

  AssignmentSolution solution = solve_assignment(options, n, max_functions);
  plan.total_cost = solution.total_cost;
  plan.complete = solution.assigned == size_t(std::max(F, 0));
  for (int f = 0; f < F; ++f) {
    BackboneAssignment& a = plan.assignments[size_t(f)];
    const int32_t member = solution.candidate_of_slot[size_t(f)];
    if (member < 0) continue;
    a.organization = int32_t(in.organizations[size_t(member)]);
    for (size_t i = 0; i < options[size_t(f)].size(); ++i)
      if (options[size_t(f)][i].candidate == uint32_t(member)) {
        a.cost = options[size_t(f)][i].cost;
        a.facts = option_facts[size_t(f)][i];
      }
    std::erase(a.other_claimants, uint32_t(a.organization));
  }
  return plan;
}

}  // namespace tablemap
