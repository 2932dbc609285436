// tablemap compare OLD NEW [--json]: what changed between two snapshots.
#include <cstdio>

#include "analysis/compare.hpp"
#include "app/command.hpp"
#include "app/common.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{65, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("compare",
                                 "Show what changed between two snapshots of a community: the table,\n"
                                 "sectors and generations, backbone roles, ties and structure.\n"
                                 "OLD and NEW are any two PATHs: two years of a project file\n"
                                 "(county.tablemap@2025 county.tablemap@2026), two bundles,\n"
                                 "a bundle and a .json file.\n"
                                 "Example: tablemap compare datasets/harbor-point/2025 datasets/harbor-point/2026");
  auto before = std::make_shared<std::string>();
  auto after = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("OLD", *before, "the earlier snapshot: bundle folder, .json, .tablemap or FILE.tablemap@YEAR")
      ->required();
  cmd->add_option("NEW", *after, "the later snapshot")->required();
  cmd->add_flag("--json", *json, "print JSON instead of text");
  return [before, after, json] {
    auto [old_community, new_community] = load_two_or_report(*before, *after);
    if (!old_community || !new_community) return kBadData;
    Comparison c = compare_communities(*old_community, *new_community);
    c.before_label = *before;
    c.after_label = *after;
    if (*json)
      print_json(to_json(c));
    else
      std::fputs(format_comparison(c).c_str(), stdout);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
