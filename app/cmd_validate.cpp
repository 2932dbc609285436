// tablemap validate PATH: checks a community and lists every problem.
#include <cstdio>

#include "app/command.hpp"
#include "app/common.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{10, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("validate",
                                 "Check a community's files and list every problem as FILE:LINE: message.\n"
                                 "Example: tablemap validate datasets/riverbend");
  auto path = std::make_shared<std::string>();
  cmd->add_option("PATH", *path, "bundle folder, .json or .tablemap file")->required();
  return [path] {
    auto community = load_or_report(*path);
    if (!community) return kBadData;
    std::printf("%s: ok (%zu organizations, %zu people, %zu ties, %zu roles)\n", path->c_str(),
                community->organizations.size(), community->people.size(), community->ties.size(),
                community->roles.size());
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
