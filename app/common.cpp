#include "app/common.hpp"

#include <cstdio>

#include <algorithm>

#include "io/load.hpp"
#include "io/suggest.hpp"
#include "io/survey_read.hpp"

namespace tablemap::app {

std::optional<Community> load_or_report(const std::string& path, int year) {
  return community_or_report(load_community(path, year), path);
}

std::pair<std::optional<Community>, std::optional<Community>> load_two_or_report(const std::string& first,
                                                                                 const std::string& second) {
  auto [earlier, later] = load_two(first, second);
  auto a = community_or_report(std::move(earlier), first);
  auto b = community_or_report(std::move(later), second);
  return {std::move(a), std::move(b)};
}

void print_problems(const Problems& problems) {
  // Written whole (fwrite, not %s): a message quoting a cell keeps every byte, even after a NUL.
  const std::string lines = problem_lines(problems);
  std::fwrite(lines.data(), 1, lines.size(), stderr);
}

std::optional<Survey> survey_or_report(const std::string& path, const Community& community, const char* consequence) {
  SurveyLoad survey = load_survey(path, community);
  if (survey.ok()) return std::move(survey.survey);
  print_problems(survey.problems);
  std::fprintf(stderr, "tablemap: %s problem%s in the survey %s; %s. Fix the lines above and try again.\n",
               thousands(int64_t(survey.problems.size())).c_str(), survey.problems.size() == 1 ? "" : "s", path.c_str(),
               consequence);
  return std::nullopt;
}

std::optional<Community> community_or_report(LoadResult r, const std::string& path) {
  print_problems(r.warnings);
  if (r.ok()) return std::move(r.community);
  print_problems(r.problems);
  if (r.wrong_path) throw UsageError("");
  bool any_line = false;
  for (const Problem& p : r.problems) any_line = any_line || p.line != 0;
  std::fprintf(stderr, "tablemap: %s problem%s in %s; nothing was loaded. %s\n",
               thousands(int64_t(r.problems.size())).c_str(), r.problems.size() == 1 ? "" : "s", path.c_str(),
               any_line ? "Fix the lines above and try again." : "Fix this and try again.");
  return std::nullopt;
}

OrganizationArgs find_organizations(const Community& c, const std::vector<std::string>& given) {
  OrganizationArgs out;
  std::vector<std::string> known;  // ids and names, for the suggestions
  for (const Organization& o : c.organizations) {
    known.push_back(o.id);
    if (!o.name.empty()) known.push_back(o.name);
  }
  for (const std::string& word : given) {
    std::optional<uint32_t> row = c.find_organization(word);
    for (uint32_t i = 0; !row && i < c.organizations.size(); ++i)
      if (equals_ignore_case(c.organizations[i].name, trim(word))) row = i;
    if (!row) {
      out.problems.push_back("no organization with the id or name '" + word + "'" + did_you_mean(word, known));
      continue;
    }
    if (std::find(out.rows.begin(), out.rows.end(), *row) == out.rows.end()) out.rows.push_back(*row);
  }
  return out;
}

void print_json(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

}  // namespace tablemap::app
