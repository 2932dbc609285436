// bench_load: how fast tablemap loads a large community, against python3-igraph
// reading the same CSV files in the same run.
//
// For each size (default 100,000 and 1,000,000 organizations, 4 tie rows
// each) it generates a synthetic community, saves it as a bundle in a temp
// folder, then runs, each in a fresh process so that peak memory is the
// load's own:
//   (a) tablemap: load_community (every row validated) + Network, and
//   (b) bench/igraph_load.py: an igraph Graph with every organization column
//       as a vertex attribute and kind/strength/directed/confirmed on edges,
// and prints seconds, peak memory (VmHWM; ru_maxrss for Python) and ratios.
//
//   bench_load [--sizes 100000,1000000] [--keep] [--python /usr/bin/python3]
//   bench_load --load-only BUNDLE     (the child: prints "wall_s cpu_s peak_mb ...")
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/network.hpp"
#include "core/synthetic.hpp"
#include "io/load.hpp"
#include "bench_support.hpp"

namespace fs = std::filesystem;
using namespace tablemap;
using bench::shell_quote;

namespace {

// CPU seconds of this process: on a shared machine, wall time also counts
// the time other processes had the cores, so both are printed.
double cpu_seconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Peak resident memory of this process, in MB.
double peak_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

// Runs a command and returns its standard output; exits on failure.
std::string run(const std::string& command) {
  int status = 0;
  std::string out = bench::output_of(command, &status);
  if (status != 0) {
    std::fprintf(stderr, "bench_load: failed: %s\n", command.c_str());
    std::exit(1);
  }
  return out;
}

int load_only(const std::string& bundle) {
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  LoadResult r = load_community(bundle);
  if (!r.ok()) {
    for (const Problem& p : r.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    return 1;
  }
  Network net(*r.community);
  const double seconds = seconds_since(start), cpu = cpu_seconds() - cpu_start;
  std::printf("%.3f %.3f %.1f %u %zu\n", seconds, cpu, peak_mb(), net.organization_count(), net.relationship_count());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<uint32_t> sizes = {100000, 1000000};
  bool keep = false;
  std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--load-only" && i + 1 < argc) return load_only(argv[i + 1]);
    if (arg == "--keep") {
      keep = true;
    } else if (arg == "--python" && i + 1 < argc) {
      python = argv[++i];
    } else if (arg == "--sizes" && i + 1 < argc) {
      sizes.clear();
      std::stringstream list(argv[++i]);
      for (std::string item; std::getline(list, item, ',');) sizes.push_back(uint32_t(std::stoul(item)));
    } else {
      std::fprintf(stderr,
                   "usage: bench_load [--sizes 100000,1000000] [--keep] [--python /usr/bin/python3]\n"
                   "Example: bench_load --sizes 100000\n");
      return 2;
    }
  }
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  const std::string script = std::string(TABLEMAP_BENCH_DIR) + "/igraph_load.py";
  const fs::path folder = fs::temp_directory_path() / ("tablemap-bench-load-" + std::to_string(::getpid()));
  fs::create_directories(folder);

  double national_ratio = 0, national_mb = 0;  // the 1,000,000-organization row, for the target
  std::printf("%-13s %9s %8s | %-24s | %-24s | %s\n", "", "", "", "tablemap load+network", "igraph Graph",
              "igraph / tablemap");
  std::printf("%-13s %9s %8s | %7s %7s %8s | %7s %7s %8s | %6s %6s %6s\n", "organizations", "tie rows", "write s",
              "wall s", "cpu s", "peak MB", "wall s", "cpu s", "peak MB", "wall", "cpu", "memory");
  for (uint32_t n : sizes) {
    GenerateOptions options;
    options.organizations = n;
    options.seed = 1;
    options.ties_per_organization = 4;
    const auto start = std::chrono::steady_clock::now();
    const std::string bundle = (folder / ("orgs-" + std::to_string(n))).string();
    size_t tie_rows = 0;
    {
      const Community c = generate_community(options);
      tie_rows = c.ties.size();
      save_community(c, bundle);
    }
    const double write_seconds = seconds_since(start);

    double ours = 0, ours_cpu = 0, ours_mb = 0;
    {
      std::istringstream out(run(shell_quote(self) + " --load-only " + shell_quote(bundle)));
      out >> ours >> ours_cpu >> ours_mb;
    }
    const auto theirs = nlohmann::json::parse(run(shell_quote(python) + " " + shell_quote(script) + " " +
                                                  shell_quote(bundle)));
    const double igraph_seconds = theirs["seconds"], igraph_cpu = theirs["cpu_seconds"],
                 igraph_mb = theirs["peak_mb"];
    std::printf("%-13u %9zu %8.2f | %7.2f %7.2f %8.0f | %7.2f %7.2f %8.0f | %5.1fx %5.1fx %5.1fx\n", n, tie_rows,
                write_seconds, ours, ours_cpu, ours_mb, igraph_seconds, igraph_cpu, igraph_mb, igraph_seconds / ours,
                igraph_cpu / ours_cpu, igraph_mb / ours_mb);
    std::fflush(stdout);
    if (n == 1000000) {
      national_ratio = igraph_seconds / ours;
      national_mb = ours_mb;
    }
    if (!keep) fs::remove_all(bundle);
  }
  if (!keep) fs::remove_all(folder);
  else std::printf("bundles kept in %s\n", folder.c_str());
  if (national_ratio > 0)
    std::printf("target at 1,000,000 organizations: at least 8x igraph's wall time (%.1fx) and under 700 MB (%.0f MB): "
                "%s\n",
                national_ratio, national_mb, national_ratio >= 8 && national_mb < 700 ? "met" : "NOT met");
  return 0;
}
