// tablemap metrics PATH [--json]: network structure per organization and for
// the whole coalition: silos, brokers, single points of failure.
#include <cstdio>

#include "analysis/metrics_report.hpp"
#include "app/command.hpp"
#include "app/common.hpp"

namespace tablemap::app {
namespace {

struct MetricsArgs {
  std::string path;
  bool json = false;
  bool weighted = false;
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
      "undirected unless --weighted / --directed. See docs/metrics.md.\n"
      "Example: tablemap metrics datasets/riverbend --explain\n"
      "         tablemap metrics datasets/riverbend --json > metrics.json");
  auto a = std::make_shared<MetricsArgs>();
  cmd->add_option("PATH", a->path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_flag("--json", a->json, "print JSON (network + every organization) instead of text");
  cmd->add_flag("--weighted", a->weighted, "use tie strength (1-3): strong ties count more and are shorter");
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
    MetricsOptions options;
    options.centrality.weighted = a->weighted;
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
    if (a->json)
      print_json(to_json(m, *community));
    else
      std::fputs(format_metrics_report(m, *community, options, {a->top, a->explain}).c_str(), stdout);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
