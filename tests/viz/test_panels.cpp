// The analysis panels of the real map window under Xvfb: "Who is missing",
// "Backbone roles" and "Structure", before and during a what-if, read through
// the JSON lines of print-gaps, print-roles and print-structure, plus the
// pixels of "color by community".
//
// Data: tests/data/viz/panels (Millbrook); every expected figure below is
// worked out by hand in its community.json. The bundle is copied to a scratch
// folder first, because the map writes PATH.recovery.json beside unsaved edits.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "support/map_window.hpp"

using nlohmann::json;
using namespace tablemap::testing;

namespace {

const std::string kPanels = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/viz/panels";

// The row of `sector` in a print-gaps line.
json sector_row(const json& gaps, const std::string& sector) {
  for (const json& row : gaps["sectors"])
    if (row["sector"] == sector) return row;
  FAIL("print-gaps has no row for sector " << sector);
  return {};
}

json generation_row(const json& gaps, const std::string& generation) {
  for (const json& row : gaps["generations"])
    if (row["generation"] == generation) return row;
  FAIL("print-gaps has no row for generation " << generation);
  return {};
}

json education(const json& roles) {
  REQUIRE(roles["issue_areas"].size() == 1);
  return roles["issue_areas"][0];
}

}  // namespace

TEST_CASE("Who is missing: business and social services have no seat") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kPanels, "gaps-before") + " --replay " + script("gaps.txt", "tab gaps\nprint-gaps\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 1);
  const json& g = r.lines[0];
  CHECK(g["view"] == "");
  CHECK(g["ready"] == false);
  for (const char* ok : {"health", "education", "government"}) {
    INFO(ok);
    CHECK(sector_row(g, ok)["status"] == "ok");
    CHECK(sector_row(g, ok)["seats"] == 1);
  }
  const json business = sector_row(g, "business");
  CHECK(business["status"] == "missing");
  CHECK(business["seats"] == 0);
  CHECK(business["candidate_count"] == 3);
  CHECK(business["candidates"] == json::array({"b1", "b2", "b3"}));  // b1 has the one tie to the table
  const json social = sector_row(g, "social_services");
  CHECK(social["status"] == "missing");
  CHECK(social["candidates"] == json::array({"a4"}));
  CHECK(sector_row(g, "faith")["status"] == "missing");
  CHECK(sector_row(g, "faith")["required"] == false);
  CHECK(generation_row(g, "gen_x")["at_table"] == 1);
  CHECK(generation_row(g, "millennials")["at_table"] == 2);
  CHECK(g["invite_plan"] == json::array({"a4", "b1"}));
}

TEST_CASE("Who is missing during what-if: without the Town Hall government has no seat, and back after a reset") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kPanels, "gaps-whatif") + " --replay " +
                     script("gaps-whatif.txt",
                            "tab gaps\nwhatif-remove hub\nprint-gaps\nwhatif-remove b1\nprint-gaps\n"
                            "whatif-reset\nprint-gaps\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 3);

  const json& without_hub = r.lines[0];
  CHECK(without_hub["view"] == "What-if: without Millbrook Town Hall");
  const json government = sector_row(without_hub, "government");
  CHECK(government["status"] == "missing");
  CHECK(government["seats"] == 0);
  CHECK(government["candidate_count"] == 0);  // the Town Hall was the only government organization
  // Nobody has a tie to the table any more: by name.
  CHECK(sector_row(without_hub, "business")["candidates"] == json::array({"b2", "b3", "b1"}));
  CHECK(generation_row(without_hub, "gen_x")["at_table"] == 0);  // Dana Whitfield left with the Town Hall
  CHECK(generation_row(without_hub, "gen_x")["status"] == "missing");
  CHECK(without_hub["invite_plan"] == json::array({"a4", "b2"}));

  const json& without_two = r.lines[1];
  CHECK(without_two["view"] == "What-if: without Millbrook Town Hall, Main Street Bakery");
  CHECK(sector_row(without_two, "business")["candidates"] == json::array({"b2", "b3"}));

  const json& reset = r.lines[2];
  CHECK(reset["view"] == "");
  CHECK(sector_row(reset, "government")["status"] == "ok");
  CHECK(sector_row(reset, "business")["candidates"] == json::array({"b1", "b2", "b3"}));
}

TEST_CASE("Backbone roles: facilitation is contested, and the Town Hall's data function goes uncovered without it") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kPanels, "roles") + " --replay " +
                     script("roles.txt", "tab roles\nprint-roles\nwhatif-remove hub\nprint-roles\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);

  const json& before = r.lines[0];
  CHECK(before["view"] == "");
  CHECK(before["anchor"] == "one");
  CHECK(before["anchors"] == json::array({"hub"}));
  const json area = education(before);
  CHECK(area["overlapping_backbones"] == false);
  const json& f = area["functions"];
  CHECK(f["leadership"] == json({{"status", "covered"}, {"by", {"a3"}}}));
  CHECK(f["data"] == json({{"status", "covered"}, {"by", {"hub"}}}));
  CHECK(f["facilitation"] == json({{"status", "contested"}, {"by", {"a1", "a2"}}}));  // tied with strength 1 only
  CHECK(f["mobilization"]["status"] == "uncovered");
  CHECK(f["investment"]["status"] == "uncovered");
  CHECK(area["conveners"]["kindergarten_readiness"] == json({{"status", "one"}, {"by", {"a2"}}}));
  CHECK(area["conveners"]["hs_graduation"] == json({{"status", "one"}, {"by", {"hub"}}}));

  const json& after = r.lines[1];
  CHECK(after["view"] == "What-if: without Millbrook Town Hall");
  CHECK(after["anchor"] == "none");
  CHECK(after["anchors"].empty());
  const json area_after = education(after);
  CHECK(area_after["functions"]["data"] == json({{"status", "uncovered"}, {"by", json::array()}}));
  CHECK(area_after["functions"]["facilitation"]["status"] == "contested");
  CHECK(area_after["conveners"]["hs_graduation"]["status"] == "none");
}

TEST_CASE("Structure: the Town Hall is the single point of failure, business is a silo, two brokers") {
  REQUIRE_XVFB();
  MapRun r = run_map(scratch_copy(kPanels, "structure") + " --replay " +
                     script("structure.txt", "tab structure\nprint-structure\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 1);
  const json& m = r.lines[0];
  CHECK(m["measuring"] == false);
  CHECK(m["current"] == true);
  CHECK(m["error"] == "");
  CHECK(m["organizations"] == 9);
  CHECK(m["ties"] == 12);
  CHECK(m["parts"] == 2);
  CHECK(m["communities"] == 3);
  const json& c = m["community"];
  for (const char* id : {"a2", "a3", "a4", "hub"}) CHECK(c[id] == c["a1"]);
  CHECK(c["b2"] == c["b1"]);
  CHECK(c["b3"] == c["b1"]);
  CHECK(c["b1"] != c["a1"]);
  CHECK(c["lone"] != c["a1"]);
  CHECK(c["lone"] != c["b1"]);

  REQUIRE(m["silos"].size() == 1);
  CHECK(m["silos"][0]["members"] == json::array({"b1", "b2", "b3"}));
  CHECK(m["silos"][0]["percent_within"] == 100);
  CHECK(m["silos"][0]["sectors"] == json::array({"government", "business"}));

  REQUIRE(m["brokers"].size() == 2);
  CHECK(m["brokers"][0] == json({{"id", "hub"}, {"sectors_cut_off", {"business"}}, {"percent_pairs_lose_contact", 57}}));
  CHECK(m["brokers"][1] == json({{"id", "b1"}, {"sectors_cut_off", {"business"}}, {"percent_pairs_lose_contact", 48}}));

  REQUIRE(m["single_points"].size() == 2);
  CHECK(m["single_points"][0] == json({{"id", "hub"}, {"cut_off", 3}, {"sectors_cut_off", {"business"}}}));
  CHECK(m["single_points"][1] == json({{"id", "b1"}, {"cut_off", 2}, {"sectors_cut_off", {"business"}}}));
}

TEST_CASE("Structure is measured again after an edit") {
  REQUIRE_XVFB();
  // Tying Grace Chapel (lone) to the clinic joins the two parts, and the clinic
  // becomes a third single point of failure: it alone holds the chapel (faith).
  MapRun r = run_map(scratch_copy(kPanels, "structure-edit") + " --replay " +
                     script("structure-edit.txt",
                            "tab structure\nprint-structure\nadd-tie lone a1 information 1\nprint-structure\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0]["parts"] == 2);
  CHECK(r.lines[0]["single_points"].size() == 2);
  const json& after = r.lines[1];
  CHECK(after["current"] == true);
  CHECK(after["ties"] == 13);
  CHECK(after["parts"] == 1);
  REQUIRE(after["single_points"].size() == 3);
  CHECK(after["single_points"][2] == json({{"id", "a1"}, {"cut_off", 1}, {"sectors_cut_off", {"faith"}}}));
}

TEST_CASE("coloring by community paints the clinic and the school alike and the bakery apart") {
  REQUIRE_XVFB();
  const auto sector_png = scratch("by-sector.png"), community_png = scratch("by-community.png");
  MapRun r = run_map(scratch_copy(kPanels, "colors") + " --replay " +
                     script("community-colors.txt", "print-node a1\nprint-node a2\nprint-node b1\nscreenshot " +
                                                        sector_png.string() +
                                                        "\ncolor-by community\nprint-node a1\nprint-node a2\n"
                                                        "print-node b1\nscreenshot " +
                                                        community_png.string() + "\n"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(r.lines.size() == 6);
  // Left of the center: inside the disc, clear of the role glyph in the middle.
  auto pixel = [](const Image& img, const json& node) {
    return img.at(node["x"].get<double>() - 0.75 * node["r"].get<double>(), node["y"].get<double>());
  };
  const Image by_sector = load_png(sector_png), by_community = load_png(community_png);
  for (size_t k = 0; k < 6; ++k) {
    INFO(r.lines[k].dump());
    CHECK(close_to(pixel(k < 3 ? by_sector : by_community, r.lines[k]), rgb(r.lines[k]["color"])));
  }
  // By sector: health (a1) and education (a2) differ.
  CHECK_FALSE(close_to(pixel(by_sector, r.lines[0]), pixel(by_sector, r.lines[1]), 40));
  // By community: a1 and a2 are both in the Town Hall's community, b1 in the business silo.
  CHECK(close_to(pixel(by_community, r.lines[3]), pixel(by_community, r.lines[4])));
  CHECK_FALSE(close_to(pixel(by_community, r.lines[3]), pixel(by_community, r.lines[5]), 40));
}
