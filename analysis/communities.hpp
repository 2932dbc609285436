// Communities: groups of organizations more tied among themselves than to the
// rest, found by Louvain modularity optimisation (Blondel et al. 2008).
//
// Each level moves organizations one at a time to the neighbouring community
// that most raises modularity, revisiting only organizations whose
// neighbourhood changed (a queue, as in Traag's fast local moving), then
// merges each community into one vertex and repeats until nothing moves.
// Deterministic: the visiting orders are shuffled with `seed` only. About
// O(m) per sweep, a handful of sweeps per level, a few levels; `tries` runs
// side by side on as many threads (memory: one working graph per run).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/network.hpp"

namespace tablemap {

struct CommunityReport;

struct CommunityOptions {
  uint64_t seed = 1;
  bool weighted = false;    // tie strength as weight
  double resolution = 1.0;  // > 1 gives smaller communities
  // Independent runs (different visiting orders drawn from the seed), one per
  // thread; the one with the highest modularity is kept.
  int tries = 2;
  // Where each organization starts (a group number per row; numbers need not
  // be consecutive), asked for when the communities are computed; empty or
  // unset starts every organization alone. compare starts a year from the
  // year before's communities matched by id, so that a community the
  // network kept is found again and only real change moves organizations.
  std::function<std::vector<uint32_t>()> start;
  // Called with the communities as soon as they are found (compare hands
  // them on to the later year while the rest is measured).
  std::function<void(const CommunityReport&)> found;
};

struct CommunityReport {
  std::vector<uint32_t> community;  // per organization; 0 is the largest community
  std::vector<uint32_t> sizes;      // organizations per community, largest first
  double modularity = 0;
  int levels = 0;                   // merging rounds that changed something
};

CommunityReport louvain(const Network& net, const CommunityOptions& options = {});

// Newman's modularity of any grouping (membership[v] = group of v):
// sum over groups of (ties inside / m) - resolution * (degree sum / 2m)^2.
// 0 when there are no ties.
double modularity(const Network& net, const std::vector<uint32_t>& membership, bool weighted = false,
                  double resolution = 1.0);

}  // namespace tablemap
