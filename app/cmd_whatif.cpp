// tablemap whatif PATH --remove ORG...: what changes if these organizations leave.
#include <cstdio>

#include "analysis/whatif.hpp"
#include "app/command.hpp"
#include "app/common.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{55, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("whatif",
                                 "Show what changes if organizations leave: separate parts, how far the\n"
                                 "table still reaches, cross-sector ties, sectors cut off.\n"
                                 "Give each organization by its id or its exact name (quote names with spaces).\n"
                                 "Example: tablemap whatif datasets/riverbend --remove rb-foundation \"Riverbend Family Resource Center\"");
  auto path = std::make_shared<std::string>();
  auto given = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("PATH", *path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_option("--remove", *given, "the organizations that leave: ids or exact names")->required();
  cmd->add_flag("--json", *json, "print JSON instead of text");
  return [path, given, json] {
    auto community = load_or_report(*path);
    if (!community) return kBadData;
    OrganizationArgs orgs = find_organizations(*community, *given);
    if (!orgs.ok()) {
      for (const std::string& problem : orgs.problems)
        std::fprintf(stderr, "tablemap whatif: %s in %s\n", problem.c_str(), path->c_str());
      return kBadUsage;
    }
    Network network(*community);
    WhatIfReport r = what_if_removed(*community, network, orgs.rows);
    if (*json)
      print_json(to_json(r, *community));
    else
      std::fputs(format_what_if_report(r, *community).c_str(), stdout);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
