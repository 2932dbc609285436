// What-if at interactive speed: removing one organization from a generated
// community of 100,000 organizations, as the map does on every click, timed
// as the map runs it (the network is not rebuilt) next to a full
// recomputation (rebuild the network of the community without it, measure it
// afresh). The map stays live when one what-if takes under 100 ms.
//
// Usage: bench_whatif [ORGANIZATIONS] (default 100000)
#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <vector>

#include <fmt/format.h>

#include "analysis/gaps.hpp"
#include "analysis/whatif.hpp"
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

  {
    const std::vector<uint32_t> removed = {order[0]};
    Community without;
    const double w = seconds_of([&] { what_if_removed(community, net, removed); });
    const double c = seconds_of([&] { without = community_without(community, removed); });
    Network after;
    const double b = seconds_of([&] { after = Network(without); });
    const double g = seconds_of([&] { analyze_gaps(without, after); });
    fmt::print("  parts: what_if_removed {:.1f} ms, community_without {:.1f} ms, network {:.1f} ms, gaps {:.1f} ms\n",
               w * 1e3, c * 1e3, b * 1e3, g * 1e3);
  }
  double live_worst = 0, full_worst = 0, live_sum = 0, full_sum = 0;
  for (int i = 0; i < 5; ++i) {
    const std::vector<uint32_t> removed = {order[i]};
    // As the map runs it: components, reach and cross-sector ties on the same
    // network with the organization left out, then the gaps of the community without it.
    const double live = seconds_of([&] {
      WhatIfReport r = what_if_removed(community, net, removed);
      const Community without = community_without(community, removed);
      GapReport g = analyze_gaps(without, Network(without));
      (void)r;
      (void)g;
    });
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
    fmt::print("  without {:<40} live {:>7.1f} ms   full recomputation {:>7.1f} ms\n",
               community.organizations[order[i]].name, live * 1e3, full * 1e3);
    live_worst = std::max(live_worst, live);
    full_worst = std::max(full_worst, full);
    live_sum += live;
    full_sum += full;
  }
  fmt::print("  live what-if: mean {:.1f} ms, worst {:.1f} ms (target under 100 ms); full recomputation: mean {:.1f} "
             "ms, worst {:.1f} ms; ratio {:.2f}x\n",
             live_sum / 5 * 1e3, live_worst * 1e3, full_sum / 5 * 1e3, full_worst * 1e3, full_sum / live_sum);
  return 0;
}
