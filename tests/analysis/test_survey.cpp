// From answers to ties and scores, on the Harbor survey; every expected value
// is worked out in tests/data/survey/harbor/README.md (A clinic, B schools,
// C chamber, D city: did not answer, E pantry: not asked).
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/survey.hpp"
#include "io/load.hpp"
#include "io/survey_read.hpp"

using namespace tablemap;

namespace {

struct Harbor {
  Community community;
  Survey survey;
  uint32_t A, B, C, D, E;
};

Harbor harbor() {
  const std::string dir = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/survey/harbor";
  LoadResult c = load_community(dir);
  REQUIRE(c.ok());
  SurveyLoad s = load_survey(dir + "/survey", *c.community);
  REQUIRE(s.ok());
  Harbor h{std::move(*c.community), std::move(*s.survey), 0, 0, 0, 0, 0};
  h.A = *h.community.find_organization("harbor-clinic");
  h.B = *h.community.find_organization("harbor-schools");
  h.C = *h.community.find_organization("harbor-chamber");
  h.D = *h.community.find_organization("harbor-city");
  h.E = *h.community.find_organization("harbor-pantry");
  return h;
}

const SurveyTie* find(const SurveyTies& ties, uint32_t x, uint32_t y) {
  for (const SurveyTie& t : ties.ties)
    if (t.a == std::min(x, y) && t.b == std::max(x, y)) return &t;
  return nullptr;
}

SurveyTies ties_of(const Harbor& h, TieRule tie_rule, RatingRule rating_rule = RatingRule::mean) {
  return survey_ties(h.survey, h.community.organizations.size(), {tie_rule, rating_rule});
}

}  // namespace

TEST_CASE("union: a tie when either side reported it, confirmed when both did") {
  Harbor h = harbor();
  SurveyTies t = ties_of(h, TieRule::union_reports);
  REQUIRE(t.ties.size() == 4);
  CHECK(t.one_sided_dropped == 0);
  REQUIRE(find(t, h.A, h.B));
  CHECK(find(t, h.A, h.B)->confirmed);
  REQUIRE(find(t, h.A, h.C));  // C answered and did not name A: kept, unconfirmed
  CHECK_FALSE(find(t, h.A, h.C)->confirmed);
  REQUIRE(find(t, h.B, h.E));  // E was not asked
  CHECK_FALSE(find(t, h.B, h.E)->confirmed);
  REQUIRE(find(t, h.C, h.D));  // D did not answer
  CHECK_FALSE(find(t, h.C, h.D)->confirmed);
}

TEST_CASE("mutual: only both-sided reports, plus reports about partners that did not answer") {
  Harbor h = harbor();
  SurveyTies t = ties_of(h, TieRule::mutual_reports);
  REQUIRE(t.ties.size() == 3);
  CHECK(t.one_sided_dropped == 1);
  CHECK(find(t, h.A, h.B));
  CHECK_FALSE(find(t, h.A, h.C));
  CHECK(find(t, h.B, h.E));
  CHECK(find(t, h.C, h.D));
}

TEST_CASE("a mutual pair's ratings combine by mean") {
  Harbor h = harbor();
  const SurveyTies ties = ties_of(h, TieRule::union_reports, RatingRule::mean);  // kept: ab points into it
  const SurveyTie& ab = *find(ties, h.A, h.B);
  CHECK(ab.intensity == 2.5);                 // (3 + 2) / 2
  CHECK(ab.step == Intensity::cooperation);   // between two steps: the lower
  CHECK(ab.strength == 1);
  CHECK(ab.frequency == Frequency::monthly);  // weekly and monthly: between, the lower
  CHECK(ab.items[0] == 3);                    // reliability 4, 2
  CHECK(ab.items[2] == 4);                    // openness: only A answered
  CHECK(ab.items[4] == 3);                    // resources: only A answered
  CHECK(ab.trust == Approx(10.0 / 3));        // (3 + 3 + 4) / 3
  CHECK(ab.value == Approx(3.0));             // (3 + 3 + 3) / 3
  CHECK(ab.kinds == TieKindSet((1u << int(TieKind::information)) | (1u << int(TieKind::data_sharing))));
}

TEST_CASE("a mutual pair's ratings combine by min") {
  Harbor h = harbor();
  const SurveyTies ties = ties_of(h, TieRule::union_reports, RatingRule::min);  // kept: ab points into it
  const SurveyTie& ab = *find(ties, h.A, h.B);
  CHECK(ab.intensity == 2);
  CHECK(ab.step == Intensity::cooperation);
  CHECK(ab.strength == 1);
  CHECK(ab.frequency == Frequency::monthly);
  CHECK(ab.trust == Approx(3.0));        // (2 + 3 + 4) / 3
  CHECK(ab.value == Approx(7.0 / 3));    // (2 + 3 + 2) / 3
}

TEST_CASE("a mutual pair's ratings combine by max") {
  Harbor h = harbor();
  const SurveyTies ties = ties_of(h, TieRule::union_reports, RatingRule::max);  // kept: ab points into it
  const SurveyTie& ab = *find(ties, h.A, h.B);
  CHECK(ab.intensity == 3);
  CHECK(ab.step == Intensity::coordination);
  CHECK(ab.strength == 2);
  CHECK(ab.frequency == Frequency::weekly);
  CHECK(ab.trust == Approx(11.0 / 3));   // (4 + 3 + 4) / 3
  CHECK(ab.value == Approx(11.0 / 3));   // (4 + 3 + 4) / 3
}

TEST_CASE("a one-sided tie keeps its one side's answer") {
  Harbor h = harbor();
  SurveyTies t = ties_of(h, TieRule::union_reports, RatingRule::min);
  const SurveyTie& cd = *find(t, h.C, h.D);
  CHECK(cd.intensity == 4);
  CHECK(cd.strength == 3);
  CHECK(cd.trust == 3);  // reliability 3 alone
  CHECK_FALSE(has_rating(cd.value));
  const SurveyTie& ac = *find(t, h.A, h.C);
  CHECK(ac.step == Intensity::awareness);
  CHECK_FALSE(has_rating(ac.trust));
}

TEST_CASE("trust and value per organization are what the others say of it") {
  Harbor h = harbor();
  SurveyScores s = score_survey(h.community, h.survey, ties_of(h, TieRule::union_reports));
  auto of = [&](uint32_t o) -> const OrganizationScore& {
    for (const OrganizationScore& x : s.organizations)
      if (x.organization == o) return x;
    FAIL("no score");
    return s.organizations.front();
  };
  REQUIRE(s.organizations.size() == 5);  // four asked and the pantry, named by B
  CHECK(of(h.A).trust == 2.5);
  CHECK(percent_of_max(of(h.A).trust) == 62.5);
  CHECK(of(h.A).value == 3);
  CHECK(of(h.A).ratings_received == 1);
  CHECK(of(h.B).trust == Approx(11.0 / 3));
  CHECK(percent_of_max(of(h.B).trust) == Approx(91.6667).epsilon(1e-4));
  CHECK(of(h.B).value == 3);
  CHECK_FALSE(has_rating(of(h.C).trust));
  CHECK(of(h.C).ratings_received == 0);
  CHECK(of(h.C).named_by == 1);
  CHECK(of(h.D).trust == 3);
  CHECK_FALSE(has_rating(of(h.D).value));
  CHECK_FALSE(of(h.D).responded);
  CHECK(of(h.E).trust == 4);
  CHECK_FALSE(of(h.E).asked);
}

TEST_CASE("network trust and value, response rate, density, ladder, contributions") {
  Harbor h = harbor();
  SurveyScores s = score_survey(h.community, h.survey, ties_of(h, TieRule::union_reports));
  CHECK(s.trust == Approx(23.0 / 7));  // 4 3 4 2 3 3 4
  CHECK(s.trust_ratings == 7);
  CHECK(s.value == 3);                 // 2 3 4 4 2
  CHECK(s.value_ratings == 5);
  CHECK(s.asked == 4);
  CHECK(s.responded == 3);
  CHECK(s.response_rate == 0.75);
  REQUIRE(s.non_respondents.size() == 1);
  CHECK(s.non_respondents[0] == h.D);
  REQUIRE(s.sectors.size() == 4);
  CHECK(h.community.sector_name(s.sectors[3].sector) == "government");
  CHECK(s.sectors[3].asked == 1);
  CHECK(s.sectors[3].responded == 0);
  CHECK(s.ties == 4);
  CHECK(s.mutual_ties == 1);
  CHECK(s.one_sided_ties == 3);
  CHECK(s.density == 0.5);  // A-B, A-C, C-D of the 6 pairs among the four asked
  CHECK(s.ladder == std::array<size_t, 4>{1, 2, 0, 1});
  CHECK(s.contributes[size_t(Contribution::data)] == 2);
  CHECK(s.contributes[size_t(Contribution::funding)] == 1);
  CHECK(s.most_important[size_t(Contribution::data)] == 1);
  CHECK(s.most_important[size_t(Contribution::expertise)] == 0);
}

TEST_CASE("import keeps the ties nobody answered about and replaces the others") {
  Harbor h = harbor();
  SurveyTies t = ties_of(h, TieRule::union_reports);
  Community out = apply_survey(h.community, h.survey, t);
  const auto& cols = out.ties.extra_columns();
  REQUIRE(cols.size() == 11);  // notes, then the survey's ten
  CHECK(cols[0] == "notes");
  CHECK(cols[1] == "intensity");
  REQUIRE(out.ties.size() == 6);
  // City-Pantry: neither answered; kept with its note, no survey quality.
  CHECK(out.ties[0].source == h.D);
  CHECK(out.ties[0].kind == TieKind::referral);
  CHECK(out.ties[0].extra[0] == "food referrals");
  CHECK(out.ties[0].extra[1].empty());
  // A-B: information and data_sharing rows, intensity 2.5, strength 1, trust
  // 3.33; the note typed on the row they replace goes on with them.
  CHECK(out.ties[1].kind == TieKind::information);
  CHECK(out.ties[2].kind == TieKind::data_sharing);
  CHECK(out.ties[1].confirmed);
  CHECK(out.ties[1].strength == 1);
  CHECK(out.ties[1].extra == ExtraCells{"from the 2025 sign-in sheets", "2.5", "monthly", "3.33", "3", "3", "2", "3.67", "2.5", "3", "3"});
  // C-D: no kind given, the bundle had resources for the pair.
  CHECK(out.ties[5].source == h.C);
  CHECK(out.ties[5].kind == TieKind::resources);
  CHECK(out.ties[5].strength == 3);
  CHECK_FALSE(out.ties[5].confirmed);
  CHECK(apply_survey(h.community, h.survey, t, true).ties.size() == 5);
}

TEST_CASE("the map's view of an imported survey: intensity and trust per tie, trust and value received per organization") {
  // README: A-B 2.5 (trust 3.33), A-C awareness 1, B-E 2 (trust 4), C-D 4 (trust 3), D-E kept from the bundle (none).
  // Received: A trust 2.5 value 3 (from B); B trust 3.67 value 3 (from A); D trust 3 (C); E trust 4 (B); C nothing.
  Harbor h = harbor();
  const SurveyTies ties = survey_ties(h.survey, h.community.organizations.size());
  const Community imported = apply_survey(h.community, h.survey, ties);
  const Network net(imported);
  const NetworkSurveyQuality q = network_survey_quality(imported, net);
  REQUIRE(q.any());
  auto rel = [&](uint32_t x, uint32_t y) {
    for (size_t r = 0; r < net.relationships().size(); ++r)
      if (net.relationships()[r].a == std::min(x, y) && net.relationships()[r].b == std::max(x, y)) return r;
    FAIL("no relationship");
    return size_t(0);
  };
  CHECK(q.intensity[rel(h.A, h.B)] == Approx(2.5));
  CHECK(q.trust[rel(h.A, h.B)] == Approx(3.33));
  CHECK(q.intensity[rel(h.A, h.C)] == Approx(1));
  CHECK(std::isnan(q.trust[rel(h.A, h.C)]));
  CHECK(q.intensity[rel(h.B, h.E)] == Approx(2));
  CHECK(q.intensity[rel(h.C, h.D)] == Approx(4));
  CHECK(std::isnan(q.intensity[rel(h.D, h.E)]));
  CHECK(q.trust_received[h.A] == Approx(2.5));
  CHECK(q.value_received[h.A] == Approx(3));
  CHECK(q.trust_received[h.B] == Approx(3.67));
  CHECK(q.value_received[h.B] == Approx(3));
  CHECK(std::isnan(q.trust_received[h.C]));
  CHECK(q.trust_received[h.D] == Approx(3));
  CHECK(std::isnan(q.value_received[h.D]));
  CHECK(q.trust_received[h.E] == Approx(4));
  // The bundle before the import has no survey columns.
  CHECK_FALSE(network_survey_quality(h.community, Network(h.community)).any());
}
