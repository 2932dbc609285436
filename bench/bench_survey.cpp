// bench_survey: a relationship survey of 10,000 organizations with 200,000
// answers is read, turned into ties, scored and imported in under 5 s; the
// time of a plain `summary` (load + Network + summarize) of the imported
// community is printed beside it, so the survey's cost reads against a
// command every user runs.
//
// The survey is generated here (fixed seed): 85% of the organizations answer,
// each answer names a random partner, and a share of the answers is the other
// side of an earlier one, so mutual and one-sided reports both occur.
//
//   bench_survey [--organizations 10000] [--answers 200000]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unordered_set>

#include "analysis/summary.hpp"
#include "analysis/survey.hpp"
#include "bench/bench_support.hpp"
#include "core/network.hpp"
#include "core/synthetic.hpp"
#include "io/load.hpp"
#include "io/survey_read.hpp"

namespace fs = std::filesystem;
using namespace tablemap;
using tablemap::bench::seconds_of;

namespace {

void write_survey(const Community& c, size_t answers, const std::string& folder) {
  std::mt19937_64 rng(7);
  const uint32_t n = uint32_t(c.organizations.size());
  std::vector<bool> responded(n);
  std::string text = "organization,responded,contributes,most_important\n";
  for (uint32_t o = 0; o < n; ++o) {
    responded[o] = rng() % 100 < 85;
    text += c.organizations[o].id + (responded[o] ? ",yes,funding;data,data\n" : ",no,,\n");
  }
  std::ofstream(folder + "/respondents.csv") << text;
  std::vector<uint32_t> who;
  for (uint32_t o = 0; o < n; ++o)
    if (responded[o]) who.push_back(o);
  std::unordered_set<uint64_t> seen;
  std::vector<std::pair<uint32_t, uint32_t>> rows;
  while (rows.size() < answers) {
    uint32_t a, b;
    if (!rows.empty() && rng() % 3 == 0) {  // the other side of an earlier answer
      auto [x, y] = rows[rng() % rows.size()];
      if (!responded[y]) continue;
      a = y;
      b = x;
    } else {
      a = who[rng() % who.size()];
      b = uint32_t(rng() % n);
    }
    if (a == b || !seen.insert((uint64_t(a) << 32) | b).second) continue;
    rows.push_back({a, b});
  }
  text = "respondent,partner,intensity,frequency,kind,reliability,mission,openness,power,resources,involvement\n";
  for (auto [a, b] : rows)
    text += c.organizations[a].id + "," + c.organizations[b].id + "," + std::to_string(1 + rng() % 4) +
            ",monthly,information," + std::to_string(1 + rng() % 4) + "," + std::to_string(1 + rng() % 4) + ",," +
            std::to_string(1 + rng() % 4) + ",3,4\n";
  std::ofstream(folder + "/answers.csv") << text;
}

}  // namespace

int main(int argc, char** argv) {
  uint32_t organizations = 10000;
  size_t answers = 200000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--organizations") organizations = uint32_t(std::atol(argv[i + 1]));
    else if (flag == "--answers") answers = size_t(std::atol(argv[i + 1]));
  }
  const fs::path dir = fs::temp_directory_path() / ("tablemap-bench-survey-" + std::to_string(::getpid()));
  fs::create_directories(dir / "survey");
  GenerateOptions options;
  options.organizations = organizations;
  const Community community = generate_community(options);
  save_community(community, (dir / "bundle").string());
  write_survey(community, answers, (dir / "survey").string());

  std::optional<Community> base;
  SurveyLoad survey;
  SurveyTies ties;
  SurveyScores scores;
  std::string report;
  std::optional<Community> imported;
  const double load_s = seconds_of([&] { base = std::move(load_community((dir / "bundle").string()).community); });
  if (!base) return std::fprintf(stderr, "bench_survey: the generated bundle did not load\n"), 1;
  const double read_s = seconds_of([&] { survey = load_survey((dir / "survey").string(), *base); });
  if (!survey.ok()) return std::fprintf(stderr, "bench_survey: %s\n", survey.problems[0].to_string().c_str()), 1;
  const double ties_s = seconds_of([&] { ties = survey_ties(*survey.survey, base->organizations.size()); });
  const double score_s = seconds_of([&] {
    scores = score_survey(*base, *survey.survey, ties);
    report = format_survey_report(scores, *base);
  });
  const double import_s = seconds_of([&] {
    imported = apply_survey(*base, *survey.survey, ties);
    save_community(*imported, (dir / "out").string());
  });
  const double survey_s = read_s + ties_s + score_s + import_s;
  std::string summary;
  const double summary_s = seconds_of([&] {
    LoadResult r = load_community((dir / "out").string());
    Network network(*r.community);
    summary = format_summary(summarize(*r.community, network));
  });

  std::printf("survey: %u organizations, %zu answers -> %zu ties (%zu mutual), response %.1f%%\n", organizations,
              survey.survey->answers.size(), ties.ties.size(), scores.mutual_ties, 100 * scores.response_rate);
  std::printf("  load the bundle        %7.3f s\n", load_s);
  std::printf("  read the survey        %7.3f s\n", read_s);
  std::printf("  answers to ties        %7.3f s\n", ties_s);
  std::printf("  scores and report      %7.3f s\n", score_s);
  std::printf("  import (write OUT)     %7.3f s\n", import_s);
  std::printf("  survey in all          %7.3f s  (goal: under 5 s)\n", survey_s);
  std::printf("  plain summary of OUT   %7.3f s  (ratio survey/summary %.2f)\n", summary_s, survey_s / summary_s);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return survey_s < 5.0 ? 0 : 1;
}
