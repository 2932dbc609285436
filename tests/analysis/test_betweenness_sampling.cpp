// Sampled betweenness (Riondato-Kornaropoulos sample size, KADABRA's
// bidirectional search): the sample count follows the formula, the bound
// holds against the exact values, and a seed gives the same answer on any
// number of threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "analysis/betweenness_sampling.hpp"
#include "analysis/centrality.hpp"
#include "analysis/classic_networks.hpp"
#include "core/synthetic.hpp"

using namespace tablemap;
using tablemap::testing::add_tie;

namespace {

Community line_of(uint32_t n) {
  Community c;
  c.profile.sectors = {"one"};
  c.profile.required_sector_count = 1;
  auto& orgs = c.organizations.edit();
  for (uint32_t i = 0; i < n; ++i) {
    Organization o;
    o.id = o.name = "o" + std::to_string(i);
    orgs.push_back(o);
  }
  for (uint32_t i = 0; i + 1 < n; ++i) add_tie(c, i, i + 1);
  return c;
}

double largest_error(const std::vector<double>& estimate, const std::vector<double>& exact) {
  double worst = 0;
  for (size_t v = 0; v < exact.size(); ++v) worst = std::max(worst, std::abs(estimate[v] - exact[v]));
  return worst;
}

}  // namespace

TEST_CASE("The sample count follows the Riondato-Kornaropoulos formula") {
  // r = ceil(0.5 / eps^2 * (floor(log2(VD - 2)) + 1 + ln(1 / delta))).
  // VD 10, eps 0.1, delta 0.1: 50 * (3 + 1 + 2.302585) = 315.13 -> 316.
  CHECK(rk_sample_size(10, 0.1, 0.1) == 316);
  // VD 3: log2(1) = 0; eps 0.05, delta 0.05: 200 * (0 + 1 + 2.995732) = 799.15 -> 800.
  CHECK(rk_sample_size(3, 0.05, 0.05) == 800);
  // VD 1000, eps 0.01, delta 0.1: 5000 * (9 + 1 + 2.302585) = 61512.9 -> 61513.
  CHECK(rk_sample_size(1000, 0.01, 0.1) == 61513);
}

TEST_CASE("The vertex diameter bound is twice an eccentricity plus one, at most the part's size") {
  // A line of 5 from its first organization: eccentricity 4, 2*4+1 = 9, but only 5 organizations.
  CHECK(vertex_diameter_bound(Network(line_of(5)), false, false) == 5);
  // A line of 40 from its end: 2*39+1 = 79, capped at 40.
  CHECK(vertex_diameter_bound(Network(line_of(40)), false, false) == 40);
  // A star of 6 searched from its centre (organization 0): eccentricity 1, bound 3.
  Community star = line_of(6);
  star.ties.edit().clear();
  for (uint32_t i = 1; i < 6; ++i) add_tie(star, 0, i);
  CHECK(vertex_diameter_bound(Network(star), false, false) == 3);
  // Directed or weighted networks use the largest part's size: 6.
  CHECK(vertex_diameter_bound(Network(star), false, true) == 6);
  CHECK(vertex_diameter_bound(Network(star), true, false) == 6);
}

TEST_CASE("The vertex diameter bound searches from the middle of a long path") {
  // A lollipop: hub o0 with ten leaves o1..o10 and a line o0-o11-o12-...-o30.
  // The longest shortest path, a leaf to o30, has 21 steps: 22 organizations.
  // From the hub (eccentricity 20) the bound would be 41, capped at the 31
  // organizations. The double sweep goes hub -> o30 (farthest) -> leaf o10
  // (21 steps, the last leaf reached); 10 steps back from o10 is o19, whose
  // eccentricity is 11 (o30 is 11 away, a leaf 10): 2 * 11 + 1 = 23 >= 22.
  Community c = line_of(31);
  c.ties.edit().clear();
  for (uint32_t leaf = 1; leaf <= 10; ++leaf) add_tie(c, 0, leaf);
  add_tie(c, 0, 11);
  for (uint32_t k = 11; k < 30; ++k) add_tie(c, k, k + 1);
  CHECK(vertex_diameter_bound(Network(c), false, false) == 23);
  // Two parts: the bound is the larger of the two parts' bounds; a lone pair counts 2.
  Community two = line_of(5);
  two.ties.edit().clear();
  add_tie(two, 0, 1);
  add_tie(two, 2, 3);
  add_tie(two, 3, 4);
  CHECK(vertex_diameter_bound(Network(two), false, false) == 3);
}

TEST_CASE("On a line every sampled path crosses the middle organization exactly as often as it should") {
  // Line o0-o1-o2: only the ordered pairs (o0,o2) and (o2,o0) pass o1, so o1's
  // estimate is (paths through o1 / r) * n/(n-2) = (about 2/6) * 3 = about 1, its exact value.
  BetweennessSamplingOptions options;
  options.epsilon = 0.05;
  const SampledBetweenness b = sampled_betweenness(Network(line_of(3)), options);
  CHECK(b.samples == rk_sample_size(3, 0.05 / 3.0, 0.1));
  CHECK(b.betweenness_norm[0] == 0.0);
  CHECK(b.betweenness_norm[2] == 0.0);
  CHECK(b.betweenness_norm[1] == Approx(1.0).margin(0.05));
  CHECK(b.betweenness[1] == Approx(b.betweenness_norm[1] * 1.0));  // pairs = (n-1)(n-2)/2 = 1
}

TEST_CASE("Every organization is within epsilon of its exact betweenness in at least 1 - delta of the runs") {
  // 2,000 organizations, the defaults epsilon 0.01 and delta 0.1, 20 seeds;
  // searched on the network's rows and, as large networks are, on its rows
  // renumbered breadth-first.
  GenerateOptions g;
  g.organizations = 2000;
  g.seed = 11;
  const Network net(generate_community(g));
  CentralityOptions exact_options;
  exact_options.force_exact = true;
  const PathMeasures exact = path_measures(net, exact_options);
  const double largest = *std::max_element(exact.betweenness_norm.begin(), exact.betweenness_norm.end());
  REQUIRE(largest > 0.05);  // brokers far above epsilon: an estimate of all zeros would fail below

  for (uint32_t renumber_from : {100000u, 0u}) {
    INFO("renumbered from " << renumber_from << " organizations on");
    BetweennessSamplingOptions options;
    REQUIRE(options.epsilon == 0.01);
    REQUIRE(options.delta == 0.1);
    options.renumber_from = renumber_from;
    constexpr int kRuns = 20;
    int runs_outside = 0;
    std::vector<int> misses(exact.betweenness_norm.size(), 0);  // runs in which each organization is outside epsilon
    for (uint64_t seed = 1; seed <= kRuns; ++seed) {
      options.seed = seed;
      const SampledBetweenness b = sampled_betweenness(net, options);
      // The stated formula, for the bound on the ordered-pair scale: epsilon * (n-2)/n.
      CHECK(b.samples == rk_sample_size(b.vertex_diameter_bound, 0.01 * (2000 - 2) / 2000.0, 0.1));
      CHECK(b.samples == uint64_t(std::ceil(0.5 / std::pow(0.01 * 1998 / 2000, 2) *
                                            (std::floor(std::log2(b.vertex_diameter_bound - 2.0)) + 1 + std::log(10.0)))));
      if (largest_error(b.betweenness_norm, exact.betweenness_norm) > options.epsilon) ++runs_outside;
      for (size_t v = 0; v < misses.size(); ++v)
        if (std::abs(b.betweenness_norm[v] - exact.betweenness_norm[v]) > options.epsilon) ++misses[v];
    }
    // The guarantee is for all organizations at once: at most delta * 20 = 2 runs may miss.
    CHECK(runs_outside <= 2);
    // Hence every organization is within epsilon in at least (1 - delta) * 20 = 18 of the 20 runs.
    const int most_misses = *std::max_element(misses.begin(), misses.end());
    CHECK(most_misses <= 2);
    // Repeatable to the last bit for a seed, on one thread or two.
    options.seed = 3;
    const SampledBetweenness first = sampled_betweenness(net, options);
    options.threads = 1;
    CHECK(sampled_betweenness(net, options).betweenness_norm == first.betweenness_norm);
  }
}

TEST_CASE("Sampled betweenness follows direction and strength like the exact measure") {
  GenerateOptions g;
  g.organizations = 600;
  g.seed = 5;
  Community c = generate_community(g);
  // Every third tie flows one way only.
  auto& ties = c.ties.edit();
  for (size_t i = 0; i < ties.size(); i += 3) ties[i].directed = true;
  const Network net(c);
  for (int mode = 0; mode < 2; ++mode) {
    CentralityOptions exact_options;
    exact_options.force_exact = true;
    exact_options.directed = mode == 0;
    exact_options.weighted = mode == 1;
    const PathMeasures exact = path_measures(net, exact_options);
    BetweennessSamplingOptions options;
    options.epsilon = 0.03;
    options.directed = exact_options.directed;
    options.weighted = exact_options.weighted;
    const SampledBetweenness b = sampled_betweenness(net, options);
    INFO((mode == 0 ? "directed" : "weighted"));
    CHECK(largest_error(b.betweenness_norm, exact.betweenness_norm) <= options.epsilon);
  }
}

TEST_CASE("A seed gives the same sampled betweenness to the last bit on one thread or two") {
  GenerateOptions g;
  g.organizations = 1500;
  g.seed = 3;
  const Network net(generate_community(g));
  BetweennessSamplingOptions options;
  options.epsilon = 0.05;
  options.seed = 9;
  options.threads = 1;
  const SampledBetweenness one = sampled_betweenness(net, options);
  options.threads = 2;
  const SampledBetweenness two = sampled_betweenness(net, options);
  CHECK(one.betweenness_norm == two.betweenness_norm);
  options.seed = 10;
  CHECK(sampled_betweenness(net, options).betweenness_norm != one.betweenness_norm);
}
