// Times every network measure of tablemap against python3-igraph on the same
// generated communities, in the same run, and prints the ratio
// (igraph seconds / tablemap seconds: above 1 means tablemap is faster).
//
// Usage: bench_metrics [SIZE...] [--no-igraph]     (default sizes 10000 100000 1000000)
// Each size: generate_community (about 4 tie rows per organization, heavy-tailed),
// write the network's edge list to a temporary file, time each measure here,
// then run bench/igraph_metrics.py on that file. All-pairs measures (exact
// betweenness with closeness and harmonic) are compared up to 10,000
// organizations; above that tablemap's sampled estimate is timed alone
// (igraph has no pivot sampling).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/brokerage.hpp"
#include "analysis/betweenness_sampling.hpp"
#include "analysis/centrality.hpp"
#include "analysis/communities.hpp"
#include "analysis/components.hpp"
#include "core/network.hpp"
#include "core/synthetic.hpp"
#include "bench_support.hpp"

using namespace tablemap;
using bench::seconds_of;

namespace {

std::map<std::string, double> run_igraph(const std::string& edges, uint32_t n, const std::vector<std::string>& measures) {
  // The script sits next to this file (CMake compiles with absolute paths).
  std::string command = fmt::format("{} {} {}", bench::reference_command("igraph_metrics.py"), edges, n);
  for (const auto& m : measures) command += " " + m;
  return bench::run_reference(command);
}

void bench_size(uint32_t n, bool with_igraph) {
  GenerateOptions gen;
  gen.organizations = n;
  gen.seed = 42;
  Community community;
  double generate = seconds_of([&] { community = generate_community(gen); });
  Network net;
  double build = seconds_of([&] { net = Network(community); });
  fmt::print("\n== {} organizations, {} ties (generated in {:.2f} s, network built in {:.2f} s)\n", n,
             net.relationship_count(), generate, build);

  const std::string edges = fmt::format("/tmp/tablemap_bench_{}_{}.edges", n, getpid());
  {
    std::ofstream out(edges);
    for (const Relationship& r : net.relationships()) out << r.a << ' ' << r.b << '\n';
  }

  CentralityOptions options;  // two threads
  std::vector<SectorId> sector(n);
  for (uint32_t v = 0; v < n; ++v) sector[v] = community.organizations[v].sector;
  struct Row {
    std::string measure;        // name in igraph_metrics.py, or "" when igraph has none
    std::string label;
    double seconds;
    std::string note;
  };
  std::vector<Row> rows;
  double louvain_q = 0;
  double target_total = 0;  // components + articulation + PageRank + Louvain + sampled betweenness

  double t = seconds_of([&] { connected_components(net); });
  rows.push_back({"components", "components", t, ""});
  target_total += t;
  t = seconds_of([&] { cut_points(net); });
  rows.push_back({"articulation", "articulation points + bridges", t, ""});
  target_total += t;
  IterationResult pr;
  t = seconds_of([&] { pr = pagerank(net, options); });
  rows.push_back({"pagerank", "PageRank", t,
                  fmt::format("{} rounds to L1 residual < 1e-10 (igraph PRPACK: the same 1e-10)", pr.iterations)});
  target_total += t;
  IterationResult ev;
  t = seconds_of([&] { ev = eigenvector_centrality(net, options, 1e-10); });
  rows.push_back({"eigenvector", "eigenvector", t, fmt::format("{} iterations", ev.iterations)});
  t = seconds_of([&] { core_numbers(net); });
  rows.push_back({"core", "k-core", t, ""});
  t = seconds_of([&] { louvain_q = louvain(net).modularity; });
  rows.push_back({"louvain", "Louvain", t, fmt::format("modularity {:.4f}", louvain_q)});
  target_total += t;
  CentralityOptions sampled = options;
  sampled.force_sampled = true;
  PathMeasures sp;
  t = seconds_of([&] { sp = path_measures(net, sampled); });
  rows.push_back({"", "sampled betweenness+closeness", t,
                  fmt::format("{} paths (vertex diameter <= {}): every betweenness_norm within {} at {:.0f}%; "
                              "closeness from {} pivots",
                              sp.betweenness_samples, sp.vertex_diameter_bound, sp.betweenness_error,
                              sp.confidence * 100, sp.pivots)});
  target_total += t;
  BetweennessSamplingOptions paths_only;
  t = seconds_of([&] { sampled_betweenness(net, paths_only); });
  rows.push_back({"", "  of which sampled paths", t, "2 threads"});
  if (n <= 10000) {
    CentralityOptions exact = options;
    exact.force_exact = true;
    t = seconds_of([&] { path_measures(net, exact); });
    rows.push_back({"betweenness", "exact betweenness+closeness+harmonic", t, "2 threads"});
    exact.threads = 1;
    t = seconds_of([&] { path_measures(net, exact); });
    rows.push_back({"betweenness", "  (same, 1 thread)", t, ""});
  }
  if (n <= 100000) {
    t = seconds_of([&] { structural_holes(net); });
    rows.push_back({"constraint", "constraint + effective size", t, ""});
  }
  t = seconds_of([&] { gould_fernandez(net, sector); });
  rows.push_back({"", "Gould-Fernandez brokerage", t, ""});
  const double rss = bench::peak_rss_mb();

  std::map<std::string, double> ig;
  if (with_igraph) {
    std::vector<std::string> measures;
    for (const Row& r : rows)
      if (!r.measure.empty() && std::find(measures.begin(), measures.end(), r.measure) == measures.end())
        measures.push_back(r.measure);
    ig = run_igraph(edges, n, measures);
  }
  std::remove(edges.c_str());

  fmt::print("  {:<38} {:>11} {:>11} {:>8}  {}\n", "measure", "tablemap s", "igraph s", "ratio", "");
  for (const Row& r : rows) {
    auto it = r.measure.empty() ? ig.end() : ig.find(r.measure);
    if (it != ig.end())
      fmt::print("  {:<38} {:>11.3f} {:>11.3f} {:>7.2f}x  {}\n", r.label, r.seconds, it->second,
                 it->second / r.seconds, r.note);
    else
      fmt::print("  {:<38} {:>11.3f} {:>11} {:>8}  {}\n", r.label, r.seconds, "-", "-", r.note);
  }
  if (ig.count("louvain_modularity")) fmt::print("  igraph Louvain modularity {:.4f}\n", ig["louvain_modularity"]);
  fmt::print("  components + articulation + PageRank + Louvain + sampled betweenness: {:.2f} s; "
             "peak memory {:.0f} MB (includes the generated community)\n",
             target_total, rss);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<uint32_t> sizes;
  bool with_igraph = true;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--no-igraph")
      with_igraph = false;
    else
      sizes.push_back(uint32_t(std::strtoul(argv[i], nullptr, 10)));
  }
  if (sizes.empty()) sizes = {10000, 100000, 1000000};
  fmt::print("bench_metrics: tablemap vs python3-igraph {} (ratio = igraph s / tablemap s; above 1 = tablemap faster)\n",
             with_igraph ? "" : "(igraph skipped)");
  for (uint32_t n : sizes) bench_size(n, with_igraph);
  return 0;
}
