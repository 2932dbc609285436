// The greedy invite plan against exhaustive search over every subset.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "analysis/invite_plan.hpp"

using namespace tablemap;

namespace {

// The fewest candidates that cover as much as all of them together.
size_t exhaustive_min(const CoverProblem& p) {
  const size_t n = p.candidate_count();
  std::vector<uint32_t> all;
  for (uint32_t i = 0; i < n; ++i) all.push_back(i);
  const int64_t best = p.covered(all);
  size_t least = n;
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    size_t size = size_t(__builtin_popcount(mask));
    if (size >= least) continue;
    std::vector<uint32_t> chosen;
    for (uint32_t i = 0; i < n; ++i)
      if (mask >> i & 1u) chosen.push_back(i);
    if (p.covered(chosen) == best) least = size;
  }
  return least;
}

}  // namespace

TEST_CASE("a source counts once per gap, whoever brings it") {
  CoverProblem p;
  uint32_t seats = p.add_gap(2);
  p.add_candidate({{seats, 7}});  // an organization
  p.add_candidate({{seats, 7}});  // one of its people: the same seat
  p.add_candidate({{seats, 8}});
  CHECK(p.covered({0, 1}) == 1);
  CHECK(p.covered({0, 2}) == 2);
  CHECK(greedy_cover(p) == std::vector<uint32_t>{0, 2});
}

TEST_CASE("greedy prefers the candidate that closes most, ties by rank") {
  CoverProblem p;
  uint32_t a = p.add_gap(1), b = p.add_gap(1);
  p.add_candidate({{a, 1}});          // 0
  p.add_candidate({{a, 2}, {b, 2}});  // 1: closes both
  p.add_candidate({{b, 3}});          // 2
  CHECK(greedy_cover(p) == std::vector<uint32_t>{1});
  // Equal gains: the order decides (here: higher index first).
  CoverProblem q;
  uint32_t g = q.add_gap(1);
  q.add_candidate({{g, 1}});
  q.add_candidate({{g, 2}});
  CHECK(greedy_cover(q, [](uint32_t x, uint32_t y) { return x > y; }) == std::vector<uint32_t>{1});
}

TEST_CASE("greedy is not always the smallest: the classic counterexample") {
  // Six units: X = {1,2,3}, Y = {4,5,6}, Z = {1,2,4,5}. Greedy takes Z (4 units),
  // then needs both X and Y for 3 and 6: three invitees where two suffice.
  CoverProblem p;
  std::vector<uint32_t> u;
  for (int i = 0; i < 6; ++i) u.push_back(p.add_gap(1));
  p.add_candidate({{u[0], 0}, {u[1], 0}, {u[2], 0}});
  p.add_candidate({{u[3], 0}, {u[4], 0}, {u[5], 0}});
  p.add_candidate({{u[0], 0}, {u[1], 0}, {u[3], 0}, {u[4], 0}});
  std::vector<uint32_t> plan = greedy_cover(p);
  CHECK(plan.size() == 3);
  CHECK(plan.front() == 2);
  CHECK(p.covered(plan) == 6);
  CHECK(exhaustive_min(p) == 2);
}

TEST_CASE("greedy against exhaustive search on random small problems") {
  // 300 random problems of 4 gaps (demand 1-3) and 10 candidates offering 1-3 sources.
  // Greedy must reach the best coverage and stay within Wolsey's bound for greedy
  // submodular cover: H(d) times the smallest plan, d the most one candidate can add
  // alone. We also count how often it is exactly the smallest (about 5 in 6 here).
  std::mt19937 rng(20261126);
  int optimal = 0, trials = 300;
  for (int t = 0; t < trials; ++t) {
    CoverProblem p;
    for (int g = 0; g < 4; ++g) p.add_gap(1 + int64_t(rng() % 3));
    for (int c = 0; c < 10; ++c) {
      std::vector<CoverOffer> offers;
      int k = 1 + int(rng() % 3);
      for (int i = 0; i < k; ++i) offers.push_back({uint32_t(rng() % 4), uint64_t(rng() % 5)});
      p.add_candidate(offers);
    }
    std::vector<uint32_t> all;
    for (uint32_t i = 0; i < 10; ++i) all.push_back(i);
    std::vector<uint32_t> plan = greedy_cover(p);
    INFO("trial " << t);
    REQUIRE(p.covered(plan) == p.covered(all));
    const size_t best = exhaustive_min(p);
    REQUIRE(plan.size() >= best);
    int64_t most_alone = 0;
    for (uint32_t c = 0; c < 10; ++c) most_alone = std::max(most_alone, p.covered({c}));
    double harmonic = 0;
    for (int64_t i = 1; i <= most_alone; ++i) harmonic += 1.0 / double(i);
    REQUIRE(double(plan.size()) <= harmonic * double(best) + 1e-9);
    REQUIRE(plan.size() <= best + 1);  // on problems this small, never more than one extra
    if (plan.size() == best) ++optimal;
  }
  WARN("greedy was the smallest plan in " << optimal << " of " << trials << " random problems");
  CHECK(optimal > 0);
}
