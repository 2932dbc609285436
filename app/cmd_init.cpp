// tablemap init PATH: a new community ready to fill in, as a bundle folder or,
// for a PATH ending in .xlsx, a workbook.
#include <cstdio>

#include "app/command.hpp"
#include "io/load.hpp"
#include "io/new_community.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{5, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "init",
      "Start a new community: a folder of files, or for a PATH ending in .xlsx one workbook,\n"
      "with the six key sectors, the usual optional ones, the five backbone functions, a row\n"
      "per generation for the residents, one example row per table and how to fill it in.\n"
      "It never overwrites a file or a folder that is not empty.\n"
      "Example: tablemap init --name \"Riverbend County\" --population 7500 riverbend.xlsx");
  auto options = std::make_shared<NewCommunityOptions>();
  auto geography = std::make_shared<std::string>();
  auto path = std::make_shared<std::string>();
  cmd->add_option("--name", options->name, "the community's name (default \"Our Community\")");
  cmd->add_option("--population", options->population, "residents of the community")
      ->check(CLI::Range(int64_t(0), int64_t(1) << 40));
  cmd->add_option("--geography", *geography,
                  "small rural, large rural, small urban, large urban, suburban or regional");
  cmd->add_option("PATH", *path, "the folder, or the .xlsx workbook, to create")->required();
  return [options, geography, path] {
    if (!geography->empty()) {
      auto g = parse_geography(*geography);
      if (!g) {
        std::fprintf(stderr,
                     "tablemap init: --geography must be one of: small rural, large rural, small urban, large urban, "
                     "suburban, regional (not '%s')\n",
                     geography->c_str());
        return kBadUsage;
      }
      options->geography = *g;
    }
    try {
      write_new_community(*options, *path);
    } catch (const SaveError& e) {
      std::fprintf(stderr, "tablemap init: %s\n", e.what());
      return kBadUsage;
    }
    std::printf("wrote %s, a new community to fill in; then run: tablemap gaps %s\n", path->c_str(), path->c_str());
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
