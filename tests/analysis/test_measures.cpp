// --measures: the list is parsed with the files' word matching, and only the
// asked measures (and what they are computed from) are computed.
#include <catch2/catch.hpp>

#include "analysis/measures.hpp"
#include "analysis/structure.hpp"
#include "core/synthetic.hpp"

using namespace tablemap;

TEST_CASE("A measures list matches words like the files do and names the unknown ones") {
  std::vector<std::string> unknown;
  MeasureSet set = parse_measures("PageRank, k_core ,Core; harmonic,eigen-vector,betwenness", unknown);
  CHECK(set.has(Measure::pagerank));
  CHECK(set.has(Measure::core));
  CHECK(set.has(Measure::closeness));  // harmonic comes with closeness
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
  GenerateOptions g;
  g.organizations = 300;
  const Community c = generate_community(g);
  const Network net(c);
  MetricsOptions options;
  std::vector<std::string> unknown;
  options.centrality.measures = parse_measures("pagerank", unknown);
  const NetworkMetrics m = measure_network(c, net, options);
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
  CHECK(parts == std::vector<std::string>{"centrality", "components", "mixing"});
  // The same PageRank as when everything is computed.
  const NetworkMetrics all = measure_network(c, net, MetricsOptions{});
  CHECK(all.centrality.pagerank.values == m.centrality.pagerank.values);
  // centrality, components, articulation, communities, brokerage, constraint,
  // mixing, silos, brokers, single points of failure.
  CHECK(all.timings.size() == 10);
}
