// The report a coalition lead hands the board and funders: one HTML file
// that needs nothing else (styles and SVG pictures inside, no JavaScript, no
// network), reads on screen and prints (the first page is a one-page summary
// on Letter and A4). Sections: summary with recommended next steps, the
// table (seats, generations, candidates, invite plan), backbone roles, the
// network's structure, the partner survey (when the ties carry its columns or
// a survey is given), what changed since the year before (a project file
// with several years), and, when asked, one profile page per organization.
// docs/report.md says what each part shows.
//
// Cost: the three analyses (gaps, roles, measure_network) plus
// O(organizations + relationships) to write; long lists show their top
// BoardReportOptions::list_limit entries with the total.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/compare.hpp"
#include "analysis/gaps.hpp"
#include "analysis/roles.hpp"
#include "analysis/structure.hpp"
#include "analysis/survey.hpp"
#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

struct ReportPoint {
  double x = 0, y = 0;  // layout units, y up (Graphviz points)
};

struct BoardReportOptions {
  // Where each organization sits on the map (one per organization), from the
  // layout the caller ran (analysis cannot run viz); empty: no map picture.
  std::vector<ReportPoint> positions;
  bool profiles = false;       // one page per organization
  size_t list_limit = 10;      // entries shown of a long list (the total is always given)
  size_t map_tie_limit = 20000;  // ties drawn on the map, strongest first
  std::string generated;       // "generated on" line, e.g. the date; empty: none
  // The relationship survey's scores (report --survey): response rate, trust
  // and value per partner. Null: the survey section shows what the ties'
  // survey columns say, when they have some.
  const SurveyScores* survey = nullptr;
  // The year before against this one (a project file with several years):
  // the "Change since" section; none: the section is left out.
  std::optional<Comparison> since_last_year;
};

// What the summary page says: a few sentences a lead should know, and three
// to five next steps, each naming organizations, sectors and functions.
// The one place these sentences are built (text reports may reuse them).
struct BoardFindings {
  std::vector<std::string> know;
  std::vector<std::string> steps;
  std::vector<std::string> missing_key_sectors;  // names, for the summary's first line
};
BoardFindings board_findings(const Community& community, const GapReport& gaps, const RoleReport& roles,
                             const NetworkMetrics& metrics);

// The analyses a report rests on, as the report runs them: gaps and roles
// with their defaults, the network measures with betweenness and closeness
// estimated above 2,000 organizations (the report names only the top few).
struct BoardAnalyses {
  GapReport gaps;
  RoleReport roles;
  NetworkMetrics metrics;
};
BoardAnalyses board_analyses(const Community& community, const Network& network);

// The whole report. The analyses are run as board_analyses runs them.
std::string board_report_html(const Community& community, const Network& network, const BoardReportOptions& options);

// The same from analyses the caller already ran.
std::string board_report_html(const Community& community, const Network& network, const GapReport& gaps,
                              const RoleReport& roles, const NetworkMetrics& metrics,
                              const BoardReportOptions& options);

}  // namespace tablemap
