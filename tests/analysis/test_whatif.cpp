// What-if removals worked out by hand.
#include <algorithm>

#include "analysis/whatif.hpp"
#include "classic_networks.hpp"
#include "core/synthetic.hpp"

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

TEST_CASE("The network without an organization, derived from the loaded one, drops its relationships and renumbers") {
  Community c = clique_and_triangle_with_table();
  const Network net(c);
  const Network without = net.without({4, 4, 99});  // a repeat and a row past the end are ignored
  REQUIRE(without.organization_count() == 7);
  CHECK(without.relationship_count() == 9);  // 14 less o4's four clique ties and o4-o5
  // o5 is row 4 now, tied to o6 and o7 (rows 5 and 6) only.
  CHECK(without.degree(4) == 2);
  CHECK(std::vector<uint32_t>(without.targets() + without.offsets()[4], without.targets() + without.offsets()[5]) ==
        std::vector<uint32_t>{5, 6});
  CHECK(without.degree(0) == 3);  // o0 keeps o1, o2, o3
}

TEST_CASE("The derived network equals the network built from the community without the organizations") {
  GenerateOptions options;
  options.organizations = 3000;
  options.seed = 21;
  const Community c = generate_community(options);
  Network net(c);
  // A weight set by a survey (set_weight2) is kept; Network(community) would reset it.
  net.set_weight2(0, 7);
  const std::vector<uint32_t> removed = {0, 17, 17, 2999, 1500, net.relationships()[0].b};
  const Network derived = net.without(removed);
  const Network built(community_without(c, removed));
  REQUIRE(derived.organization_count() == built.organization_count());
  REQUIRE(derived.relationship_count() == built.relationship_count());
  CHECK(built.relationship_count() < net.relationship_count());
  size_t differing = 0;
  for (size_t r = 0; r < built.relationship_count(); ++r) {
    const Relationship &x = derived.relationships()[r], &y = built.relationships()[r];
    if (x.a != y.a || x.b != y.b || x.kinds != y.kinds || x.strength != y.strength || x.a_to_b != y.a_to_b ||
        x.b_to_a != y.b_to_a || x.confirmed != y.confirmed || x.weight2 != y.weight2 || x.rows != y.rows)
      ++differing;
  }
  CHECK(differing == 0);
  const size_t arcs = 2 * built.relationship_count();
  CHECK(std::equal(derived.offsets(), derived.offsets() + derived.organization_count() + 1, built.offsets()));
  CHECK(std::equal(derived.targets(), derived.targets() + arcs, built.targets()));
  bool same_arc_relationships = true;
  for (uint32_t arc = 0; arc < arcs; ++arc)
    same_arc_relationships = same_arc_relationships && derived.arc_relationship(arc) == built.arc_relationship(arc);
  CHECK(same_arc_relationships);
}

TEST_CASE("The community without an organization keeps each table's unknown columns") {
  Community c = clique_and_triangle_with_table();
  c.organizations.edit_extra_columns() = {"neighborhood"};
  for (Organization& o : c.organizations.edit()) o.extra = {"north"};
  c.ties.edit_extra_columns() = {"since"};
  const Community without = community_without(c, {4});
  CHECK(without.organizations.extra_columns() == std::vector<std::string>{"neighborhood"});
  CHECK(without.ties.extra_columns() == std::vector<std::string>{"since"});
  CHECK(without.organizations[4].extra == std::vector<std::string>{"north"});
  CHECK(c.organizations.size() == 8);  // the original is untouched
}
