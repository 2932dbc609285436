// Reading a survey: respondents.csv and answers.csv about the organizations
// of a community, every rule of docs/survey.md, every problem at once.
// The Harbor data and its hand-worked values: tests/data/survey/harbor/README.md.
#include <catch2/catch.hpp>

#include "io/load.hpp"
#include "io/survey_read.hpp"
#include "support/bundle_fixture.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

const std::string kHarbor = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/survey/harbor";

Community harbor() {
  LoadResult r = load_community(kHarbor);
  REQUIRE(r.ok());
  return std::move(*r.community);
}

// Problems of a survey written into a temporary folder, the folder left out.
std::vector<std::string> problems_of(const std::string& respondents, const std::string& answers) {
  TempFolder folder;
  if (!respondents.empty()) folder.write("respondents.csv", respondents);
  if (!answers.empty()) folder.write("answers.csv", answers);
  SurveyLoad r = load_survey(folder.path(), harbor());
  CHECK(r.ok() == r.problems.empty());
  std::vector<std::string> out;
  for (const Problem& p : r.problems) {
    std::string s = p.to_string();
    const std::string prefix = folder.path() + "/";
    if (s.rfind(prefix, 0) == 0) s = s.substr(prefix.size());
    out.push_back(s);
  }
  return out;
}

const std::string kRespondents =
    "organization,responded\nharbor-clinic,yes\nharbor-schools,yes\nharbor-chamber,yes\nharbor-city,no\n";
const std::string kAnswersHeader = "respondent,partner,intensity,reliability\n";

}  // namespace

TEST_CASE("the Harbor survey reads: four asked, five answers naming a partner") {
  Community c = harbor();
  SurveyLoad r = load_survey(kHarbor + "/survey", c);
  REQUIRE(r.ok());
  const Survey& s = *r.survey;
  REQUIRE(s.respondents.size() == 4);
  // "Harbor Unified Schools" is the exact name of harbor-schools.
  CHECK(s.respondents[1].organization == *c.find_organization("harbor-schools"));
  CHECK(s.respondents[1].responded);
  CHECK_FALSE(s.respondents[3].responded);
  CHECK(s.respondents[0].contributes_to(Contribution::funding));
  CHECK(s.respondents[0].contributes_to(Contribution::data));
  CHECK_FALSE(s.respondents[0].contributes_to(Contribution::expertise));
  CHECK(s.respondents[1].most_important == Contribution::data);
  // Six rows; the chamber's row about the clinic has no intensity and names no relationship.
  REQUIRE(s.answers.size() == 5);
  const SurveyAnswer& a = s.answers[0];
  CHECK(a.intensity == Intensity::coordination);
  CHECK(a.frequency == Frequency::weekly);
  CHECK(a.kinds == TieKindSet(1u << int(TieKind::data_sharing)));
  CHECK(a.items == std::array<uint8_t, kItemCount>{4, 3, 4, 2, 3, 4});
  CHECK(a.line == 2);
  // B about A: openness and resources blank are not answered, never 0.
  CHECK(s.answers[2].items == std::array<uint8_t, kItemCount>{2, 3, kNotAnswered, 4, kNotAnswered, 2});
  CHECK(s.answers[2].intensity == Intensity::cooperation);
  CHECK(s.answers[3].partner == *c.find_organization("harbor-pantry"));
  CHECK(s.answers[4].intensity == Intensity::integration);
  CHECK(s.answers[4].line == 7);
}

TEST_CASE("intensity is a number or a word, frequency and contributions are words") {
  CHECK(parse_intensity("4") == Intensity::integration);
  CHECK(parse_intensity(" Coordination ") == Intensity::coordination);
  CHECK_FALSE(parse_intensity("5"));
  CHECK_FALSE(parse_intensity("0"));
  CHECK(parse_frequency("Quarterly") == Frequency::quarterly);
  CHECK(parse_contribution("in_kind") == Contribution::in_kind);
  CHECK(strength_of(Intensity::awareness) == 1);
  CHECK(strength_of(Intensity::cooperation) == 1);
  CHECK(strength_of(Intensity::coordination) == 2);
  CHECK(strength_of(Intensity::integration) == 3);
}

TEST_CASE("an unknown organization gets a did-you-mean, in both files, at its line") {
  auto p = problems_of("organization,responded\nharbor-clinc,yes\nharbor-schools,yes\n",
                       kAnswersHeader + "harbor-schools,Harbor Food Pantri,2,\n");
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "respondents.csv:2: 'harbor-clinc' is not one of the community's organizations "
                "(did you mean 'harbor-clinic'?)");
  CHECK(p[1] == "answers.csv:2: partner 'Harbor Food Pantri' is not one of the community's organizations "
                "(did you mean 'Harbor Food Pantry'?)");
}

TEST_CASE("every problem of both files is reported at once, by line") {
  auto p = problems_of(
      "organization,responded,contributes\n"
      "harbor-clinic,yes,money\n"       // 2: not a contribution
      "harbor-schools,maybe,\n"         // 3: not yes/no
      "harbor-chamber,yes,\n"
      "harbor-city,no,\n"
      "harbor-clinic,yes,\n",           // 6: listed twice
      "respondent,partner,intensity,frequency,reliability,power\n"
      "harbor-clinic,harbor-chamber,,,3,\n"           // 2: rated without intensity
      "harbor-clinic,harbor-clinic,2,,,\n"            // 3: rates itself
      "harbor-city,harbor-clinic,2,,,\n"              // 4: said it did not respond
      "harbor-pantry,harbor-clinic,2,,,\n"            // 5: not asked
      "harbor-chamber,harbor-clinic,5,,,\n"           // 6: intensity out of range
      "harbor-chamber,harbor-city,2,often,0,4\n"      // 7: frequency and a 0 rating
      "harbor-chamber,harbor-schools,2,,,\n"
      "harbor-chamber,harbor-schools,3,,,\n");        // 9: a second answer about the same partner
  REQUIRE(p.size() == 11);
  CHECK(p[0] == "respondents.csv:2: contributes: 'money' is not one of funding, in_kind, paid_staff, volunteers, "
                "data, info_feedback, expertise, community_connections, fiscal_management, facilitation, advocacy, it_web");
  CHECK(p[1] == "respondents.csv:3: responded must be yes or no, not 'maybe'");
  CHECK(p[2] == "respondents.csv:6: 'harbor-clinic' is already listed on line 2; list each organization asked once");
  CHECK(p[3] == "answers.csv:2: 'harbor-clinic' rates 'harbor-chamber' but does not say how closely they work: "
                "fill in intensity (1 awareness, 2 cooperation, 3 coordination, 4 integration) or clear the row");
  CHECK(p[4] == "answers.csv:3: 'harbor-clinic' rates itself; an answer is about another organization");
  CHECK(p[5].find("answers.csv:4: 'harbor-city' answered, but ") == 0);
  CHECK(p[5].find("respondents.csv:5 says it did not respond; set responded to yes there") != std::string::npos);
  CHECK(p[6].find("answers.csv:5: 'harbor-pantry' answered but is not in ") == 0);
  CHECK(p[7] == "answers.csv:6: intensity '5' is not one of 1 awareness, 2 cooperation, 3 coordination, 4 integration");
  CHECK(p[8] == "answers.csv:7: frequency 'often' is not one of yearly, quarterly, monthly, weekly, daily");
  CHECK(p[9] == "answers.csv:7: reliability '0' must be 1 (not at all) to 4 (a great deal), or blank when not answered");
  CHECK(p[10] == "answers.csv:9: 'harbor-chamber' already answered about 'harbor-schools' on line 8; keep one row per partner");
}

TEST_CASE("a missing file or required column is named") {
  auto missing = problems_of(kRespondents, "");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0] == "answers.csv: missing: a survey needs answers.csv (one row per respondent and partner it names)");
  auto column = problems_of("organization,answered\nharbor-clinic,yes\n", "respondent,partner\n");
  REQUIRE(column.size() == 1);
  CHECK(column[0].find("respondents.csv:1: the header has no 'responded' column") == 0);
}

TEST_CASE("a survey file is read with the bundle's CSV rules") {
  // A BOM, CRLF line ends, header spelled in capitals, an empty line.
  auto p = problems_of("\xEF\xBB\xBFOrganization,Responded\r\nharbor-clinic,YES\r\n\r\nharbor-schools,n\r\n",
                       "Respondent,Partner,Intensity\r\nharbor-clinic,harbor-schools,Integration\r\n");
  CHECK(p.empty());
}
