// What-if removals worked out by hand.
#include <algorithm>

#include "analysis/whatif.hpp"
#include "classic_networks.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {
// Health clique o0..o4 (sector 0), triangle o5, o6, o7 (sectors 1, 2, 3), tie o4 - o5; o0 at the table.
Community clique_and_triangle_with_table() {
  Community c = clique_and_triangle();
  c.organizations.edit()[0].at_table = true;
  return c;
}
}  // namespace

TEST_CASE("Removing the bridge organization splits the coalition and the table's reach") {
  Community c = clique_and_triangle_with_table();
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
  Community c = clique_and_triangle_with_table();
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
  Community c = clique_and_triangle_with_table();
  Network net(c);
  WhatIfReport r = what_if_removed(c, net, {0});
  CHECK(r.after.table_organizations == 0);
  CHECK(r.after.table_reach == 0);
  CHECK(r.lost_from_table.size() == 7);
  CHECK(r.sectors_out_of_reach == std::vector<SectorId>{0, 1, 2, 3});
}

TEST_CASE("The community without an organization loses its ties, roles and people, and later rows move up") {
  Community c = clique_and_triangle_with_table();
  auto& people = c.people.edit();
  Person at_o4, at_o6, unaffiliated;
  at_o4.id = "p4", at_o4.organization = 4;
  at_o6.id = "p6", at_o6.organization = 6;
  unaffiliated.id = "px";
  people = {at_o4, at_o6, unaffiliated};
  Role anchor, backbone;
  anchor.organization = 4, anchor.kind = RoleKind::anchor;
  backbone.organization = 7, backbone.kind = RoleKind::backbone;
  c.roles.edit() = {anchor, backbone};

  Community without = community_without(c, {4});
  REQUIRE(without.organizations.size() == 7);
  CHECK(without.org_id(4) == "o5");  // o5 moved up into row 4
  CHECK(without.ties.size() == 9);    // o4's four clique ties and o4-o5 are gone
  for (const Tie& t : without.ties) {
    CHECK(t.source < 7);
    CHECK(t.target < 7);
  }
  // The triangle o5 o6 o7 is now rows 4 5 6.
  CHECK(std::count_if(without.ties.begin(), without.ties.end(), [](const Tie& t) { return t.source >= 4; }) == 3);
  REQUIRE(without.people.size() == 2);  // p4 left with o4
  CHECK(without.people[0].id == "p6");
  CHECK(without.people[0].organization == 5);
  CHECK(without.people[1].organization == kNoOrganization);
  REQUIRE(without.roles.size() == 1);  // the anchor role left with o4
  CHECK(without.roles[0].organization == 6);
  // The original is untouched (copy-on-write).
  CHECK(c.organizations.size() == 8);
  CHECK(c.ties.size() == 14);
  CHECK(c.people.size() == 3);
}

TEST_CASE("The before and after lines name each figure and mark what changed") {
  Community c = clique_and_triangle_with_table();
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
