// compare_communities on Elm Creek (tests/data/compare/elm-creek-*), three
// invented snapshots written so that every change between them is known.
//
// 2025 -> 2026, worked out from the files by hand:
//  - clinic is renamed "Elm Creek Clinic" -> "Elm Creek Health Center" (one organization);
//  - pantry (Creek Pantry) is gone and food-pantry (also "Creek Pantry") is new:
//    two organizations with one name; chapel (Hillside Chapel, at the table) is gone;
//    youth (Creek Youth Club) is new;
//  - the table: 2025 clinic, school, chapel (flags); 2026 clinic, school, bank
//    (flag), library (Dee Park, p4, now at the table). Joined: bank, library;
//    left: chapel. People: 3 -> 4 at the table; joined Dee Park, Eli Grant (p5,
//    new); left Cy Moreau (p3, gone);
//  - seats (primary sectors of table organizations): health 1 -> 1,
//    education 1 -> 2, business 0 -> 1, safety 0 -> 0, faith 1 -> 0,
//    residents 0 -> 0. Key-sector gaps: 2025 business and safety, 2026 safety:
//    business closed;
//  - generations at the table (residents 30% gen_z, 30% millennials, 20% gen_x,
//    20% boomers; floor 0.5): 2025 gen_x 1, boomers 2 (of 3): millennials and
//    gen_z missing; 2026 one each of boomers, gen_x, millennials, gen_z (25%
//    each, ratios 1.25 and 0.83): every gap closed. Mean position on the
//    oldest-first scale 1.33 -> 2.5: younger;
//  - backbone claims (roles.csv): dropped school and library whole-role claims,
//    added school leadership (agreed) and library data (agreed); clinic data
//    claimed -> agreed. Coverage: leadership contested (school, library, whole
//    roles, their tie strength 1) -> covered (school); data contested (school,
//    library, clinic) -> shared (library and clinic, both agreed);
//  - conveners: added youth (whole issue area), lost police (reading); the
//    anchor: bank -> clinic;
//  - ties (pairs, source = the id that sorts first): added clinic-food-pantry,
//    school-youth; removed chapel-pantry, chapel-clinic; strengthened
//    clinic-school 2 -> 3, library-school 1 -> 2; weakened clinic-police 3 -> 1;
//    newly confirmed bank-library. Cross-sector pairs 5 of 7 -> 6 of 7,
//    E-I (5-2)/7 -> (6-1)/7;
//  - single points of failure (articulation points): 2025 clinic, chapel; 2026
//    clinic, school: school appeared, chapel went away;
//  - betweenness (python3-igraph, normalized by (n-1)(n-2)/2 = 15): clinic
//    9 -> 7, school 3 -> 7, library 1 -> 2, police 3 -> 2, bank 1 -> 1: rose
//    school (0.2 -> 0.4667), library (0.0667 -> 0.1333); fell clinic
//    (0.6 -> 0.4667), police (0.2 -> 0.1333);
//  - degree centralization sum(3 - degree) / (6 * 5) = 7/30 both years;
//    density 7/21 both years.
// 2026 -> 2027: the same files without people.csv.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "analysis/compare.hpp"
#include "core/synthetic.hpp"
#include "io/load.hpp"

using namespace tablemap;

namespace {

Community elm_creek(int year) {
  LoadResult r = load_community(std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/compare/elm-creek-" + std::to_string(year));
  std::string problems;
  for (const Problem& p : r.problems) problems += p.to_string() + "\n";
  INFO(problems);
  REQUIRE(r.ok());
  return *r.community;
}

std::vector<std::string> ids(const std::vector<NamedRow>& rows) {
  std::vector<std::string> out;
  for (const NamedRow& r : rows) out.push_back(r.id);
  return out;
}

std::vector<std::string> pairs(const std::vector<TieChange>& ties) {
  std::vector<std::string> out;
  for (const TieChange& t : ties) out.push_back(t.source.id + "-" + t.target.id);
  return out;
}

const MeasureChange& measure(const Comparison& c, const std::string& key) {
  for (const MeasureChange& m : c.network)
    if (m.key == key) return m;
  FAIL("no measure " << key);
  throw;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("compare: organizations matched by id, renamed ones and same names with new ids", "[compare]") {
  Comparison c = compare_communities(elm_creek(2025), elm_creek(2026));
  CHECK(c.organizations_before == 7);
  CHECK(c.organizations_after == 7);
  CHECK(ids(c.added) == Strings{"food-pantry", "youth"});  // by name: Creek Pantry, Creek Youth Club
  CHECK(c.added[0].name == "Creek Pantry");
  CHECK(ids(c.removed) == Strings{"pantry", "chapel"});    // Creek Pantry, Hillside Chapel
  CHECK(c.removed[1].name == "Hillside Chapel");
  REQUIRE(c.renamed.size() == 1);
  CHECK(c.renamed[0].id == "clinic");
  CHECK(c.renamed[0].name_before == "Elm Creek Clinic");
  CHECK(c.renamed[0].name_after == "Elm Creek Health Center");
  REQUIRE(c.same_name_new_id.size() == 1);
  CHECK(c.same_name_new_id[0].name == "Creek Pantry");
  CHECK(c.same_name_new_id[0].id_before == "pantry");
  CHECK(c.same_name_new_id[0].id_after == "food-pantry");
}

TEST_CASE("compare: who joined and left the table, organizations and people", "[compare]") {
  Comparison c = compare_communities(elm_creek(2025), elm_creek(2026));
  CHECK(c.table_organizations_before == 3);
  CHECK(c.table_organizations_after == 4);
  CHECK(ids(c.joined_table) == Strings{"bank", "library"});  // Creek Bank, Elm Creek Library
  CHECK(ids(c.left_table) == Strings{"chapel"});
  CHECK(c.left_table[0].name == "Hillside Chapel");
  CHECK(c.table_people_before == 3);
  CHECK(c.table_people_after == 4);
  REQUIRE(c.people_joined_table.size() == 2);
  CHECK(c.people_joined_table[0].person == NamedRow{"p4", "Dee Park"});
  CHECK(c.people_joined_table[0].organization == NamedRow{"library", "Elm Creek Library"});
  CHECK(c.people_joined_table[1].person == NamedRow{"p5", "Eli Grant"});
  REQUIRE(c.people_left_table.size() == 1);
  CHECK(c.people_left_table[0].person == NamedRow{"p3", "Cy Moreau"});
  CHECK(c.people_left_table[0].organization == NamedRow{"chapel", "Hillside Chapel"});
}

TEST_CASE("compare: seats per sector, gaps closed, generations and the fit test both years", "[compare]") {
  Comparison c = compare_communities(elm_creek(2025), elm_creek(2026));
  REQUIRE(c.sectors.size() == 6);
  const Strings names = {"health", "education", "business", "safety", "faith", "residents"};
  const int64_t before[] = {1, 1, 0, 0, 1, 0}, after[] = {1, 2, 1, 0, 0, 0};
  for (size_t i = 0; i < 6; ++i) {
    INFO(names[i]);
    CHECK(c.sectors[i].sector == names[i]);
    CHECK(c.sectors[i].required == (i < 4));
    CHECK(c.sectors[i].seats_before == before[i]);
    CHECK(c.sectors[i].seats_after == after[i]);
  }
  CHECK(c.sectors[2].status_before == GapStatus::missing);
  CHECK(c.sectors[2].status_after == GapStatus::ok);
  CHECK(c.sectors[3].status_after == GapStatus::missing);
  CHECK(c.gaps_closed == Strings{"sector business", "generation millennials", "generation gen_z"});
  CHECK(c.gaps_opened.empty());

  REQUIRE(c.generations.size() == 6);  // oldest first: silent, boomers, gen_x, millennials, gen_z, gen_alpha
  const int64_t gen_before[] = {0, 2, 1, 0, 0, 0}, gen_after[] = {0, 1, 1, 1, 1, 0};
  for (size_t i = 0; i < 6; ++i) {
    INFO(to_string(c.generations[i].generation));
    CHECK(c.generations[i].at_table_before == gen_before[i]);
    CHECK(c.generations[i].at_table_after == gen_after[i]);
  }
  CHECK(c.generations[1].share_before == Approx(2.0 / 3));
  CHECK(c.generations[4].share_after == Approx(0.25));
  CHECK(c.generations[4].resident_share_after == Approx(0.3));
  CHECK(c.generations[4].status_before == GapStatus::missing);
  CHECK(c.generations[4].status_after == GapStatus::ok);
  CHECK(c.fit_before.people == 3);
  CHECK(c.fit_after.people == 4);
  CHECK(c.fit_before.test == "exact multinomial");
}

TEST_CASE("compare: backbone claims, coverage, conveners and the anchor", "[compare]") {
  Comparison c = compare_communities(elm_creek(2025), elm_creek(2026));
  auto claims = [](const std::vector<ClaimChange>& list) {
    Strings out;
    for (const ClaimChange& k : list)
      out.push_back(k.organization.id + ":" + (k.function.empty() ? "all" : k.function) + (k.agreed ? ":agreed" : ":claimed"));
    return out;
  };
  CHECK(claims(c.claims_added) == Strings{"library:data:agreed", "school:leadership:agreed"});
  CHECK(claims(c.claims_dropped) == Strings{"library:all:claimed", "school:all:claimed"});
  CHECK(claims(c.claims_now_agreed) == Strings{"clinic:data:agreed"});
  REQUIRE(c.coverage_changed.size() == 2);
  CHECK(c.coverage_changed[0].function == "leadership");
  CHECK(c.coverage_changed[0].issue_area_name == "Cradle to career");
  CHECK(c.coverage_changed[0].before == CoverageStatus::contested);
  CHECK(c.coverage_changed[0].after == CoverageStatus::covered);
  CHECK(c.coverage_changed[1].function == "data");
  CHECK(c.coverage_changed[1].before == CoverageStatus::contested);
  CHECK(c.coverage_changed[1].after == CoverageStatus::shared);
  REQUIRE(c.conveners_added.size() == 1);
  CHECK(c.conveners_added[0].organization == NamedRow{"youth", "Creek Youth Club"});
  CHECK(c.conveners_added[0].outcome.empty());
  REQUIRE(c.conveners_lost.size() == 1);
  CHECK(c.conveners_lost[0].organization.id == "police");
  CHECK(c.conveners_lost[0].outcome == "reading");
  CHECK(ids(c.anchors_before) == Strings{"bank"});
  CHECK(ids(c.anchors_after) == Strings{"clinic"});
}

TEST_CASE("compare: ties added, removed, strengthened, weakened and newly confirmed, by name", "[compare]") {
  Comparison c = compare_communities(elm_creek(2025), elm_creek(2026));
  CHECK(c.ties_before == 7);
  CHECK(c.ties_after == 7);
  CHECK(pairs(c.ties_added) == Strings{"clinic-food-pantry", "school-youth"});
  CHECK(c.ties_added[0].source.name == "Elm Creek Health Center");
  CHECK(c.ties_added[0].target.name == "Creek Pantry");
  CHECK(pairs(c.ties_removed) == Strings{"chapel-pantry", "chapel-clinic"});  // Hillside Chapel - Creek Pantry, - Elm Creek Clinic
  CHECK(c.ties_removed[1].target.name == "Elm Creek Clinic");                 // its name when the tie was there
  CHECK(pairs(c.ties_strengthened) == Strings{"clinic-school", "library-school"});
  CHECK(c.ties_strengthened[0].strength_before == 2);
  CHECK(c.ties_strengthened[0].strength_after == 3);
  CHECK(pairs(c.ties_weakened) == Strings{"clinic-police"});
  CHECK(c.ties_weakened[0].strength_after == 1);
  CHECK(pairs(c.ties_newly_confirmed) == Strings{"bank-library"});
  CHECK(c.cross_sector_before == 5);
  CHECK(c.cross_sector_after == 6);
  CHECK(c.ei_before == Approx(3.0 / 7));
  CHECK(c.ei_after == Approx(5.0 / 7));
}

TEST_CASE("compare: structure, single points of failure and betweenness", "[compare]") {
  Comparison c = compare_communities(elm_creek(2025), elm_creek(2026));
  CHECK(measure(c, "components").before == 1);
  CHECK(measure(c, "components").after == 1);
  CHECK(measure(c, "density").before == Approx(7.0 / 21));
  CHECK(measure(c, "density").after == Approx(7.0 / 21));
  CHECK(measure(c, "degree_centralization").before == Approx(7.0 / 30));
  CHECK(measure(c, "single_points_of_failure").before == 2);
  CHECK(measure(c, "single_points_of_failure").after == 2);
  CHECK(ids(c.single_points_appeared) == Strings{"school"});
  CHECK(ids(c.single_points_gone) == Strings{"chapel"});
  REQUIRE(c.betweenness_rose.size() == 2);
  CHECK(c.betweenness_rose[0].organization.id == "school");
  CHECK(c.betweenness_rose[0].before == Approx(3.0 / 15));
  CHECK(c.betweenness_rose[0].after == Approx(7.0 / 15));
  CHECK(c.betweenness_rose[1].organization.id == "library");
  REQUIRE(c.betweenness_fell.size() == 2);
  CHECK(c.betweenness_fell[0].organization == NamedRow{"clinic", "Elm Creek Health Center"});
  CHECK(c.betweenness_fell[0].before == Approx(9.0 / 15));
  CHECK(c.betweenness_fell[1].organization.id == "police");
  CHECK_FALSE(c.betweenness_estimated);
}

TEST_CASE("compare: the board's sentences and the JSON keys", "[compare]") {
  Comparison c = compare_communities(elm_creek(2025), elm_creek(2026));
  const Strings expected = {
      "The table went from 3 to 4 organizations (2 joined, 1 left) and from 3 to 4 people.",
      "2 key sectors gained seats (education and business).",
      "Gaps closed: sector business, generation millennials and generation gen_z.",
      "The leadership function of Cradle to career is no longer contested (now covered).",
      "The data function of Cradle to career is no longer contested (now shared).",
      "The table is younger than in 2025.",
      "Cross-sector ties rose from 5 to 6.",
      "Single points of failure: 1 appeared, 1 went away.",
  };
  CHECK(c.headline == expected);

  nlohmann::json j = to_json(c);
  CHECK(j["organizations"]["joined_table"] == nlohmann::json({"bank", "library"}));
  CHECK(j["organizations"]["left_table"] == nlohmann::json({"chapel"}));
  CHECK(j["organizations"]["added"] == nlohmann::json({"food-pantry", "youth"}));
  CHECK(j["organizations"]["removed"] == nlohmann::json({"pantry", "chapel"}));
  CHECK(j["sectors"][2] == nlohmann::json({{"sector", "business"}, {"required", true}, {"seats_before", 0},
                                          {"seats_after", 1}, {"status_before", "missing"}, {"status_after", "ok"}}));
  CHECK(j["generations"][4]["generation"] == "gen_z");
  CHECK(j["generations"][4]["at_table_before"] == 0);
  CHECK(j["generations"][4]["at_table_after"] == 1);
  CHECK(j["ties"]["added"][0]["source"] == "clinic");
  CHECK(j["ties"]["added"][0]["target"] == "food-pantry");
  CHECK(j["ties"]["removed"].size() == 2);
  CHECK(j["ties"]["strengthened"].size() == 2);
  CHECK(j["ties"]["weakened"][0]["source"] == "clinic");
  CHECK(j["roles"]["functions_changed"][1]["after"] == "shared");
  CHECK(j["network"]["density"]["before"] == Approx(1.0 / 3));
  CHECK(j["network"]["components"]["after"] == 1);

  const std::string text = format_comparison(c);
  CHECK_THAT(text, Catch::Contains("Elm Creek Health Center (clinic) - Elm Creek School (school) (2 -> 3)"));
  CHECK_THAT(text, Catch::Contains("clinic: Elm Creek Clinic -> Elm Creek Health Center"));
  CHECK_THAT(text, Catch::Contains("Creek Pantry: pantry before, food-pantry after"));
}

TEST_CASE("compare: a year with no people file", "[compare]") {
  Comparison c = compare_communities(elm_creek(2026), elm_creek(2027));
  // Without people.csv only the at_table flags seat organizations: clinic,
  // school, bank; library sat there through Dee Park alone.
  CHECK(ids(c.left_table) == Strings{"library"});
  CHECK(c.joined_table.empty());
  CHECK(c.table_people_before == 4);
  CHECK(c.table_people_after == 0);
  REQUIRE(c.people_left_table.size() == 4);  // by name: Ava Lind, Ben Ortiz, Dee Park, Eli Grant
  CHECK(c.people_left_table[0].person.id == "p1");
  CHECK(c.people_left_table[3].person.id == "p5");
  CHECK(c.fit_after.people == 0);
  for (const GenerationShift& g : c.generations) CHECK(g.at_table_after == 0);
  CHECK(c.added.empty());
  CHECK(c.removed.empty());
  CHECK(c.renamed.empty());
  CHECK(c.ties_added.empty());
  CHECK(c.ties_removed.empty());
  CHECK(c.claims_added.empty());
  CHECK(c.sectors[1].seats_after == 1);  // education: school only
}

namespace {

// The same community a year later with its organizations listed in reverse
// order: every row number changes, no organization or tie does.
Community reversed_next_year(const Community& c) {
  Community next = c;
  next.profile.year = c.profile.year + 1;
  const uint32_t n = uint32_t(c.organizations.size());
  auto flip = [n](uint32_t row) { return n - 1 - row; };
  auto& orgs = next.organizations.edit();
  std::reverse(orgs.begin(), orgs.end());
  for (Tie& t : next.ties.edit()) t.source = flip(t.source), t.target = flip(t.target);
  for (Role& r : next.roles.edit()) r.organization = flip(r.organization);
  for (Person& p : next.people.edit())
    if (p.organization != kNoOrganization) p.organization = int32_t(flip(uint32_t(p.organization)));
  return next;
}

}  // namespace

TEST_CASE("compare: an unchanged network keeps its communities, whatever the order of its rows", "[compare]") {
  // The later year's Louvain starts from the earlier year's communities
  // (matched by id), so a network that did not change shows no silo formed
  // or dissolved. Two independent runs would visit the reversed rows in
  // another order and could group them otherwise.
  GenerateOptions g;
  g.organizations = 3000;
  g.seed = 5;
  const Community before = generate_community(g);
  const Community after = reversed_next_year(before);
  REQUIRE(after.organizations[0].id == before.organizations[2999].id);
  Comparison c = compare_communities(before, after);
  CHECK(c.ties_added.empty());
  CHECK(c.ties_removed.empty());
  CHECK(measure(c, "communities").before > 10);
  CHECK(measure(c, "communities").after == measure(c, "communities").before);
  CHECK(measure(c, "modularity").after == Approx(measure(c, "modularity").before).margin(1e-9));
  CHECK(c.silos_after == c.silos_before);
  CHECK(c.silos_formed.empty());
  CHECK(c.silos_dissolved.empty());
  CHECK(c.betweenness_rose.empty());
  CHECK(c.betweenness_fell.empty());
}

TEST_CASE("compare: estimated betweenness lists only moves larger than both years' error", "[compare]") {
  // Elm Creek with betweenness sampled (as above 20,000 organizations) to
  // within 0.1 each year. The exact moves (see the top of this file): school
  // +0.267, library +0.067, clinic -0.133, police -0.067. Only a move above
  // 2 x 0.1 can be told from the estimates' error: school's.
  CompareOptions options;
  options.metrics.centrality.force_sampled = true;
  options.metrics.centrality.betweenness_epsilon = 0.1;
  Comparison c = compare_communities(elm_creek(2025), elm_creek(2026), options);
  CHECK(c.betweenness_estimated);
  CHECK(c.betweenness_error == Approx(0.1));
  CHECK(c.betweenness_confidence == Approx(0.9));
  for (const auto* list : {&c.betweenness_rose, &c.betweenness_fell})
    for (const BetweennessChange& m : *list) CHECK(std::abs(m.after - m.before) > 0.2);
  const std::string text = format_comparison(c);
  CHECK_THAT(text, Catch::Contains("each year within 0.100"));
  CHECK_THAT(text, Catch::Contains("only moves larger than 0.200 are listed"));
  const bool none = c.betweenness_rose.empty() && c.betweenness_fell.empty();
  CHECK((text.find("betweenness: no organization's moved by more than 0.200") != std::string::npos) == none);
  CHECK(to_json(c)["structure"]["betweenness_error"] == Approx(0.1));

  // Exact (the default below 20,000 organizations): every move is listed, no error stated.
  Comparison exact = compare_communities(elm_creek(2025), elm_creek(2026));
  CHECK(exact.betweenness_error == 0);
  CHECK(exact.betweenness_rose.size() == 2);
  CHECK_THAT(format_comparison(exact), !Catch::Contains("only moves larger"));
}
