// Betweenness estimated from sampled shortest paths, with a guarantee that
// holds for every organization at once.
//
// Riondato and Kornaropoulos, "Fast approximation of betweenness centrality
// through sampling" (WSDM 2014, and Data Min. Knowl. Disc. 30, 2016): draw r
// ordered pairs (s, t) of distinct organizations uniformly, pick one shortest
// s-t path uniformly among all of them, and credit 1/r to every organization
// inside it. With
//     r = ceil( (c / eps^2) * ( floor(log2(VD - 2)) + 1 + ln(1 / delta) ) ),  c = 0.5,
// where VD bounds the number of organizations on any shortest path (the
// "vertex diameter"), every organization's estimate is within eps of its
// exact betweenness, normalized over ordered pairs, with probability at least
// 1 - delta (the bound comes from the VC dimension of shortest paths, so it
// does not grow with the number of organizations).
//
// Each path is found with the balanced bidirectional breadth-first search of
// KADABRA (Borassi and Natale, ESA 2016): the side whose frontier has fewer
// ties is expanded, so a sample touches a small part of a large network.
// Weighted networks use Dijkstra from s, stopped when t is settled.
//
// tablemap reports betweenness_norm = raw / ((n-1)(n-2)/2) (ordered pairs
// and (n-1)(n-2) when directed); that is n/(n-2) times the normalization
// above, so the sample size is computed for eps * (n-2)/n and the guarantee
// is stated on betweenness_norm itself.
//
// Results repeat to the last bit for a seed, whatever the number of threads:
// sample i draws from its own generator (seeded by seed and i) and each
// thread counts whole paths as integers, which are added in any order.
//
// Large undirected, unweighted networks are searched renumbered (see
// renumber_from): the same guarantee, and the same figures for a seed.
//
// run() takes O(r * b) where b is the part of the network one bidirectional
// search visits (on sparse networks far less than the m ties a full search reads).
#pragma once

#include <cstdint>
#include <vector>

#include "core/network.hpp"

namespace tablemap {

struct BetweennessSamplingOptions {
  double epsilon = 0.01;  // bound on |estimate - exact| for every betweenness_norm
  double delta = 0.1;     // probability that the bound fails
  bool weighted = false;  // a strength-s tie is 1/s long
  bool directed = false;  // paths follow the ties' direction
  int threads = 2;
  uint64_t seed = 1;
  // From this many organizations on, undirected unweighted paths are
  // searched on the rows renumbered breadth-first (analysis/renumbered.hpp).
  uint32_t renumber_from = 100000;
};

struct SampledBetweenness {
  std::vector<double> betweenness;       // raw, as the exact measure counts it
  std::vector<double> betweenness_norm;  // within epsilon of the exact value, all at once
  uint64_t samples = 0;                  // r, the pairs drawn
  uint32_t vertex_diameter_bound = 0;    // VD used in the sample size
  double epsilon = 0, delta = 0;
};

// The sample size r of Riondato-Kornaropoulos for a vertex-diameter bound,
// an error bound on the ordered-pair betweenness and a failure probability.
uint64_t rk_sample_size(uint32_t vertex_diameter, double epsilon, double delta);

// An upper bound on the number of organizations on any shortest path: for an
// undirected unweighted network, per part, 2 * eccentricity + 1 of a central
// organization (the better of the best-connected one and the middle of a
// double sweep; every shortest path passes within that many steps of it),
// at most the part's size; otherwise the size of the largest part.
uint32_t vertex_diameter_bound(const Network& net, bool weighted, bool directed);

// `renumbered`, when given, is Renumbered(net), shared with other searches;
// it is used only where the options call for it.
struct Renumbered;
SampledBetweenness sampled_betweenness(const Network& net, const BetweennessSamplingOptions& options,
                                       const Renumbered* renumbered = nullptr);

}  // namespace tablemap
