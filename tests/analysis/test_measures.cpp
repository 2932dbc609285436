// --measures: the list is parsed with the files' word matching, and only the
// asked measures (and what they are computed from) are computed.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/measures.hpp"
#include "analysis/structure.hpp"
#include "core/synthetic.hpp"

using namespace tablemap;

namespace {

// A generated community of 300 organizations: small enough for exact path measures.
Community three_hundred_organizations() {
  GenerateOptions g;
  g.organizations = 300;
  return generate_community(g);
}

MetricsOptions asking_for(std::string_view list) {
  MetricsOptions options;
  std::vector<std::string> unknown;
  options.centrality.measures = parse_measures(list, unknown);
  REQUIRE(unknown.empty());
  return options;
}

}  // namespace

TEST_CASE("A measures list matches words like the files do and names the unknown ones") {
  std::vector<std::string> unknown;
  MeasureSet set = parse_measures("PageRank, k_core ,Core; harmonic,eigen-vector,betwenness", unknown);
  CHECK(set.has(Measure::pagerank));
  CHECK(set.has(Measure::core));
  CHECK(set.has(Measure::harmonic));
  CHECK_FALSE(set.has(Measure::closeness));  // harmonic is its own measure
  CHECK(set.has(Measure::eigenvector));
  CHECK_FALSE(set.has(Measure::betweenness));
  CHECK_FALSE(set.has(Measure::degree));
  CHECK(unknown == std::vector<std::string>{" k_core ", "betwenness"});
  unknown.clear();
  CHECK(parse_measures("all", unknown) == MeasureSet::all());
  CHECK(unknown.empty());
}

TEST_CASE("Brokers bring betweenness and single points of failure, and degree is always there") {
  std::vector<std::string> unknown;
  const MeasureSet set = with_prerequisites(parse_measures("brokers", unknown));
  CHECK(set.has(Measure::brokers));
  CHECK(set.has(Measure::betweenness));
  CHECK(set.has(Measure::articulation));
  CHECK(set.has(Measure::degree));
  CHECK_FALSE(set.has(Measure::pagerank));
  CHECK_FALSE(set.has(Measure::communities));
}

TEST_CASE("Only the asked measures are computed, each timed") {
  const Community c = three_hundred_organizations();
  const Network net(c);
  const NetworkMetrics m = measure_network(c, net, asking_for("pagerank"));
  CHECK(m.centrality.pagerank.values.size() == 300);
  CHECK(m.centrality.degree.size() == 300);
  CHECK(m.centrality.eigenvector.values.empty());
  CHECK(m.centrality.paths.betweenness.empty());
  CHECK(m.centrality.paths.closeness.empty());
  CHECK(m.centrality.core.empty());
  CHECK(m.communities.community.empty());
  CHECK(m.cuts.articulation.empty());
  CHECK(m.brokers.empty());
  CHECK(m.silos.empty());
  // Components and the sector mix are always there (O(n + m)): the summary holds them.
  CHECK(m.summary.organizations == 300);
  CHECK_FALSE(m.summary.component_sizes.empty());
  std::vector<std::string> parts;
  for (const MeasureTiming& t : m.timings) {
    parts.push_back(t.measure);
    CHECK(t.seconds >= 0);
  }
  CHECK(parts == std::vector<std::string>{"degree", "pagerank", "components", "mixing"});
  // The same PageRank as when everything is computed.
  const NetworkMetrics all = measure_network(c, net, MetricsOptions{});
  CHECK(all.centrality.pagerank.values == m.centrality.pagerank.values);
  parts.clear();
  for (const MeasureTiming& t : all.timings) parts.push_back(t.measure);
  // 300 organizations: exact, one pass of searches for the three path
  // measures; communities first (compare hands them on to the next year).
  CHECK(parts == std::vector<std::string>{"communities", "degree", "betweenness+closeness+harmonic", "eigenvector",
                                          "pagerank", "core", "components", "articulation", "triangles", "brokerage",
                                          "constraint", "mixing", "silos", "brokers", "single points of failure"});
  // A Louvain run that starts from another year's communities may wait for
  // them (compare, analysis/compare.cpp): the measures that need no
  // communities come first, and the result is the same.
  MetricsOptions waiting;
  waiting.communities.start = [] { return std::vector<uint32_t>{}; };
  const NetworkMetrics later = measure_network(c, net, waiting);
  parts.clear();
  for (const MeasureTiming& t : later.timings) parts.push_back(t.measure);
  CHECK(parts == std::vector<std::string>{"degree", "betweenness+closeness+harmonic", "eigenvector", "pagerank", "core",
                                          "components", "articulation", "communities", "triangles", "brokerage",
                                          "constraint", "mixing", "silos", "brokers", "single points of failure"});
  CHECK(later.communities.community == all.communities.community);
  CHECK(later.centrality.paths.betweenness == all.centrality.paths.betweenness);
}

TEST_CASE("Harmonic alone is searched without closeness or betweenness, and sampled betweenness is timed apart") {
  const Community c = three_hundred_organizations();
  const Network net(c);
  const NetworkMetrics h = measure_network(c, net, asking_for("harmonic"));
  CHECK(h.centrality.paths.harmonic.size() == 300);
  CHECK(h.centrality.paths.closeness.empty());
  CHECK(h.centrality.paths.betweenness.empty());
  REQUIRE(h.timings.size() == 4);
  CHECK(h.timings[1].measure == "harmonic");
  // The same harmonic values as when everything is computed.
  const NetworkMetrics all = measure_network(c, net, MetricsOptions{});
  CHECK(all.centrality.paths.harmonic == h.centrality.paths.harmonic);

  // Sampled betweenness with closeness: the pivots' searches and the sampled paths, each timed.
  MetricsOptions options = asking_for("betweenness,closeness");
  options.centrality.force_sampled = true;
  options.centrality.pivots = 50;
  const NetworkMetrics s = measure_network(c, net, options);
  CHECK(s.centrality.paths.betweenness_sampled);
  CHECK(s.centrality.paths.sampled);
  REQUIRE(s.timings.size() == 5);
  CHECK(s.timings[1].measure == "closeness");
  CHECK(s.timings[2].measure == "betweenness");
  CHECK(s.centrality.paths.harmonic.empty());
}

TEST_CASE("Brokers are the same whether their removals run on one thread or two") {
  // 3,000 generated organizations, sampled distances: each candidate's
  // removal is searched on one of the threads (core/parallel.hpp
  // for_chunks); a candidate's figures depend on it alone.
  GenerateOptions gen;
  gen.organizations = 3000;
  gen.seed = 11;
  const Community c = generate_community(gen);
  const Network net(c);
  MetricsOptions one = asking_for("brokers"), two = asking_for("brokers");
  one.centrality.threads = 1;
  two.centrality.threads = 2;
  // The candidates are ranked by betweenness, exact here on both sides.
  one.centrality.force_exact = two.centrality.force_exact = true;
  const NetworkMetrics a = measure_network(c, net, one), b = measure_network(c, net, two);
  REQUIRE(a.centrality.paths.betweenness.size() == 3000);
  size_t close = 0;
  for (uint32_t v = 0; v < 3000; ++v)
    close += std::abs(a.centrality.paths.betweenness[v] - b.centrality.paths.betweenness[v]) <=
             1e-12 * (1 + std::abs(a.centrality.paths.betweenness[v]));
  REQUIRE(close == 3000);
  REQUIRE_FALSE(a.brokers.empty());
  REQUIRE(a.brokers.size() == b.brokers.size());
  for (size_t i = 0; i < a.brokers.size(); ++i) {
    INFO("broker " << i);
    CHECK(a.brokers[i].organization == b.brokers[i].organization);
    CHECK(a.brokers[i].sectors_cut_off == b.brokers[i].sectors_cut_off);
    CHECK(a.brokers[i].average_distance_after == b.brokers[i].average_distance_after);
    CHECK(a.brokers[i].pairs_lost == b.brokers[i].pairs_lost);
  }
}
