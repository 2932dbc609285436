// The Riverbend sample (7,500 residents) shows the gaps its README describes.
// Expected figures counted from the CSV files with a short Python script:
// 11 organizations and 13 people at the table (silent 1, boomers 10, gen_x 2),
// no business or safety organization at the table.
#include <catch2/catch.hpp>

#include "analysis/gaps.hpp"
#include "io/load.hpp"

using namespace tablemap;

namespace {
Community riverbend() {
  LoadResult r = load_community(std::string(TABLEMAP_SOURCE_DIR) + "/datasets/riverbend");
  INFO((r.problems.empty() ? std::string() : r.problems.front().to_string()));
  REQUIRE(r.ok());
  return *r.community;
}
const SectorRow& sector(const GapReport& r, const std::string& name) {
  for (const SectorRow& s : r.sectors)
    if (s.name == name) return s;
  FAIL("no sector " << name);
  return r.sectors.front();
}
}  // namespace

TEST_CASE("riverbend: business and safety have no seat") {
  Community c = riverbend();
  GapReport r = analyze_gaps(c, Network(c));
  CHECK(c.profile.total_residents() == 7500);
  CHECK(r.table.people == 13);
  CHECK(r.table.organizations == 11);
  CHECK(sector(r, "business").status == GapStatus::missing);
  CHECK(sector(r, "safety").status == GapStatus::missing);
  CHECK(sector(r, "education").seats == 3);
  CHECK(sector(r, "social_services").seats == 3);
  CHECK(sector(r, "health").status == GapStatus::ok);
  // The sheriff and the feed store are reachable: both are candidates.
  bool sheriff = false;
  for (const Candidate& cand : sector(r, "safety").candidates) sheriff = sheriff || cand.id == "rb-sheriff";
  CHECK(sheriff);
  CHECK_FALSE(r.readiness[0].pass);
}

TEST_CASE("riverbend: nobody under 45 at the table") {
  Community c = riverbend();
  GapReport r = analyze_gaps(c, Network(c));
  CHECK(r.generations[size_t(Generation::boomers)].at_table == 10);
  CHECK(r.generations[size_t(Generation::boomers)].status == GapStatus::over);  // 76.9% vs 22.7%
  CHECK(r.generations[size_t(Generation::millennials)].status == GapStatus::missing);
  CHECK(r.generations[size_t(Generation::gen_z)].status == GapStatus::missing);
  // Children are not seated: the test runs over the five seated generations. Exact multinomial of
  // (1,10,2,0,0) against 600:1700:1400:1500:1400, by Python fractions.
  CHECK(r.generation_fit.test == "exact multinomial");
  CHECK(r.generation_fit.p_value == Approx(0.0006222369410940909).epsilon(1e-9));
  CHECK(r.fit_verdict == FitVerdict::differs);  // 13 x 600/6600 = 1.18 expected silent: big enough to judge
  CHECK_FALSE(r.generations[size_t(Generation::gen_alpha)].seated);
  CHECK(r.generations[size_t(Generation::gen_alpha)].served_by_count == 6);
  CHECK_FALSE(r.readiness[1].pass);
  // The invite plan closes both missing key sectors.
  auto closed = [&](const std::string& label) {
    for (const GapRef& g : r.invite_plan.closed)
      if (gap_label(g, r) == label) return true;
    return false;
  };
  CHECK(closed("sector:business"));
  CHECK(closed("sector:safety"));
  CHECK(closed("generation:gen_z"));
}
