#include "analysis/brokerage.hpp"

#include <algorithm>
#include <limits>

#include "analysis/centrality.hpp"
#include "core/parallel.hpp"

namespace tablemap {
namespace {

// Neighbour lists sorted by organization, optionally with a weight per arc:
// binary search answers "is there a tie u -> w?". The network's own rows are
// sorted by neighbour (core/network.hpp), and a row kept in order stays
// sorted, so none of the lists below needs a sort.
struct SortedAdjacency {
  std::vector<uint32_t> offsets, targets;
  std::vector<double> weights;  // empty unless asked for
  uint32_t degree(uint32_t v) const { return offsets[v + 1] - offsets[v]; }
  const uint32_t* begin(uint32_t v) const { return targets.data() + offsets[v]; }
  const uint32_t* end(uint32_t v) const { return targets.data() + offsets[v + 1]; }
  // Index of arc v -> w, or UINT32_MAX.
  uint32_t find(uint32_t v, uint32_t w) const {
    const uint32_t* it = std::lower_bound(begin(v), end(v), w);
    return it != end(v) && *it == w ? uint32_t(it - targets.data()) : UINT32_MAX;
  }
};

// Every tie, with the weight of each arc: weight_of(arc).
template <class WeightOf>
SortedAdjacency all_ties(const Network& net, WeightOf weight_of) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  SortedAdjacency adj;
  adj.offsets.assign(off, off + n + 1);
  adj.targets.assign(net.targets(), net.targets() + off[n]);
  adj.weights.resize(off[n]);
  for (uint32_t arc = 0; arc < off[n]; ++arc) adj.weights[arc] = weight_of(arc);
  return adj;
}

// The ties that flow out of each organization, and those that flow into it,
// in one pass over the arcs.
struct Flows {
  SortedAdjacency out, in;
};
Flows flows(const Network& net) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  Flows f;
  for (SortedAdjacency* adj : {&f.out, &f.in}) {
    adj->offsets.assign(size_t(n) + 1, 0);
    adj->targets.reserve(off[n]);
  }
  for (uint32_t v = 0; v < n; ++v) {
    for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
      const Relationship& r = net.relationships()[net.arc_relationship(arc)];
      if (v == r.a ? r.a_to_b : r.b_to_a) f.out.targets.push_back(to[arc]);
      if (v == r.a ? r.b_to_a : r.a_to_b) f.in.targets.push_back(to[arc]);
    }
    f.out.offsets[v + 1] = uint32_t(f.out.targets.size());
    f.in.offsets[v + 1] = uint32_t(f.in.targets.size());
  }
  return f;
}

}  // namespace

BrokerageReport gould_fernandez(const Network& net, const std::vector<SectorId>& group, int threads) {
  const uint32_t n = net.organization_count();
  const Flows flow = flows(net);
  const SortedAdjacency& out = flow.out;
  const SortedAdjacency& in = flow.in;
  SectorId groups = 0;
  for (SectorId g : group) groups = std::max<SectorId>(groups, SectorId(g + 1));

  BrokerageReport r;
  r.coordinator.assign(n, 0);
  r.itinerant.assign(n, 0);
  r.gatekeeper.assign(n, 0);
  r.representative.assign(n, 0);
  r.liaison.assign(n, 0);
  // What one thread works with, for the brokers b it is handed.
  struct Scratch {
    std::vector<uint32_t> mark;        // mark[c] == b: b -> c flows
    std::vector<int64_t> per_group;    // b's out-contacts per sector
    std::vector<int64_t> excluded;     // of those, a's own out-contacts (and a itself)
    std::vector<SectorId> present;
  };
  std::vector<Scratch> scratch(size_t(std::max(1, threads)));
  for (Scratch& w : scratch) {
    w.mark.assign(n, UINT32_MAX);
    w.per_group.assign(groups, 0);
    w.excluded.assign(groups, 0);
  }
  // Each b's counts depend on b alone: the same for any number of threads.
  for_chunks(n, threads, 4096, [&](uint32_t first, uint32_t last, int part) {
    std::vector<uint32_t>& mark = scratch[size_t(part)].mark;
    std::vector<int64_t>& per_group = scratch[size_t(part)].per_group;
    std::vector<int64_t>& excluded = scratch[size_t(part)].excluded;
    std::vector<SectorId>& present = scratch[size_t(part)].present;
    for (uint32_t b = first; b < last; ++b) {
      if (out.degree(b) == 0 || in.degree(b) == 0) continue;
      present.clear();
      for (const uint32_t* c = out.begin(b); c != out.end(b); ++c) {
        mark[*c] = b;
        if (per_group[group[*c]]++ == 0) present.push_back(group[*c]);
      }
      const SectorId gb = group[b];
      for (const uint32_t* pa = in.begin(b); pa != in.end(b); ++pa) {
        const uint32_t a = *pa;
        // c ranges over b's out-contacts except a itself and those a already reaches.
        if (mark[a] == b) ++excluded[group[a]];
        if (out.degree(a) <= out.degree(b)) {
          for (const uint32_t* x = out.begin(a); x != out.end(a); ++x)
            if (mark[*x] == b) ++excluded[group[*x]];
        } else {
          for (const uint32_t* c = out.begin(b); c != out.end(b); ++c)
            if (*c != a && out.find(a, *c) != UINT32_MAX) ++excluded[group[*c]];
        }
        const SectorId ga = group[a];
        for (SectorId gc : present) {
          const int64_t count = per_group[gc] - excluded[gc];
          excluded[gc] = 0;
          if (count <= 0) continue;
          const uint32_t k = uint32_t(count);
          if (ga == gb && gb == gc)
            r.coordinator[b] += k;
          else if (ga == gc)
            r.itinerant[b] += k;
          else if (ga == gb)
            r.representative[b] += k;
          else if (gb == gc)
            r.gatekeeper[b] += k;
          else
            r.liaison[b] += k;
        }
      }
      for (SectorId g : present) per_group[g] = 0;
    }
  });
  return r;
}

StructuralHoles structural_holes(const Network& net, bool weighted, bool directed, int threads) {
  const uint32_t n = net.organization_count();
  // Mutual weight a_ij + a_ji of each tie, on the undirected neighbour lists.
  const SortedAdjacency adj = all_ties(net, [&](uint32_t arc) {
    const Relationship& r = net.relationships()[net.arc_relationship(arc)];
    const double w = weighted ? r.weight() : 1.0;
    if (!directed) return 2 * w;
    return w * ((r.a_to_b ? 1 : 0) + (r.b_to_a ? 1 : 0));
  });
  std::vector<double> total(n, 0), largest(n, 0);
  for (uint32_t v = 0; v < n; ++v)
    for (uint32_t i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
      total[v] += adj.weights[i];
      largest[v] = std::max(largest[v], adj.weights[i]);
    }
  StructuralHoles out;
  out.constraint.assign(n, std::numeric_limits<double>::quiet_NaN());
  out.effective_size.assign(n, std::numeric_limits<double>::quiet_NaN());
  // p[q] = p_iq for the current i, and the indirect part, per thread; each
  // organization's figures depend on it alone (the same for any thread count).
  std::vector<std::vector<double>> p_of(size_t(std::max(1, threads))), indirect_of(p_of.size());
  for (size_t t = 0; t < p_of.size(); ++t) {
    p_of[t].assign(n, 0);
    indirect_of[t].assign(n, 0);
  }
  for_chunks(n, threads, 4096, [&](uint32_t first, uint32_t last, int part) {
    std::vector<double>& p = p_of[size_t(part)];
    std::vector<double>& indirect = indirect_of[size_t(part)];
    for (uint32_t i = first; i < last; ++i) {
      if (adj.degree(i) == 0) continue;
      for (uint32_t k = adj.offsets[i]; k < adj.offsets[i + 1]; ++k) p[adj.targets[k]] = adj.weights[k] / total[i];
      double redundancy = 0;
      // For each contact q, the contacts j of i that q also knows: the shorter list is scanned.
      for (uint32_t k = adj.offsets[i]; k < adj.offsets[i + 1]; ++k) {
        const uint32_t q = adj.targets[k];
        const double piq = p[q];
        auto visit = [&](uint32_t j, double mutual_qj) {
          indirect[j] += piq * mutual_qj / total[q];
          redundancy += piq * mutual_qj / largest[j];
        };
        if (adj.degree(q) <= adj.degree(i)) {
          for (uint32_t t = adj.offsets[q]; t < adj.offsets[q + 1]; ++t)
            if (adj.targets[t] != i && p[adj.targets[t]] > 0) visit(adj.targets[t], adj.weights[t]);
        } else {
          for (uint32_t t = adj.offsets[i]; t < adj.offsets[i + 1]; ++t) {
            const uint32_t j = adj.targets[t];
            if (j == q) continue;
            const uint32_t at = adj.find(q, j);
            if (at != UINT32_MAX) visit(j, adj.weights[at]);
          }
        }
      }
      double constraint = 0;
      for (uint32_t k = adj.offsets[i]; k < adj.offsets[i + 1]; ++k) {
        const uint32_t j = adj.targets[k];
        const double c = p[j] + indirect[j];
        constraint += c * c;
        p[j] = 0;
        indirect[j] = 0;
      }
      out.constraint[i] = constraint;
      out.effective_size[i] = double(adj.degree(i)) - redundancy;
    }
  });
  return out;
}

MixingReport sector_mixing(const Network& net, const std::vector<SectorId>& sector, size_t sector_count) {
  MixingReport out;
  out.per_sector.resize(sector_count);
  // Newman's e_ij over arcs (each tie both ways), as igraph's undirected assortativity_nominal.
  std::vector<double> diagonal(sector_count, 0), row_sum(sector_count, 0);
  double arcs = 0;
  for (const Relationship& r : net.relationships()) {
    const SectorId sa = sector[r.a], sb = sector[r.b];
    if (sa == sb) {
      ++out.whole.internal;
      ++out.per_sector[sa].internal;
      diagonal[sa] += 2;
    } else {
      ++out.whole.external;
      ++out.per_sector[sa].external;
      ++out.per_sector[sb].external;
    }
    row_sum[sa] += 1;
    row_sum[sb] += 1;
    arcs += 2;
  }
  if (arcs > 0) {
    double trace = 0, squares = 0;
    for (size_t s = 0; s < sector_count; ++s) {
      trace += diagonal[s] / arcs;
      squares += (row_sum[s] / arcs) * (row_sum[s] / arcs);
    }
    if (squares < 1) out.assortativity = (trace - squares) / (1 - squares);
  }
  return out;
}

std::vector<TieMix> sector_mixing_within(const Network& net, const std::vector<SectorId>& sector,
                                         const std::vector<uint32_t>& group, size_t group_count) {
  std::vector<TieMix> out(group_count);
  for (const Relationship& r : net.relationships()) {
    if (group[r.a] != group[r.b]) continue;
    if (sector[r.a] == sector[r.b])
      ++out[group[r.a]].internal;
    else
      ++out[group[r.a]].external;
  }
  return out;
}

}  // namespace tablemap
