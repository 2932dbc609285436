// tablemap survey import|report: a relationship survey (respondents.csv +
// answers.csv, docs/survey.md) about the organizations of a community.
#include <algorithm>
#include <cstdio>

#include "analysis/survey.hpp"
#include "app/command.hpp"
#include "app/common.hpp"
#include "io/load.hpp"
#include "io/survey_form.hpp"
#include "io/survey_read.hpp"

namespace tablemap::app {
namespace {

struct SurveyArgs {
  std::string survey, bundle, out;
  std::string ties = "union", ratings = "mean";
  bool replace_ties = false;
  bool json = false;
  std::vector<std::string> ask;  // survey form: the organizations to ask (ids or names)
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
  auto survey = survey_or_report(args.survey, *community, "nothing was imported");
  if (!survey) return std::nullopt;
  Loaded l{std::move(*community), std::move(*survey), {}};
  l.options.ties = *parse_tie_rule(args.ties);
  l.options.ratings = *parse_rating_rule(args.ratings);
  return l;
}

// `survey form BUNDLE OUT.xlsx`: the workbook partners fill in.
int write_form(const SurveyArgs& args) {
  auto community = load_or_report(args.bundle);
  if (!community) return kBadData;
  const auto& orgs = community->organizations;
  const OrganizationArgs asked = find_organizations(*community, args.ask);
  if (!asked.ok()) {
    for (const std::string& p : asked.problems) std::fprintf(stderr, "tablemap: --ask: %s\n", p.c_str());
    return kBadUsage;
  }
  if (orgs.size() < 2) {
    std::fprintf(stderr, "tablemap: %s has %zu organization%s; a survey asks organizations about each other, so it needs two or more\n",
                 args.bundle.c_str(), orgs.size(), orgs.size() == 1 ? "" : "s");
    return kBadData;
  }
  const SurveyFormLayout layout = survey_form_layout(*community, asked.rows);
  if (layout.partner_rows > kFormMaxRows) {
    std::fprintf(stderr,
                 "tablemap: a form for %zu organizations, each listing the %zu others, has %zu rows: too many for a "
                 "spreadsheet. Name the organizations to ask with --ask (at most %zu of them here)\n",
                 layout.asked.size(), orgs.size() - 1, layout.partner_rows, kFormMaxRows / (orgs.size() - 1));
    return kBadUsage;
  }
  try {
    write_survey_form(*community, layout, args.out);
  } catch (const SaveError& e) {
    std::fprintf(stderr, "tablemap: %s\n", e.what());
    return kBadData;
  }
  std::printf("wrote %s: an Instructions sheet and a sheet for each of the %zu organizations asked, each listing the "
              "%zu others.\n",
              args.out.c_str(), layout.asked.size(), orgs.size() - 1);
  if (layout.asked.size() < orgs.size()) {
    std::string names;
    for (size_t i = 0; i < layout.asked.size(); ++i)
      names += (i ? ", " : "") + orgs[layout.asked[i]].name;
    std::printf("Asked: %s.\n", names.c_str());
  }
  std::printf("Send it to the partners; read what comes back (this workbook, or a folder of the copies) with\n"
              "  tablemap survey report FORMS %s\n  tablemap survey import FORMS %s OUT\n",
              args.bundle.c_str(), args.bundle.c_str());
  return kOk;
}

CommandRegistration registration{65, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "survey",
      "Relationship surveys (PARTNER style): who works with whom, how closely, and how\n"
      "partners rate each other's trust and value. SURVEY is a folder with respondents.csv\n"
      "and answers.csv, a workbook, or the filled forms of survey form (docs/survey.md).\n"
      "Example: tablemap survey report datasets/silos/survey-2026 datasets/silos");
  cmd->require_subcommand(1);
  auto args = std::make_shared<SurveyArgs>();

  auto* import = cmd->add_subcommand(
      "import",
      "Writes OUT: the community of BUNDLE with its ties from the survey, each tie with its\n"
      "intensity, frequency, trust and value as columns of ties.csv. Ties of BUNDLE between two\n"
      "organizations that did not answer are kept (--replace-ties drops them).\n"
      "Example: tablemap survey import datasets/silos/survey-2026 datasets/silos silos-surveyed");
  import->add_option("SURVEY", args->survey, "survey folder (respondents.csv, answers.csv), workbook, filled form or folder of forms")->required();
  import->add_option("BUNDLE", args->bundle, "the community surveyed: bundle folder, .json or .tablemap")->required();
  import->add_option("OUT", args->out, "where to write the community with the survey's ties")->required();
  add_rules(import, *args);
  import->add_flag("--replace-ties", args->replace_ties, "drop every tie of BUNDLE, keep only the survey's");

  auto* report = cmd->add_subcommand(
      "report",
      "Response rate, who did not answer, trust and value per organization and for the\n"
      "network, how closely partners work, and what they contribute.\n"
      "Example: tablemap survey report datasets/silos/survey-2026 datasets/silos --json");
  report->add_option("SURVEY", args->survey, "survey folder (respondents.csv, answers.csv), workbook, filled form or folder of forms")->required();
  report->add_option("BUNDLE", args->bundle, "the community surveyed: bundle folder, .json or .tablemap")->required();
  add_rules(report, *args);
  report->add_flag("--json", args->json, "print the report as JSON");

  auto* form = cmd->add_subcommand(
      "form",
      "Writes OUT.xlsx, the survey to send to the partners: an Instructions sheet, then a sheet per\n"
      "organization asked listing every other organization, with the survey's questions as columns and\n"
      "the allowed answers as drop-downs. The filled workbook, or a folder of the copies partners send\n"
      "back, is read by survey report and survey import as SURVEY.\n"
      "Example: tablemap survey form datasets/silos silos-survey.xlsx\n"
      "         tablemap survey form datasets/riverbend riverbend-survey.xlsx --ask rb-clinic rb-high");
  form->add_option("BUNDLE", args->bundle, "the community to survey: bundle folder, .xlsx, .json or .tablemap")->required();
  form->add_option("OUT", args->out, "the form to write (.xlsx)")->required()->check([](const std::string& s) {
    return s.size() > 5 && equals_ignore_case(std::string_view(s).substr(s.size() - 5), ".xlsx")
               ? std::string()
               : std::string("the form is a workbook: OUT must end in .xlsx");
  });
  form->add_option("--ask", args->ask,
                   "the organizations to ask (ids or exact names); default: every organization")
      ->expected(1, -1);

  return [args, import, report, form]() -> int {
    if (form->parsed()) return write_form(*args);
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
