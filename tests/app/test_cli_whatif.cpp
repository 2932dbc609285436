// `tablemap whatif` from the outside: the exact text (the map's What-if panel
// shows the same before/after lines, from analysis/whatif's what_if_rows).
//
// Data: tests/data/viz/bridge, two triangles joined only by `hub`; hand
// computation in its community.json. Without hub: 8 -> 7 organizations,
// 8 -> 6 ties, cross-sector ties 6 -> 4 (a3-a1 and b3-b1 stay inside a
// sector; hub-a1 and hub-b1 go), parts 2 -> 3, the largest 7 -> 3, `lone`
// stays without a tie, at the table 2 -> 1 (a1), reached 7 -> 3.
#include <catch2/catch.hpp>

#include <string>

#include "support/cli_run.hpp"

using namespace tablemap::testing;

namespace {

const std::string kBridge = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/viz/bridge";

}  // namespace

TEST_CASE("whatif prints the before and after lines, marking what changed", "[cli]") {
  // stdout only: the bridge sample's load warnings go to stderr.
  CliRun r = run_cli("whatif " + kBridge + " --remove hub", false);
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "If Bridgeton Town Hall left: the table could no longer reach 3 organizations (Mill Road Bakery, "
        "Volunteer Fire Company and Canal Hardware); business and safety would be out of its reach; the network "
        "would fall from 2 separate parts into 3; cross-sector ties would drop from 6 to 4.\n"
        "\n"
        "If Bridgeton Town Hall (hub) left:\n"
        "  organizations                              8 -> 7         (changed)\n"
        "  ties                                       8 -> 6         (changed)\n"
        "  cross-sector ties                          6 -> 4         (changed)\n"
        "  separate parts (components)                2 -> 3         (changed)\n"
        "  largest part                               7 -> 3         (changed)\n"
        "  organizations without any tie              1 -> 1        \n"
        "  organizations at the table                 2 -> 1         (changed)\n"
        "  reached from the table                     7 -> 3         (changed)\n"
        "The table could no longer reach 3 organizations: Mill Road Bakery (b1), Volunteer Fire Company (b2), "
        "Canal Hardware (b3)\n"
        "Sectors the table would no longer reach at all: business, safety\n"
        "\n"
        "What the lines mean:\n"
        "  separate parts: groups of organizations with no tie between the groups\n"
        "  largest part: organizations in the biggest of them\n"
        "  reached from the table: organizations linked to the table by some chain of ties, the table included\n"
        "  cross-sector ties: ties between organizations of different primary sectors\n");
}

TEST_CASE("whatif with unknown organizations exits 2 and reports every one, with a suggestion") {
  CliRun r = run_cli("whatif " + kBridge + " --remove hubb a1 \"Mill Road Bakeri\"", true);
  CHECK(r.code == 2);
  CHECK(r.out.find("no organization with the id or name 'hubb' (did you mean 'hub'?)") != std::string::npos);
  CHECK(r.out.find("no organization with the id or name 'Mill Road Bakeri' (did you mean 'Mill Road Bakery'?)") !=
        std::string::npos);
  CHECK(r.out.find("'a1'") == std::string::npos);  // a1 exists
  CHECK(r.out.find("If ") == std::string::npos);    // nothing computed
}

TEST_CASE("whatif takes an organization by its exact name, ignoring case") {
  CliRun by_name = run_cli("whatif " + kBridge + " --remove \"bridgeton town hall\"", true);
  CliRun by_id = run_cli("whatif " + kBridge + " --remove hub", true);
  REQUIRE(by_name.code == 0);
  CHECK(by_name.out == by_id.out);
}
