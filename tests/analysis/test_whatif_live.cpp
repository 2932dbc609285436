// LiveWhatIf gives what_if_removed's report while searching only the parts
// the removed organizations belonged to: checked on a hand-worked case and
// against what_if_removed on generated communities.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "analysis/whatif_live.hpp"
#include "classic_networks.hpp"
#include "core/synthetic.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

void check_same_side(const WhatIfSide& a, const WhatIfSide& b) {
  CHECK(a.organizations == b.organizations);
  CHECK(a.ties == b.ties);
  CHECK(a.cross_sector_ties == b.cross_sector_ties);
  CHECK(a.components == b.components);
  CHECK(a.largest_component == b.largest_component);
  CHECK(a.isolates == b.isolates);
  CHECK(a.table_organizations == b.table_organizations);
  CHECK(a.table_reach == b.table_reach);
  CHECK(a.table_reach_by_sector == b.table_reach_by_sector);
}

void check_same(const WhatIfReport& live, const WhatIfReport& full) {
  CHECK(live.removed == full.removed);
  check_same_side(live.before, full.before);
  check_same_side(live.after, full.after);
  CHECK(live.lost_from_table == full.lost_from_table);
  CHECK(live.sectors_out_of_reach == full.sectors_out_of_reach);
  CHECK(live.sectors_cut_off == full.sectors_cut_off);
}

}  // namespace

TEST_CASE("The live what-if splits a clique from a triangle as worked by hand") {
  // Health clique o0..o4 (sector 0), triangle o5 o6 o7 (sectors 1, 2, 3), tie
  // o4 - o5; o0 at the table; o8 (sector 1) alone.
  Community c = clique_and_triangle(1);
  c.organizations.edit()[0].at_table = true;
  const Network net(c);
  LiveWhatIf live(c, net);
  // Without o4: parts {o0..o3}, {o5 o6 o7}, {o8}: 3; the table reaches 4 of the
  // 8 left; 9 ties (6 in the clique of 4, 3 in the triangle), the 3 of the
  // triangle cross sectors; sector 0 keeps no cross-sector tie; sectors 2 and 3
  // go out of reach (sector 1 keeps o8, out of reach before too, and o5).
  const WhatIfReport r = live.apply({4});
  CHECK(r.after.organizations == 8);
  CHECK(r.after.components == 3);
  CHECK(r.after.largest_component == 4);
  CHECK(r.after.isolates == 1);
  CHECK(r.after.ties == 9);
  CHECK(r.after.cross_sector_ties == 3);
  CHECK(r.after.table_reach == 4);
  CHECK(r.lost_from_table == std::vector<uint32_t>{5, 6, 7});
  CHECK(r.sectors_out_of_reach == std::vector<SectorId>{1, 2, 3});
  CHECK(r.sectors_cut_off == std::vector<SectorId>{0});
  check_same(r, what_if_removed(c, net, {4}));
  // The lone o8 and the table's own o0, together: one part fewer, o8's gone; the table reaches nobody.
  const WhatIfReport lone = live.apply({8, 0, 8});
  CHECK(lone.removed == std::vector<uint32_t>{0, 8});
  CHECK(lone.after.components == 1);
  CHECK(lone.after.isolates == 0);
  CHECK(lone.after.table_reach == 0);
  check_same(lone, what_if_removed(c, net, {0, 8}));
  // Nothing removed: after is before.
  check_same(live.apply({}), what_if_removed(c, net, {}));
}

TEST_CASE("The live what-if equals what_if_removed on generated communities, one after another") {
  for (uint64_t seed : {3u, 8u}) {
    GenerateOptions g;
    g.organizations = 3000;
    g.seed = seed;
    g.ties_per_organization = seed == 3 ? 4 : 1.2;  // one network in one piece, one in many
    const Community c = generate_community(g);
    const Network net(c);
    LiveWhatIf live(c, net);
    std::mt19937_64 random(seed);
    std::vector<uint32_t> by_degree(net.organization_count());
    for (uint32_t v = 0; v < by_degree.size(); ++v) by_degree[v] = v;
    std::sort(by_degree.begin(), by_degree.end(), [&](uint32_t a, uint32_t b) { return net.degree(a) > net.degree(b); });
    for (int question = 0; question < 30; ++question) {
      std::vector<uint32_t> removed;
      if (question < 5) removed = {by_degree[size_t(question)]};  // the hubs, one by one
      else
        for (int k = 0; k < 1 + question % 7; ++k) removed.push_back(uint32_t(random() % net.organization_count()));
      INFO("seed " << seed << ", question " << question);
      check_same(live.apply(removed), what_if_removed(c, net, removed));
    }
  }
}
