// tablemap roles PATH [--json] [--max-functions N]: who plays which backbone
// function per issue area, where claims overlap, conveners, the anchor, and a
// shared backbone plan to discuss.
#include <cstdio>

#include "analysis/roles.hpp"
#include "app/command.hpp"
#include "app/common.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{40, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "roles",
      "Map the backbone and convener roles of each issue area: who claims the\n"
      "whole backbone role (and where several do), who covers each backbone\n"
      "function, who convenes each outcome, the anchor, and a shared backbone\n"
      "plan (one organization per function) as a starting point for discussion.\n"
      "Example: tablemap roles datasets/riverbend --max-functions 2");
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto options = std::make_shared<RoleOptions>();
  cmd->add_option("PATH", *path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_flag("--json", *json, "print JSON instead of text");
  cmd->add_option("--max-functions", options->max_functions,
                  "the plan gives one organization at most this many functions per issue area (default 2)")
      ->check(CLI::Range(1, 1000));
  return [path, json, options] {
    auto community = load_or_report(*path);
    if (!community) return kBadData;
    Network network(*community);
    RoleReport report = analyze_roles(*community, network, *options);
    if (*json)
      print_json(to_json(report, *community));
    else
      std::fputs(format_role_report(report, *community, *options).c_str(), stdout);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
