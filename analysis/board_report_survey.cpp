// The board report's partner survey section: the survey's scores when the
// report is given the survey (response rate, trust and value per partner),
// else what the ties' survey columns (survey import) say of their quality.
#include <algorithm>

#include <fmt/format.h>

#include "analysis/board_report_parts.hpp"

namespace tablemap::board {

namespace {

// "3.3 of 4 (82%)", or "not rated".
std::string rating(double r) {
  return has_rating(r) ? fmt::format("{:.1f} of 4 ({:.0f}%)", r, percent_of_max(r)) : "not rated";
}

const char* kSteps[] = {"awareness", "cooperation", "coordination", "integration"};

std::string ladder_table(const std::array<size_t, kIntensityCount>& ladder) {
  std::string out = "<table><tr><th>How closely partners work</th><th class=\"num\">Pairs</th></tr>";
  for (int i = 0; i < kIntensityCount; ++i)
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>", kSteps[i], ladder[size_t(i)]);
  return out + "</table>";
}

std::string from_scores(const Context& x, const SurveyScores& s) {
  std::string out;
  for (const std::string& line : survey_opening(s, x.c)) out += "<p>" + h(line) + "</p>";
  if (const std::string w = survey_warning(s); !w.empty()) out += "<p class=\"missing\">" + h("Warning: " + w) + "</p>";
  out += "<h3>Response rate per sector</h3><table><tr><th>Sector</th><th class=\"num\">Asked</th>"
         "<th class=\"num\">Answered</th><th class=\"num\">Rate</th></tr>";
  for (const SectorResponse& r : s.sectors)
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                       h(words(x.c.sector_name(r.sector))), r.asked, r.responded,
                       percent(r.asked ? double(r.responded) / double(r.asked) : 0));
  out += "</table>";
  // What partners say of each organization, most trusted first; those nobody rated left out.
  std::vector<const OrganizationScore*> rated;
  for (const OrganizationScore& o : s.organizations)
    if (o.ratings_received) rated.push_back(&o);
  auto key = [](double r) { return has_rating(r) ? r : -1.0; };
  std::stable_sort(rated.begin(), rated.end(), [&](const OrganizationScore* a, const OrganizationScore* b) {
    return key(a->trust) > key(b->trust);
  });
  out += "<h3>Trust and value, as partners rate each organization</h3><table><tr><th>Organization</th>"
         "<th class=\"num\">Trust</th><th class=\"num\">Value</th><th class=\"num\">Rated by</th></tr>";
  const size_t limit = x.options.list_limit;
  for (size_t i = 0; i < rated.size() && i < limit; ++i)
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                       h(org_name(x.c, rated[i]->organization)), h(rating(rated[i]->trust)), h(rating(rated[i]->value)),
                       rated[i]->ratings_received);
  out += "</table>";
  if (rated.size() > limit)
    out += "<p class=\"more\">" + h(fmt::format("and {} more rated organizations ({} in all)", rated.size() - limit,
                                                rated.size())) +
           "</p>";
  out += ladder_table(s.ladder);
  return out;
}

std::string from_ties(const SurveyTieSummary& t) {
  std::string out = "<p>" +
                    h(fmt::format("{} of the network come from a partner survey; both sides reported {} of them ({}). "
                                  "Their trust averages {} and their value {}.",
                                  plural(t.ties, "tie", "ties"), t.confirmed,
                                  percent(t.ties ? double(t.confirmed) / double(t.ties) : 0), rating(t.trust),
                                  rating(t.value))) +
                    "</p>";
  out += ladder_table(t.ladder);
  out += "<p class=\"note\">" +
         h("Trust and value here are the means of the pairs' trust and value columns in ties.csv. The response rate "
           "and what partners say of each organization are in the survey itself: tablemap report PATH --survey "
           "SURVEY adds them.") +
         "</p>";
  return out;
}

}  // namespace

std::string survey_finding(const Context& x) {
  if (x.options.survey) {
    const SurveyScores& s = *x.options.survey;
    std::string line = fmt::format("{} of the {} organizations asked answered the partner survey ({}).", s.responded,
                                   s.asked, percent(s.response_rate));
    if (has_rating(s.trust) || has_rating(s.value))
      line += fmt::format(" Partners rate each other's trustworthiness at {} and their value at {}.", rating(s.trust),
                          rating(s.value));
    if (!survey_warning(s).empty()) line += " Under 70%, brokers and single points of failure may be wrong.";
    return line;
  }
  if (!has_survey_columns(x.c)) return "";
  const SurveyTieSummary t = summarize_survey_ties(x.c);
  if (t.ties == 0) return "";
  return fmt::format("{} come from a partner survey, {} confirmed by both sides; their trust averages {}.",
                     plural(t.ties, "tie", "ties"), t.confirmed, rating(t.trust));
}

std::string section_survey(const Context& x) {
  std::string body;
  if (x.options.survey) {
    body = from_scores(x, *x.options.survey);
  } else if (has_survey_columns(x.c)) {
    const SurveyTieSummary t = summarize_survey_ties(x.c);
    if (t.ties == 0) return "";
    body = from_ties(t);
  } else {
    return "";
  }
  return "<section id=\"survey\"><h2>Partner survey</h2>" + body + "</section>";
}

}  // namespace tablemap::board
