// tablemap years FILE [--json]: the yearly snapshots a project file holds.
#include <cstdio>

#include <fmt/format.h>

#include "app/command.hpp"
#include "app/common.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{25, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("years",
                                 "List the years a .tablemap project file holds, with the organizations,\n"
                                 "people and ties of each and who is at the table. Name one year\n"
                                 "anywhere a PATH is asked for as FILE.tablemap@YEAR.\n"
                                 "Example: tablemap convert datasets/harbor-point/2024 harbor-point.tablemap\n"
                                 "         tablemap convert datasets/harbor-point/2025 harbor-point.tablemap\n"
                                 "         tablemap years harbor-point.tablemap");
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("FILE", *path, ".tablemap project file")->required();
  cmd->add_flag("--json", *json, "print JSON instead of text");
  return [path, json] {
    const std::string file = split_snapshot_path(*path).file;
    if (format_of_path(file) != Format::project) {
      std::fprintf(stderr, "tablemap: %s is not a .tablemap project file; only a project file holds several years\n",
                   path->c_str());
      return kBadUsage;
    }
    Problems problems;
    std::vector<SnapshotCounts> years = snapshot_counts(file, problems);
    if (years.empty()) {
      print_problems(problems);
      return kBadData;
    }
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const SnapshotCounts& y : years) {
        nlohmann::json row = {{"year", y.year}, {"readable", y.problems == 0}};
        if (y.problems == 0)
          row.update({{"organizations", y.organizations},
                      {"people", y.people},
                      {"ties", y.ties},
                      {"organizations_at_table", y.organizations_at_table},
                      {"people_at_table", y.people_at_table}});
        else
          row["problems"] = y.problems;
        out.push_back(row);
      }
      print_json({{"file", file}, {"years", out}});
      return kOk;
    }
    std::string text = fmt::format("{} holds {} year{}; `{}@YEAR` names one, `{}` alone the latest.\n\n", file,
                                   years.size(), years.size() == 1 ? "" : "s", file, file);
    text += fmt::format("  {:<6} {:>13} {:>8} {:>8}   {}\n", "year", "organizations", "people", "ties", "at the table");
    for (const SnapshotCounts& y : years) {
      if (y.problems)
        text += fmt::format("  {:<6} cannot be read ({} problem{}): run tablemap validate {}@{}\n", y.year, y.problems,
                            y.problems == 1 ? "" : "s", file, y.year);
      else
        text += fmt::format("  {:<6} {:>13} {:>8} {:>8}   {} organizations, {} people\n", y.year, y.organizations,
                            y.people, y.ties, y.organizations_at_table, y.people_at_table);
    }
    std::fputs(text.c_str(), stdout);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
