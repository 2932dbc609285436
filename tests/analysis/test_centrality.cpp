// Centrality on classic networks against python3-igraph 0.10.2, and on small
// graphs computed by hand. The literals below were printed by
// tests/data/classic/reference.py (rows in order of first mention in the
// edge-list files); that script says how igraph's conventions map onto ours.
#include <numeric>
#include <set>

#include "analysis/centrality.hpp"
#include "analysis/betweenness_sampling.hpp"
#include "core/synthetic.hpp"
#include "classic_networks.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {
struct Expected {
  std::vector<double> degree, betweenness, closeness, harmonic, eigenvector, pagerank, core;
};

void check_network(const std::string& file, const Expected& e) {
  Community c = read_classic(file);
  Network net(c);
  CentralityOptions options;
  CentralityResult r = compute_centrality(net, options);
  SECTION("degree") { require_all_close(r.degree, e.degree); }
  SECTION("betweenness (raw, exact)") {
    REQUIRE_FALSE(r.paths.sampled);
    require_all_close(r.paths.betweenness, e.betweenness);
  }
  SECTION("betweenness_norm = raw / ((n-1)(n-2)/2)") {
    const double n = double(net.organization_count());
    std::vector<double> norm;
    for (double b : e.betweenness) norm.push_back(b / ((n - 1) * (n - 2) / 2));
    require_all_close(r.paths.betweenness_norm, norm);
  }
  SECTION("closeness (Wasserman-Faust)") { require_all_close(r.paths.closeness, e.closeness); }
  SECTION("harmonic") { require_all_close(r.paths.harmonic, e.harmonic); }
  SECTION("eigenvector, unit norm") {
    REQUIRE(r.eigenvector.converged);
    require_all_close(r.eigenvector.values, e.eigenvector);
  }
  SECTION("pagerank, sums to 1") {
    REQUIRE(r.pagerank.converged);
    require_all_close(r.pagerank.values, e.pagerank);
    CHECK(std::accumulate(r.pagerank.values.begin(), r.pagerank.values.end(), 0.0) == Approx(1.0).margin(1e-9));
  }
  SECTION("core numbers") { require_all_close(r.core, e.core); }
}
}  // namespace

TEST_CASE("Krackhardt kite centrality matches igraph") {
  check_network("krackhardt_kite.txt",
                {
                    {4, 4, 3, 6, 5, 3, 5, 3, 2, 1},
                    {0.8333333333, 0.8333333333, 0.0000000000, 3.6666666667, 8.3333333333, 0.0000000000,
                     8.3333333333, 14.0000000000, 8.0000000000, 0.0000000000},
                    {0.5294117647, 0.5294117647, 0.5000000000, 0.6000000000, 0.6428571429, 0.5000000000,
                     0.6428571429, 0.6000000000, 0.4285714286, 0.3103448276},
                    {6.0833333333, 6.0833333333, 5.5833333333, 7.0833333333, 6.8333333333, 5.5833333333,
                     6.8333333333, 6.0000000000, 4.6666666667, 3.4166666667},
                    {0.3522093968, 0.3522093968, 0.2858349914, 0.4810208583, 0.3976906365, 0.2858349914,
                     0.3976906365, 0.1958605830, 0.0480734850, 0.0111632553},
                    {0.1019199130, 0.1019199130, 0.0794181140, 0.1471479163, 0.1289069276, 0.0794181140,
                     0.1289069276, 0.0952482868, 0.0856939563, 0.0514199314},
                    {3, 3, 3, 3, 3, 3, 3, 2, 1, 1},
                });
}

TEST_CASE("Florentine families centrality matches igraph (Pucci isolated)") {
  // Rows: Acciaiuoli Medici Castellani Peruzzi Strozzi Barbadori Ridolfi Tornabuoni
  //       Albizzi Salviati Pazzi Bischeri Guadagni Ginori Lamberteschi Pucci.
  // Medici's raw betweenness 47.5 is also the published value.
  check_network(
      "florentine_families.txt",
      {
          {1, 6, 3, 3, 4, 2, 3, 3, 3, 2, 1, 3, 4, 1, 1, 0},
          {0.0000000000, 47.5000000000, 5.0000000000, 2.0000000000, 9.3333333333, 8.5000000000, 10.3333333333,
           8.3333333333, 19.3333333333, 13.0000000000, 0.0000000000, 9.5000000000, 23.1666666667, 0.0000000000,
           0.0000000000, 0.0000000000},
          {0.3438596491, 0.5226666667, 0.3629629630, 0.3438596491, 0.4083333333, 0.4083333333, 0.4666666667,
           0.4505747126, 0.4505747126, 0.3629629630, 0.2666666667, 0.3733333333, 0.4355555556, 0.3111111111,
           0.3038759690, 0.0000000000},
          {5.9166666667, 9.5000000000, 6.9166666667, 6.7833333333, 7.8333333333, 7.0833333333, 8.0000000000,
           7.8333333333, 7.8333333333, 6.5833333333, 4.7666666667, 7.2000000000, 8.0833333333, 5.3333333333,
           5.3666666667, 0.0000000000},
          {0.1321542947, 0.4303080940, 0.2590261672, 0.2757303736, 0.3559804484, 0.2117052512, 0.3415526441,
           0.3258423011, 0.2439561092, 0.1459171965, 0.0448134359, 0.2828000865, 0.2891155990, 0.0749227077,
           0.0887918880, 0.0000000000},
          {0.0303538984, 0.1443734703, 0.0686437382, 0.0672032772, 0.0872261768, 0.0498029575, 0.0688854124,
           0.0705739464, 0.0783388642, 0.0606962661, 0.0356969032, 0.0681799957, 0.0974235974, 0.0320970016,
           0.0306035045, 0.0099009901},
          {1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2, 1, 1, 0},
      });
}

TEST_CASE("Zachary karate club centrality matches igraph") {
  // Rows: 0 1 2 3 4 5 6 7 8 10 11 12 13 17 19 21 31 30 27 28 32 9 16 33 14 15 18 20 22 23 25 29 24 26
  // (igraph's vertex numbers in order of first mention).
  check_network(
      "zachary_karate.txt",
      {
          {16, 9, 10, 6, 3, 4, 4, 4, 5, 3, 1, 2, 5, 2, 3, 2, 6, 4, 4, 3, 12, 2, 2, 17, 2, 2, 2, 2, 2, 5, 3, 4, 3, 2},
          {231.0714285714, 28.4785714286, 75.8507936508, 6.2880952381, 0.3333333333, 15.8333333333, 15.8333333333,
           0.0000000000, 29.5293650794, 0.3333333333, 0.0000000000, 0.0000000000, 24.2158730159, 0.0000000000,
           17.1468253968, 0.0000000000, 73.0095238095, 7.6095238095, 11.7920634921, 0.9476190476, 76.6904761905,
           0.4476190476, 0.0000000000, 160.5515873016, 0.0000000000, 0.0000000000, 0.0000000000, 0.0000000000,
           0.0000000000, 9.3000000000, 2.0277777778, 1.5428571429, 1.1666666667, 0.0000000000},
          {0.5689655172, 0.4852941176, 0.5593220339, 0.4647887324, 0.3793103448, 0.3837209302, 0.3837209302,
           0.4400000000, 0.5156250000, 0.3793103448, 0.3666666667, 0.3707865169, 0.5156250000, 0.3750000000,
           0.5000000000, 0.3750000000, 0.5409836066, 0.4583333333, 0.4583333333, 0.4520547945, 0.5156250000,
           0.4342105263, 0.2844827586, 0.5500000000, 0.3707865169, 0.3707865169, 0.3707865169, 0.3707865169,
           0.3707865169, 0.3928571429, 0.3750000000, 0.3837209302, 0.3750000000, 0.3626373626},
          {23.1666666667, 19.1666666667, 21.0000000000, 17.6666666667, 14.6666666667, 15.1666666667, 15.1666666667,
           16.4166666667, 18.5000000000, 14.6666666667, 13.5000000000, 14.0000000000, 18.5000000000, 14.1666666667,
           17.5000000000, 14.1666666667, 19.3333333333, 16.9166666667, 16.9166666667, 16.4166666667, 20.9166666667,
           15.5833333333, 11.1000000000, 23.2500000000, 14.2000000000, 14.2000000000, 14.2000000000, 14.2000000000,
           14.2000000000, 16.0333333333, 13.9166666667, 15.3666666667, 13.9166666667, 13.9500000000},
          {0.3554914445, 0.2659599196, 0.3171925045, 0.2111797204, 0.0759688182, 0.0794830451, 0.0794830451,
           0.1709597480, 0.2274039071, 0.0759688182, 0.0528556975, 0.0842546287, 0.2264727201, 0.0923995382,
           0.1479125103, 0.0923995382, 0.1910338414, 0.1747583023, 0.1334771534, 0.1310778230, 0.3086442198,
           0.1026742507, 0.0236356281, 0.3733634703, 0.1014032622, 0.1014032622, 0.1014032622, 0.1014032622,
           0.1014032622, 0.1501185719, 0.0592064749, 0.1349608193, 0.0570524405, 0.0755794135},
          {0.0969972854, 0.0528769241, 0.0570785095, 0.0358598578, 0.0219779524, 0.0291111547, 0.0291111547,
           0.0244904970, 0.0297660561, 0.0219779524, 0.0095647455, 0.0146448920, 0.0295364562, 0.0145586772,
           0.0196046363, 0.0145586772, 0.0371580871, 0.0245901552, 0.0256397675, 0.0195734595, 0.0716932260,
           0.0143093971, 0.0167840054, 0.1009191823, 0.0145359940, 0.0145359940, 0.0145359940, 0.0145359940,
           0.0145359940, 0.0315225148, 0.0210061974, 0.0262885377, 0.0210760336, 0.0150440381},
          {4, 4, 4, 4, 3, 3, 3, 4, 4, 3, 1, 2, 4, 2, 3, 2, 3, 4, 3, 3, 4, 2, 2, 4, 2, 2, 2, 2, 2, 3, 3, 3, 3, 2},
      });
}

TEST_CASE("Two threads give the same betweenness as one") {
  Community c = read_classic("zachary_karate.txt");
  Network net(c);
  CentralityOptions one, two;
  one.threads = 1;
  two.threads = 2;
  require_all_close(path_measures(net, two).betweenness, path_measures(net, one).betweenness, 1e-9);
}

TEST_CASE("Directed betweenness and closeness follow the ties' direction") {
  // o0 -> o1 -> o2, plus an undirected tie o2 - o3.
  // Ordered pairs through o1: (0,2), (0,3); through o2: (0,3), (1,3). o3 -> o2 flows, o2 -> o1 does not.
  // Closeness (distances *to* v, NetworkX): o2 is reached from o0 (2), o1 (1), o3 (1):
  //   (3/4) * (3/3) = 0.75; o0 is reached by nobody: 0.
  Community c = make_community(4);
  add_tie(c, 0, 1, true);
  add_tie(c, 1, 2, true);
  add_tie(c, 2, 3, false);
  Network net(c);
  CentralityOptions options;
  options.directed = true;
  PathMeasures p = path_measures(net, options);
  require_all_close(p.betweenness, {0, 2, 2, 0});
  // betweenness_norm divides by (n-1)(n-2) = 6 when directed.
  require_all_close(p.betweenness_norm, {0, 2.0 / 6, 2.0 / 6, 0});
  // o3: reached from o2 (1), o1 (2), o0 (3): (3/6) * (3/3) = 0.5.
  require_all_close(p.closeness, {0, 1.0 / 3, 0.75, 0.5});
  // o1 reached only from o0 at distance 1: (1/1) * (1/3).
  require_all_close(p.harmonic, {0, 1, 1 + 1 + 0.5, 1 + 0.5 + 1.0 / 3});
}

TEST_CASE("Closeness and harmonic alone search many sources at once, with the same figures") {
  // Without betweenness, closeness and harmonic come from searches of up to
  // 64 sources at once (one bit each); with it, from one Brandes search per
  // source. 70 pivots: batches of 64 and 6 on one thread, 35 and 35 on two.
  GenerateOptions gen;
  gen.organizations = 3000;
  gen.seed = 9;
  Network net(generate_community(gen));
  CentralityOptions brandes;
  for (uint32_t i = 0; i < 70; ++i) brandes.pivot_list.push_back(i * 41 % 3000);
  CentralityOptions batched = brandes;
  batched.measures = MeasureSet::none().add(Measure::closeness).add(Measure::harmonic);
  for (int threads : {1, 2}) {
    INFO(threads << " threads");
    brandes.threads = batched.threads = threads;
    const PathMeasures a = path_measures(net, brandes), b = path_measures(net, batched);
    REQUIRE(b.betweenness.empty());
    uint32_t reached = 0;
    for (uint32_t v = 0; v < net.organization_count(); ++v) {
      INFO("organization " << v);
      REQUIRE(b.closeness[v] == Approx(a.closeness[v]).epsilon(1e-12));
      REQUIRE(b.harmonic[v] == Approx(a.harmonic[v]).epsilon(1e-12));
      reached += a.closeness[v] > 0;
    }
    CHECK(reached > 2900);  // not a comparison of two empty results
  }
  SECTION("directed: the hand-worked network above, closeness and harmonic alone") {
    Community c = make_community(4);
    add_tie(c, 0, 1, true);
    add_tie(c, 1, 2, true);
    add_tie(c, 2, 3, false);
    Network small(c);
    CentralityOptions options;
    options.directed = true;
    options.measures = batched.measures;
    PathMeasures p = path_measures(small, options);
    require_all_close(p.closeness, {0, 1.0 / 3, 0.75, 0.5});
    require_all_close(p.harmonic, {0, 1, 1 + 1 + 0.5, 1 + 0.5 + 1.0 / 3});
  }
}

TEST_CASE("Weighted paths treat a strong tie as short") {
  // o0 - o1 strength 1 (length 1); o0 - o2 and o2 - o1 strength 3 (length 1/3 each):
  // o0 reaches o1 through o2 (2/3 < 1), so o2 lies on that one path.
  Community c = make_community(3);
  add_tie(c, 0, 1, false, 1);
  add_tie(c, 0, 2, false, 3);
  add_tie(c, 2, 1, false, 3);
  Network net(c);
  CentralityOptions options;
  PathMeasures plain = path_measures(net, options);
  require_all_close(plain.betweenness, {0, 0, 0});
  options.weighted = true;
  PathMeasures weighted = path_measures(net, options);
  require_all_close(weighted.betweenness, {0, 0, 1});
  // o0: distances 2/3 (o1) and 1/3 (o2): closeness 2 / 1 = 2, harmonic 1.5 + 3.
  CHECK(weighted.closeness[0] == Approx(2.0));
  CHECK(weighted.harmonic[0] == Approx(4.5));
  // Strength-weighted PageRank and eigenvector still sum to 1 / have unit norm.
  IterationResult pr = pagerank(net, options);
  CHECK(std::accumulate(pr.values.begin(), pr.values.end(), 0.0) == Approx(1.0));
  IterationResult ev = eigenvector_centrality(net, options);
  double squares = 0;
  for (double x : ev.values) squares += x * x;
  CHECK(squares == Approx(1.0));
  // o2 holds both strong ties: the most central either way.
  CHECK(ev.values[2] > ev.values[0]);
  CHECK(pr.values[2] > pr.values[1]);
}

TEST_CASE("One-pivot estimates average to the exact betweenness") {
  // The estimate from pivot s is n * (dependencies of s) / 2; averaged over all n
  // possible pivots it is the exact value, so the scaling is checked exactly.
  Community c = read_classic("zachary_karate.txt");
  Network net(c);
  const uint32_t n = net.organization_count();
  PathMeasures exact = path_measures(net, {});
  std::vector<double> average(n, 0);
  for (uint32_t s = 0; s < n; ++s) {
    CentralityOptions one;
    one.pivot_list = {s};
    PathMeasures estimate = path_measures(net, one);
    REQUIRE(estimate.sampled);
    for (uint32_t v = 0; v < n; ++v) average[v] += estimate.betweenness[v] / n;
  }
  require_all_close(average, exact.betweenness, 1e-9);
}

TEST_CASE("Sampled closeness and harmonic scale up what the pivots see") {
  // Path o0 - o1 - o2, pivot o0. Harmonic: (n-1)/k * 1/d: o1 2, o2 1; o0 sees no other pivot: 0.
  // Closeness: (r/sum) * (r/k'): o1 1 * 1 = 1, o2 (1/2) * 1 = 0.5.
  // Betweenness: n/k * dependency(o0 on o1 = 1) / 2 = 1.5.
  Community c = make_community(3);
  add_tie(c, 0, 1);
  add_tie(c, 1, 2);
  Network net(c);
  CentralityOptions options;
  options.pivot_list = {0};
  PathMeasures p = path_measures(net, options);
  require_all_close(p.harmonic, {0, 2, 1});
  require_all_close(p.closeness, {0, 1, 0.5});
  require_all_close(p.betweenness, {0, 1.5, 0});
}

TEST_CASE("Above the exact limit betweenness is sampled, with its error bound") {
  Community c = read_classic("zachary_karate.txt");
  Network net(c);
  CentralityOptions options;
  options.exact_limit = 20;
  options.pivots = 10;
  options.betweenness_epsilon = 0.05;
  options.betweenness_delta = 0.1;
  PathMeasures p = path_measures(net, options);
  REQUIRE(p.sampled);
  CHECK(p.pivots == 10);  // closeness and harmonic
  // Betweenness from sampled paths: the bound asked for, at 90%, with the
  // Riondato-Kornaropoulos sample size for the karate club's diameter bound
  // (a search from organization 0 reaches everybody within 3 steps: 2*3+1 = 7),
  // computed for epsilon * (n-2)/n = 0.05 * 32/34 on the ordered-pair scale.
  CHECK(p.betweenness_error == 0.05);
  CHECK(p.confidence == Approx(0.9));
  CHECK(p.vertex_diameter_bound == 7);
  CHECK(p.betweenness_samples == rk_sample_size(7, 0.05 * 32 / 34, 0.1));
  options.force_exact = true;
  PathMeasures exact = path_measures(net, options);
  CHECK_FALSE(exact.sampled);
  CHECK(exact.betweenness_error == 0);
  // The bound holds against the exact values (the seed is fixed, so this is one draw).
  for (size_t v = 0; v < exact.betweenness_norm.size(); ++v)
    CHECK(std::abs(p.betweenness_norm[v] - exact.betweenness_norm[v]) <= 0.05);
  // The same seed picks the same pivots and paths.
  options.force_exact = false;
  CHECK(path_measures(net, options).betweenness == p.betweenness);
}

TEST_CASE("Two threads give the same betweenness to the last bit on every run") {
  // Regression: the threads used to take the next free source, so which
  // thread summed which source, and the rounding, changed from run to run.
  Community c = read_classic("zachary_karate.txt");
  Network net(c);
  CentralityOptions options;
  options.threads = 2;
  options.force_exact = true;
  const PathMeasures first = path_measures(net, options);
  for (int run = 0; run < 20; ++run) {
    const PathMeasures again = path_measures(net, options);
    REQUIRE(again.betweenness == first.betweenness);
    REQUIRE(again.closeness == first.closeness);
    REQUIRE(again.harmonic == first.harmonic);
  }
}

TEST_CASE("Core numbers peel a triangle with a tail") {
  // Triangle o0 o1 o2 (2-core), o3 hangs on o2 (1-core), o4 alone (0).
  Community c = make_community(5);
  add_tie(c, 0, 1);
  add_tie(c, 1, 2);
  add_tie(c, 2, 0);
  add_tie(c, 2, 3);
  Network net(c);
  require_all_close(core_numbers(net), {2, 2, 2, 1, 0});
}

TEST_CASE("Core numbers peeled level by level on two threads equal peeling one organization at a time") {
  // The definition: remove an organization of least remaining degree, again
  // and again; an organization's core number is the largest such degree
  // seen up to its removal. 60,000 generated organizations (hubs, and ties
  // both within and across the two threads' halves) and a clique of 30.
  GenerateOptions gen;
  gen.organizations = 60000;
  gen.seed = 9;
  Community c = generate_community(gen);
  for (uint32_t a = 0; a < 30; ++a)
    for (uint32_t b = a + 1; b < 30; ++b) add_tie(c, 100 + a * 1999, 100 + b * 1999);
  const Network net(c);
  const uint32_t n = net.organization_count();
  std::vector<uint32_t> degree(n), expected(n);
  std::vector<bool> removed(n, false);
  std::set<std::pair<uint32_t, uint32_t>> queue;
  for (uint32_t v = 0; v < n; ++v) queue.insert({degree[v] = net.degree(v), v});
  uint32_t k = 0;
  while (!queue.empty()) {
    const auto [d, v] = *queue.begin();
    queue.erase(queue.begin());
    k = std::max(k, d);
    expected[v] = k;
    removed[v] = true;
    for (uint32_t arc = net.offsets()[v]; arc < net.offsets()[v + 1]; ++arc) {
      const uint32_t u = net.targets()[arc];
      if (removed[u]) continue;
      queue.erase({degree[u], u});
      queue.insert({--degree[u], u});
    }
  }
  CHECK(k >= 29);  // the clique
  CHECK(core_numbers(net, 2) == expected);
  CHECK(core_numbers(net, 1) == expected);
}

TEST_CASE("Searching a renumbered copy of the network gives the same measures") {
  // Large networks are searched renumbered in breadth-first order; force
  // that on a small generated one and compare with the plain search.
  GenerateOptions gen;
  gen.organizations = 3000;
  gen.seed = 5;
  Network net(generate_community(gen));
  CentralityOptions plain;
  plain.pivot_list = {0, 17, 400, 1234, 2999, 77, 1500, 2222};
  plain.renumber_from = UINT32_MAX;
  CentralityOptions renumbered = plain;
  renumbered.renumber_from = 0;
  const PathMeasures a = path_measures(net, plain), b = path_measures(net, renumbered);
  REQUIRE(a.sampled);
  REQUIRE(b.sampled);
  uint32_t nonzero = 0;
  for (uint32_t v = 0; v < net.organization_count(); ++v) {
    INFO("organization " << v);
    REQUIRE(b.betweenness[v] == Approx(a.betweenness[v]).epsilon(1e-12).margin(1e-9));
    REQUIRE(b.closeness[v] == Approx(a.closeness[v]).epsilon(1e-12));
    REQUIRE(b.harmonic[v] == Approx(a.harmonic[v]).epsilon(1e-12));
    nonzero += a.betweenness[v] > 0;
  }
  CHECK(nonzero > 1000);  // the comparison is not between two empty results
}

TEST_CASE("PageRank with an organization that has no tie, worked by hand") {
  // o0 - o1, o2 alone. o2's rank goes to everybody: with d = 0.85,
  // p2 = (1 - d)/3 + d p2 / 3, so p2 = (1 - d) / (3 - d) = 0.15 / 2.15;
  // p0 = p1 = (1 - p2) / 2. Weighted with every strength 1, the same.
  Community c = make_community(3);
  add_tie(c, 0, 1);
  Network net(c);
  const double p2 = 0.15 / 2.15, p0 = (1 - p2) / 2;
  IterationResult plain = pagerank(net, CentralityOptions{});
  REQUIRE(plain.converged);
  // Iteration stops when an L1 change falls below 1e-10: that close, not exact.
  require_all_close(plain.values, {p0, p0, p2}, 1e-9);
  CentralityOptions weighted;
  weighted.weighted = true;
  IterationResult general = pagerank(net, weighted);
  require_all_close(general.values, plain.values, 1e-12);
}

TEST_CASE("PageRank unweighted equals PageRank weighted by strength 1 on a large network, in two threads") {
  // 60,000 organizations: above the size where the iteration splits over threads.
  GenerateOptions g;
  g.organizations = 60000;
  g.seed = 7;
  Community c = generate_community(g);
  for (Tie& t : c.ties.edit()) t.strength = 1;  // weighted by strength 1 = unweighted
  Network net(c);
  CentralityOptions two;
  two.threads = 2;
  IterationResult plain = pagerank(net, two);
  CentralityOptions weighted = two;
  weighted.weighted = true;
  IterationResult general = pagerank(net, weighted);
  REQUIRE(plain.converged);
  CHECK(std::abs(plain.iterations - general.iterations) <= 1);
  require_all_close(plain.values, general.values, 1e-12);
  CHECK(std::accumulate(plain.values.begin(), plain.values.end(), 0.0) == Approx(1.0).margin(1e-9));
  // The same to the last bit, run again with the same threads.
  CHECK(pagerank(net, two).values == plain.values);
}

TEST_CASE("PageRank of a star, worked by hand") {
  // Centre o0, leaves o1..o3 (n = 4): every leaf passes all its rank to the
  // centre, the centre a third to each leaf. C = (1-d)/n + d 3 L and
  // L = (1-d)/n + d C / 3 give C = (1 + 3d) / (n (1 + d)). A star is
  // bipartite: -d is an eigenvalue of d P, the end of the range the
  // undirected solver is built for.
  Community c = make_community(4);
  for (uint32_t leaf = 1; leaf < 4; ++leaf) add_tie(c, 0, leaf);
  Network net(c);
  const double d = 0.85, centre = (1 + 3 * d) / (4 * (1 + d)), leaf = (1 - centre) / 3;
  IterationResult pr = pagerank(net, CentralityOptions{});
  REQUIRE(pr.converged);
  require_all_close(pr.values, {centre, leaf, leaf, leaf}, 1e-10);
}

namespace {
// The L1 residual |x - (base + d P x)| of the PageRank equation for undirected
// ties, by one plain power step written out here.
double pagerank_residual(const Network& net, const std::vector<double>& x, double d = 0.85) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  double lone = 0;
  for (uint32_t v = 0; v < n; ++v)
    if (off[v + 1] == off[v]) lone += x[v];
  double residual = 0;
  for (uint32_t v = 0; v < n; ++v) {
    double sum = 0;
    for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) sum += x[to[arc]] / double(off[to[arc] + 1] - off[to[arc]]);
    residual += std::abs((1 - d) / n + d * lone / n + d * sum - x[v]);
  }
  return residual;
}
}  // namespace

TEST_CASE("PageRank on undirected ties agrees with power iteration in half the rounds, whatever the threads") {
  // Undirected ties are solved by Chebyshev semi-iteration; the same network
  // read as directed (every tie flows both ways) goes through power
  // iteration. 60,000 organizations split over two threads; some have no tie.
  GenerateOptions g;
  g.organizations = 60000;
  g.seed = 11;
  Community c = generate_community(g);
  for (Tie& t : c.ties.edit()) t.directed = false;
  Network net(c);
  CentralityOptions two;
  two.threads = 2;
  CentralityOptions one = two;
  one.threads = 1;
  CentralityOptions as_directed = two;
  as_directed.directed = true;
  IterationResult fast = pagerank(net, two);
  IterationResult power = pagerank(net, as_directed);
  REQUIRE(fast.converged);
  REQUIRE(power.converged);
  require_all_close(fast.values, power.values, 1e-10);
  CHECK(fast.iterations * 3 < power.iterations * 2);
  // It stops on the residual power iteration stops on: below the tolerance.
  CHECK(pagerank_residual(net, fast.values) < 1e-10);
  CHECK(std::accumulate(fast.values.begin(), fast.values.end(), 0.0) == Approx(1.0).margin(1e-12));
  // Each value is computed alone: one thread gives the same bits.
  IterationResult single = pagerank(net, one);
  CHECK(single.iterations == fast.iterations);
  CHECK(single.values == fast.values);
}

TEST_CASE("Eigenvector unweighted equals eigenvector weighted by strength 1 on a large network, in two threads") {
  // The plain loop (no weights, no directions) against the general one, both
  // split over two threads (above 50,000 organizations); one thread agrees.
  GenerateOptions g;
  g.organizations = 60000;
  g.seed = 8;
  Community c = generate_community(g);
  for (Tie& t : c.ties.edit()) t.strength = 1;
  Network net(c);
  CentralityOptions two;
  two.threads = 2;
  IterationResult plain = eigenvector_centrality(net, two, 1e-10);
  CentralityOptions weighted = two;
  weighted.weighted = true;
  IterationResult general = eigenvector_centrality(net, weighted, 1e-10);
  REQUIRE(plain.converged);
  CHECK(plain.iterations == general.iterations);
  require_all_close(plain.values, general.values, 1e-12);
  CentralityOptions one;
  one.threads = 1;
  require_all_close(eigenvector_centrality(net, one, 1e-10).values, plain.values, 1e-12);
  CHECK(eigenvector_centrality(net, two, 1e-10).values == plain.values);  // the same to the last bit
}
