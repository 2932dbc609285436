// tablemap metrics PATH [--json]: network structure per organization and for
// the whole coalition: silos, brokers, single points of failure.
#include <cstdio>

#include "analysis/metrics_report.hpp"
#include "analysis/survey.hpp"
#include "app/command.hpp"
#include "app/common.hpp"

namespace tablemap::app {
namespace {

struct MetricsArgs {
  std::string path;
  bool json = false;
  bool weighted = false;
  std::string weight_by = "strength";
  bool directed = false;
  bool exact = false;
  bool sampled = false;
  uint32_t pivots = 0;
  uint32_t exact_limit = 20000;
  uint64_t seed = 1;
  int threads = 2;
  uint32_t top = 10;
  bool explain = false;
};

CommandRegistration registration{50, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "metrics",
      "Network structure: centrality, communities, brokerage per organization; silos,\n"
      "brokers and single points of failure for the coalition. Unweighted and\n"
      "undirected unless --weighted / --directed. After survey import, --weight-by intensity\n"
      "weighs each tie by how closely the partners work (1 awareness to 4 integration), so that an\n"
      "integrated pair is a path four times shorter than two that only know of each other.\n"
      "See docs/metrics.md.\n"
      "Example: tablemap metrics datasets/riverbend --explain\n"
      "         tablemap metrics datasets/riverbend --json > metrics.json");
  auto a = std::make_shared<MetricsArgs>();
  cmd->add_option("PATH", a->path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_flag("--json", a->json, "print JSON (network + every organization) instead of text");
  cmd->add_flag("--weighted", a->weighted, "use tie strength (1-3): strong ties count more and are shorter");
  cmd->add_option("--weight-by", a->weight_by,
                  "what --weighted weighs (implies it): strength (default, 1-3), or intensity, the survey's\n"
                  "1 (awareness) to 4 (integration), a tie without one at its strength's step (1 cooperation,\n"
                  "2 coordination, 3 integration)")
      ->check(CLI::IsMember({"strength", "intensity"}));
  cmd->add_flag("--directed", a->directed, "follow the direction of directed ties");
  cmd->add_flag("--exact", a->exact, "exact betweenness and closeness, however large the network");
  cmd->add_flag("--sampled", a->sampled, "estimate betweenness and closeness from sampled organizations");
  cmd->add_option("--pivots", a->pivots, "organizations sampled for the estimate (default 256; fewer above ~1.5 million ties)");
  cmd->add_option("--exact-limit", a->exact_limit, "largest network measured exactly (default 20000)");
  cmd->add_option("--seed", a->seed, "seed for communities and sampling (default 1)");
  cmd->add_option("--threads", a->threads, "threads for path measures and PageRank (default 2)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--top", a->top, "rows listed in the text report (default 10)");
  cmd->add_flag("--explain", a->explain, "add a one-line meaning of every measure to the text report");
  return [a] {
    if (a->exact && a->sampled) {
      std::fprintf(stderr, "tablemap metrics: choose --exact or --sampled, not both\n");
      return kBadUsage;
    }
    auto community = load_or_report(a->path);
    if (!community) return kBadData;
    Network network(*community);
    const bool by_intensity = a->weight_by == "intensity";
    IntensityWeights weights;
    if (by_intensity) weights = weigh_by_intensity(network, *community);
    MetricsOptions options;
    options.centrality.weighted = a->weighted || by_intensity;
    options.centrality.directed = a->directed;
    options.centrality.force_exact = a->exact;
    options.centrality.force_sampled = a->sampled;
    options.centrality.pivots = a->pivots;
    options.centrality.exact_limit = a->exact_limit;
    options.centrality.seed = a->seed;
    options.centrality.threads = a->threads;
    options.communities.seed = a->seed;
    options.listed = a->top;
    NetworkMetrics m = measure_network(*community, network, options);
    const size_t ties = weights.with_intensity + weights.by_strength;
    if (a->json) {
      nlohmann::json j = to_json(m, *community);
      if (by_intensity)
        j["weights"] = {{"by", "intensity"},
                        {"ties_with_intensity", weights.with_intensity},
                        {"ties_by_strength", weights.by_strength}};
      print_json(j);
    } else {
      std::fputs(format_metrics_report(m, *community, options, {a->top, a->explain}).c_str(), stdout);
      if (by_intensity && weights.with_intensity == 0)
        std::printf("\nWeighted by survey intensity, but none of the %zu ties has one (survey import writes it): each "
                    "counts at its strength's step (1 cooperation, 2 coordination, 3 integration).\n", ties);
      else if (by_intensity)
        std::printf("\nWeighted by survey intensity (1 awareness to 4 integration): %zu of the %zu ties have one; "
                    "the other %zu count at their strength's step (1 cooperation, 2 coordination, 3 integration).\n",
                    weights.with_intensity, ties, weights.by_strength);
    }
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
