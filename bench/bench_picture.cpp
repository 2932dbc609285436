// bench_picture: the whole picture of a national network on one loaded
// community: load, `metrics` with its default measures (sampled betweenness
// at epsilon 0.01, delta 0.1), `gaps` and `roles`, each report formatted as
// the CLI prints it, with the time of each step, their sum and the peak
// memory of the process that did them. Beside it, in the same run, the sum
// of python3-igraph's times for the measures igraph has (components,
// articulation points and bridges, PageRank, eigenvector, k-core, Louvain)
// on the same network, and igraph's own load of the bundle.
//
// The work runs in a child process (this program again, with --picture), so
// its peak memory is that of the analysis, not of the generated community.
// The target (issue 16): under 15 s and 2 GB at 1,000,000 organizations.
//
//   bench_picture [--orgs 1000000] [--no-igraph] [--keep]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/gaps.hpp"
#include "analysis/metrics_report.hpp"
#include "analysis/roles.hpp"
#include "analysis/structure.hpp"
#include "bench_support.hpp"
#include "core/network.hpp"
#include "core/synthetic.hpp"
#include "io/load.hpp"

namespace fs = std::filesystem;
using namespace tablemap;
using bench::seconds_of;
using bench::shell_quote;

namespace {

// The child: one load, then what a lead runs, each step printed as
// "name seconds"; the last line is "peak_mb MB". The reports are formatted
// (and their length printed) so that no step is optimized away or skipped.
int picture(const std::string& bundle) {
  std::unique_ptr<Community> community;
  double t = seconds_of([&] {
    LoadResult r = load_community(bundle);
    if (r.ok()) community = std::make_unique<Community>(std::move(*r.community));
  });
  if (!community) {
    std::fprintf(stderr, "bench_picture: could not load %s\n", bundle.c_str());
    return 1;
  }
  std::printf("load %.3f\n", t);
  std::unique_ptr<Network> network;
  t = seconds_of([&] { network = std::make_unique<Network>(*community); });
  std::printf("network %.3f\n", t);

  size_t text = 0;
  MetricsOptions metrics;  // the CLI's defaults: every measure, sampled betweenness above 20,000
  NetworkMetrics m;
  t = seconds_of([&] {
    m = measure_network(*community, *network, metrics);
    text += format_metrics_report(m, *community, metrics).size();
  });
  std::printf("metrics %.3f\n", t);
  for (const MeasureTiming& part : m.timings) {  // one word per name: "single points of failure" as single_points_...
    std::string name = part.measure;
    for (char& ch : name) ch = ch == ' ' ? '_' : ch;
    std::printf("  metrics:%s %.3f\n", name.c_str(), part.seconds);
  }
  t = seconds_of([&] {
    GapReport gaps = analyze_gaps(*community, *network, GapOptions{});
    text += format_gap_report(gaps, *community).size();
  });
  std::printf("gaps %.3f\n", t);
  t = seconds_of([&] {
    RoleOptions options;
    RoleReport roles = analyze_roles(*community, *network, options);
    text += format_role_report(roles, *community, options).size();
  });
  std::printf("roles %.3f\n", t);
  std::printf("report_chars %zu\n", text);
  std::printf("betweenness_error %.4f\n", m.centrality.paths.betweenness_error);
  std::printf("betweenness_confidence %.4f\n", m.centrality.paths.confidence);
  std::printf("peak_mb %.1f\n", bench::peak_rss_mb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  uint32_t orgs = 1000000;
  bool with_igraph = true, keep = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--picture") && i + 1 < argc) return picture(argv[i + 1]);
    if (!std::strcmp(argv[i], "--orgs") && i + 1 < argc) orgs = uint32_t(std::stoul(argv[++i]));
    else if (!std::strcmp(argv[i], "--no-igraph")) with_igraph = false;
    else if (!std::strcmp(argv[i], "--keep")) keep = true;
    else {
      std::fprintf(stderr, "usage: bench_picture [--orgs 1000000] [--no-igraph] [--keep]\n");
      return 2;
    }
  }
  const fs::path folder = fs::temp_directory_path() / ("tablemap-bench-picture-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  const std::string bundle = (folder / "community").string(), edges = (folder / "network.edges").string();
  double prepare = seconds_of([&] {
    GenerateOptions options;
    options.organizations = orgs;
    options.seed = 1;
    const Community c = generate_community(options);
    save_community(c, bundle);
    const Network net(c);
    std::ofstream out(edges);
    for (const Relationship& r : net.relationships()) out << r.a << ' ' << r.b << '\n';
  });
  std::printf("bench_picture: load + metrics + gaps + roles on one loaded community of %u organizations\n", orgs);
  std::printf("  (generated, saved as a bundle and as an edge list in %.1f s)\n", prepare);

  const std::string self = fs::read_symlink("/proc/self/exe").string();
  std::map<std::string, double> ours =
      bench::run_reference(shell_quote(self) + " --picture " + shell_quote(bundle) + " 2>/dev/null");
  const bool ran = ours.count("peak_mb") > 0;
  if (!ran) std::printf("  the analysis FAILED\n");

  std::map<std::string, double> ig;
  double ig_load = 0;
  if (with_igraph && ran) {
    ig = bench::run_reference(bench::reference_command("igraph_metrics.py") + " " + shell_quote(edges) + " " +
                              std::to_string(orgs) + " components articulation pagerank eigenvector core louvain");
    const std::string load = bench::output_of(bench::reference_command("igraph_load.py") + " " + shell_quote(bundle));
    try {
      ig_load = nlohmann::json::parse(load).value("seconds", 0.0);
    } catch (const std::exception&) {
    }
  }

  double total = 0;
  std::printf("  %-40s %10s\n", "step (one process)", "seconds");
  for (const char* step : {"load", "network", "metrics", "gaps", "roles"}) {
    std::printf("  %-40s %10.2f\n", step, ours[step]);
    total += ours[step];
    if (!std::strcmp(step, "metrics"))
      for (const auto& [name, seconds] : ours)
        if (name.rfind("metrics:", 0) == 0 && seconds >= 0.05) {
          std::string part = name.substr(8);
          for (char& ch : part) ch = ch == '_' ? ' ' : ch;
          std::printf("    %-38s %10.2f\n", part.c_str(), seconds);
        }
  }
  std::printf("  %-40s %10.2f   peak %.0f MB; every betweenness_norm within %.4f at %.0f%%\n", "all together", total,
              ours["peak_mb"], ours["betweenness_error"], ours["betweenness_confidence"] * 100);
  if (!ig.empty()) {
    double measures = 0;
    for (const char* m : {"components", "articulation", "pagerank", "eigenvector", "core", "louvain"})
      measures += ig[m];
    std::printf("  igraph, same run: load %.2f s + components, articulation, PageRank, eigenvector, k-core, Louvain "
                "%.2f s = %.2f s (it has no sampled betweenness, constraint, brokerage, gaps or roles)\n",
                ig_load, measures, ig_load + measures);
  }
  const bool within = ran && total < 15 && ours["peak_mb"] < 2048;
  std::printf("  target: under 15 s and 2048 MB: %s\n", within ? "met" : "NOT met");
  if (!keep) fs::remove_all(folder);
  return within ? 0 : 1;
}
