// Who bridges whom: Gould-Fernandez brokerage roles with sectors as groups,
// Burt's constraint and effective size, the Krackhardt-Stern E-I index and
// Newman's sector assortativity.
//
// Sectors are each organization's primary sector (Organization::sector).
//
// Gould & Fernandez (1989): organization b brokers every two-step flow
// a -> b -> c (a != c) where nothing flows a -> c directly. Its role depends
// on the sectors of a, b and c:
//   coordinator     a, b, c all in one sector
//   itinerant       a and c share a sector, b is from another (consultant)
//   representative  a and b share a sector, c is from another
//   gatekeeper      b and c share a sector, a is from another
//   liaison         three different sectors
// Directions come from the ties: an undirected tie flows both ways, so an
// open path a - b - c of undirected ties counts twice, once each way (when a
// and c differ in sector, once as representative and once as gatekeeper).
// How: every two-step path through b is counted from b's per-sector in/out
// histograms (O(m g) for m ties and g sectors), then the closed ones are
// taken away, triangle by triangle; the triangles are listed once each by the
// forward algorithm (analysis/triangles.hpp, O(m sqrt(m))).
//
// Constraint and effective size follow NetworkX (Burt 1992): with
// p_ij = (a_ij + a_ji) / sum_k (a_ik + a_ki),
//   constraint(i) = sum_j (p_ij + sum_q p_iq p_qj)^2 over i's contacts j,
//   effective size(i) = sum_j (1 - sum_q p_iq m_jq), m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)
// (for unweighted ties: contacts - 2 * ties among contacts / contacts).
// The sums over q run only over triangles i-q-j, so they too come from the
// one listing of triangles.
// a_ij is 1 (the strength when weighted) for a tie flowing i -> j; undirected
// unless `directed`. Organizations without ties get NaN (null in JSON).
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "analysis/triangles.hpp"
#include "core/network.hpp"

namespace tablemap {

struct BrokerageReport {
  // Per organization (indexed by organization row).
  std::vector<uint32_t> coordinator, itinerant, gatekeeper, representative, liaison;
  uint64_t total(uint32_t v) const {
    return uint64_t(coordinator[v]) + itinerant[v] + gatekeeper[v] + representative[v] + liaison[v];
  }
};

// `group[v]` is the group (sector) of organization v. The per-organization
// totals are shared out among `threads` threads; the triangles are listed on
// one, so the counts are the same for any number.
// `triangles`, when given, is list_triangles(net), shared with structural_holes.
BrokerageReport gould_fernandez(const Network& net, const std::vector<SectorId>& group, int threads = 2,
                                const std::vector<Triangle>* triangles = nullptr);

struct StructuralHoles {
  std::vector<double> constraint;      // per organization, NaN without ties
  std::vector<double> effective_size;  // per organization, NaN without ties
};

// On `threads` threads, with the same figures for any number.
StructuralHoles structural_holes(const Network& net, bool weighted = false, bool directed = false, int threads = 2,
                                 const std::vector<Triangle>* triangles = nullptr);

// Ties inside a group and ties leaving it.
struct TieMix {
  uint64_t internal = 0;
  uint64_t external = 0;
  // Krackhardt-Stern E-I index (E - I) / (E + I): -1 all inside, +1 all across; NaN without ties.
  double ei() const {
    return internal + external ? (double(external) - double(internal)) / double(internal + external) : NAN;
  }
};

struct MixingReport {
  TieMix whole;                    // internal = same sector at both ends
  std::vector<TieMix> per_sector;  // ties with both ends / one end in the sector
  // Newman's nominal assortativity of sectors (as igraph assortativity_nominal); NaN when undefined.
  double assortativity = NAN;
};

MixingReport sector_mixing(const Network& net, const std::vector<SectorId>& sector, size_t sector_count);

// For each group g (e.g. a community), the ties with both ends in g, split
// into same-sector (internal) and cross-sector (external) ties.
std::vector<TieMix> sector_mixing_within(const Network& net, const std::vector<SectorId>& sector,
                                         const std::vector<uint32_t>& group, size_t group_count);

}  // namespace tablemap
