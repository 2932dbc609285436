#include "analysis/betweenness_sampling.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <queue>
#include <thread>

#include "analysis/components.hpp"
#include "analysis/renumbered.hpp"

namespace tablemap {
namespace {

constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();
// Weighted lengths in units of 1/420, as the exact measure (analysis/centrality.cpp):
// a weight-w tie is 840 / 2w long (strength 1, 2, 3 -> 420, 210, 140).
constexpr uint32_t kUnit = 420;

// SplitMix64: sample i's own generator, so that what sample i draws does not
// depend on which thread takes it.
struct SampleRandom {
  uint64_t state;
  SampleRandom(uint64_t seed, uint64_t sample) : state(seed * 0x9E3779B97F4A7C15ull + sample) { next(); }
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound): the high half of a 128-bit product (bias below bound / 2^64).
  uint32_t below(uint32_t bound) { return uint32_t((unsigned __int128)next() * bound >> 64); }
  double unit() { return double(next() >> 11) * 0x1.0p-53; }  // uniform in [0, 1)
};

// One side of a bidirectional search: distances and path counts from its root.
struct SearchSide {
  std::vector<uint32_t> dist;
  std::vector<double> sigma;
  std::vector<uint32_t> frontier, next, touched;
  uint32_t level = 0;
  uint64_t frontier_ties = 0;

  explicit SearchSide(uint32_t n) : dist(n, kUnreached), sigma(n, 0.0) {}
  void start(uint32_t root, uint32_t degree) {
    for (uint32_t v : touched) dist[v] = kUnreached;
    touched.assign(1, root);
    dist[root] = 0;
    sigma[root] = 1;
    frontier.assign(1, root);
    level = 0;
    frontier_ties = degree;
  }
};

// One thread's searches and its count of paths through each organization.
// The rows are the network's, or (undirected, unweighted) its renumbered
// copy: then the pair drawn is mapped to the new numbers and `count` is kept
// under them.
class PathSampler {
 public:
  PathSampler(const Network& net, const BetweennessSamplingOptions& options, const Renumbered* renumbered)
      : count(net.organization_count(), 0),
        net_(net),
        options_(options),
        n_(net.organization_count()),
        off_(renumbered ? renumbered->offsets.data() : net.offsets()),
        to_(renumbered ? renumbered->targets.data() : net.targets()),
        new_of_(renumbered ? renumbered->new_of.data() : nullptr),
        from_s_(n_),
        to_t_(n_) {}

  // Draws sample i: a pair (s, t) and, when t can be reached, one shortest path.
  void run_sample(uint64_t i) {
    SampleRandom random(options_.seed, i);
    uint32_t s = random.below(n_);
    uint32_t t = random.below(n_ - 1);
    if (t >= s) ++t;
    if (new_of_) s = new_of_[s], t = new_of_[t];
    path_.clear();
    const bool found = options_.weighted ? weighted_path(s, t, random) : bidirectional_path(s, t, random);
    if (found)
      for (uint32_t v : path_) ++count[v];
  }

  std::vector<uint32_t> count;  // interior of the sampled paths, per organization

 private:
  bool may_step(uint32_t from, uint32_t arc, bool forward) const {
    if (!options_.directed) return true;
    return forward ? net_.flows_out(from, arc) : net_.flows_in(from, arc);
  }

  // Expands `side` by one level: forward follows ties out of the frontier
  // (the side of s), backward follows ties into it (the side of t).
  void expand(SearchSide& side, bool forward) {
    const uint32_t* off = off_;
    const uint32_t* to = to_;
    const uint32_t level = side.level + 1;
    side.next.clear();
    side.frontier_ties = 0;
    for (uint32_t u : side.frontier)
      for (uint32_t arc = off[u]; arc < off[u + 1]; ++arc) {
        if (!may_step(u, arc, forward)) continue;
        const uint32_t x = to[arc];
        if (side.dist[x] == kUnreached) {
          side.dist[x] = level;
          side.sigma[x] = side.sigma[u];
          side.next.push_back(x);
          side.touched.push_back(x);
          side.frontier_ties += degree(x);
        } else if (side.dist[x] == level) {
          side.sigma[x] += side.sigma[u];
        }
      }
    side.frontier.swap(side.next);
    side.level = level;
  }

  // From x back to the root of `side`, each step to a neighbour one level
  // closer, chosen in proportion to its path count; adds the organizations
  // passed, the root excluded.
  void walk_to_root(const SearchSide& side, uint32_t x, bool forward, SampleRandom& random) {
    const uint32_t* off = off_;
    const uint32_t* to = to_;
    while (side.dist[x] > 0) {
      double pick = random.unit() * side.sigma[x];
      uint32_t chosen = kUnreached;
      for (uint32_t arc = off[x]; arc < off[x + 1]; ++arc) {
        const uint32_t y = to[arc];
        // The step y -> x must be one the search took: y -> x on s's side, x -> y on t's.
        if (side.dist[y] != side.dist[x] - 1 || !may_step(x, arc, !forward)) continue;
        chosen = y;
        pick -= side.sigma[y];
        if (pick < 0) break;
      }
      x = chosen;  // rounding can leave pick just above 0: the last candidate
      if (side.dist[x] > 0) path_.push_back(x);
    }
  }

  bool bidirectional_path(uint32_t s, uint32_t t, SampleRandom& random) {
    from_s_.start(s, degree(s));
    to_t_.start(t, degree(t));
    for (;;) {
      const bool forward = from_s_.frontier_ties <= to_t_.frontier_ties;
      SearchSide& side = forward ? from_s_ : to_t_;
      SearchSide& other = forward ? to_t_ : from_s_;
      if (side.frontier.empty()) return false;
      expand(side, forward);
      // Until now the two balls were apart, so d(s,t) > levels of both; an
      // organization just reached that the other side holds lies on a
      // shortest path, at the other side's last level (see the header).
      double paths = 0;
      for (uint32_t x : side.frontier)
        if (other.dist[x] != kUnreached) paths += side.sigma[x] * other.sigma[x];
      if (paths == 0) continue;
      double pick = random.unit() * paths;
      uint32_t meet = kUnreached;
      for (uint32_t x : side.frontier) {
        if (other.dist[x] == kUnreached) continue;
        meet = x;
        pick -= side.sigma[x] * other.sigma[x];
        if (pick < 0) break;
      }
      if (meet != s && meet != t) path_.push_back(meet);
      walk_to_root(from_s_, meet, true, random);
      walk_to_root(to_t_, meet, false, random);
      return true;
    }
  }

  uint32_t length(uint32_t arc) const { return 2 * kUnit / net_.relationships()[net_.arc_relationship(arc)].weight2; }

  // Dijkstra from s until t is settled, then one shortest path back from t.
  bool weighted_path(uint32_t s, uint32_t t, SampleRandom& random) {
    const uint32_t* off = off_;
    const uint32_t* to = to_;
    SearchSide& side = from_s_;
    side.start(s, degree(s));
    using Entry = std::pair<uint32_t, uint32_t>;  // (distance, organization)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    queue.push({0, s});
    bool reached = false;
    while (!queue.empty()) {
      const auto [d, u] = queue.top();
      queue.pop();
      if (d != side.dist[u]) continue;  // a stale entry
      if (u == t) {
        reached = true;
        break;
      }
      for (uint32_t arc = off[u]; arc < off[u + 1]; ++arc) {
        if (!may_step(u, arc, true)) continue;
        const uint32_t x = to[arc];
        const uint32_t nd = d + length(arc);
        if (side.dist[x] == kUnreached || nd < side.dist[x]) {
          if (side.dist[x] == kUnreached) side.touched.push_back(x);
          side.dist[x] = nd;
          side.sigma[x] = side.sigma[u];
          queue.push({nd, x});
        } else if (nd == side.dist[x]) {
          side.sigma[x] += side.sigma[u];
        }
      }
    }
    if (!reached) return false;
    // Every organization closer than t is settled, so its count is final.
    uint32_t x = t;
    while (x != s) {
      double pick = random.unit() * side.sigma[x];
      uint32_t chosen = kUnreached;
      for (uint32_t arc = off[x]; arc < off[x + 1]; ++arc) {
        const uint32_t y = to[arc];
        if (side.dist[y] == kUnreached || side.dist[y] + length(arc) != side.dist[x]) continue;
        if (!may_step(x, arc, false)) continue;
        chosen = y;
        pick -= side.sigma[y];
        if (pick < 0) break;
      }
      x = chosen;
      if (x != s) path_.push_back(x);
    }
    return true;
  }

  uint32_t degree(uint32_t v) const { return off_[v + 1] - off_[v]; }

  const Network& net_;
  const BetweennessSamplingOptions& options_;
  uint32_t n_;
  const uint32_t* off_;
  const uint32_t* to_;
  const uint32_t* new_of_;  // null unless renumbered
  SearchSide from_s_, to_t_;
  std::vector<uint32_t> path_;  // the interior of the current sample's path
};

}  // namespace

uint64_t rk_sample_size(uint32_t vertex_diameter, double epsilon, double delta) {
  constexpr double c = 0.5;  // the universal constant Riondato and Kornaropoulos use
  const double vc = std::floor(std::log2(double(std::max<uint32_t>(vertex_diameter, 3) - 2))) + 1;
  return uint64_t(std::ceil(c / (epsilon * epsilon) * (vc + std::log(1.0 / delta))));
}

namespace {

// A breadth-first search over one part, reusable: distances and parents of
// the organizations it reached, in visiting order.
struct Sweep {
  std::vector<uint32_t> dist, parent, order;
  explicit Sweep(uint32_t n) : dist(n, kUnreached), parent(n, kUnreached) { order.reserve(n); }
  void run(const Network& net, uint32_t root) {
    const uint32_t* off = net.offsets();
    const uint32_t* to = net.targets();
    for (uint32_t v : order) dist[v] = kUnreached;
    order.assign(1, root);
    dist[root] = 0;
    parent[root] = kUnreached;
    for (size_t head = 0; head < order.size(); ++head) {
      const uint32_t u = order[head];
      for (uint32_t arc = off[u]; arc < off[u + 1]; ++arc)
        if (dist[to[arc]] == kUnreached) {
          dist[to[arc]] = dist[u] + 1;
          parent[to[arc]] = u;
          order.push_back(to[arc]);
        }
    }
  }
  uint32_t farthest() const { return order.back(); }
  uint32_t eccentricity() const { return dist[order.back()]; }
};

}  // namespace

// Every shortest path x..y has d(x, y) <= d(x, r) + d(r, y) <= 2 ecc(r) for
// any r of its part, so 2 ecc(r) + 1 organizations at most: the more central
// r, the tighter. Two candidates per part: its best-connected organization,
// and the middle of a long path found by a double sweep (from there to the
// farthest organization a, from a to the farthest b; the middle of a..b is
// about half the diameter from everybody). On the generated million, the
// first organization's eccentricity was 9 and the best-connected one's 7:
// a bound of 15 instead of 19, 14% fewer sampled paths.
uint32_t vertex_diameter_bound(const Network& net, bool weighted, bool directed) {
  const uint32_t n = net.organization_count();
  if (n == 0) return 0;
  const ComponentReport parts = connected_components(net);
  const uint32_t largest = parts.sizes.empty() ? 1 : parts.sizes.front();
  if (weighted || directed) return largest;
  std::vector<uint32_t> hub(parts.sizes.size(), kUnreached);
  for (uint32_t v = 0; v < n; ++v) {
    uint32_t& h = hub[parts.component[v]];
    if (h == kUnreached || net.degree(v) > net.degree(h)) h = v;
  }
  Sweep sweep(n);
  uint32_t bound = 1;
  for (uint32_t c = 0; c < hub.size(); ++c) {
    if (parts.sizes[c] <= 2) {  // one organization, or two and their tie
      bound = std::max(bound, parts.sizes[c]);
      continue;
    }
    sweep.run(net, hub[c]);
    uint32_t eccentricity = sweep.eccentricity();
    sweep.run(net, sweep.farthest());
    uint32_t middle = sweep.farthest();
    for (uint32_t step = 0; step < sweep.eccentricity() / 2; ++step) middle = sweep.parent[middle];
    sweep.run(net, middle);
    eccentricity = std::min(eccentricity, sweep.eccentricity());
    bound = std::max(bound, std::min<uint32_t>(2 * eccentricity + 1, parts.sizes[c]));
  }
  return bound;
}

SampledBetweenness sampled_betweenness(const Network& net, const BetweennessSamplingOptions& options,
                                       const Renumbered* renumbered) {
  const uint32_t n = net.organization_count();
  SampledBetweenness out;
  out.epsilon = options.epsilon;
  out.delta = options.delta;
  out.betweenness.assign(n, 0.0);
  out.betweenness_norm.assign(n, 0.0);
  if (n < 3) return out;
  out.vertex_diameter_bound = vertex_diameter_bound(net, options.weighted, options.directed);
  // The bound on ordered-pair betweenness that gives epsilon on betweenness_norm.
  const double epsilon_pairs = options.epsilon * double(n - 2) / double(n);
  out.samples = rk_sample_size(out.vertex_diameter_bound, epsilon_pairs, options.delta);

  // Undirected, unweighted paths through a large network are searched on its
  // rows renumbered breadth-first, where a search's organizations sit near
  // each other in memory: on the generated million, 2.1 s instead of 4.6 s
  // for the same 31,514 paths (each pair is drawn as before, then renamed;
  // among equally short paths another may be picked, with the same odds).
  std::unique_ptr<Renumbered> own;
  if (options.weighted || options.directed || n < options.renumber_from)
    renumbered = nullptr;
  else if (!renumbered)
    renumbered = (own = std::make_unique<Renumbered>(net)).get();
  const int threads = int(std::clamp<uint64_t>(uint64_t(std::max(1, options.threads)), 1, out.samples));
  std::vector<std::unique_ptr<PathSampler>> samplers;
  for (int t = 0; t < threads; ++t) samplers.push_back(std::make_unique<PathSampler>(net, options, renumbered));
  auto work = [&](int t) {
    for (uint64_t i = uint64_t(t); i < out.samples; i += uint64_t(threads)) samplers[t]->run_sample(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();

  const double pairs = double(n - 1) * double(n - 2) * (options.directed ? 1.0 : 0.5);
  const double to_norm = double(n) / double(n - 2) / double(out.samples);
  for (uint32_t v = 0; v < n; ++v) {
    uint64_t paths = 0;
    for (const auto& sampler : samplers) paths += sampler->count[renumbered ? renumbered->new_of[v] : v];
    out.betweenness_norm[v] = double(paths) * to_norm;
    out.betweenness[v] = out.betweenness_norm[v] * pairs;
  }
  return out;
}

}  // namespace tablemap
