// From a relationship survey to ties and scores (docs/survey.md).
//
// survey_ties() pairs the answers: each pair of organizations may have been
// reported by both sides (confirmed), by one, or by none, and --ties,
// --ratings decide which pairs become ties and how two sides' ratings
// combine. score_survey() gives PARTNER's scores: trust and value per
// organization (what the others say of it) and for the network, the
// response rate, the intensity ladder. apply_survey() writes the ties into a
// community, their quality as columns of ties.csv. All three are O(answers)
// plus O(organizations) with hashing.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/community.hpp"
#include "core/network.hpp"
#include "core/survey.hpp"

namespace tablemap {

// union: a tie when either side reported it; mutual: only when both did
// (one-sided reports about a partner that did not respond are kept by both).
enum class TieRule { union_reports, mutual_reports };
enum class RatingRule { mean, min, max };
std::optional<TieRule> parse_tie_rule(std::string_view s);
std::optional<RatingRule> parse_rating_rule(std::string_view s);

struct SurveyOptions {
  TieRule ties = TieRule::union_reports;
  RatingRule ratings = RatingRule::mean;
};

inline constexpr double kNoRating = std::numeric_limits<double>::quiet_NaN();
inline bool has_rating(double r) { return !std::isnan(r); }

// One pair of organizations that the survey makes a tie.
struct SurveyTie {
  uint32_t a = 0, b = 0;          // organization rows, a < b
  int64_t answer_of_a = -1;       // index into Survey::answers: a's answer about b, or -1
  int64_t answer_of_b = -1;       // b's answer about a, or -1
  bool confirmed = false;         // both sides reported it
  double intensity = 0;           // the two sides' intensities combined (1..4)
  Intensity step = Intensity::awareness;  // the ladder step; a mean between two steps counts at the lower
  uint8_t strength = 1;           // from the step: 1, 1, 2, 3
  std::optional<Frequency> frequency;
  TieKindSet kinds = 0;           // every kind either side named
  std::array<double, kItemCount> items;  // combined item ratings, kNoRating when neither side gave one
  double trust = kNoRating;       // mean of the combined trust items of the pair
  double value = kNoRating;
};

struct SurveyTies {
  std::vector<SurveyTie> ties;    // ordered by (a, b)
  size_t one_sided_dropped = 0;   // one-sided reports about a respondent, dropped under mutual
};

// Which organizations answered: organization row -> responded (false when not asked).
std::vector<bool> responded_organizations(const Survey& survey, size_t organization_count);

SurveyTies survey_ties(const Survey& survey, size_t organization_count, const SurveyOptions& options = {});

// OUT of `survey import`: `community` with the survey's ties. A tie of
// `community` between two organizations of which neither answered is kept
// (the survey says nothing of it) unless `replace_ties`; the others give way
// to the survey's. A survey tie naming no kind takes the kinds the community
// had for the pair, else information.
Community apply_survey(const Community& community, const Survey& survey, const SurveyTies& ties,
                       bool replace_ties = false);

// The columns apply_survey adds to ties.csv, in order (see docs/survey.md).
const std::vector<std::string>& survey_tie_columns();

// The survey quality a community's tie rows hold, in the columns survey
// import writes (survey_tie_columns): numbers where the cell holds one, else
// kNoRating. Empty when the ties have none of the columns.
struct TieQuality {
  double intensity = kNoRating;  // 1..4
  double trust = kNoRating, value = kNoRating;  // 1..4
  // What each side said of the other: trust_by_source is the trust the source gave the target.
  double trust_by_source = kNoRating, trust_by_target = kNoRating;
  double value_by_source = kNoRating, value_by_target = kNoRating;
};
std::vector<TieQuality> tie_qualities(const Community& community);
// Whether the ties carry an intensity, trust or value column.
bool has_survey_columns(const Community& community);

// `metrics --weighted --weight-by intensity`: each relationship of `network`
// (built from `community`) weighs its survey intensity, 1 to 4 by halves
// (the largest of its rows). A relationship without one (a tie kept from the
// bundle) weighs the highest step of its strength: strength 1 as
// cooperation (2), 2 as coordination (3), 3 as integration (4).
// The map's view of the survey columns: per relationship of `network`
// (built from `community`) its intensity and trust, per organization the
// mean trust and value its partners gave it (over the pairs where they rated
// it). NaN where there is none; empty vectors when the ties have no survey columns.
struct NetworkSurveyQuality {
  std::vector<float> intensity, trust;                 // per relationship
  std::vector<float> trust_received, value_received;   // per organization
  bool any() const { return !intensity.empty(); }
};
NetworkSurveyQuality network_survey_quality(const Community& community, const Network& network);

struct IntensityWeights {
  size_t with_intensity = 0, by_strength = 0;  // relationships
};
IntensityWeights weigh_by_intensity(Network& network, const Community& community);

struct OrganizationScore {
  uint32_t organization = 0;
  bool asked = false, responded = false;
  double trust = kNoRating;       // mean of the trust items the others gave it, 1..4
  double value = kNoRating;
  size_t ratings_received = 0;    // answers about it with at least one item rated
  size_t named_by = 0;            // answers naming it as a partner
};

struct SectorResponse {
  SectorId sector = 0;
  size_t asked = 0, responded = 0;
};

struct SurveyScores {
  size_t asked = 0, responded = 0;
  double response_rate = 0;                 // responded / asked, 0..1
  std::vector<uint32_t> respondents;        // organization rows, in respondents.csv order
  std::vector<uint32_t> non_respondents;
  std::vector<SectorResponse> sectors;      // sectors with someone asked, in profile order
  std::vector<OrganizationScore> organizations;  // asked or named, in organization order
  double trust = kNoRating, value = kNoRating;   // over every item rating in the survey
  size_t trust_ratings = 0, value_ratings = 0;
  size_t ties = 0, mutual_ties = 0, one_sided_ties = 0;
  size_t ties_among_asked = 0;
  double density = 0;                       // ties among the organizations asked / their pairs
  std::array<size_t, kIntensityCount> ladder{};  // ties per step, awareness first
  std::array<size_t, kContributionCount> contributes{};     // respondents naming each contribution
  std::array<size_t, kContributionCount> most_important{};  // respondents calling it most important
  SurveyOptions options;
};

// Under this response rate, betweenness, brokers and single points of failure are unreliable.
inline constexpr double kCompleteEnoughResponse = 0.70;

SurveyScores score_survey(const Community& community, const Survey& survey, const SurveyTies& ties,
                          const SurveyOptions& options = {});

// On the 1-4 scale as a percentage of the maximum (mean / 4 x 100).
inline double percent_of_max(double rating) { return rating / 4.0 * 100.0; }

// What a community's ties say of their survey quality (the columns of
// survey import), per related pair: how many pairs have an intensity, how
// many of those both sides confirmed, the ladder, and the mean of the pairs'
// trust and value columns. For the board report when no survey is given.
struct SurveyTieSummary {
  size_t ties = 0, confirmed = 0;               // pairs with an intensity
  std::array<size_t, kIntensityCount> ladder{};  // pairs per step (a mean between steps counts at the lower)
  double trust = kNoRating, value = kNoRating;  // mean over the pairs with one
  size_t trust_ties = 0, value_ties = 0;
};
SurveyTieSummary summarize_survey_ties(const Community& community);

// The sentences survey report opens with, one per line (the board report
// reuses them), and its warning under 70% response ("" at 70% and over).
std::vector<std::string> survey_opening(const SurveyScores& scores, const Community& community);
std::string survey_warning(const SurveyScores& scores);

// analysis/survey_report.cpp: the --json form and the text a lead reads.
nlohmann::json to_json(const SurveyScores& scores, const Community& community);
std::string format_survey_report(const SurveyScores& scores, const Community& community);

}  // namespace tablemap
