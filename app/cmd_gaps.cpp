// tablemap gaps PATH [--json]: who is missing from the table and whom to invite.
#include <cstdio>

#include "analysis/gaps.hpp"
#include "app/command.hpp"
#include "app/common.hpp"
#include "core/network.hpp"

namespace tablemap::app {
namespace {

struct GapsArgs {
  std::string path;
  bool json = false;
  size_t candidates = 5;
  bool plan_optional = false;
};

CommandRegistration registration{30, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "gaps",
      "Who is missing from the table: seats per sector, generations against the residents,\n"
      "candidates for every gap, an invite plan, and the readiness checklist.\n"
      "Example: tablemap gaps datasets/riverbend\n"
      "         tablemap gaps datasets/riverbend --json > gaps.json");
  auto args = std::make_shared<GapsArgs>();
  cmd->add_option("PATH", args->path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_flag("--json", args->json, "print the report as JSON");
  cmd->add_option("--candidates", args->candidates, "candidates shown per gap, best first (default 5)")
      ->check(CLI::Range(0, 1000000));
  cmd->add_flag("--plan-optional", args->plan_optional,
                "let the invite plan also close missing optional sectors (default: key sectors and generations)");
  return [args] {
    auto community = load_or_report(args->path);
    if (!community) return kBadData;
    Network network(*community);
    GapOptions options;
    options.max_candidates = args->candidates;
    options.plan_optional_sectors = args->plan_optional;
    GapReport report = analyze_gaps(*community, network, options);
    if (args->json)
      print_json(to_json(report));
    else
      std::fputs(format_gap_report(report, *community).c_str(), stdout);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
