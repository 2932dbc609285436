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

TEST_CASE("whatif prints the before and after lines, marking what changed") {
  CliRun r = run_cli("whatif " + kBridge + " --remove hub", true);
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "If hub left:\n"
        "  organizations                              8 -> 7         (changed)\n"
        "  ties                                       8 -> 6         (changed)\n"
        "  cross-sector ties                          6 -> 4         (changed)\n"
        "  separate parts (components)                2 -> 3         (changed)\n"
        "  largest part                               7 -> 3         (changed)\n"
        "  organizations without any tie              1 -> 1        \n"
        "  organizations at the table                 2 -> 1         (changed)\n"
        "  reached from the table                     7 -> 3         (changed)\n"
        "The table could no longer reach 3 organizations: b1, b2, b3\n"
        "Sectors the table would no longer reach at all: business, safety\n");
}

TEST_CASE("whatif with an unknown id exits 2 and suggests the id") {
  CliRun r = run_cli("whatif " + kBridge + " --remove hubb", true);
  CHECK(r.code == 2);
  CHECK(r.out.find("no organization with id 'hubb'") != std::string::npos);
  CHECK(r.out.find("(did you mean 'hub'?)") != std::string::npos);
}
