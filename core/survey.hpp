// A relationship survey (PARTNER style): which organizations were asked,
// which answered, and what each said about the partners it works with.
// The files and their rules are in docs/survey.md; io/survey_read fills this
// model, analysis/survey turns it into ties and scores.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocabulary.hpp"

namespace tablemap {

// How closely two organizations work, PARTNER's ladder of four steps.
enum class Intensity : uint8_t { awareness = 1, cooperation, coordination, integration };
inline constexpr int kIntensityCount = 4;
std::string_view to_string(Intensity i);
// "2", "cooperation", "Cooperation" all give cooperation.
std::optional<Intensity> parse_intensity(std::string_view s);
// The tie strength (1..3) of a step: awareness and cooperation 1, coordination 2, integration 3.
uint8_t strength_of(Intensity i);

enum class Frequency : uint8_t { yearly, quarterly, monthly, weekly, daily };
inline constexpr int kFrequencyCount = 5;
std::string_view to_string(Frequency f);
std::optional<Frequency> parse_frequency(std::string_view s);

// What an organization brings to the coalition.
enum class Contribution : uint8_t {
  funding, in_kind, paid_staff, volunteers, data, info_feedback, expertise,
  community_connections, fiscal_management, facilitation, advocacy, it_web
};
inline constexpr int kContributionCount = 12;
std::string_view to_string(Contribution c);
std::optional<Contribution> parse_contribution(std::string_view s);
// Every word of a list, for messages ("funding, in_kind, ...").
std::string contribution_words();
std::string intensity_words();
std::string frequency_words();

// The six rating items: three of trust, three of value, each 1..4.
enum class Item : uint8_t { reliability, mission, openness, power, resources, involvement };
inline constexpr int kItemCount = 6;
inline constexpr int kTrustItems[] = {0, 1, 2};
inline constexpr int kValueItems[] = {3, 4, 5};
std::string_view to_string(Item i);
inline constexpr uint8_t kNotAnswered = 0;  // a blank item is not answered, never 0

// One row of respondents.csv.
struct SurveyRespondent {
  uint32_t organization = 0;  // organization row in the community
  bool responded = false;
  uint16_t contributes = 0;   // bit per Contribution
  std::optional<Contribution> most_important;
  uint32_t line = 0;          // line in respondents.csv
  bool contributes_to(Contribution c) const { return (contributes >> int(c)) & 1u; }
};

// One row of answers.csv that says the respondent works with the partner
// (rows with a blank intensity name no relationship and are not kept).
struct SurveyAnswer {
  uint32_t respondent = 0;  // organization rows
  uint32_t partner = 0;
  Intensity intensity = Intensity::awareness;
  std::optional<Frequency> frequency;
  TieKindSet kinds = 0;     // bit per TieKind; 0 when the row names none
  std::array<uint8_t, kItemCount> items{};  // 1..4, kNotAnswered when blank
  uint32_t line = 0;        // line in answers.csv
};

struct Survey {
  std::string respondents_file;  // labels as the user named them, for messages
  std::string answers_file;
  std::vector<SurveyRespondent> respondents;  // in file order
  std::vector<SurveyAnswer> answers;          // in file order
};

}  // namespace tablemap
