// Seated and served generations, the "too few people to tell" rule and the
// head count, on tests/data/answers/small-table (its README works out every
// expected value by hand).
#include <catch2/catch.hpp>

#include "analysis/gaps.hpp"
#include "io/load.hpp"

using namespace tablemap;

namespace {

Community load_small_table() {
  LoadResult loaded = load_community(std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/answers/small-table");
  for (const Problem& p : loaded.problems) UNSCOPED_INFO(p.to_string());
  REQUIRE(loaded.ok());
  return *loaded.community;
}

const GenerationRow& row(const GapReport& r, Generation g) { return r.generations[size_t(g)]; }

void leave_table(Community& c, std::initializer_list<const char*> ids) {
  auto& people = c.people.edit();
  for (const char* id : ids)
    for (Person& p : people)
      if (p.id == id) p.at_table = false;
}

}  // namespace

TEST_CASE("the head count splits people and organizations without counting anyone twice") {
  Community c = load_small_table();
  const GapReport r = analyze_gaps(c, Network(c));
  CHECK(r.table.people == 9);
  CHECK(r.table.affiliated == 8);
  CHECK(r.table.unaffiliated == 1);
  CHECK(r.table.organizations == 9);
  CHECK(r.table.organizations_with_people == 8);
  CHECK(r.table.organizations_without_people == 1);
  CHECK(table_line(r.table).find("At the table: 9 people and 9 organizations (8 people for 8 organizations, "
                                 "1 person on their own, 1 organization with nobody named at the table)") == 0);
}

TEST_CASE("gen_alpha is not seated by default: served, by named organizations, never missing") {
  Community c = load_small_table();
  const GapReport r = analyze_gaps(c, Network(c));
  const GenerationRow& alpha = row(r, Generation::gen_alpha);
  CHECK_FALSE(alpha.seated);
  CHECK(alpha.status == GapStatus::ok);
  CHECK(alpha.candidates.empty());
  CHECK(alpha.served_by_count == 2);
  CHECK(alpha.served_by_names == std::vector<std::string>{"Small Town School", "Sunshine Daycare"});
  CHECK(row(r, Generation::millennials).status == GapStatus::missing);
  CHECK(row(r, Generation::gen_z).status == GapStatus::missing);
  // Shares among the seated generations: boomers 6 of 9 at the table, 300 of 1,000 residents.
  CHECK(row(r, Generation::boomers).table_share == Approx(6.0 / 9.0));
  CHECK(row(r, Generation::boomers).resident_share.value() == Approx(0.3));
  const std::string text = format_gap_report(r, c);
  CHECK(text.find("gen_alpha is not expected at a leadership table (seated_generations): served by 2 organizations: "
                  "Small Town School and Sunshine Daycare") != std::string::npos);
  CHECK(text.find("Generation gen_alpha") == std::string::npos);
  // The readiness check names only seated generations.
  CHECK(r.readiness[1].evidence == "nobody at the table from millennials and gen_z");
}

TEST_CASE("a generation the profile seats can be missing") {
  Community c = load_small_table();
  c.profile.seated_generations = GenerationSet((1u << kGenerationCount) - 1);
  const GapReport r = analyze_gaps(c, Network(c));
  CHECK(row(r, Generation::gen_alpha).seated);
  CHECK(row(r, Generation::gen_alpha).status == GapStatus::missing);
  // Shares now over all 1,200 residents.
  CHECK(row(r, Generation::boomers).resident_share.value() == Approx(0.25));
}

TEST_CASE("a table too small to judge says too few people to tell, not within chance") {
  Community c = load_small_table();
  const GapReport r = analyze_gaps(c, Network(c));
  CHECK(r.generation_fit.test == "exact multinomial");
  CHECK(r.generation_fit.people == 9);
  CHECK(r.generation_fit.p_value == Approx(0.12914).epsilon(1e-4));
  CHECK(r.fit_min_expected == Approx(0.9));
  CHECK(r.fit_smallest_generation == "silent");
  CHECK(r.fit_verdict == FitVerdict::too_few);
  CHECK(r.generation_fit.note.find("too few people at the table to tell") == 0);
  CHECK(r.generation_fit.note.find("within what chance") == std::string::npos);
}

TEST_CASE("a small table whose mix is far off still differs") {
  Community c = load_small_table();
  leave_table(c, {"p7", "p8", "p9"});
  const GapReport r = analyze_gaps(c, Network(c));
  CHECK(r.generation_fit.people == 6);
  CHECK(r.generation_fit.p_value == Approx(0.015460).epsilon(1e-4));
  CHECK(r.fit_verdict == FitVerdict::differs);
}
