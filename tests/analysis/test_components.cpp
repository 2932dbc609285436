// Components, articulation points and bridges on classic networks (igraph
// 0.10.2 values printed by tests/data/classic/reference.py) and what each
// articulation point cuts off, counted by hand.
#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include "analysis/components.hpp"
#include "classic_networks.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {
std::vector<uint32_t> articulation_rows(const CutPoints& cuts) {
  std::vector<uint32_t> rows;
  for (uint32_t v = 0; v < cuts.articulation.size(); ++v)
    if (cuts.articulation[v]) rows.push_back(v);
  return rows;
}
std::set<std::pair<std::string, std::string>> bridge_names(const Community& c, const Network& net,
                                                           const CutPoints& cuts) {
  std::set<std::pair<std::string, std::string>> out;
  for (uint32_t r : cuts.bridges) {
    std::string a = c.org_id(net.relationships()[r].a), b = c.org_id(net.relationships()[r].b);
    out.insert({std::min(a, b), std::max(a, b)});
  }
  return out;
}
}  // namespace

TEST_CASE("Krackhardt kite: the tail hangs on two articulation points") {
  Community c = read_classic("krackhardt_kite.txt");
  Network net(c);
  CutPoints cuts = cut_points(net);
  // Rows 7, 8 are igraph vertices 7, 8 (order: 0 1 2 3 5 4 6 7 8 9).
  CHECK(articulation_rows(cuts) == std::vector<uint32_t>{7, 8});
  CHECK(bridge_names(c, net, cuts) == std::set<std::pair<std::string, std::string>>{{"7", "8"}, {"8", "9"}});
  // Without 7: {8, 9} lose the kite's 7 others. Without 8: 9 alone is cut off.
  CHECK(cuts.cut_off[7] == 2);
  CHECK(cuts.cut_off[8] == 1);
  CHECK(cuts.bridges_held[8] == 2);
  CHECK(cuts.bridges_held[9] == 1);
  CHECK(cuts.cut_off[3] == 0);
}

TEST_CASE("Florentine families: Medici, Albizzi, Salviati, Guadagni hold the network together") {
  Community c = read_classic("florentine_families.txt");
  Network net(c);
  CutPoints cuts = cut_points(net);
  auto row = [&](const char* id) { return *c.find_organization(id); };
  std::vector<uint32_t> expected{row("Medici"), row("Albizzi"), row("Salviati"), row("Guadagni")};
  std::sort(expected.begin(), expected.end());
  CHECK(articulation_rows(cuts) == expected);
  CHECK(bridge_names(c, net, cuts) == std::set<std::pair<std::string, std::string>>{{"Acciaiuoli", "Medici"},
                                                                                   {"Medici", "Salviati"},
                                                                                   {"Albizzi", "Ginori"},
                                                                                   {"Pazzi", "Salviati"},
                                                                                   {"Guadagni", "Lamberteschi"}});
  // Medici leaving splits 14 others into Acciaiuoli (1), Salviati+Pazzi (2) and the other 11.
  CHECK(cuts.cut_off[row("Medici")] == 3);
  CHECK(cuts.cut_off[row("Albizzi")] == 1);
  auto pieces = pieces_after_removal(net, cuts, row("Medici"));
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].size() == 11);
  CHECK(pieces[1] == std::vector<uint32_t>{row("Salviati"), row("Pazzi")});
  CHECK(pieces[2] == std::vector<uint32_t>{row("Acciaiuoli")});
  // A non-articulation point leaves its component in one piece.
  auto whole = pieces_after_removal(net, cuts, row("Strozzi"));
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].size() == 14);
}

TEST_CASE("Zachary karate club: one articulation point cutting off two groups, one bridge") {
  Community c = read_classic("zachary_karate.txt");
  Network net(c);
  CutPoints cuts = cut_points(net);
  CHECK(articulation_rows(cuts) == std::vector<uint32_t>{0});
  CHECK(bridge_names(c, net, cuts) == std::set<std::pair<std::string, std::string>>{{"0", "11"}});
  // Without organization 0 the club falls into 27, {4, 5, 6, 10, 16} and {11} (igraph numbers).
  CHECK(cuts.cut_off[0] == 6);
  auto pieces = pieces_after_removal(net, cuts, 0);
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].size() == 27);
  std::vector<std::string> five;
  for (uint32_t v : pieces[1]) five.push_back(c.org_id(v));
  std::sort(five.begin(), five.end());
  CHECK(five == std::vector<std::string>{"10", "16", "4", "5", "6"});
  CHECK(pieces[2] == std::vector<uint32_t>{*c.find_organization("11")});
  // Each piece in row order, whether sorted (under n / 16 = 2 members: {11})
  // or read off the rows in one pass (the 27 and the five).
  for (const auto& piece : pieces) CHECK(std::is_sorted(piece.begin(), piece.end()));
  std::vector<uint32_t> all;
  for (const auto& piece : pieces) all.insert(all.end(), piece.begin(), piece.end());
  std::sort(all.begin(), all.end());
  CHECK(all.size() == 33);
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
  CHECK(!std::binary_search(all.begin(), all.end(), 0u));
}

TEST_CASE("Components are numbered largest first, with isolates counted") {
  Community c = read_classic("florentine_families.txt");
  Network net(c);
  ComponentReport all = connected_components(net);
  CHECK(all.sizes == std::vector<uint32_t>{15, 1});
  CHECK(all.isolates == 1);
  CHECK(all.component[*c.find_organization("Pucci")] == 1);
  CHECK(all.component[*c.find_organization("Medici")] == 0);

  std::vector<bool> removed(c.organizations.size(), false);
  removed[*c.find_organization("Medici")] = true;
  ComponentReport without = connected_components(net, &removed);
  CHECK(without.sizes == std::vector<uint32_t>{11, 2, 1, 1});
  CHECK(without.isolates == 2);
  CHECK(without.component[*c.find_organization("Medici")] == kNoComponent);
  CHECK(without.component[*c.find_organization("Salviati")] == 1);
}

TEST_CASE("A long chain does not overflow the depth-first search") {
  // 200,000 organizations in a line: every inner one is an articulation point.
  const uint32_t n = 200000;
  Community c = make_community(n);
  for (uint32_t i = 0; i + 1 < n; ++i) add_tie(c, i, i + 1);
  Network net(c);
  CutPoints cuts = cut_points(net);
  CHECK(std::count(cuts.articulation.begin(), cuts.articulation.end(), true) == n - 2);
  CHECK(cuts.bridges.size() == n - 1);
  // The middle one cuts off half the chain minus one.
  CHECK(cuts.cut_off[n / 2] == n / 2 - 1);
}

namespace {
// The plain definition: a breadth-first search from each organization not yet
// reached, upwards from row 0, components numbered largest first with ties
// in size broken by their first organization.
ComponentReport search_each(const Network& net, const std::vector<bool>& removed) {
  const uint32_t n = net.organization_count();
  std::vector<uint32_t> label(n, kNoComponent), sizes;
  for (uint32_t s = 0; s < n; ++s) {
    if (label[s] != kNoComponent || removed[s]) continue;
    std::vector<uint32_t> queue{s};
    label[s] = uint32_t(sizes.size());
    for (size_t head = 0; head < queue.size(); ++head)
      for (uint32_t arc = net.offsets()[queue[head]]; arc < net.offsets()[queue[head] + 1]; ++arc) {
        const uint32_t w = net.targets()[arc];
        if (label[w] == kNoComponent && !removed[w]) label[w] = label[s], queue.push_back(w);
      }
    sizes.push_back(uint32_t(queue.size()));
  }
  std::vector<uint32_t> order(sizes.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return sizes[a] > sizes[b]; });
  std::vector<uint32_t> rank(sizes.size());
  ComponentReport out;
  for (uint32_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = i;
    out.sizes.push_back(sizes[order[i]]);
    out.isolates += sizes[order[i]] == 1;
  }
  for (uint32_t& l : label)
    if (l != kNoComponent) l = rank[l];
  out.component = label;
  return out;
}
}  // namespace

TEST_CASE("Components by sampled union-find equal a search from each organization") {
  // Networks from almost empty to one giant part, with directed ties, ties
  // back to lower rows and organizations removed, so that the set the sample
  // finds biggest is sometimes not the biggest, or not one set at all.
  std::mt19937 rng(7);
  for (uint32_t n : {1u, 2u, 5u, 40u, 700u, 3000u}) {
    for (double ties_per_org : {0.0, 0.3, 0.6, 1.0, 3.0}) {
      Community c = make_community(n);
      std::uniform_int_distribution<uint32_t> any(0, n - 1);
      for (uint32_t k = 0; k < uint32_t(ties_per_org * n); ++k) {
        const uint32_t a = any(rng), b = any(rng);
        if (a != b) add_tie(c, a, b, k % 3 == 0);
      }
      Network net(c);
      for (double share_removed : {0.0, 0.2}) {
        std::vector<bool> removed(n, false);
        for (uint32_t v = 0; v < n; ++v) removed[v] = std::uniform_real_distribution<>(0, 1)(rng) < share_removed;
        const ComponentReport expected = search_each(net, removed);
        const ComponentReport got = share_removed == 0 ? connected_components(net) : connected_components(net, &removed);
        INFO(n << " organizations, " << ties_per_org << " ties each, " << share_removed << " removed");
        CHECK(got.sizes == expected.sizes);
        CHECK(got.isolates == expected.isolates);
        CHECK(got.component == expected.component);
      }
    }
  }
}
