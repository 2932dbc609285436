// Times `tablemap roles` on generated communities and compares the part
// igraph can do (the degree of every organization within its issue area's
// subgraph, which the backbone plan ranks by) with python3-igraph on the same
// input, in the same run. Ratio = igraph s / tablemap s (above 1 = tablemap faster).
//
// Usage: bench_roles [SIZE...] [--no-igraph]     (default sizes 100000 1000000)
// Target: the roles analysis of 1,000,000 organizations (with its text and JSON
// reports) in under 5 s; the shared network build is printed apart.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/roles.hpp"
#include "core/network.hpp"
#include "core/synthetic.hpp"
#include "bench_support.hpp"

using namespace tablemap;
using bench::seconds_of;

namespace {

std::map<std::string, double> run_igraph(const std::string& edges, uint32_t n, const std::string& members) {
  std::string command = fmt::format("{} {} {} {}", bench::reference_command("igraph_roles.py"), edges, n, members);
  return bench::run_reference(command);
}

void bench_size(uint32_t n, bool with_igraph) {
  GenerateOptions gen;
  gen.organizations = n;
  gen.seed = 42;
  Community community;
  const double generate = seconds_of([&] { community = generate_community(gen); });
  Network net;
  const double build = seconds_of([&] { net = Network(community); });
  fmt::print("\n== {} organizations, {} relationships, {} roles (generated in {:.2f} s)\n", n,
             net.relationship_count(), community.roles.size(), generate);

  RoleReport report;
  const double analyze = seconds_of([&] { report = analyze_roles(community, net, RoleOptions{}); });
  std::string text;
  const double format = seconds_of([&] { text = format_role_report(report, community); });
  nlohmann::json json;
  const double to_json_s = seconds_of([&] { json = to_json(report, community); });
  const double roles_total = analyze + format + to_json_s;

  fmt::print("  {:<40} {:>10}\n", "step", "seconds");
  fmt::print("  {:<40} {:>10.3f}\n", "network from the tie rows", build);
  fmt::print("  {:<40} {:>10.3f}\n", "analyze_roles (all issue areas + plans)", analyze);
  fmt::print("  {:<40} {:>10.3f}\n", "text report", format);
  fmt::print("  {:<40} {:>10.3f}\n", "JSON", to_json_s);
  fmt::print("  {:<40} {:>10.3f}  (target < 5 s at 1,000,000: {})\n", "roles: analysis + text + JSON", roles_total,
             roles_total < 5.0 ? "met" : "NOT MET");
  fmt::print("  {:<40} {:>10.3f}  (the network is built once and shared by every analysis)\n",
             "with the network build", roles_total + build);
  for (const IssueAreaRoles& area : report.issue_areas)
    fmt::print("  {}: {} organizations, {} whole-role backbones{}, plan {}\n",
               community.profile.issue_areas[size_t(area.issue_area)].id, area.organization_count,
               area.backbones.size(), area.overlapping_backbones ? " (overlapping)" : "",
               area.plan_complete ? "complete" : "incomplete");
  if (!with_igraph) return;

  // Same input for igraph: the relationships and each issue area's organizations.
  const std::string edges = fmt::format("/tmp/tablemap_bench_roles_{}_{}.edges", n, getpid());
  const std::string members = fmt::format("/tmp/tablemap_bench_roles_{}_{}.members", n, getpid());
  {
    std::ofstream out(edges);
    for (const Relationship& r : net.relationships()) out << r.a << ' ' << r.b << '\n';
  }
  {
    std::vector<std::vector<uint32_t>> of_area(community.profile.issue_areas.size());
    std::vector<std::vector<uint8_t>> seen(of_area.size(), std::vector<uint8_t>(n, 0));
    auto add = [&](size_t area, uint32_t o) {
      if (!seen[area][o]) {
        seen[area][o] = 1;
        of_area[area].push_back(o);
      }
    };
    for (uint32_t o = 0; o < n; ++o)
      for (IssueAreaId ia : community.organizations[o].issue_areas)
        if (ia >= 0 && size_t(ia) < of_area.size()) add(size_t(ia), o);
    for (const Role& r : community.roles)
      if (r.issue_area >= 0 && size_t(r.issue_area) < of_area.size()) add(size_t(r.issue_area), r.organization);
    std::ofstream out(members);
    for (const auto& list : of_area) {
      for (uint32_t o : list) out << o << ' ';
      out << '\n';
    }
  }
  // tablemap's own time for the same step, for a like-for-like ratio.
  std::vector<uint8_t> in_area(n);
  const double own_degree = seconds_of([&] {
    for (size_t ia = 0; ia < community.profile.issue_areas.size(); ++ia) {
      std::fill(in_area.begin(), in_area.end(), 0);
      for (uint32_t o = 0; o < n; ++o)
        for (IssueAreaId x : community.organizations[o].issue_areas)
          if (size_t(x) == ia) in_area[o] = 1;
      uint32_t best = 0;
      for (uint32_t v = 0; v < n; ++v) {
        if (!in_area[v]) continue;
        uint32_t d = 0;
        for (uint32_t arc = net.offsets()[v]; arc < net.offsets()[v + 1]; ++arc) d += in_area[net.targets()[arc]];
        best = std::max(best, d);
      }
      if (best == UINT32_MAX) std::puts("");  // keeps the loop from being optimized away
    }
  });
  auto ig = run_igraph(edges, n, members);
  std::remove(edges.c_str());
  std::remove(members.c_str());
  if (!ig.count("induced_degree")) {
    fmt::print("  igraph: not available (python3-igraph did not run)\n");
    return;
  }
  fmt::print("  degree within each issue area: tablemap {:.3f} s (inside analyze_roles), igraph induced_subgraph+degree "
             "{:.3f} s, ratio {:.2f}x\n",
             own_degree, ig["induced_degree"], ig["induced_degree"] / own_degree);
  fmt::print("  whole roles analysis vs igraph's degree step alone: ratio {:.2f}x\n", ig["induced_degree"] / analyze);
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
  if (sizes.empty()) sizes = {100000, 1000000};
  fmt::print("bench_roles: tablemap roles vs python3-igraph (ratio = igraph s / tablemap s; above 1 = tablemap faster)\n");
  for (uint32_t n : sizes) bench_size(n, with_igraph);
  return 0;
}
