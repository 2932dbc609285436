// Components, articulation points and bridges on classic networks (igraph
// 0.10.2 values printed by tests/data/classic/reference.py) and what each
// articulation point cuts off, counted by hand.
#include <algorithm>
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
