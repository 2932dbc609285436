// tablemap: who is at the coalition's table, who is missing, who plays which part.
// main() only parses arguments; each command is in app/cmd_*.cpp.
#include <algorithm>
#include <cstdio>
#include <exception>

#include "app/command.hpp"
#include "app/common.hpp"
#include "app/safe_output.hpp"

namespace tablemap::app {

std::vector<RegisteredCommand>& registered_commands() {
  static std::vector<RegisteredCommand> commands;
  return commands;
}

CommandRegistration::CommandRegistration(int order, CommandSetup setup) {
  registered_commands().push_back({order, std::move(setup)});
}

}  // namespace tablemap::app

int main(int argc, char** argv) {
  using namespace tablemap::app;
  filter_standard_output();
  CLI::App cli{
      "tablemap: shows a community coalition who is at its table, who is missing,\n"
      "and who plays which part.\n\n"
      "PATH is a bundle folder (community.json + CSV files), a .json file or a\n"
      ".tablemap project file. Example: tablemap summary datasets/riverbend"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", "tablemap 0.1");

  auto& commands = registered_commands();
  std::stable_sort(commands.begin(), commands.end(),
                   [](const RegisteredCommand& a, const RegisteredCommand& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (auto& command : commands) {
    size_t before = cli.get_subcommands({}).size();
    auto run = command.setup(cli);
    auto subs = cli.get_subcommands({});
    if (subs.size() > before) runners.emplace_back(subs.back(), std::move(run));
  }

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = cli.exit(e);
    return code == 0 ? kOk : kBadUsage;
  }
  try {
    for (auto& [sub, run] : runners)
      if (sub->parsed()) return run();
  } catch (const UsageError& e) {
    if (*e.what()) std::fprintf(stderr, "tablemap: %s\n", e.what());
    return kBadUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tablemap: %s\n", e.what());
    return kBadData;
  }
  return kBadUsage;
}
