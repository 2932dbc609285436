#include "analysis/centrality.hpp"

#include "analysis/betweenness_sampling.hpp"
#include "analysis/multi_search.hpp"
#include "analysis/renumbered.hpp"

#include <algorithm>
#include <barrier>
#include <bit>
#include <memory>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <thread>

namespace tablemap {
namespace {

constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();
// Weighted path lengths in units of 1/420: a weight-w tie is 1/w long, and w
// is a strength (1, 2, 3) or an intensity (1 to 4 by halves), so 840 / 2w is
// whole (strength 1, 2, 3 -> 420, 210, 140; intensity 2.5 -> 168): sums of
// lengths stay exact integers and ties between paths are seen.
constexpr uint32_t kUnit = 420;

// Splits the organizations into `parts` ranges holding about the same number
// of arcs, so that a hub does not leave one thread with all the work.
std::vector<uint32_t> balanced_cuts(const Network& net, int parts) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  std::vector<uint32_t> cuts{0};
  for (int p = 1; p < parts; ++p) {
    uint64_t goal = uint64_t(off[n]) * uint64_t(p) / uint64_t(parts);
    uint32_t v = uint32_t(std::lower_bound(off, off + n + 1, goal) - off);
    cuts.push_back(std::clamp(v, cuts.back(), n));
  }
  cuts.push_back(n);
  return cuts;
}

// Runs body(begin, end, part) over balanced ranges, one thread per range.
void parallel_over_arcs(const Network& net, int threads,
                        const std::function<void(uint32_t, uint32_t, int)>& body) {
  const uint32_t n = net.organization_count();
  if (threads <= 1 || n < 50000) {
    body(0, n, 0);
    return;
  }
  auto cuts = balanced_cuts(net, threads);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(body, cuts[t], cuts[t + 1], t);
  body(cuts[0], cuts[1], 0);
  for (auto& th : pool) th.join();
}

// One thread's state for single-source shortest paths plus its accumulators.
struct PathWorker {
  // Everything a search reads and writes about one organization, side by
  // side: a tie followed to an organization costs one cache miss, not three
  // (on a million organizations the searches wait on memory, not arithmetic).
  struct Visit {
    double sigma = 0;   // shortest paths from the source
    double delta = 0;   // the source's dependency on this organization
    uint32_t dist = kUnreached;
  };
  const Network& net;
  const CentralityOptions& options;
  const uint32_t* off;  // the CSR arrays searched: the network's own, or a
  const uint32_t* to;   // renumbered copy (see Renumbered below)
  std::vector<Visit> visit;
  std::vector<uint32_t> order;
  std::vector<double> betweenness, distance_sum, harmonic;
  std::vector<uint32_t> reached;
  // Whether to accumulate Brandes' dependencies (betweenness); off when the
  // searches only serve closeness and harmonic (betweenness sampled apart).
  bool dependencies = true;
  // Whether closeness or harmonic is asked: their distances come from the
  // batched searches below when unweighted, from run_source when weighted.
  bool distances = true;
  using Item = std::pair<uint64_t, uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;

  PathWorker(const Network& network, const CentralityOptions& opts, const uint32_t* offsets, const uint32_t* targets)
      : net(network), options(opts), off(offsets), to(targets) {
    const uint32_t n = net.organization_count();
    order.reserve(n);
    betweenness.assign(n, 0);
    distance_sum.assign(n, 0);
    harmonic.assign(n, 0);
    reached.assign(n, 0);
  }

  uint32_t length(uint32_t arc) const {
    return options.weighted ? 2 * kUnit / net.relationships()[net.arc_relationship(arc)].weight2 : 1;
  }

  void bfs(uint32_t s) {
    visit[s].dist = 0;
    visit[s].sigma = 1;
    order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {
      const uint32_t v = order[head];
      const uint32_t dv = visit[v].dist + 1;
      const double sv = visit[v].sigma;
      for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
        if (options.directed && !net.flows_out(v, arc)) continue;
        Visit& w = visit[to[arc]];
        if (w.dist == kUnreached) {
          w.dist = dv;
          order.push_back(to[arc]);
        }
        if (w.dist == dv) w.sigma += sv;
      }
    }
  }

  void dijkstra(uint32_t s) {
    visit[s].dist = 0;
    visit[s].sigma = 1;
    heap.push({0, s});
    while (!heap.empty()) {
      auto [d, v] = heap.top();
      heap.pop();
      if (d != visit[v].dist) continue;  // a stale entry: v was reached by a shorter path
      order.push_back(v);
      for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
        if (options.directed && !net.flows_out(v, arc)) continue;
        Visit& w = visit[to[arc]];
        const uint32_t nd = visit[v].dist + length(arc);
        if (w.dist == kUnreached || nd < w.dist) {
          w.dist = nd;
          w.sigma = visit[v].sigma;
          heap.push({nd, to[arc]});
        } else if (nd == w.dist) {
          w.sigma += visit[v].sigma;
        }
      }
    }
  }

  // The distances behind closeness and harmonic, unweighted: up to 64
  // sources searched at once (analysis/multi_search.hpp). An organization
  // reached by k sources at distance d adds k*d, k/d and k.
  std::unique_ptr<MultiSourceSearch> search;
  void distances_from(const uint32_t* sources, size_t count) {
    if (!search) search = std::make_unique<MultiSourceSearch>(net.organization_count(), off, to);
    auto add = [&](uint32_t w, uint32_t d, uint64_t bits) {
      const int k = std::popcount(bits);
      distance_sum[w] += double(k) * d;
      harmonic[w] += k / double(d);
      reached[w] += uint32_t(k);
    };
    if (!options.directed) return search->run(sources, count, {}, add);
    search->run(
        sources, count, {}, add, [&](uint32_t v, uint32_t arc) { return net.flows_out(v, arc); },
        [&](uint32_t w, uint32_t arc) { return net.flows_in(w, arc); });
  }

  // This worker's share of the sources. Unweighted distances always come
  // from the batched searches, so closeness and harmonic are the same to the
  // last bit whether betweenness is asked or not; Brandes' searches (below)
  // then add the dependencies only.
  void run_sources(const std::vector<uint32_t>& mine) {
    constexpr size_t batch = MultiSourceSearch::kMaxSources;
    if (distances && !options.weighted)
      for (size_t b = 0; b < mine.size(); b += batch) distances_from(mine.data() + b, std::min(batch, mine.size() - b));
    if (dependencies || (distances && options.weighted))
      for (uint32_t s : mine) run_source(s);
  }

  // Shortest paths from s, then the dependencies of s on every organization
  // (Brandes 2001), accumulated into this worker's totals.
  void run_source(uint32_t s) {
    if (visit.empty()) visit.assign(net.organization_count(), Visit{});
    if (options.weighted)
      dijkstra(s);
    else
      bfs(s);
    const double unit = options.weighted ? double(kUnit) : 1.0;
    for (size_t i = order.size(); i-- > 1;) {
      const uint32_t w = order[i];
      const Visit& vw = visit[w];
      const double coefficient = (1.0 + vw.delta) / vw.sigma;
      for (uint32_t arc = off[w]; dependencies && arc < off[w + 1]; ++arc) {
        Visit& vv = visit[to[arc]];
        if (vv.dist == kUnreached || vv.dist >= vw.dist) continue;
        if (options.directed && !net.flows_in(w, arc)) continue;
        if (vv.dist + length(arc) != vw.dist) continue;
        vv.delta += vv.sigma * coefficient;
      }
      betweenness[w] += vw.delta;
      if (!distances || !options.weighted) continue;  // unweighted: from the batched searches
      const double d = vw.dist / unit;
      distance_sum[w] += d;
      harmonic[w] += 1.0 / d;
      ++reached[w];
    }
    for (uint32_t v : order) visit[v] = Visit{};
    order.clear();
  }
};

}  // namespace

PathMeasures path_measures(const Network& net, const CentralityOptions& options,
                           std::vector<MeasureTiming>* timings) {
  const uint32_t n = net.organization_count();
  PathMeasures out;
  const double arcs = n ? double(net.offsets()[n]) : 0.0;
  const uint32_t pivots =
      options.pivots ? options.pivots : uint32_t(std::clamp(4e8 / std::max(arcs, 1.0), 32.0, 256.0));
  const bool estimate = !options.force_exact && (options.force_sampled || n > options.exact_limit);
  out.sampled = estimate && pivots < n;
  const bool want_betweenness = options.measures.has(Measure::betweenness);
  const bool want_closeness = options.measures.has(Measure::closeness);
  const bool want_harmonic = options.measures.has(Measure::harmonic);
  // Sampled betweenness comes from sampled shortest paths (however few
  // organizations), unless pivots are given.
  out.betweenness_sampled = want_betweenness && estimate && n >= 3 && options.pivot_list.empty();
  if (!want_betweenness && !want_closeness && !want_harmonic) return out;
  std::vector<MeasureTiming> own_timings;
  std::vector<MeasureTiming>& timing = timings ? *timings : own_timings;
  // The measures the searches from every source (or pivot) give, "+"-joined for the timings.
  std::string searched;
  for (Measure m : {Measure::betweenness, Measure::closeness, Measure::harmonic})
    if (options.measures.has(m) && !(m == Measure::betweenness && out.betweenness_sampled))
      searched += (searched.empty() ? "" : "+") + std::string(to_string(m));
  const auto searches_start = std::chrono::steady_clock::now();

  std::vector<uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  if (!options.pivot_list.empty()) {
    out.sampled = true;
    sources = options.pivot_list;
  } else if (out.sampled) {
    // Partial Fisher-Yates with our own bounded draw: the same pivots on every platform.
    std::mt19937_64 rng(options.seed);
    for (uint32_t i = 0; i < pivots; ++i) {
      uint32_t j = i + uint32_t(rng() % (n - i));
      std::swap(sources[i], sources[j]);
    }
    sources.resize(want_closeness || want_harmonic ? pivots : 0);  // sampled betweenness needs no pivots
    std::sort(sources.begin(), sources.end());
  } else if (out.betweenness_sampled && !want_closeness && !want_harmonic) {
    sources.clear();  // betweenness alone, from sampled paths only
  }
  out.pivots = uint32_t(sources.size());

  const int threads = std::max(1, std::min<int>(options.threads, std::max(1, int(sources.size()))));
  // Large undirected, unweighted networks are searched renumbered; sources go
  // in, and totals come out, under the new numbers.
  std::unique_ptr<Renumbered> renumbered;
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  if (!options.directed && !options.weighted && n >= options.renumber_from && !sources.empty()) {
    renumbered = std::make_unique<Renumbered>(net);
    off = renumbered->offsets.data();
    to = renumbered->targets.data();
    for (uint32_t& s : sources) s = renumbered->new_of[s];
  }
  auto slot = [&](uint32_t v) { return renumbered ? renumbered->new_of[v] : v; };
  std::vector<std::unique_ptr<PathWorker>> workers;
  for (int t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<PathWorker>(net, options, off, to));
    workers.back()->dependencies = want_betweenness && !out.betweenness_sampled;
    workers.back()->distances = want_closeness || want_harmonic;
  }
  // Worker t takes sources t, t + threads, t + 2 threads, ...: a fixed share,
  // so every run adds the same numbers in the same order and gives the same
  // result to the last bit (taking the next free source made the sums, and
  // thus the rounding, depend on timing).
  auto work = [&](int t) {
    std::vector<uint32_t> mine;
    for (size_t i = size_t(t); i < sources.size(); i += size_t(threads)) mine.push_back(sources[i]);
    workers[t]->run_sources(mine);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (int t = 1; t < threads; ++t)
    for (uint32_t v = 0; v < n; ++v) {
      workers[0]->betweenness[v] += workers[t]->betweenness[v];
      workers[0]->distance_sum[v] += workers[t]->distance_sum[v];
      workers[0]->harmonic[v] += workers[t]->harmonic[v];
      workers[0]->reached[v] += workers[t]->reached[v];
    }
  PathWorker& total = *workers[0];

  // Undirected paths are found from both ends: each unordered pair twice.
  const double pair_factor = options.directed ? 1.0 : 0.5;
  const double scale = out.sampled ? double(n) / double(out.pivots) : 1.0;
  const double pairs = double(n - 1) * double(n - 2) * pair_factor;
  std::vector<bool> is_pivot(n, !out.sampled);  // by the searched numbers
  if (out.sampled)
    for (uint32_t s : sources) is_pivot[s] = true;

  out.betweenness.resize(n);
  out.betweenness_norm.resize(n);
  out.closeness.resize(n);
  out.harmonic.resize(n);
  for (uint32_t v = 0; v < n; ++v) {
    const uint32_t k = slot(v);
    out.betweenness[v] = total.betweenness[k] * pair_factor * scale;
    out.betweenness_norm[v] = n > 2 ? out.betweenness[v] / pairs : 0.0;
    // Sources other than v: all n-1 when exact, the pivots other than v when sampled.
    const double others = out.sampled ? double(out.pivots) - (is_pivot[k] ? 1 : 0) : double(n) - 1;
    const double r = total.reached[k];
    out.closeness[v] = (r > 0 && others > 0) ? (r / total.distance_sum[k]) * (r / others) : 0.0;
    out.harmonic[v] = others > 0 ? total.harmonic[k] * (double(n) - 1) / others : 0.0;
  }
  if (!searched.empty())
    timing.push_back({searched, std::chrono::duration<double>(std::chrono::steady_clock::now() - searches_start).count()});
  // Pivots estimate closeness and harmonic well, but betweenness only within
  // a bound that grows with n; sampled shortest paths give one that does not.
  // An explicit pivot list (studies, tests) keeps the pivot estimate.
  if (!want_closeness) out.closeness.clear();
  if (!want_harmonic) out.harmonic.clear();
  if (!want_betweenness) {
    out.betweenness.clear();
    out.betweenness_norm.clear();
  } else if (out.betweenness_sampled) {
    BetweennessSamplingOptions sampling;
    sampling.epsilon = options.betweenness_epsilon;
    sampling.delta = options.betweenness_delta;
    sampling.weighted = options.weighted;
    sampling.directed = options.directed;
    sampling.threads = options.threads;
    sampling.seed = options.seed;
    sampling.renumber_from = options.renumber_from;
    SampledBetweenness b;
    timed(timing, "betweenness", [&] { b = sampled_betweenness(net, sampling, renumbered.get()); });
    out.betweenness = std::move(b.betweenness);
    out.betweenness_norm = std::move(b.betweenness_norm);
    out.betweenness_error = b.epsilon;
    out.confidence = 1.0 - b.delta;
    out.betweenness_delta = b.delta;
    out.betweenness_samples = b.samples;
    out.vertex_diameter_bound = b.vertex_diameter_bound;
  }
  return out;
}

IterationResult eigenvector_centrality(const Network& net, const CentralityOptions& options, double tolerance,
                                       int max_iterations) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  const auto& rels = net.relationships();
  IterationResult out;
  if (n == 0) return out;
  std::vector<double> x(n, 1.0 / n), next(n);
  const int parts = std::max(1, options.threads);
  std::vector<double> norm2(parts), change(parts);
  for (out.iterations = 1; out.iterations <= max_iterations; ++out.iterations) {
    // next = (A + I) x, pulling along the ties that flow into v.
    parallel_over_arcs(net, parts, [&](uint32_t begin, uint32_t end, int part) {
      double squares = 0;
      for (uint32_t v = begin; v < end; ++v) {
        double sum = x[v];
        if (options.directed || options.weighted) {
          for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
            if (options.directed && !net.flows_in(v, arc)) continue;
            const double w = options.weighted ? rels[net.arc_relationship(arc)].weight() : 1.0;
            sum += w * x[to[arc]];
          }
        } else {
          for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) sum += x[to[arc]];
        }
        next[v] = sum;
        squares += sum * sum;
      }
      norm2[part] = squares;
    });
    const double norm = std::sqrt(std::accumulate(norm2.begin(), norm2.end(), 0.0));
    if (norm == 0) break;
    // Scaled and compared in the same ranges, each part's change added in part order.
    parallel_over_arcs(net, parts, [&](uint32_t begin, uint32_t end, int part) {
      double moved = 0;
      for (uint32_t v = begin; v < end; ++v) {
        next[v] /= norm;
        moved += std::abs(next[v] - x[v]);
      }
      change[part] = moved;
    });
    const double diff = std::accumulate(change.begin(), change.end(), 0.0);
    x.swap(next);
    if (diff < tolerance) {
      out.converged = true;
      break;
    }
  }
  out.values = std::move(x);
  return out;
}

namespace {

// Power iteration, for ties that flow one way: each round pulls the rank
// that flows in along each tie. The L1 change of a round is the residual
// |x - (base + d P x)| of the PageRank equation.
IterationResult pagerank_by_power(const Network& net, const CentralityOptions& options, double damping,
                                  double tolerance, int max_iterations) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  const auto& rels = net.relationships();
  IterationResult out;
  if (n == 0) return out;
  auto weight = [&](uint32_t arc) { return options.weighted ? rels[net.arc_relationship(arc)].weight() : 1.0; };
  // Total weight flowing out of each organization.
  std::vector<double> out_weight(n, 0);
  for (uint32_t v = 0; v < n; ++v)
    for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc)
      if (!options.directed || net.flows_out(v, arc)) out_weight[v] += weight(arc);

  std::vector<double> x(n, 1.0 / n), next(n), share(n), next_share(n);
  const int parts = std::max(1, options.threads);
  std::vector<double> partial(parts), partial_dangling(parts);
  double dangling = 0;
  for (uint32_t v = 0; v < n; ++v) {
    share[v] = out_weight[v] > 0 ? x[v] / out_weight[v] : 0;
    if (out_weight[v] == 0) dangling += x[v];
  }
  for (out.iterations = 1; out.iterations <= max_iterations; ++out.iterations) {
    // Rank with no tie to follow goes to everybody, as in igraph and NetworkX.
    const double base = (1.0 - damping) / n + damping * dangling / n;
    // One pass per iteration: the new rank, its share per outgoing tie, and the dangling total.
    parallel_over_arcs(net, parts, [&](uint32_t begin, uint32_t end, int part) {
      double diff = 0, lost = 0;
      for (uint32_t v = begin; v < end; ++v) {
        double sum = 0;
        if (options.directed || options.weighted) {
          for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc)
            if (!options.directed || net.flows_in(v, arc)) sum += share[to[arc]] * weight(arc);
        } else {
          for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) sum += share[to[arc]];
        }
        const double rank = base + damping * sum;
        next[v] = rank;
        diff += std::abs(rank - x[v]);
        if (out_weight[v] > 0)
          next_share[v] = rank / out_weight[v];
        else {
          next_share[v] = 0;
          lost += rank;
        }
      }
      partial[part] = diff;
      partial_dangling[part] = lost;
    });
    x.swap(next);
    share.swap(next_share);
    dangling = std::accumulate(partial_dangling.begin(), partial_dangling.end(), 0.0);
    if (std::accumulate(partial.begin(), partial.end(), 0.0) < tolerance) {
      out.converged = true;
      break;
    }
  }
  out.values = std::move(x);
  return out;
}

// Undirected ties give PageRank a real spectrum, and that is worth a
// factor. With D the strengths and P = W D^-1, PageRank is z = 1/n + d P z
// normalized to sum 1 (the rank of organizations without ties lands evenly on
// everybody, which only rescales z). P is similar to the symmetric
// D^-1/2 W D^-1/2, so the eigenvalues of d P are real and within [-d, d].
// Chebyshev semi-iteration (Golub and Varga 1961) then reaches the solution
// at d / (1 + sqrt(1 - d^2)) per round, 0.56 for d = 0.85 where power
// iteration gets 0.85: about half the rounds, each one pass over the ties:
//   z' = w_k (1/n + d P z - z_old) + z_old,
//   w_1 = 1, w_2 = 2 / (2 - d^2), w_k+1 = 1 / (1 - d^2 w_k / 4).
// Everything is kept as sigma = z / strength, what a neighbour passes on per
// tie, so a round reads one array and overwrites the one from two rounds ago.
//
// Each round also measures the residual |1/n + d P z - z| of the current z
// exactly (not by a recurrence). It stops when 2 |residual| / sum(z) falls
// below `tolerance`: that bounds the L1 residual of the PageRank equation for
// x = z / sum(z), the quantity the power iteration's L1 change measures.
// Every organization's value is computed alone, in the same order whatever the
// threads: the values do not depend on the thread count.
IterationResult pagerank_by_chebyshev(const Network& net, const CentralityOptions& options, double damping,
                                      double tolerance, int max_iterations) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  const auto& rels = net.relationships();
  IterationResult out;
  if (n == 0) return out;
  const bool weighted = options.weighted;
  const int parts = std::max(1, options.threads);
  std::vector<double> strength;  // weighted only; the degree otherwise
  if (weighted) {
    strength.assign(n, 0.0);
    for (uint32_t v = 0; v < n; ++v)
      for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) strength[v] += rels[net.arc_relationship(arc)].weight();
  }
  auto strength_of = [&](uint32_t v) { return weighted ? strength[v] : double(off[v + 1] - off[v]); };
  const double teleport = 1.0 / n;
  // sigma from z = 1/n everywhere; without ties z stays 1/n and sigma 0.
  std::vector<double> sigma(n), older(n);
  for (uint32_t v = 0; v < n; ++v) {
    const double s = strength_of(v);
    sigma[v] = s > 0 ? teleport / s : 0.0;
  }
  older = sigma;
  std::vector<double> partial_residual(parts), partial_size(parts);
  double omega = 1.0;
  for (out.iterations = 1; out.iterations <= max_iterations; ++out.iterations) {
    std::fill(partial_residual.begin(), partial_residual.end(), 0.0);
    std::fill(partial_size.begin(), partial_size.end(), 0.0);
    parallel_over_arcs(net, parts, [&](uint32_t begin, uint32_t end, int part) {
      double residual = 0, size = 0;
      for (uint32_t v = begin; v < end; ++v) {
        const double s = strength_of(v);
        if (s == 0) {
          size += teleport;  // z = 1/n exactly, residual 0
          continue;
        }
        double sum = 0;
        if (weighted) {
          for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc)
            sum += rels[net.arc_relationship(arc)].weight() * sigma[to[arc]];
        } else {
          for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) sum += sigma[to[arc]];
        }
        const double z = s * sigma[v];
        const double next = teleport + damping * sum;  // one power step from z
        residual += std::abs(next - z);
        size += z;
        // older holds sigma two rounds ago and becomes the next sigma.
        older[v] = omega * (next / s - older[v]) + older[v];
      }
      partial_residual[part] = residual;
      partial_size[part] = size;
    });
    const double residual = std::accumulate(partial_residual.begin(), partial_residual.end(), 0.0);
    const double size = std::accumulate(partial_size.begin(), partial_size.end(), 0.0);
    if (2 * residual / size < tolerance) {
      out.converged = true;  // sigma (not the step just taken) is the answer
      break;
    }
    sigma.swap(older);
    omega = out.iterations == 1 ? 2.0 / (2.0 - damping * damping) : 1.0 / (1.0 - damping * damping * omega / 4.0);
  }
  if (!out.converged) out.iterations = max_iterations;
  out.values.resize(n);
  for (uint32_t v = 0; v < n; ++v) {
    const double s = strength_of(v);
    out.values[v] = s > 0 ? s * sigma[v] : teleport;
  }
  const double sum = std::accumulate(out.values.begin(), out.values.end(), 0.0);
  for (double& x : out.values) x /= sum;
  return out;
}

}  // namespace

IterationResult pagerank(const Network& net, const CentralityOptions& options, double damping, double tolerance,
                         int max_iterations) {
  if (options.directed) return pagerank_by_power(net, options, damping, tolerance, max_iterations);
  return pagerank_by_chebyshev(net, options, damping, tolerance, max_iterations);
}

// Peeled level by level (PKC: Kabir & Madduri, "Parallel k-core
// decomposition on multicore platforms", IPDPSW 2017): at level k every
// organization whose remaining degree is k is found by a scan and peeled;
// peeling lowers its neighbours' degrees, and a neighbour that falls to k is
// peeled at this level too. A degree never falls below the level (a thread
// that takes it there gives the tie back), so the degree left when an
// organization is peeled is its core number. Each thread scans its own range
// and peels what it found; core numbers are unique, so the result is the
// same for any number of threads. On the generated million (core numbers up
// to 22) two threads took 0.11 s where the bucket algorithm of Batagelj and
// Zaversnik took 0.145 s.
std::vector<uint32_t> core_numbers(const Network& net, int threads) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  std::vector<uint32_t> degree(n);
  for (uint32_t v = 0; v < n; ++v) degree[v] = off[v + 1] - off[v];
  threads = int(std::clamp<uint32_t>(uint32_t(std::max(1, threads)), 1, std::max<uint32_t>(1, n / 4096)));
  std::vector<std::vector<uint32_t>> peeled(size_t(threads), std::vector<uint32_t>{});
  uint32_t level = 0;
  uint64_t remaining = n;
  // Between the scan and the peeling of a level, and after the peeling (the
  // last thread there moves on to the next level).
  std::barrier scanned(threads);
  std::barrier level_done(threads, [&]() noexcept {
    for (const auto& list : peeled) remaining -= list.size();
    ++level;
  });
  auto peel = [&](int t) {
    std::vector<uint32_t>& mine = peeled[size_t(t)];
    const uint32_t first = uint32_t(uint64_t(n) * uint32_t(t) / uint32_t(threads));
    const uint32_t last = uint32_t(uint64_t(n) * uint32_t(t + 1) / uint32_t(threads));
    while (remaining > 0) {
      const uint32_t k = level;
      mine.clear();
      for (uint32_t v = first; v < last; ++v)
        if (degree[v] == k) mine.push_back(v);
      scanned.arrive_and_wait();
      for (size_t i = 0; i < mine.size(); ++i) {
        const uint32_t v = mine[i];
        for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
          uint32_t* d = &degree[to[arc]];
          if (__atomic_load_n(d, __ATOMIC_RELAXED) <= k) continue;
          const uint32_t before = __atomic_fetch_sub(d, 1, __ATOMIC_RELAXED);
          if (before == k + 1)
            mine.push_back(to[arc]);
          else if (before <= k)
            __atomic_fetch_add(d, 1, __ATOMIC_RELAXED);  // another thread got there first
        }
      }
      level_done.arrive_and_wait();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(peel, t);
  peel(0);
  for (auto& th : pool) th.join();
  return degree;
}

CentralityResult compute_centrality(const Network& net, const CentralityOptions& options,
                                    std::vector<MeasureTiming>* timings) {
  const uint32_t n = net.organization_count();
  CentralityResult out;
  std::vector<MeasureTiming> own_timings;
  std::vector<MeasureTiming>& timing = timings ? *timings : own_timings;
  const auto degree_start = std::chrono::steady_clock::now();
  out.degree.resize(n);
  out.in_degree.assign(n, 0);
  out.out_degree.assign(n, 0);
  out.strength.resize(n);
  for (uint32_t v = 0; v < n; ++v) {
    out.degree[v] = net.degree(v);
    out.strength[v] = net.strength(v);
    for (uint32_t arc = net.offsets()[v]; arc < net.offsets()[v + 1]; ++arc) {
      if (net.flows_out(v, arc)) ++out.out_degree[v];
      if (net.flows_in(v, arc)) ++out.in_degree[v];
    }
  }
  timing.push_back({"degree", std::chrono::duration<double>(std::chrono::steady_clock::now() - degree_start).count()});
  const MeasureSet& asked = options.measures;
  if (asked.has(Measure::betweenness) || asked.has(Measure::closeness) || asked.has(Measure::harmonic))
    out.paths = path_measures(net, options, &timing);
  if (asked.has(Measure::eigenvector))
    timed(timing, "eigenvector", [&] { out.eigenvector = eigenvector_centrality(net, options); });
  if (asked.has(Measure::pagerank)) timed(timing, "pagerank", [&] { out.pagerank = pagerank(net, options); });
  if (asked.has(Measure::core)) timed(timing, "core", [&] { out.core = core_numbers(net, options.threads); });
  return out;
}

}  // namespace tablemap
