// Inside the board report (analysis/board_report*.cpp): the helpers its
// sections share and the sections themselves. Not for other callers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/board_report.hpp"

namespace tablemap::board {

// HTML text (content or attribute value).
std::string h(std::string_view text);
// A file word for readers: "social_services" -> "social services".
std::string words(std::string_view vocabulary_word);
// "Gen Z", "Millennials", ...
std::string generation_name(Generation g);
std::string org_name(const Community& c, uint32_t org);
// "A, B and C"; with more than `limit`, "A, B, C and 12 more (15 in all)".
std::string name_list(const std::vector<std::string>& names, size_t limit);
std::string org_list(const Community& c, const std::vector<uint32_t>& orgs, size_t limit);
std::string percent(double share);
std::string plural(size_t n, std::string_view one, std::string_view many);

// Everything a section needs.
struct Context {
  const Community& c;
  const Network& net;
  const GapReport& gaps;
  const RoleReport& roles;
  const NetworkMetrics& metrics;
  const BoardReportOptions& options;
  std::vector<bool> at_table;
};

std::string section_roles(const Context& x);
std::string section_structure(const Context& x);
std::string section_profiles(const Context& x);
// "Change since 2025": options.since_last_year, or "" without it.
std::string section_change(const Context& x);
// The partner survey; "" when there is neither a survey nor survey columns in the ties.
std::string section_survey(const Context& x);
// The summary's sentence on the survey; "" likewise.
std::string survey_finding(const Context& x);

}  // namespace tablemap::board
