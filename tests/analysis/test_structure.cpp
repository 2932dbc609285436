// Silos, brokers, single points of failure and the network summary, on small
// coalitions worked out by hand, plus density and Freeman centralization on
// classic networks (tests/data/classic/reference.py).
#include "analysis/structure.hpp"
#include "classic_networks.hpp"
#include "core/synthetic.hpp"

using namespace tablemap;
using namespace tablemap::testing;

TEST_CASE("A sector is cut off when one organization holds all its cross-sector ties") {
  // Sectors: o0, o1 health (0); o2, o3 education (1); o4 business (2).
  // Ties o0-o1, o1-o2 (0/1), o2-o3, o3-o4 (1/2).
  // Health's only cross tie o1-o2: o1 and o2 each cut health off.
  // Business's only cross tie o3-o4: o3 cuts business off (o4 is business itself, nobody would be left).
  Community c = make_community(5, {0, 0, 1, 1, 2}, 3);
  add_tie(c, 0, 1);
  add_tie(c, 1, 2);
  add_tie(c, 2, 3);
  add_tie(c, 3, 4);
  Network net(c);
  auto cut = sectors_cut_off_by_each(c, net);
  CHECK(cut[0].empty());
  CHECK(cut[1] == std::vector<SectorId>{0});
  CHECK(cut[2] == std::vector<SectorId>{0});
  CHECK(cut[3] == std::vector<SectorId>{2});
  CHECK(cut[4].empty());
}

TEST_CASE("Silos: a community whose ties stay in one or two sectors") {
  // Health clique: 10 ties inside + 1 to o5: 10/11 = 0.909 within health alone -> a silo.
  // Triangle: 3 ties + 1 to o4, every pair of sectors different: the best two sectors hold 1/4.
  Community c = clique_and_triangle();
  Network net(c);
  NetworkMetrics m = measure_network(c, net, {});
  REQUIRE(m.communities.sizes == std::vector<uint32_t>{5, 3});
  REQUIRE(m.silos.size() == 1);
  CHECK(m.silos[0].community == m.communities.community[0]);
  CHECK(m.silos[0].organizations == 5);
  CHECK(m.silos[0].sectors == std::vector<SectorId>{0});
  CHECK(m.silos[0].ties == 11);
  CHECK(m.silos[0].share == Approx(10.0 / 11));

  // At 95% health alone is not enough, but health plus sector 1 (the tie to o5) holds 11/11.
  MetricsOptions strict;
  strict.silo.share = 0.95;
  NetworkMetrics two = measure_network(c, net, strict);
  REQUIRE(two.silos.size() == 1);
  CHECK(two.silos[0].sectors == std::vector<SectorId>{0, 1});
  CHECK(two.silos[0].share == Approx(1.0));
  // Communities smaller than the minimum are never silos.
  MetricsOptions large;
  large.silo.min_organizations = 6;
  CHECK(measure_network(c, net, large).silos.empty());
}

TEST_CASE("Single points of failure say what they cut off") {
  // o4 leaving: the triangle (3) loses the clique (4 left). o5 leaving: o6, o7 (2) are cut off.
  Community c = clique_and_triangle();
  c.organizations.edit()[7].at_table = true;
  Network net(c);
  NetworkMetrics m = measure_network(c, net, {});
  REQUIRE(m.single_points.size() == 2);
  CHECK(m.single_points[0].organization == 4);
  CHECK(m.single_points[0].cut_off == 3);
  CHECK(m.single_points[0].cut_off_organizations == std::vector<uint32_t>{5, 6, 7});
  CHECK(m.single_points[0].sectors_cut_off == std::vector<SectorId>{1, 2, 3});
  CHECK(m.single_points[0].table_organizations_cut_off == 1);
  CHECK(m.single_points[1].organization == 5);
  CHECK(m.single_points[1].cut_off == 2);
  CHECK(m.single_points[1].cut_off_organizations == std::vector<uint32_t>{6, 7});
  CHECK(m.summary.articulation_points == 2);
  CHECK(m.summary.bridges == 1);
}

TEST_CASE("Brokers: whose departure cuts a sector off or disconnects pairs") {
  // Ordered pairs not involving o4, before: clique rest 12 pairs (sum 12), triangle 6 (6),
  // clique-rest <-> triangle 24 pairs: to o5 distance 2, to o6/o7 3: sum 64. Average 82/42.
  // After o4 leaves: 18 pairs at distance 1; 24/42 of the pairs lose contact.
  // For o5: before 78/42 (A: 20 pairs, {o6,o7}: 2, across 56 over 20 pairs); after 22 pairs, 20/42 lost.
  // Both cut health off from every other sector; o4 disconnects more.
  Community c = clique_and_triangle();
  Network net(c);
  NetworkMetrics m = measure_network(c, net, {});
  REQUIRE(m.brokers.size() == 2);
  CHECK(m.brokers[0].organization == 4);
  CHECK(m.brokers[0].sectors_cut_off == std::vector<SectorId>{0});
  CHECK(m.brokers[0].average_distance_before == Approx(82.0 / 42));
  CHECK(m.brokers[0].average_distance_after == Approx(1.0));
  CHECK(m.brokers[0].pairs_disconnected == Approx(24.0 / 42));
  CHECK(m.brokers[1].organization == 5);
  CHECK(m.brokers[1].average_distance_before == Approx(78.0 / 42));
  CHECK(m.brokers[1].pairs_disconnected == Approx(20.0 / 42));
}

TEST_CASE("Brokers' figures agree with plain searches on a generated network, on one thread or two") {
  // 1,500 organizations: every organization is a source (up to 2,000). For
  // the first brokers listed, the pairs and distances with and without them
  // are counted here by one plain breadth-first search per source.
  GenerateOptions gen;
  gen.organizations = 1500;
  gen.seed = 3;
  const Community c = generate_community(gen);
  const Network net(c);
  const uint32_t n = net.organization_count();
  MetricsOptions one;
  one.centrality.threads = 1;
  MetricsOptions two;
  two.centrality.threads = 2;
  const NetworkMetrics m = measure_network(c, net, one);
  REQUIRE(m.brokers.size() >= 3);
  // {sum of distances, count} over the ordered pairs not involving v, with v
  // still there to pass through or removed.
  auto pairs_without = [&](uint32_t v, bool removed) {
    std::pair<double, double> out{0, 0};
    std::vector<uint32_t> dist(n);
    for (uint32_t s = 0; s < n; ++s) {
      if (s == v) continue;
      std::fill(dist.begin(), dist.end(), UINT32_MAX);
      dist[s] = 0;
      std::vector<uint32_t> queue{s};
      for (size_t head = 0; head < queue.size(); ++head)
        for (uint32_t arc = net.offsets()[queue[head]]; arc < net.offsets()[queue[head] + 1]; ++arc) {
          const uint32_t w = net.targets()[arc];
          if ((removed && w == v) || dist[w] != UINT32_MAX) continue;
          dist[w] = dist[queue[head]] + 1;
          queue.push_back(w);
          if (w == v) continue;
          out.first += dist[w];
          out.second += 1;
        }
    }
    return out;
  };
  for (size_t i = 0; i < 3; ++i) {
    const Broker& b = m.brokers[i];
    INFO("broker " << b.organization);
    const auto before = pairs_without(b.organization, false), after = pairs_without(b.organization, true);
    CHECK(b.average_distance_before == Approx(before.first / before.second).epsilon(1e-12));
    CHECK(b.average_distance_after == Approx(after.first / after.second).epsilon(1e-12));
    CHECK(b.pairs_disconnected == Approx((before.second - after.second) / before.second).epsilon(1e-12));
  }
  const NetworkMetrics m2 = measure_network(c, net, two);
  REQUIRE(m2.brokers.size() == m.brokers.size());
  for (size_t i = 0; i < m.brokers.size(); ++i) {
    CHECK(m2.brokers[i].organization == m.brokers[i].organization);
    CHECK(m2.brokers[i].average_distance_after == m.brokers[i].average_distance_after);  // to the last bit
    CHECK(m2.brokers[i].pairs_lost == m.brokers[i].pairs_lost);
  }
}

TEST_CASE("Network summary by hand") {
  // 14 ties among 8: density 14/28. Degrees 4,4,4,4,5,3,2,2: Freeman (4*1 + 0 + 2 + 3 + 3) / (7*6).
  Community c = clique_and_triangle();
  Network net(c);
  NetworkSummary s = measure_network(c, net, {}).summary;
  CHECK(s.organizations == 8);
  CHECK(s.ties == 14);
  CHECK(s.density == Approx(0.5));
  CHECK(s.degree_centralization == Approx(12.0 / 42));
  CHECK(s.component_sizes == std::vector<uint32_t>{8});
  CHECK(s.isolates == 0);
  CHECK(s.communities == 2);
  // Sectors: 10 ties inside health, 4 across: E-I = (4 - 10) / 14.
  CHECK(s.sector_mix.ei() == Approx(-6.0 / 14));
}

TEST_CASE("Density and Freeman centralization match the classic networks") {
  for (auto [file, density, centralization] :
       {std::tuple{"krackhardt_kite.txt", 0.4000000000, 0.3333333333},
        std::tuple{"florentine_families.txt", 0.1666666667, 0.2666666667},
        std::tuple{"zachary_karate.txt", 0.1390374332, 0.3996212121}}) {
    INFO(file);
    Community c = read_classic(file);
    Network net(c);
    NetworkSummary s = measure_network(c, net, {}).summary;
    CHECK(s.density == Approx(density).epsilon(0).margin(1e-9));
    CHECK(s.degree_centralization == Approx(centralization).epsilon(0).margin(1e-9));
  }
}
