// tablemap survey import|report: a relationship survey (respondents.csv +
// answers.csv, docs/survey.md) about the organizations of a community.
#include <algorithm>
#include <cstdio>

#include "analysis/survey.hpp"
#include "app/command.hpp"
#include "app/common.hpp"
#include "io/load.hpp"
#include "io/survey_read.hpp"

namespace tablemap::app {
namespace {

struct SurveyArgs {
  std::string survey, bundle, out;
  std::string ties = "union", ratings = "mean";
  bool replace_ties = false;
  bool json = false;
};

void add_rules(CLI::App* cmd, SurveyArgs& args) {
  cmd->add_option("--ties", args.ties,
                  "union (default): a tie when either side reported it; mutual: only when both did\n"
                  "(a report about a partner that did not answer is kept under both)")
      ->check(CLI::IsMember({"union", "mutual"}));
  cmd->add_option("--ratings", args.ratings,
                  "how the two sides' intensity and ratings of a pair combine: mean (default), min or max")
      ->check(CLI::IsMember({"mean", "min", "max"}));
}

// Loads the community and the survey about it; prints every problem and returns nullopt on bad data.
struct Loaded {
  Community community;
  Survey survey;
  SurveyOptions options;
};
std::optional<Loaded> load(const SurveyArgs& args) {
  auto community = load_or_report(args.bundle);
  if (!community) return std::nullopt;
  SurveyLoad survey = load_survey(args.survey, *community);
  if (!survey.ok()) {
    for (const Problem& p : survey.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    std::fprintf(stderr, "tablemap: %zu problem%s in the survey %s; nothing was imported. Fix the lines above and try again.\n",
                 survey.problems.size(), survey.problems.size() == 1 ? "" : "s", args.survey.c_str());
    return std::nullopt;
  }
  Loaded l{std::move(*community), std::move(*survey.survey), {}};
  l.options.ties = *parse_tie_rule(args.ties);
  l.options.ratings = *parse_rating_rule(args.ratings);
  return l;
}

CommandRegistration registration{65, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "survey",
      "Relationship surveys (PARTNER style): who works with whom, how closely, and how\n"
      "partners rate each other's trust and value. SURVEY is a folder with respondents.csv\n"
      "and answers.csv (docs/survey.md).\n"
      "Example: tablemap survey report datasets/silos/survey-2026 datasets/silos");
  cmd->require_subcommand(1);
  auto args = std::make_shared<SurveyArgs>();

  auto* import = cmd->add_subcommand(
      "import",
      "Writes OUT: the community of BUNDLE with its ties from the survey, each tie with its\n"
      "intensity, frequency, trust and value as columns of ties.csv. Ties of BUNDLE between two\n"
      "organizations that did not answer are kept (--replace-ties drops them).\n"
      "Example: tablemap survey import datasets/silos/survey-2026 datasets/silos silos-surveyed");
  import->add_option("SURVEY", args->survey, "survey folder (respondents.csv, answers.csv)")->required();
  import->add_option("BUNDLE", args->bundle, "the community surveyed: bundle folder, .json or .tablemap")->required();
  import->add_option("OUT", args->out, "where to write the community with the survey's ties")->required();
  add_rules(import, *args);
  import->add_flag("--replace-ties", args->replace_ties, "drop every tie of BUNDLE, keep only the survey's");

  auto* report = cmd->add_subcommand(
      "report",
      "Response rate, who did not answer, trust and value per organization and for the\n"
      "network, how closely partners work, and what they contribute.\n"
      "Example: tablemap survey report datasets/silos/survey-2026 datasets/silos --json");
  report->add_option("SURVEY", args->survey, "survey folder (respondents.csv, answers.csv)")->required();
  report->add_option("BUNDLE", args->bundle, "the community surveyed: bundle folder, .json or .tablemap")->required();
  add_rules(report, *args);
  report->add_flag("--json", args->json, "print the report as JSON");

  return [args, import, report]() -> int {
    auto loaded = load(*args);
    if (!loaded) return kBadData;
    const SurveyTies ties = survey_ties(loaded->survey, loaded->community.organizations.size(), loaded->options);
    if (import->parsed()) {
      Community out = apply_survey(loaded->community, loaded->survey, ties, args->replace_ties);
      try {
        save_community(out, args->out);
      } catch (const SaveError& e) {
        std::fprintf(stderr, "tablemap: %s\n", e.what());
        return kBadData;
      }
      const size_t mutual = size_t(std::count_if(ties.ties.begin(), ties.ties.end(), [](const SurveyTie& t) { return t.confirmed; }));
      std::printf("wrote %s: %zu ties from the survey (%zu reported by both sides, %zu by one), %zu tie rows in all\n",
                  args->out.c_str(), ties.ties.size(), mutual, ties.ties.size() - mutual, out.ties.size());
      if (ties.one_sided_dropped)
        std::printf("--ties mutual left out %zu one-sided report%s about organizations that answered\n",
                    ties.one_sided_dropped, ties.one_sided_dropped == 1 ? "" : "s");
      return kOk;
    }
    (void)report;
    SurveyScores scores = score_survey(loaded->community, loaded->survey, ties, loaded->options);
    if (args->json)
      print_json(to_json(scores, loaded->community));
    else
      std::fputs(format_survey_report(scores, loaded->community).c_str(), stdout);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
