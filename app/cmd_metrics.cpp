// tablemap metrics PATH [--json]: network structure per organization and for
// the whole coalition: silos, brokers, single points of failure.
#include <algorithm>
#include <cstdio>

#include "analysis/measures.hpp"
#include "analysis/metrics_report.hpp"
#include "analysis/survey.hpp"
#include "app/command.hpp"
#include "app/common.hpp"
#include "core/suggest.hpp"

namespace tablemap::app {
namespace {

// The ranges --epsilon and --delta accept: below 0.001 the sample runs into
// the millions of paths; above 0.5 the bound says nothing.
constexpr double kSmallestEpsilon = 0.001, kLargestEpsilon = 0.5, kLargestDelta = 0.5;

struct MetricsArgs {
  std::string path;
  bool json = false;
  bool weighted = false;
  std::string weight_by = "strength";
  bool directed = false;
  std::string betweenness;  // exact, sampled, or empty: sampled above --exact-limit
  bool exact = false;       // --exact and --sampled: the older spellings of --betweenness
  bool sampled = false;
  double epsilon = 0.01;
  double delta = 0.1;
  std::string measures = "all";
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
      "         tablemap metrics datasets/riverbend --json > metrics.json\n"
      "         tablemap metrics datasets/metro-region --measures pagerank,betweenness --betweenness sampled --epsilon 0.02");
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
  cmd->add_option("--measures", a->measures,
                  "what to compute, a comma list (default all): " + join_names(measure_names()) +
                      " (brokers brings betweenness and articulation); the rest is left out of the report");
  cmd->add_option("--betweenness", a->betweenness,
                  "exact (every pair) or sampled (shortest paths between random pairs, within --epsilon with\n"
                  "probability 1 - --delta); default: sampled above --exact-limit organizations. Closeness and\n"
                  "harmonic follow: exact, or from --pivots sampled organizations")
      ->check(CLI::IsMember({"exact", "sampled"}));
  auto* epsilon = cmd->add_option("--epsilon", a->epsilon,
                                  "sampled betweenness: the largest error allowed on every betweenness_norm (default 0.01)");
  auto* delta = cmd->add_option("--delta", a->delta,
                                "sampled betweenness: the chance that the bound fails for some organization (default 0.1)");
  cmd->add_flag("--exact", a->exact, "the same as --betweenness exact");
  cmd->add_flag("--sampled", a->sampled, "the same as --betweenness sampled");
  cmd->add_option("--pivots", a->pivots, "organizations sampled for closeness and harmonic (default 256; fewer above ~1.5 million ties)");
  cmd->add_option("--exact-limit", a->exact_limit, "largest network measured exactly (default 20000)");
  cmd->add_option("--seed", a->seed, "seed for communities and sampling (default 1)");
  cmd->add_option("--threads", a->threads, "threads for path measures and PageRank (default 2)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--top", a->top, "rows listed in the text report (default 10)");
  cmd->add_flag("--explain", a->explain, "add a one-line meaning of every measure to the text report");
  return [a, epsilon, delta] {
    std::vector<std::string> modes;
    if (!a->betweenness.empty()) modes.push_back(a->betweenness);
    if (a->exact) modes.push_back("exact");
    if (a->sampled) modes.push_back("sampled");
    std::sort(modes.begin(), modes.end());
    modes.erase(std::unique(modes.begin(), modes.end()), modes.end());
    if (modes.size() > 1) {
      std::fprintf(stderr, "tablemap metrics: choose exact or sampled betweenness, not both (--betweenness exact, "
                           "or --betweenness sampled)\n");
      return kBadUsage;
    }
    const std::string mode = modes.empty() ? "" : modes[0];
    if (!(a->epsilon >= kSmallestEpsilon && a->epsilon <= kLargestEpsilon)) {
      std::fprintf(stderr, "tablemap metrics: --epsilon %g is out of range: give the largest error allowed on "
                           "betweenness_norm (a share from 0 to 1), from %g to %g, e.g. --epsilon 0.01\n",
                   a->epsilon, kSmallestEpsilon, kLargestEpsilon);
      return kBadUsage;
    }
    if (!(a->delta > 0 && a->delta <= kLargestDelta)) {
      std::fprintf(stderr, "tablemap metrics: --delta %g is out of range: give the chance that the bound fails, "
                           "above 0 and at most %g, e.g. --delta 0.1 for 90%% confidence\n",
                   a->delta, kLargestDelta);
      return kBadUsage;
    }
    if (mode == "exact" && (epsilon->count() > 0 || delta->count() > 0)) {
      std::fprintf(stderr, "tablemap metrics: --epsilon and --delta set the bound of sampled betweenness; exact "
                           "betweenness has no error (leave them out, or use --betweenness sampled)\n");
      return kBadUsage;
    }
    std::vector<std::string> unknown;
    const MeasureSet measures = parse_measures(a->measures, unknown);
    if (!unknown.empty()) {
      for (const std::string& word : unknown)
        std::fprintf(stderr, "tablemap metrics: --measures: no measure '%s'%s\n", word.c_str(),
                     did_you_mean(word, measure_names()).c_str());
      std::fprintf(stderr, "tablemap metrics: the measures are %s (or all)\n", join_names(measure_names()).c_str());
      return kBadUsage;
    }
    if (measures == MeasureSet::none()) {
      std::fprintf(stderr, "tablemap metrics: --measures is empty: name at least one of %s (or all)\n",
                   join_names(measure_names()).c_str());
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
    options.centrality.measures = measures;
    options.centrality.force_exact = mode == "exact";
    options.centrality.force_sampled = mode == "sampled";
    options.centrality.betweenness_epsilon = a->epsilon;
    options.centrality.betweenness_delta = a->delta;
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
