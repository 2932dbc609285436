// The structural reading of a coalition: the network-level summary, silos,
// brokers and single points of failure, on top of every per-organization
// measure (centrality, components, communities, brokerage).
//
// Rules, in users' words (docs/metrics.md):
//  - Silo: a community of at least `silo.min_organizations` organizations
//    where at least `silo.share` (90%) of the ties touching its members (ties
//    inside it and ties leaving it) join organizations of at most two sectors.
//  - Broker: among the organizations with the highest betweenness (and any
//    that cut off a sector), those whose departure cuts a sector off from all
//    other sectors, disconnects pairs of organizations, or most raises the
//    average distance between those still connected. A sector is cut off
//    when its remaining organizations keep no tie to any other sector though
//    they had some before.
//  - Single point of failure: an articulation point; it cuts off everybody
//    who would lose contact with the largest remaining part of its component.
//
// Costs: the summary and silos O(n + m); brokers one breadth-first search per
// sampled source per candidate, O(c s m) (s = all organizations up to 2,000,
// else `distance_samples`), run 64 at a time (analysis/multi_search.hpp);
// everything else as its own header says.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/brokerage.hpp"
#include "analysis/centrality.hpp"
#include "analysis/communities.hpp"
#include "analysis/components.hpp"
#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

struct SiloRule {
  uint32_t min_organizations = 3;
  double share = 0.9;
};

struct MetricsOptions {
  CentralityOptions centrality;  // centrality.measures says what to compute (default all)
  CommunityOptions communities;
  SiloRule silo;
  uint32_t broker_candidates = 10;   // highest-betweenness organizations tried as brokers
  // Sources for average distances above 2,000 organizations (fewer, down to 4,
  // when the network is so large that 32 would take long).
  uint32_t distance_samples = 32;
  uint32_t listed = 10;              // brokers and single points of failure listed in detail
};

struct NetworkSummary {
  uint32_t organizations = 0;
  uint64_t ties = 0;                   // related pairs of organizations
  double density = 0;                  // ties / (n (n-1) / 2)
  std::vector<uint32_t> component_sizes;  // largest first
  uint32_t isolates = 0;
  uint32_t communities = 0;
  double modularity = 0;
  TieMix sector_mix;                   // E-I index of the whole network by sector
  double sector_assortativity = 0;     // NaN when undefined
  double degree_centralization = 0;    // Freeman: sum(max - degree) / ((n-1)(n-2))
  uint32_t articulation_points = 0;
  uint32_t bridges = 0;
  // The one baseline every broker is read against: the average distance
  // between connected pairs of the whole network (from sampled sources above
  // 2,000 organizations; distance_sampled says so). 0 when no pair is connected.
  double average_distance = 0;
  bool distance_sampled = false;
};

struct Silo {
  uint32_t community = 0;
  uint32_t organizations = 0;
  std::vector<SectorId> sectors;  // the one or two sectors its ties stay in
  uint64_t ties = 0;              // ties touching its members
  double share = 0;               // of those, the share within `sectors`
};

struct Broker {
  uint32_t organization = 0;
  std::vector<SectorId> sectors_cut_off;
  // Between the other organizations' connected pairs, before and after it
  // leaves (the same pairs; estimated above 2,000 organizations).
  double average_distance_before = 0;
  double average_distance_after = 0;
  double pairs_disconnected = 0;       // share of connected pairs that lose contact
  double pairs_lost = 0;               // unordered pairs of other organizations that lose contact (estimated above 2,000)
  // How much longer paths among the pairs still connected get, in steps:
  // after - before, over the same pairs. Listed when at least kBrokerDistanceStep.
  double distance_increase() const { return average_distance_after - average_distance_before; }
};
// The smallest lengthening of paths that makes an organization a broker (in
// steps, 1 = one more tie on every path): 0.05, one more tie on one path in
// twenty; smaller changes ("0.01 steps longer") tell a lead nothing.
inline constexpr double kBrokerDistanceStep = 0.05;

struct SinglePointOfFailure {
  uint32_t organization = 0;
  uint32_t cut_off = 0;                 // organizations losing contact with the main part
  std::vector<uint32_t> cut_off_organizations;  // up to 20 of them, by row
  std::vector<SectorId> sectors_cut_off;        // sectors with organizations among them
  uint32_t table_organizations_cut_off = 0;
};

// Whether each sector loses all ties to other sectors when one organization
// leaves: returns, per organization, the sectors it alone connects. O(n + m).
std::vector<std::vector<SectorId>> sectors_cut_off_by_each(const Community& community, const Network& net);

struct NetworkMetrics {
  CentralityResult centrality;
  ComponentReport components;
  CutPoints cuts;
  CommunityReport communities;
  BrokerageReport brokerage;
  StructuralHoles holes;
  MixingReport mixing;
  std::vector<TieMix> community_mix;  // per community: same-sector vs cross-sector ties inside it
  NetworkSummary summary;
  std::vector<Silo> silos;
  std::vector<Broker> brokers;
  std::vector<SinglePointOfFailure> single_points;  // the `listed` that cut off most
  MeasureSet measured = MeasureSet::all();  // what was computed; the rest is left empty
  std::vector<MeasureTiming> timings;       // seconds per part, in the order computed
};

NetworkMetrics measure_network(const Community& community, const Network& net, const MetricsOptions& options);

}  // namespace tablemap
