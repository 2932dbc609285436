// Times `gaps` (analyze_gaps) on generated communities and runs the same
// counting core in python3-igraph on the same data in the same run
// (bench/gaps_reference.py), printing the ratio (igraph seconds / tablemap
// seconds: above 1 means tablemap is faster) and checking both agree.
//
// Usage: bench_gaps [SIZE...] [--no-igraph]     (default size 1000000)
// Target: analyze_gaps on 1,000,000 organizations in well under 5 s.
// The igraph side covers only the linear counting (seats, generations, ties to
// the table, candidate counts); tablemap's time also includes ranking the
// candidates, the greedy invite plan, the fit test and the readiness checks.
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/gaps.hpp"
#include "core/network.hpp"
#include "core/synthetic.hpp"
#include "bench_support.hpp"

using namespace tablemap;
using bench::seconds_of;

namespace {

// CPU time of this thread: on a shared machine wall time also counts the waiting.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

void write_ints(const std::filesystem::path& file, const std::vector<int32_t>& v) {
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(v.data()), std::streamsize(v.size() * sizeof(int32_t)));
}

void dump(const Community& c, const Network& net, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::vector<int32_t> a, b, s;
  for (const Organization& o : c.organizations) {
    a.push_back(o.sector);
    b.push_back(o.at_table);
  }
  write_ints(dir / "org_sector", a);
  write_ints(dir / "org_at", b);
  std::vector<int32_t> org, gen, sec, at;
  for (const Person& p : c.people) {
    org.push_back(p.organization);
    gen.push_back(int32_t(p.generation));
    sec.push_back(p.sector);
    at.push_back(p.at_table);
  }
  write_ints(dir / "person_org", org);
  write_ints(dir / "person_generation", gen);
  write_ints(dir / "person_sector", sec);
  write_ints(dir / "person_at", at);
  a.clear();
  b.clear();
  for (const Relationship& r : net.relationships()) {
    a.push_back(int32_t(r.a));
    b.push_back(int32_t(r.b));
    s.push_back(r.strength);
  }
  write_ints(dir / "edge_a", a);
  write_ints(dir / "edge_b", b);
  write_ints(dir / "edge_strength", s);
  std::ofstream(dir / "sizes") << c.profile.sectors.size() << "\n";
}

std::map<std::string, std::string> run_reference(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  FILE* pipe = popen(fmt::format("{} {}", bench::reference_command("gaps_reference.py"), dir.string()).c_str(), "r");
  if (!pipe) return out;
  char line[1 << 16];
  while (std::fgets(line, sizeof line, pipe)) {
    std::string text(line);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    size_t space = text.find(' ');
    if (space != std::string::npos) out[text.substr(0, space)] = text.substr(space + 1);
  }
  pclose(pipe);
  return out;
}

template <class T>
std::string joined(const std::vector<T>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? " " : "") + std::to_string(v[i]);
  return s;
}

bool bench_size(uint32_t n, bool with_igraph) {
  GenerateOptions gen;
  gen.organizations = n;
  gen.seed = 42;
  Community c;
  double generate = seconds_of([&] { c = generate_community(gen); });
  Network net;
  double build = seconds_of([&] { net = Network(c); });
  GapReport report;
  const double cpu_before = cpu_seconds();
  double gaps = seconds_of([&] { report = analyze_gaps(c, net); });
  const double gaps_cpu = cpu_seconds() - cpu_before;
  std::string text;
  double format = seconds_of([&] { text = format_gap_report(report, c) + to_json(report).dump(); });

  fmt::print("\n== {} organizations, {} people, {} ties (generated in {:.2f} s, network built in {:.2f} s)\n", n,
             c.people.size(), net.relationship_count(), generate, build);
  fmt::print("analyze_gaps        {:8.3f} s   ({:.3f} s of CPU; target: under 5 s at 1,000,000 organizations)\n", gaps,
             gaps_cpu);
  fmt::print("text + json report  {:8.3f} s\n", format);
  fmt::print("table: {} people, {} organizations; {} invitees in the greedy plan; fit test: {} (p = {:.3g})\n",
             report.table.people, report.table.organizations, report.invite_plan.invitees.size(),
             report.generation_fit.test, report.generation_fit.p_value);

  std::vector<int64_t> seats, generations;
  for (const SectorRow& s : report.sectors) seats.push_back(s.seats);
  for (const GenerationRow& g : report.generations) generations.push_back(g.at_table);
  bool agree = true;
  if (with_igraph) {
    const std::filesystem::path dir = fmt::format("/tmp/tablemap_bench_gaps_{}_{}", n, getpid());
    dump(c, net, dir);
    auto ref = run_reference(dir);
    std::filesystem::remove_all(dir);
    if (ref.empty() || !ref.count("seconds")) {
      fmt::print("python3-igraph reference did not run\n");
      return false;
    }
    const double ig = std::stod(ref["seconds"]);
    fmt::print("python3-igraph      {:8.3f} s   ratio {:.1f}x (igraph / tablemap)\n", ig, ig / gaps);
    auto check = [&](const std::string& what, const std::string& ours, const std::string& theirs) {
      bool same = ours == theirs;
      fmt::print("  {:<22} {}\n", what, same ? "agree" : fmt::format("DIFFER: tablemap {} / igraph {}", ours, theirs));
      agree = agree && same;
    };
    check("table organizations", std::to_string(report.table.organizations), ref["table_organizations"]);
    check("seats per sector", joined(seats), ref["seats"]);
    check("people per generation", joined(generations), ref["generations"]);
    // Candidate counts are kept only for sectors with a gap.
    std::istringstream in(ref["sector_candidates"]);
    std::vector<size_t> theirs, ours;
    for (const SectorRow& s : report.sectors) {
      size_t x = 0;
      in >> x;
      if (s.status != GapStatus::ok) {
        theirs.push_back(x);
        ours.push_back(s.candidate_count);
      }
    }
    check("candidates (gap sectors)", joined(ours), joined(theirs));
  }
  return agree && (n < 1000000 || gaps < 5.0);
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
      sizes.push_back(uint32_t(std::stoul(arg)));
  }
  if (sizes.empty()) sizes = {1000000};
  bool ok = true;
  for (uint32_t n : sizes) ok = bench_size(n, with_igraph) && ok;
  return ok ? 0 : 1;
}
