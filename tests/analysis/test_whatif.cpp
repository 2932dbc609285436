// What-if removals worked out by hand.
#include "analysis/whatif.hpp"
#include "classic_networks.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {
// Health clique o0..o4 (sector 0), triangle o5, o6, o7 (sectors 1, 2, 3), tie o4 - o5; o0 at the table.
Community clique_and_triangle() {
  Community c = make_community(8, {0, 0, 0, 0, 0, 1, 2, 3}, 4);
  for (uint32_t a = 0; a < 5; ++a)
    for (uint32_t b = a + 1; b < 5; ++b) add_tie(c, a, b);
  add_tie(c, 5, 6);
  add_tie(c, 6, 7);
  add_tie(c, 5, 7);
  add_tie(c, 4, 5);
  c.organizations.edit()[0].at_table = true;
  return c;
}
}  // namespace

TEST_CASE("Removing the bridge organization splits the coalition and the table's reach") {
  Community c = clique_and_triangle();
  Network net(c);
  WhatIfReport r = what_if_removed(c, net, {4});
  CHECK(r.before.organizations == 8);
  CHECK(r.before.components == 1);
  CHECK(r.before.largest_component == 8);
  CHECK(r.before.table_reach == 8);
  CHECK(r.before.ties == 14);
  CHECK(r.before.cross_sector_ties == 4);  // o4-o5 and the triangle's three
  CHECK(r.after.organizations == 7);
  CHECK(r.after.components == 2);
  CHECK(r.after.largest_component == 4);
  CHECK(r.after.ties == 9);
  CHECK(r.after.cross_sector_ties == 3);
  CHECK(r.after.table_reach == 4);
  CHECK(r.lost_from_table == std::vector<uint32_t>{5, 6, 7});
  CHECK(r.sectors_out_of_reach == std::vector<SectorId>{1, 2, 3});
  // Health keeps four organizations but no tie to another sector.
  CHECK(r.sectors_cut_off == std::vector<SectorId>{0});
}

TEST_CASE("Removing an ordinary member changes little") {
  Community c = clique_and_triangle();
  Network net(c);
  WhatIfReport r = what_if_removed(c, net, {1, 1});
  CHECK(r.removed == std::vector<uint32_t>{1});
  CHECK(r.after.components == 1);
  CHECK(r.after.table_reach == 7);
  CHECK(r.after.ties == 10);
  CHECK(r.lost_from_table.empty());
  CHECK(r.sectors_cut_off.empty());
}

TEST_CASE("Removing the only table organization leaves the table reaching nobody") {
  Community c = clique_and_triangle();
  Network net(c);
  WhatIfReport r = what_if_removed(c, net, {0});
  CHECK(r.after.table_organizations == 0);
  CHECK(r.after.table_reach == 0);
  CHECK(r.lost_from_table.size() == 7);
  CHECK(r.sectors_out_of_reach == std::vector<SectorId>{0, 1, 2, 3});
}

TEST_CASE("The before and after lines name each figure and mark what changed") {
  Community c = clique_and_triangle();
  Network net(c);
  std::vector<WhatIfRow> rows = what_if_rows(what_if_removed(c, net, {4}));
  REQUIRE(rows.size() == 8);
  CHECK(rows[0].label == "organizations");
  CHECK(rows[0].before == "8");
  CHECK(rows[0].after == "7");
  CHECK(rows[0].changed());
  CHECK(rows[3].label == "separate parts (components)");
  CHECK(rows[3].after == "2");
  CHECK(rows[5].label == "organizations without any tie");
  CHECK_FALSE(rows[5].changed());  // 0 before and after
  CHECK(rows[7].label == "reached from the table");
  CHECK(rows[7].after == "4");
}
