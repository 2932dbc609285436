// What-if at interactive speed: removing one organization from a generated
// community of 100,000 organizations, as the map does on every click. Timed
// three ways: live (LiveWhatIf, which searches again only the separate parts
// the organization belonged to, then the gaps of the community without it,
// on a network derived from the loaded one as the map does),
// what_if_removed (both sides searched whole, the network not rebuilt), and a
// full recomputation (every analysis of before and after from scratch). The
// map stays live when one what-if takes under 100 ms.
//
// Usage: bench_whatif [ORGANIZATIONS] (default 100000)
#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "analysis/gaps.hpp"
#include "analysis/whatif.hpp"
#include "analysis/whatif_live.hpp"
#include "bench_support.hpp"
#include "core/network.hpp"
#include "core/synthetic.hpp"

using namespace tablemap;
using tablemap::bench::seconds_of;

int main(int argc, char** argv) {
  GenerateOptions options;
  options.organizations = argc > 1 ? uint32_t(std::strtoul(argv[1], nullptr, 10)) : 100000;
  options.seed = 7;
  const Community community = generate_community(options);
  const Network net(community);
  const uint32_t n = net.organization_count();
  fmt::print("bench_whatif: removing one organization from {} organizations, {} ties\n", n,
             net.relationship_count());

  // The five best-tied organizations: the what-ifs a lead tries first, and the costliest.
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::partial_sort(order.begin(), order.begin() + 5, order.end(),
                    [&](uint32_t a, uint32_t b) { return net.degree(a) > net.degree(b); });

  LiveWhatIf live_whatif(community, net);  // once per community, as the map keeps it
  const double setup = seconds_of([&] { LiveWhatIf again(community, net); });
  fmt::print("  LiveWhatIf set up once per community (after each edit): {:.1f} ms\n", setup * 1e3);
  double live_worst = 0, full_worst = 0, live_sum = 0, full_sum = 0, whole_sum = 0;
  for (int i = 0; i < 5; ++i) {
    const std::vector<uint32_t> removed = {order[i]};
    // Live: components, reach and cross-sector ties of the parts touched, then
    // the gaps of the community without the organization.
    WhatIfReport live_report;
    const double structure = seconds_of([&] { live_report = live_whatif.apply(removed); });
    Community without;
    std::optional<Network> without_net;
    const double copy = seconds_of([&] { without = community_without(community, removed); });
    const double network = seconds_of([&] { without_net.emplace(net.without(removed)); });
    const double analysis = seconds_of([&] {
      GapReport g = analyze_gaps(without, *without_net);
      (void)g;
    });
    const double gaps = copy + network + analysis;
    const double live = structure + gaps;
    // The same figures with both sides searched whole (what the map ran before LiveWhatIf).
    const double whole = seconds_of([&] { what_if_removed(community, net, removed); });
    // A full recomputation: every analysis of before and after from scratch.
    const double full = seconds_of([&] {
      const Network before(community);
      GapReport g0 = analyze_gaps(community, before);
      WhatIfReport r = what_if_removed(community, before, removed);
      const Community without = community_without(community, removed);
      const Network after(without);
      GapReport g1 = analyze_gaps(without, after);
      (void)g0;
      (void)g1;
      (void)r;
    });
    fmt::print("  without {:<34} live {:>6.1f} ms (parts, reach, ties {:>5.2f} ms [whole searches {:>5.1f} ms]; gaps "
               "{:>5.1f} ms = copy {:.1f} + network {:.1f} + analysis {:.1f})   full recomputation {:>7.1f} ms; {} parts after\n",
               community.organizations[order[i]].name, live * 1e3, structure * 1e3, whole * 1e3, gaps * 1e3,
               copy * 1e3, network * 1e3, analysis * 1e3, full * 1e3, live_report.after.components);
    live_worst = std::max(live_worst, live);
    full_worst = std::max(full_worst, full);
    live_sum += live;
    full_sum += full;
    whole_sum += whole;
  }
  fmt::print("  live what-if: mean {:.1f} ms, worst {:.1f} ms (target under 100 ms); full recomputation: mean {:.1f} "
             "ms, worst {:.1f} ms; ratio {:.2f}x (whole searches for the structure alone: mean {:.1f} ms)\n",
             live_sum / 5 * 1e3, live_worst * 1e3, full_sum / 5 * 1e3, full_worst * 1e3, full_sum / live_sum,
             whole_sum / 5 * 1e3);
  return 0;
}
