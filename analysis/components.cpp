#include "analysis/components.hpp"

#include <algorithm>
#include <numeric>

namespace tablemap {
namespace {
constexpr uint32_t kNone32 = UINT32_MAX;
}

// Components by union-find with Afforest's shortcut (Sutton, Ben-Nun & Barak,
// "Optimizing Parallel Graph Connectivity Computation via Subgraph Sampling",
// IPDPS 2018): link each organization to its first two contacts, which
// already puts most of a large network into one set, then go through the
// remaining ties only of organizations outside that set. Every tie appears in
// both its ends' rows, so a tie between the big set and another organization
// is still seen from the other end. A set's root is always its lowest
// organization (the higher root is hung under the lower), which numbers the
// components in the order a search from organization 0 upwards would.
ComponentReport connected_components(const Network& net, const std::vector<bool>* removed) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  auto gone = [&](uint32_t v) { return removed && (*removed)[v]; };
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](uint32_t v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];  // path halving
      v = parent[v];
    }
    return v;
  };
  auto link = [&](uint32_t a, uint32_t b) {
    if (gone(a) || gone(b)) return;
    a = find(a);
    b = find(b);
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  };
  // Parents are never above their organization, so one pass upwards flattens
  // every tree: parent[v]'s parent is already its root.
  auto flatten = [&] {
    for (uint32_t v = 0; v < n; ++v) parent[v] = parent[parent[v]];
  };
  constexpr uint32_t kFirstContacts = 2;
  for (uint32_t r = 0; r < kFirstContacts; ++r) {
    for (uint32_t v = 0; v < n; ++v)
      if (off[v] + r < off[v + 1]) link(v, to[off[v] + r]);
    flatten();
  }
  // The most common root among 1,024 evenly spread organizations.
  uint32_t big = kNoComponent;
  if (n > 0) {
    std::vector<uint32_t> sample;
    const uint32_t step = std::max<uint32_t>(1, n / 1024);
    for (uint32_t v = 0; v < n; v += step) sample.push_back(parent[v]);
    std::sort(sample.begin(), sample.end());
    size_t best = 0;
    for (size_t i = 0, j; i < sample.size(); i = j) {
      for (j = i; j < sample.size() && sample[j] == sample[i]; ++j) {}
      if (j - i > best) best = j - i, big = sample[i];
    }
  }
  for (uint32_t v = 0; v < n; ++v) {
    if (find(v) == big) continue;
    for (uint32_t arc = std::min(off[v] + kFirstContacts, off[v + 1]); arc < off[v + 1]; ++arc) link(v, to[arc]);
  }
  flatten();
  // Components numbered by their lowest organization, as found going upwards.
  std::vector<uint32_t> label(n, kNoComponent), sizes;
  for (uint32_t v = 0; v < n; ++v) {
    if (gone(v)) continue;
    if (parent[v] == v) {
      label[v] = uint32_t(sizes.size());
      sizes.push_back(0);
    } else {
      label[v] = label[parent[v]];
    }
    ++sizes[label[v]];
  }
  // Renumber largest first (ties broken by first organization) so that 0 is the main body.
  std::vector<uint32_t> by_size(sizes.size());
  std::iota(by_size.begin(), by_size.end(), 0u);
  std::stable_sort(by_size.begin(), by_size.end(), [&](uint32_t a, uint32_t b) { return sizes[a] > sizes[b]; });
  std::vector<uint32_t> rank(sizes.size());
  ComponentReport out;
  out.sizes.resize(sizes.size());
  for (uint32_t i = 0; i < by_size.size(); ++i) {
    rank[by_size[i]] = i;
    out.sizes[i] = sizes[by_size[i]];
    if (out.sizes[i] == 1) ++out.isolates;
  }
  for (uint32_t& c : label)
    if (c != kNoComponent) c = rank[c];
  out.component = std::move(label);
  return out;
}

CutPoints cut_points(const Network& net) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  CutPoints out;
  out.articulation.assign(n, false);
  out.bridges_held.assign(n, 0);
  out.cut_off.assign(n, 0);
  out.preorder.reserve(n);
  out.visit.assign(n, kNone32);
  out.low.assign(n, 0);
  out.parent.assign(n, kNone32);
  out.subtree.assign(n, 1);
  out.root.assign(n, kNone32);
  auto& visit = out.visit;
  auto& low = out.low;
  auto& parent = out.parent;

  // Explicit stack of (organization, next arc): no recursion, so a long chain
  // of a million organizations cannot overflow the call stack.
  std::vector<std::pair<uint32_t, uint32_t>> stack;
  for (uint32_t r = 0; r < n; ++r) {
    if (visit[r] != kNone32) continue;
    visit[r] = low[r] = uint32_t(out.preorder.size());
    out.preorder.push_back(r);
    out.root[r] = r;
    uint32_t root_children = 0;
    stack.push_back({r, off[r]});
    while (!stack.empty()) {
      auto& [v, arc] = stack.back();
      if (arc < off[v + 1]) {
        const uint32_t w = to[arc++];
        if (visit[w] == kNone32) {
          parent[w] = v;
          out.root[w] = r;
          visit[w] = low[w] = uint32_t(out.preorder.size());
          out.preorder.push_back(w);
          if (v == r) ++root_children;
          stack.push_back({w, off[w]});
        } else if (w != parent[v]) {  // one relationship per pair: the tie to the parent is the tree tie
          low[v] = std::min(low[v], visit[w]);
        }
        continue;
      }
      const uint32_t c = v;
      stack.pop_back();
      const uint32_t p = parent[c];
      if (p == kNone32) continue;
      low[p] = std::min(low[p], low[c]);
      out.subtree[p] += out.subtree[c];
      if (low[c] >= visit[p] && p != r) out.articulation[p] = true;
      if (low[c] > visit[p]) {
        ++out.bridges_held[p];
        ++out.bridges_held[c];
      }
    }
    if (root_children >= 2) out.articulation[r] = true;
  }

  // Parts separated by each organization: children whose subtree cannot climb above it.
  std::vector<uint32_t> separated(n, 0), largest_part(n, 0);
  for (uint32_t c = 0; c < n; ++c) {
    const uint32_t p = parent[c];
    if (p == kNone32) continue;
    if (low[c] >= visit[p] || parent[p] == kNone32) {
      separated[p] += out.subtree[c];
      largest_part[p] = std::max(largest_part[p], out.subtree[c]);
    }
  }
  for (uint32_t v = 0; v < n; ++v) {
    if (!out.articulation[v]) continue;
    const uint32_t others = out.subtree[out.root[v]] - 1;
    const uint32_t rest = others - separated[v];
    out.cut_off[v] = others - std::max(largest_part[v], rest);
  }
  // Bridge relationship indices, from the tree ties found above.
  for (uint32_t c = 0; c < n; ++c) {
    const uint32_t p = parent[c];
    if (p == kNone32 || low[c] <= visit[p]) continue;
    for (uint32_t arc = off[c]; arc < off[c + 1]; ++arc)
      if (to[arc] == p) out.bridges.push_back(net.arc_relationship(arc));
  }
  std::sort(out.bridges.begin(), out.bridges.end());
  return out;
}

std::vector<std::vector<uint32_t>> pieces_after_removal(const Network& net, const CutPoints& cuts,
                                                        uint32_t organization) {
  const uint32_t v = organization;
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  const bool is_root = cuts.parent[v] == kNone32;
  std::vector<std::vector<uint32_t>> pieces;
  std::vector<uint32_t> rest;
  std::vector<bool> taken;
  const uint32_t root = cuts.root[v];
  const uint32_t begin = cuts.visit[root], end = begin + cuts.subtree[root];
  // Mark by position in preorder: members of a subtree are one contiguous run.
  taken.assign(end - begin, false);
  taken[cuts.visit[v] - begin] = true;
  for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
    const uint32_t c = to[arc];
    if (cuts.parent[c] != v || !(is_root || cuts.low[c] >= cuts.visit[v])) continue;
    std::vector<uint32_t> piece(cuts.preorder.begin() + cuts.visit[c],
                                cuts.preorder.begin() + cuts.visit[c] + cuts.subtree[c]);
    for (uint32_t i = cuts.visit[c]; i < cuts.visit[c] + cuts.subtree[c]; ++i) taken[i - begin] = true;
    pieces.push_back(std::move(piece));
  }
  for (uint32_t i = begin; i < end; ++i)
    if (!taken[i - begin]) rest.push_back(cuts.preorder[i]);
  if (!rest.empty()) pieces.push_back(std::move(rest));
  // Each piece in id order: a small one sorted, a large one (most of a
  // national network, for each single point listed) read off in one pass
  // over the ids, which is linear where sorting it was most of the time.
  const uint32_t n = net.organization_count();
  for (auto& p : pieces) {
    if (p.size() < n / 16) {
      std::sort(p.begin(), p.end());
      continue;
    }
    std::vector<bool> in(n, false);
    for (uint32_t u : p) in[u] = true;
    size_t k = 0;
    for (uint32_t u = 0; u < n; ++u)
      if (in[u]) p[k++] = u;
  }
  std::stable_sort(pieces.begin(), pieces.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return pieces;
}

}  // namespace tablemap
