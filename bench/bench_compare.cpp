// bench_compare: `compare` on two snapshots of a large generated community,
// with the time of loading each for `summary` printed beside it (the share of
// compare that is reading files, not comparing).
//
// The second snapshot is the first with 1% of its tie rows changed: a third
// of them removed, a third added between random organizations, a third with
// another strength. Both are saved as bundles in a temporary folder; then
// the commands a lead types run, each in a process of its own (build/app/
// tablemap, beside this bench), so that time and peak memory are theirs:
//   (a) `tablemap compare BEFORE AFTER --json`;
//   (b) `tablemap summary` of each snapshot (the share of compare that is
//       reading files).
// The target: (a) under 10 s and 2 GB at 1,000,000 organizations.
//
// The commands are run, not the functions called in a forked copy of this
// process: such a copy shares the pages of the two communities generated
// above, and every page it writes is copied first (that cost 2-3 s).
//
//   bench_compare [--orgs 1000000] [--keep]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_support.hpp"
#include "core/synthetic.hpp"
#include "io/load.hpp"

namespace fs = std::filesystem;
using namespace tablemap;
using bench::seconds_of;

namespace {

struct ChildRun {
  double seconds = 0;      // wall time
  double cpu_seconds = 0;  // user + system: on a shared machine wall time also counts others' turns
  double peak_mb = 0;
  bool ok = false;
};

// Runs `tablemap ARGS >out` in a process of its own; its wall time, CPU time
// and peak resident memory.
ChildRun run_tablemap(const std::vector<std::string>& args, const std::string& out) {
  const std::string binary =
      (fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "app" / "tablemap").string();
  ChildRun run;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int quiet = ::open("/dev/null", O_WRONLY);
    if (fd < 0 || quiet < 0) _exit(127);
    ::dup2(fd, 1);
    ::dup2(quiet, 2);  // the generated organizations without ties are warned about
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.peak_mb = double(usage.ru_maxrss) / 1024.0;
  run.cpu_seconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    std::fprintf(stderr, "bench_compare: could not run %s\n", binary.c_str());
  return run;
}

// The first snapshot with 1% of its tie rows changed, a year later.
Community changed_copy(const Community& base, uint64_t seed) {
  Community next = base;
  next.profile.year = base.profile.year + 1;
  std::mt19937_64 rng(seed);
  auto& ties = next.ties.edit();
  const size_t changes = ties.size() / 100;
  const uint32_t n = uint32_t(base.organizations.size());
  for (size_t k = 0; k < changes; ++k) {
    const size_t i = size_t(rng() % ties.size());
    switch (k % 3) {
      case 0:  // removed
        ties[i] = ties.back();
        ties.pop_back();
        break;
      case 1: {  // added between two random organizations
        Tie t = ties[i];
        t.source = uint32_t(rng() % n);
        t.target = uint32_t(rng() % n);
        if (t.source == t.target) t.target = (t.target + 1) % n;
        ties.push_back(t);
        break;
      }
      default:  // another strength
        ties[i].strength = uint8_t(1 + (ties[i].strength % 3));
    }
  }
  return next;
}

}  // namespace

int main(int argc, char** argv) {
  uint32_t orgs = 1000000;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--orgs") && i + 1 < argc) orgs = uint32_t(std::stoul(argv[++i]));
    if (!std::strcmp(argv[i], "--keep")) keep = true;
  }
  const fs::path folder = fs::temp_directory_path() / ("tablemap-bench-compare-" + std::to_string(getpid()));
  fs::create_directories(folder);
  const std::string before = (folder / "before").string(), after = (folder / "after").string();

  GenerateOptions options;
  options.organizations = orgs;
  options.seed = 7;
  options.year = 2025;
  double prepare = seconds_of([&] {
    Community base = generate_community(options);
    Community next = changed_copy(base, 8);
    save_community(base, before);
    save_community(next, after);
  });
  std::printf("bench_compare: %u organizations, the second snapshot with 1%% of its tie rows changed\n", orgs);
  std::printf("  (generated and saved as two bundles in %.1f s)\n", prepare);

  const std::string report = (folder / "compare.json").string();
  ChildRun compare = run_tablemap({"compare", before, after, "--json"}, report);
  if (compare.ok) {
    const nlohmann::json c = nlohmann::json::parse(std::ifstream(report));
    const auto& ties = c["ties"];
    std::printf("  compare found %zu ties added, %zu removed, %zu strengthened, %zu weakened; JSON %zu KB\n",
                ties["added"].size(), ties["removed"].size(), ties["strengthened"].size(), ties["weakened"].size(),
                size_t(fs::file_size(report) / 1024));
    compare.ok = !ties["added"].empty();
  }
  const std::string summary = (folder / "summary.txt").string();
  ChildRun first = run_tablemap({"summary", before}, summary), second = run_tablemap({"summary", after}, summary);

  std::printf("  %-34s %8s %8s %10s\n", "", "wall s", "CPU s", "peak MB");
  std::printf("  %-34s %8.2f %8.2f %10.0f%s\n", "tablemap compare --json", compare.seconds, compare.cpu_seconds,
              compare.peak_mb, compare.ok ? "" : "  FAILED");
  std::printf("  %-34s %8.2f %8.2f %10.0f\n", "tablemap summary, first snapshot", first.seconds, first.cpu_seconds,
              first.peak_mb);
  std::printf("  %-34s %8.2f %8.2f %10.0f\n", "tablemap summary, second", second.seconds, second.cpu_seconds,
              second.peak_mb);
  std::printf("  %-34s %8.2f %8.2f\n", "the two summaries together", first.seconds + second.seconds,
              first.cpu_seconds + second.cpu_seconds);
  // Wall time is the target; on a loaded machine the CPU time says what the work itself costs.
  const bool within = compare.ok && compare.seconds < 10 && compare.peak_mb < 2048;
  std::printf("  target: under 10 s and 2048 MB: %s\n", within ? "met" : "NOT met");
  if (!keep) fs::remove_all(folder);
  return within ? 0 : 1;
}
