// tablemap generate --orgs N --seed S OUT: writes a synthetic community, for
// trying tablemap out, for trainings and for benchmarks.
#include <cstdio>
#include <stdexcept>

#include "app/command.hpp"
#include "core/synthetic.hpp"
#include "io/load.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{60, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "generate",
      "Write a synthetic community: invented organizations in realistic sector shares, ties that\n"
      "mostly stay within a sector (a few organizations have very many), people of every adult\n"
      "generation, and backbone, convener and anchor roles, some agreed and some contested.\n"
      "The same seed always gives the same community. OUT's name picks the form: a .json file,\n"
      "a .tablemap project file, or else a bundle folder.\n"
      "Example: tablemap generate --orgs 500 --seed 7 county-500");
  auto options = std::make_shared<GenerateOptions>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("--orgs", options->organizations, "number of organizations (default 1000)")
      ->check(CLI::Range(1u, 50'000'000u));
  cmd->add_option("--seed", options->seed, "random seed; the same seed gives the same community (default 1)");
  cmd->add_option("--ties", options->ties_per_organization, "tie rows per organization, on average (default 4)")
      ->check(CLI::Range(0.0, 1000.0));
  cmd->add_option("--within-sector", options->within_sector_share,
                  "share of ties that stay within a sector, 0..1 (default 0.7)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--population", options->population,
                  "residents of the community (default 120 per organization, at least 5,000)")
      ->check(CLI::Range(int64_t(0), int64_t(1'000'000'000'000)));
  cmd->add_option("--name", options->name, "the community's name (default \"Synthetic County (seed S)\")");
  cmd->add_option("--year", options->year, "the snapshot year (default 2026)")->check(CLI::Range(1950, 2100));
  cmd->add_option("OUT", *out, "bundle folder, .json or .tablemap file to write")->required();
  return [options, out] {
    Community community;
    try {
      community = generate_community(*options);
    } catch (const std::invalid_argument& e) {
      std::fprintf(stderr, "tablemap generate: %s\n", e.what());
      return kBadUsage;
    }
    try {
      save_community(community, *out);
    } catch (const SaveError& e) {
      std::fprintf(stderr, "tablemap: %s\n", e.what());
      return kBadData;
    }
    std::printf("wrote %s (%zu organizations, %zu people, %zu ties, %zu roles)\n", out->c_str(),
                community.organizations.size(), community.people.size(), community.ties.size(),
                community.roles.size());
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
