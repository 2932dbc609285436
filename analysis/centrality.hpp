// Centrality of each organization: degree, strength, betweenness, closeness,
// harmonic closeness, eigenvector, PageRank and k-core number.
//
// Conventions (docs/metrics.md says them for users):
//  - Unweighted and undirected unless the options say otherwise.
//  - `weighted`: a tie's strength (1..3) is its weight for eigenvector and
//    PageRank; for path measures a strength-s tie is 1/s long (so a strong tie
//    is a short path). Distances are kept as integers in units of 1/6.
//  - `directed`: paths follow the direction of the ties (an undirected tie
//    flows both ways); betweenness counts ordered pairs; closeness and
//    harmonic use distances *to* the organization, eigenvector sums over
//    incoming ties and PageRank follows outgoing ties (all as NetworkX).
//  - betweenness is raw (each unordered pair counted once when undirected);
//    betweenness_norm divides it by (n-1)(n-2)/2 (by (n-1)(n-2) when directed).
//  - closeness is NetworkX's: (r-1)/sum of distances to the r-1 reachable
//    organizations, times (r-1)/(n-1) (Wasserman-Faust, for disconnected
//    networks); harmonic is the sum of 1/distance.
//  - eigenvector has unit Euclidean norm; PageRank (damping 0.85) sums to 1,
//    an organization without ties spreads its rank evenly over everybody.
//
// Complexity for n organizations and m ties: betweenness, closeness and
// harmonic O(n m) exactly (O(n m log n) weighted), O(k m) with k sampled
// pivots; eigenvector and PageRank O(m) per iteration; core numbers O(m).
// Path measures and the PageRank/eigenvector iterations run on `threads`
// threads, each with its own accumulators.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/measures.hpp"
#include "core/network.hpp"

namespace tablemap {

struct CentralityOptions {
  // What to compute (degree always); measures left out stay empty vectors.
  MeasureSet measures = MeasureSet::all();
  bool weighted = false;
  bool directed = false;
  int threads = 2;
  // Betweenness, closeness and harmonic are exact up to this many
  // organizations and estimated above it: betweenness from sampled shortest
  // paths with a guarantee (analysis/betweenness_sampling.hpp), closeness and
  // harmonic from `pivots` sampled sources (exact when pivots >= n).
  uint32_t exact_limit = 20000;
  // Sampled betweenness: with probability 1 - delta, every organization's
  // betweenness_norm is within epsilon of its exact value.
  double betweenness_epsilon = 0.01;
  double betweenness_delta = 0.1;
  // Sampled sources for closeness and harmonic; 0 = automatic: 256, fewer on
  // very large networks (about 4e8 / arcs, at least 32) so that the estimate
  // stays within seconds.
  uint32_t pivots = 0;
  bool force_exact = false;    // exact whatever the size
  bool force_sampled = false;  // sampled whatever the size (tests, benchmarks)
  uint64_t seed = 1;           // picks the pivots
  // Undirected, unweighted searches on networks this large run on a copy
  // renumbered in breadth-first order (ties mostly between nearby numbers:
  // about 15% faster at 1,000,000 organizations); the results are the same.
  uint32_t renumber_from = 100000;
  // Sample exactly these sources instead (reproducible studies, tests); overrides the above.
  std::vector<uint32_t> pivot_list;
};

struct PathMeasures {
  std::vector<double> betweenness;       // raw
  std::vector<double> betweenness_norm;  // raw / ((n-1)(n-2)/2)
  std::vector<double> closeness;         // NetworkX / Wasserman-Faust
  std::vector<double> harmonic;          // sum of 1/distance
  // Measures not asked for (CentralityOptions::measures) stay empty.
  bool sampled = false;              // closeness and harmonic from `pivots` sampled sources
  bool betweenness_sampled = false;  // betweenness from sampled shortest paths (below)
  uint32_t pivots = 0;       // sources of closeness and harmonic (n when exact)
  // When sampled: with probability `confidence` (1 - delta), every
  // organization's betweenness_norm is within `betweenness_error` (epsilon)
  // of its exact value, from `betweenness_samples` sampled shortest paths
  // (Riondato-Kornaropoulos). 0 when exact.
  double betweenness_error = 0;
  double confidence = 0.9;
  double betweenness_delta = 0;  // 1 - confidence, as given (0 when exact)
  uint64_t betweenness_samples = 0;
  uint32_t vertex_diameter_bound = 0;  // used in the sample size
};

// Appends to `timings` the seconds of each pass: one entry for the searches
// from every source ("betweenness+closeness+harmonic" when exact), one
// for sampled betweenness.
PathMeasures path_measures(const Network& net, const CentralityOptions& options,
                           std::vector<MeasureTiming>* timings = nullptr);

struct IterationResult {
  std::vector<double> values;
  int iterations = 0;
  bool converged = false;
};

// Power iteration on (A + I), as NetworkX, from a vector of ones; stops when
// the L1 change falls below `tolerance`.
IterationResult eigenvector_centrality(const Network& net, const CentralityOptions& options,
                                       double tolerance = 1e-13, int max_iterations = 2000);

// From the uniform vector until the L1 residual |x - (base + d P x)| of the
// PageRank equation falls below `tolerance` (igraph's PRPACK stops at the
// same 1e-10). Directed: power iteration, where that residual is a round's
// L1 change. Undirected: Chebyshev semi-iteration, the same fixed point in
// about half the rounds (centrality.cpp says why it applies); its values do
// not depend on the thread count. `iterations` counts passes over the ties.
IterationResult pagerank(const Network& net, const CentralityOptions& options, double damping = 0.85,
                         double tolerance = 1e-10, int max_iterations = 1000);

// k-core number of each organization, on all ties, peeled level by level on
// `threads` threads (the same numbers for any count).
std::vector<uint32_t> core_numbers(const Network& net, int threads = 2);

// Everything above, per organization (vectors indexed by organization row).
struct CentralityResult {
  std::vector<uint32_t> degree;      // organizations tied to it
  std::vector<uint32_t> in_degree;   // ties flowing to it (undirected ties count)
  std::vector<uint32_t> out_degree;  // ties flowing from it
  std::vector<uint32_t> strength;    // sum of tie strengths
  PathMeasures paths;
  IterationResult eigenvector;
  IterationResult pagerank;
  std::vector<uint32_t> core;
};

// Only options.measures (degree always); `timings` gets the seconds of each part.
CentralityResult compute_centrality(const Network& net, const CentralityOptions& options,
                                    std::vector<MeasureTiming>* timings = nullptr);

}  // namespace tablemap
