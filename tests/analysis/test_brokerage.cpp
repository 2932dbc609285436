// Gould-Fernandez brokerage counted by hand on small directed graphs; Burt's
// constraint and effective size against python3-igraph 0.10.2 / Borgatti's
// formula (tests/data/classic/reference.py); E-I and assortativity by hand
// and against igraph's assortativity_nominal.
#include <cmath>
#include <random>

#include "analysis/brokerage.hpp"
#include "classic_networks.hpp"
#include "core/synthetic.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {
std::vector<SectorId> sectors_of(const Community& c) {
  std::vector<SectorId> s;
  for (const Organization& o : c.organizations) s.push_back(o.sector);
  return s;
}
}  // namespace

TEST_CASE("Gould-Fernandez roles on small directed graphs, counted by hand") {
  // Sectors A=0, B=1, C=2. Separate little graphs, each showing one thing:
  //  o0(A) -> o1(A) -> o2(B) -> o3(B) -> o4(C):
  //     o1 brokers o0->o2 (A A B: representative), o2 brokers o1->o3 (A B B: gatekeeper),
  //     o3 brokers o2->o4 (B B C: representative).
  //  o5(A) -> o6(A) -> o7(A): coordinator for o6.
  //  o8(A) -> o9(B) -> o10(A): itinerant for o9.
  //  o11(A) -> o12(B) -> o13(C): liaison for o12.
  //  o14(A) -> o15(A) -> o16(A) with o14 -> o16: closed, nobody brokers.
  //  o17(A) - o18(B) - o19(C) undirected: o18 liaison twice (once each way).
  //  o20(A) - o21(A) - o22(B) undirected: o21 representative (20->21->22) and gatekeeper (22->21->20).
  //  o23(A) -> o24(B), o25(B), o26(C), o27(A); o24(B) -> o25(B), o28(C):
  //     via o24: 23->24->25 closed (23 -> 25), 23->24->28 liaison. (o23 has more contacts than
  //     o24, so the shorter-list branch is used.)
  std::vector<SectorId> s{0, 0, 1, 1, 2, 0, 0, 0, 0, 1, 0, 0, 1, 2, 0, 0, 0, 0, 1, 2, 0, 0, 1, 0, 1, 1, 2, 0, 2};
  Community c = make_community(uint32_t(s.size()), s, 3);
  add_tie(c, 0, 1, true);
  add_tie(c, 1, 2, true);
  add_tie(c, 2, 3, true);
  add_tie(c, 3, 4, true);
  add_tie(c, 5, 6, true);
  add_tie(c, 6, 7, true);
  add_tie(c, 8, 9, true);
  add_tie(c, 9, 10, true);
  add_tie(c, 11, 12, true);
  add_tie(c, 12, 13, true);
  add_tie(c, 14, 15, true);
  add_tie(c, 15, 16, true);
  add_tie(c, 14, 16, true);
  add_tie(c, 17, 18);
  add_tie(c, 18, 19);
  add_tie(c, 20, 21);
  add_tie(c, 21, 22);
  for (uint32_t t : {24, 25, 26, 27}) add_tie(c, 23, t, true);
  add_tie(c, 24, 25, true);
  add_tie(c, 24, 28, true);
  Network net(c);
  BrokerageReport r = gould_fernandez(net, sectors_of(c));
  const size_t n = s.size();
  std::vector<double> coordinator(n, 0), itinerant(n, 0), gatekeeper(n, 0), representative(n, 0), liaison(n, 0);
  representative[1] = 1;
  gatekeeper[2] = 1;
  representative[3] = 1;
  coordinator[6] = 1;
  itinerant[9] = 1;
  liaison[12] = 1;
  liaison[18] = 2;
  representative[21] = 1;
  gatekeeper[21] = 1;
  liaison[24] = 1;
  require_all_close(r.coordinator, coordinator);
  require_all_close(r.itinerant, itinerant);
  require_all_close(r.gatekeeper, gatekeeper);
  require_all_close(r.representative, representative);
  require_all_close(r.liaison, liaison);
  CHECK(r.total(21) == 2);
  CHECK(r.total(15) == 0);
}

TEST_CASE("A broker between two mutual ties does not broker a pair back to itself") {
  // o0(A) <-> o1(B) <-> o2(B) all undirected plus o0 - o2: a triangle, nobody brokers.
  // Remove o0 - o2: o1 brokers o0->o2 (A B B gatekeeper) and o2->o0 (B B A representative).
  Community c = make_community(3, {0, 1, 1}, 2);
  add_tie(c, 0, 1);
  add_tie(c, 1, 2);
  Network net(c);
  BrokerageReport r = gould_fernandez(net, sectors_of(c));
  require_all_close(r.gatekeeper, {0, 1, 0});
  require_all_close(r.representative, {0, 1, 0});
  require_all_close(r.coordinator, {0, 0, 0});
  add_tie(c, 0, 2);
  Network closed(c);
  BrokerageReport none = gould_fernandez(closed, sectors_of(c));
  CHECK(none.total(0) + none.total(1) + none.total(2) == 0);
}

TEST_CASE("Constraint and effective size match igraph / Borgatti on classic networks") {
  struct Case {
    const char* file;
    std::vector<double> constraint, effective;
  };
  std::vector<Case> cases{
      {"krackhardt_kite.txt",
       {0.5411979167, 0.5411979167, 0.6641358025, 0.4701697531, 0.4450888889, 0.6641358025, 0.4450888889,
        0.4311111111, 0.5000000000, 1.0000000000},
       {2.0000000000, 2.0000000000, 1.0000000000, 3.3333333333, 3.0000000000, 1.0000000000, 3.0000000000,
        2.3333333333, 2.0000000000, 1.0000000000}},
      {"florentine_families.txt",
       {1.0000000000, 0.2098765432, 0.4822530864, 0.6558641975, 0.4583333333, 0.5000000000, 0.4598765432,
        0.4598765432, 0.3333333333, 0.5000000000, 1.0000000000, 0.4822530864, 0.2500000000, 1.0000000000,
        1.0000000000, kNaN},
       {1.0000000000, 5.6666666667, 2.3333333333, 1.6666666667, 3.0000000000, 2.0000000000, 2.3333333333,
        2.3333333333, 3.0000000000, 2.0000000000, 1.0000000000, 2.3333333333, 4.0000000000, 1.0000000000,
        1.0000000000, kNaN}},
      {"zachary_karate.txt",
       {0.1554232976, 0.2795351080, 0.1851766397, 0.3966596472, 0.5294174383, 0.4774848090, 0.4774848090,
        0.4427115885, 0.3036007137, 0.5294174383, 1.0000000000, 0.6225043403, 0.3233354167, 0.5908685378,
        0.3737193501, 0.5908685378, 0.2445754037, 0.3460064639, 0.2850692042, 0.3869131531, 0.2492233623,
        0.5000000000, 0.7812500000, 0.1564186851, 0.5736795944, 0.5736795944, 0.5736795944, 0.5736795944,
        0.5736795944, 0.3058237216, 0.4598765432, 0.4494090013, 0.4598765432, 0.6709018166},
       {13.7500000000, 6.3333333333, 7.8000000000, 2.6666666667, 1.6666666667, 2.5000000000, 2.5000000000,
        1.0000000000, 3.0000000000, 1.6666666667, 1.0000000000, 1.0000000000, 2.6000000000, 1.0000000000,
        2.3333333333, 1.0000000000, 5.0000000000, 2.5000000000, 3.5000000000, 2.3333333333, 9.8333333333,
        2.0000000000, 1.0000000000, 15.2352941176, 1.0000000000, 1.0000000000, 1.0000000000, 1.0000000000,
        1.0000000000, 3.4000000000, 2.3333333333, 2.0000000000, 2.3333333333, 1.0000000000}},
  };
  for (const Case& k : cases) {
    INFO(k.file);
    Community c = read_classic(k.file);
    Network net(c);
    StructuralHoles h = structural_holes(net);
    require_all_close(h.constraint, k.constraint);
    require_all_close(h.effective_size, k.effective);
  }
}

TEST_CASE("Weighted constraint: a strong tie constrains more") {
  // Star o0 - o1 (strength 3), o0 - o2 (strength 1): p01 = 3/4, p02 = 1/4, no indirect paths.
  // constraint(o0) = (3/4)^2 + (1/4)^2 = 0.625; effective size = 2 (contacts not tied).
  Community c = make_community(3);
  add_tie(c, 0, 1, false, 3);
  add_tie(c, 0, 2, false, 1);
  Network net(c);
  StructuralHoles h = structural_holes(net, true);
  CHECK(h.constraint[0] == Approx(0.625));
  CHECK(h.effective_size[0] == Approx(2.0));
  CHECK(structural_holes(net, false).constraint[0] == Approx(0.5));
}

TEST_CASE("E-I index and assortativity by sector, by hand") {
  // Sectors [0,0,1,1,2]; ties 0-1 (inside 0), 2-3 (inside 1), 1-2, 3-4, 0-4 (across).
  // Whole: I=2, E=3: EI = 1/5. Sector 0: I=1, E=2: 1/3; sector 1: 1/3; sector 2: I=0, E=2: 1.
  // Assortativity: trace e = 4/10, a = (.4, .4, .2), sum a^2 = .36: r = .04 / .64 = 0.0625.
  Community c = make_community(5, {0, 0, 1, 1, 2}, 3);
  add_tie(c, 0, 1);
  add_tie(c, 2, 3);
  add_tie(c, 1, 2);
  add_tie(c, 3, 4);
  add_tie(c, 0, 4);
  Network net(c);
  MixingReport m = sector_mixing(net, sectors_of(c), 3);
  CHECK(m.whole.internal == 2);
  CHECK(m.whole.external == 3);
  CHECK(m.whole.ei() == Approx(0.2));
  CHECK(m.per_sector[0].ei() == Approx(1.0 / 3));
  CHECK(m.per_sector[1].ei() == Approx(1.0 / 3));
  CHECK(m.per_sector[2].ei() == Approx(1.0));
  CHECK(m.assortativity == Approx(0.0625));
  // Within groups {0,1,2} and {3,4}: 0-1 same sector, 1-2 across; 3-4 across.
  auto within = sector_mixing_within(net, sectors_of(c), {0, 0, 0, 1, 1}, 2);
  CHECK(within[0].internal == 1);
  CHECK(within[0].external == 1);
  CHECK(within[0].ei() == Approx(0.0));
  CHECK(within[1].ei() == Approx(1.0));
  CHECK(std::isnan(TieMix{}.ei()));
}

TEST_CASE("Sector assortativity matches igraph's assortativity_nominal") {
  // Groups: organization row mod 3.
  for (auto [file, expected] : {std::pair{"krackhardt_kite.txt", -0.2980769231},
                                std::pair{"florentine_families.txt", -0.3559322034},
                                std::pair{"zachary_karate.txt", -0.1056828250}}) {
    INFO(file);
    Community c = read_classic(file);
    std::vector<SectorId> groups;
    for (uint32_t v = 0; v < c.organizations.size(); ++v) groups.push_back(SectorId(v % 3));
    Network net(c);
    CHECK(sector_mixing(net, groups, 3).assortativity == Approx(expected).epsilon(0).margin(1e-9));
  }
}

TEST_CASE("Brokerage and constraint are the same on one thread and on two, and from a shared listing") {
  // 30,000 generated organizations: the work is shared out in chunks of
  // 4,096 organizations, so two threads really split it; every figure
  // depends on its own organization only and must match to the last bit,
  // as it must when the triangles are listed once and handed to both.
  GenerateOptions gen;
  gen.organizations = 30000;
  gen.seed = 5;
  const Community c = generate_community(gen);
  const Network net(c);
  auto check_same_brokerage = [](const BrokerageReport& a, const BrokerageReport& b) {
    CHECK(a.coordinator == b.coordinator);
    CHECK(a.itinerant == b.itinerant);
    CHECK(a.gatekeeper == b.gatekeeper);
    CHECK(a.representative == b.representative);
    CHECK(a.liaison == b.liaison);
  };
  // Organizations whose constraint or effective size differ (NaN equals NaN).
  auto differing = [&](const StructuralHoles& a, const StructuralHoles& b) {
    size_t differ = 0;
    for (uint32_t v = 0; v < net.organization_count(); ++v) {
      const bool both_nan = std::isnan(a.constraint[v]) && std::isnan(b.constraint[v]);
      if (!both_nan && (a.constraint[v] != b.constraint[v] || a.effective_size[v] != b.effective_size[v])) ++differ;
    }
    return differ;
  };
  const BrokerageReport one = gould_fernandez(net, sectors_of(c), 1), two = gould_fernandez(net, sectors_of(c), 2);
  check_same_brokerage(one, two);
  uint64_t brokered = 0;
  for (uint32_t v = 0; v < net.organization_count(); ++v) brokered += one.total(v);
  CHECK(brokered > 0);
  const StructuralHoles h1 = structural_holes(net, false, false, 1), h2 = structural_holes(net, false, false, 2);
  CHECK(differing(h1, h2) == 0);

  const std::vector<Triangle> triangles = list_triangles(net);
  CHECK(triangles.size() > 1000);
  check_same_brokerage(gould_fernandez(net, sectors_of(c), 2, &triangles), one);
  CHECK(differing(structural_holes(net, false, false, 2, &triangles), h1) == 0);
}

namespace {
// A network with triangles, a hub, directed ties and strengths 1 to 3:
// 300 organizations in 4 sectors, ties between near rows, o0 tied to every
// fifth organization.
Community mixed_community() {
  const uint32_t n = 300;
  std::vector<SectorId> sectors;
  std::mt19937 rng(11);
  for (uint32_t i = 0; i < n; ++i) sectors.push_back(SectorId(rng() % 4));
  Community c = make_community(n, sectors, 4);
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t j = i + 1; j < n && j < i + 8; ++j)
      if (rng() % 3 == 0) add_tie(c, rng() % 2 ? i : j, rng() % 2 ? j : i, rng() % 2 == 0, uint8_t(1 + rng() % 3));
  for (uint32_t j = 5; j < n; j += 5) add_tie(c, 0, j, rng() % 2 == 0, uint8_t(1 + rng() % 3));
  return c;
}
}  // namespace

TEST_CASE("Brokerage counted from triangles equals the definition, pair by pair") {
  // The definition: for every b, every a flowing to b and every c that b
  // flows to, c != a, with no flow a -> c, one count of the role.
  const Community c = mixed_community();
  const Network net(c);
  const uint32_t n = net.organization_count();
  std::vector<std::vector<bool>> flow(n, std::vector<bool>(n, false));
  for (const Relationship& r : net.relationships()) {
    flow[r.a][r.b] = r.a_to_b;
    flow[r.b][r.a] = r.b_to_a;
  }
  const std::vector<SectorId> s = sectors_of(c);
  std::vector<std::vector<double>> expected(5, std::vector<double>(n, 0));  // coordinator .. liaison
  for (uint32_t b = 0; b < n; ++b)
    for (uint32_t a = 0; a < n; ++a)
      for (uint32_t d = 0; d < n; ++d) {
        if (a == d || !flow[a][b] || !flow[b][d] || flow[a][d]) continue;
        const int role = s[a] == s[b] && s[b] == s[d] ? 0 : s[a] == s[d] ? 1 : s[a] == s[b] ? 2 : s[b] == s[d] ? 3 : 4;
        ++expected[size_t(role)][b];
      }
  const BrokerageReport r = gould_fernandez(net, s, 2);
  require_all_close(r.coordinator, expected[0]);
  require_all_close(r.itinerant, expected[1]);
  require_all_close(r.representative, expected[2]);
  require_all_close(r.gatekeeper, expected[3]);
  require_all_close(r.liaison, expected[4]);
  double all = 0;
  for (const std::vector<double>& role : expected)
    for (double k : role) all += k;
  CHECK(all > 1000);
}

TEST_CASE("Constraint and effective size from triangles equal Burt's sums, weighted and directed") {
  // Burt's sums over every pair of contacts, on the whole matrix of mutual weights.
  const Community c = mixed_community();
  const Network net(c);
  const uint32_t n = net.organization_count();
  for (bool weighted : {false, true})
    for (bool directed : {false, true}) {
      INFO("weighted " << weighted << ", directed " << directed);
      std::vector<std::vector<double>> m(n, std::vector<double>(n, 0));
      for (const Relationship& r : net.relationships()) {
        const double w = weighted ? r.weight() : 1.0;
        m[r.a][r.b] = m[r.b][r.a] = directed ? w * (r.a_to_b + r.b_to_a) : 2 * w;
      }
      std::vector<double> total(n, 0), largest(n, 0);
      for (uint32_t i = 0; i < n; ++i)
        for (uint32_t j = 0; j < n; ++j) {
          total[i] += m[i][j];
          largest[i] = std::max(largest[i], m[i][j]);
        }
      std::vector<double> constraint(n, kNaN), effective(n, kNaN);
      for (uint32_t i = 0; i < n; ++i) {
        if (total[i] == 0) continue;
        constraint[i] = effective[i] = 0;
        for (uint32_t j = 0; j < n; ++j) {
          if (m[i][j] == 0) continue;
          double indirect = 0, redundant = 0;
          for (uint32_t q = 0; q < n; ++q) {
            if (q == i || q == j || m[i][q] == 0 || m[q][j] == 0) continue;
            indirect += m[i][q] / total[i] * m[q][j] / total[q];
            redundant += m[i][q] / total[i] * m[j][q] / largest[j];
          }
          constraint[i] += (m[i][j] / total[i] + indirect) * (m[i][j] / total[i] + indirect);
          effective[i] += 1 - redundant;
        }
      }
      const StructuralHoles h = structural_holes(net, weighted, directed, 2);
      require_all_close(h.constraint, constraint, 1e-12);
      require_all_close(h.effective_size, effective, 1e-12);
    }
}
