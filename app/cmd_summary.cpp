// tablemap summary PATH [--json]: what a community file holds, at a glance.
#include <cstdio>

#include "analysis/summary.hpp"
#include "app/command.hpp"
#include "app/common.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{20, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("summary",
                                 "Show what a community holds: organizations, people, ties, roles,\n"
                                 "and who is at the table per sector.\n"
                                 "Example: tablemap summary datasets/riverbend --json");
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("PATH", *path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_flag("--json", *json, "print JSON instead of text");
  return [path, json] {
    auto community = load_or_report(*path);
    if (!community) return kBadData;
    Network network(*community);
    CommunitySummary s = summarize(*community, network);
    if (*json)
      print_json(to_json(s));
    else
      std::fputs(format_summary(s).c_str(), stdout);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
