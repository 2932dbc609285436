// The two written forms of SurveyScores: --json and the text a coalition lead reads.
#include <algorithm>

#include <fmt/format.h>

#include "analysis/report_text.hpp"
#include "analysis/survey.hpp"

namespace tablemap {

namespace {

nlohmann::json rating_json(double r) { return has_rating(r) ? nlohmann::json(r) : nlohmann::json(); }
nlohmann::json percent_json(double r) { return has_rating(r) ? nlohmann::json(percent_of_max(r)) : nlohmann::json(); }

nlohmann::json organization_list(const std::vector<uint32_t>& rows, const Community& c) {
  nlohmann::json out = nlohmann::json::array();
  for (uint32_t o : rows) out.push_back({{"id", c.organizations[o].id}, {"name", c.organizations[o].name}});
  return out;
}

std::string_view tie_rule_word(TieRule r) { return r == TieRule::union_reports ? "union" : "mutual"; }
std::string_view rating_rule_word(RatingRule r) {
  return r == RatingRule::mean ? "mean" : r == RatingRule::min ? "min" : "max";
}

// "3.2 of 4 (80%)"
std::string rating_text(double r) {
  return has_rating(r) ? fmt::format("{:.1f} of 4 ({:.0f}%)", r, percent_of_max(r)) : "not rated";
}

std::string names_of(const std::vector<uint32_t>& rows, const Community& c) {
  std::vector<std::string> names;
  for (uint32_t o : rows) names.push_back(c.organizations[o].name);
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

bool complete_enough(const SurveyScores& s) { return s.response_rate >= kCompleteEnoughResponse; }

std::string warning_text(const SurveyScores& s) {
  return fmt::format(
      "Only {} of the organizations asked answered. Under 70% the network misses many of its ties, and the "
      "measures that depend on complete answers (betweenness, the brokers, the single points of failure) may "
      "name the wrong organizations. Ask the {} before relying on them.",
      percent(s.response_rate), plural(int64_t(s.non_respondents.size()), "organization that did not answer",
                                       "organizations that did not answer"));
}

// Organizations with ratings, most trusted first (value breaks ties, then name).
std::vector<const OrganizationScore*> by_trust(const SurveyScores& s, const Community& c) {
  std::vector<const OrganizationScore*> rated;
  for (const OrganizationScore& o : s.organizations)
    if (o.ratings_received) rated.push_back(&o);
  auto key = [](double r) { return has_rating(r) ? r : -1.0; };
  std::stable_sort(rated.begin(), rated.end(), [&](const OrganizationScore* x, const OrganizationScore* y) {
    if (key(x->trust) != key(y->trust)) return key(x->trust) > key(y->trust);
    if (key(x->value) != key(y->value)) return key(x->value) > key(y->value);
    return c.organizations[x->organization].name < c.organizations[y->organization].name;
  });
  return rated;
}

std::string opening(const SurveyScores& s, const Community& c) {
  std::string out;
  for (const std::string& line : survey_opening(s, c)) out += line + "\n";
  if (const std::string w = survey_warning(s); !w.empty()) out += "\nWarning: " + w + "\n";
  return out;
}

}  // namespace

std::vector<std::string> survey_opening(const SurveyScores& s, const Community& c) {
  std::vector<std::string> lines;
  const std::string community = c.profile.name.empty() ? "the community" : c.profile.name;
  std::string first = fmt::format("{} of the {} organizations asked in {} answered the survey ({}).", s.responded,
                                  s.asked, community, percent(s.response_rate));
  if (!s.non_respondents.empty()) first += fmt::format(" Not yet answered: {}.", names_of(s.non_respondents, c));
  lines.push_back(first);
  if (has_rating(s.trust) || has_rating(s.value))
    lines.push_back(fmt::format("Partners rate each other's trustworthiness at {} and their value at {}.",
                                rating_text(s.trust), rating_text(s.value)));
  const size_t close = s.ladder[2] + s.ladder[3];
  lines.push_back(fmt::format("The answers give {}: {} reported by both sides, {} by one side only; {} plan or work "
                              "together (coordination or integration).",
                              plural(int64_t(s.ties), "tie", "ties"), s.mutual_ties, s.one_sided_ties,
                              plural(int64_t(close), "pair", "pairs")));
  auto rated = by_trust(s, c);
  if (rated.size() >= 2 && has_rating(rated.front()->trust)) {
    const OrganizationScore* low = nullptr;
    for (auto it = rated.rbegin(); it != rated.rend() && !low; ++it)
      if (has_rating((*it)->trust)) low = *it;
    lines.push_back(fmt::format("Most trusted: {} ({:.1f} of 4); least trusted: {} ({:.1f} of 4).",
                                c.organizations[rated.front()->organization].name, rated.front()->trust,
                                c.organizations[low->organization].name, low->trust));
  }
  return lines;
}

std::string survey_warning(const SurveyScores& s) { return complete_enough(s) ? "" : warning_text(s); }

namespace {

std::string cell(double r) { return has_rating(r) ? fmt::format("{:.2f}", r) : "-"; }
std::string percent_cell(double r) { return has_rating(r) ? fmt::format("{:.0f}%", percent_of_max(r)) : "-"; }

}  // namespace

nlohmann::json to_json(const SurveyScores& s, const Community& c) {
  nlohmann::json j;
  j["options"] = {{"ties", tie_rule_word(s.options.ties)}, {"ratings", rating_rule_word(s.options.ratings)}};
  j["asked"] = s.asked;
  j["response_rate"] = s.response_rate;
  j["respondents"] = organization_list(s.respondents, c);
  j["non_respondents"] = organization_list(s.non_respondents, c);
  j["sectors"] = nlohmann::json::array();
  for (const SectorResponse& r : s.sectors)
    j["sectors"].push_back({{"sector", c.sector_name(r.sector)},
                            {"asked", r.asked},
                            {"responded", r.responded},
                            {"response_rate", double(r.responded) / double(r.asked)}});
  j["organizations"] = nlohmann::json::array();
  for (const OrganizationScore& o : s.organizations)
    j["organizations"].push_back({{"id", c.organizations[o.organization].id},
                                  {"name", c.organizations[o.organization].name},
                                  {"sector", c.sector_name(c.organizations[o.organization].sector)},
                                  {"asked", o.asked},
                                  {"responded", o.responded},
                                  {"trust", rating_json(o.trust)},
                                  {"trust_percent", percent_json(o.trust)},
                                  {"value", rating_json(o.value)},
                                  {"value_percent", percent_json(o.value)},
                                  {"ratings_received", o.ratings_received},
                                  {"named_by", o.named_by}});
  j["network"] = {{"trust", rating_json(s.trust)},
                  {"trust_percent", percent_json(s.trust)},
                  {"value", rating_json(s.value)},
                  {"value_percent", percent_json(s.value)},
                  {"trust_ratings", s.trust_ratings},
                  {"value_ratings", s.value_ratings},
                  {"ties", s.ties},
                  {"mutual_ties", s.mutual_ties},
                  {"one_sided_ties", s.one_sided_ties},
                  {"density", s.density}};
  nlohmann::json ladder = nlohmann::json::object();
  for (int i = 0; i < kIntensityCount; ++i) ladder[std::string(to_string(Intensity(i + 1)))] = s.ladder[size_t(i)];
  j["intensity_ladder"] = ladder;
  j["contributions"] = nlohmann::json::array();
  for (int i = 0; i < kContributionCount; ++i)
    j["contributions"].push_back({{"contribution", to_string(Contribution(i))},
                                  {"respondents", s.contributes[size_t(i)]},
                                  {"most_important", s.most_important[size_t(i)]}});
  j["warning"] = complete_enough(s) ? nlohmann::json() : nlohmann::json(warning_text(s));
  return j;
}

std::string format_survey_report(const SurveyScores& s, const Community& c) {
  std::string out = opening(s, c);

  out += fmt::format("\nWho answered: {} of {} ({})\n", s.responded, s.asked, percent(s.response_rate));
  std::vector<std::vector<std::string>> rows = {{"sector", "asked", "answered", "rate"}};
  for (const SectorResponse& r : s.sectors)
    rows.push_back({c.sector_name(r.sector), std::to_string(r.asked), std::to_string(r.responded),
                    percent(double(r.responded) / double(r.asked))});
  out += aligned(rows);
  if (!s.non_respondents.empty()) out += "  Did not answer: " + names_of(s.non_respondents, c) + "\n";

  out += "\nTrust and value: what partners say of each organization (1 to 4, and % of the maximum)\n";
  rows = {{"organization", "trust", "", "value", "", "rated by"}};
  for (const OrganizationScore* o : by_trust(s, c))
    rows.push_back({c.organizations[o->organization].name, cell(o->trust), percent_cell(o->trust), cell(o->value),
                    percent_cell(o->value), std::to_string(o->ratings_received)});
  if (rows.size() > 1) out += aligned(rows);
  std::vector<uint32_t> unrated;
  for (const OrganizationScore& o : s.organizations)
    if (!o.ratings_received) unrated.push_back(o.organization);
  if (!unrated.empty()) out += "  Not rated by anyone: " + names_of(unrated, c) + "\n";

  out += "\nThe network\n";
  rows = {{"trust", rating_text(s.trust) + fmt::format(", over {}", plural(int64_t(s.trust_ratings), "rating", "ratings"))},
          {"value", rating_text(s.value) + fmt::format(", over {}", plural(int64_t(s.value_ratings), "rating", "ratings"))},
          {"ties", fmt::format("{} ({} reported by both sides, {} by one)", s.ties, s.mutual_ties, s.one_sided_ties)},
          {"density", fmt::format("{} of the pairs among the {} organizations asked are tied", percent(s.density), s.asked)},
          {"rules", fmt::format("--ties {}, --ratings {}", tie_rule_word(s.options.ties), rating_rule_word(s.options.ratings))}};
  out += aligned(rows, "  ", 2);

  out += "\nHow closely partners work (pairs at each step of the ladder)\n";
  static const char* kMeaning[] = {"know what the partner does", "exchange information, meet together",
                                   "plan and time activities together, share data",
                                   "contracts, pooled funding, joint work"};
  for (int i = 0; i < kIntensityCount; ++i)
    out += fmt::format("  {:<13}{:>6}  {}\n", to_string(Intensity(i + 1)), s.ladder[size_t(i)], kMeaning[i]);

  out += fmt::format("\nWhat partners contribute ({} answering)\n", plural(int64_t(s.responded), "organization", "organizations"));
  std::vector<int> order;
  for (int i = 0; i < kContributionCount; ++i)
    if (s.contributes[size_t(i)] || s.most_important[size_t(i)]) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return std::pair(s.most_important[size_t(x)], s.contributes[size_t(x)]) >
           std::pair(s.most_important[size_t(y)], s.contributes[size_t(y)]);
  });
  if (order.empty()) {
    out += "  (no answer names a contribution)\n";
  } else {
    rows = {{"contribution", "contribute it", "call it most important"}};
    for (int i : order)
      rows.push_back({std::string(to_string(Contribution(i))), std::to_string(s.contributes[size_t(i)]),
                      std::to_string(s.most_important[size_t(i)])});
    out += aligned(rows);
  }
  return out;
}

}  // namespace tablemap
