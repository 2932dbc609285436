#include "core/network.hpp"

#include <algorithm>
#include <numeric>

namespace tablemap {

Network::Network(const Community& community) {
  const uint32_t n = uint32_t(community.organizations.size());
  const auto& ties = community.ties.rows();

  // Bucket tie rows by their smaller endpoint (counting sort), then order each
  // bucket by the larger endpoint: rows naming the same pair become adjacent.
  std::vector<uint32_t> start(size_t(n) + 1, 0);
  for (const Tie& t : ties) ++start[std::min(t.source, t.target) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<uint32_t> order(ties.size());
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (uint32_t i = 0; i < ties.size(); ++i) order[fill[std::min(ties[i].source, ties[i].target)]++] = i;
  }
  auto larger = [&](uint32_t i) { return std::max(ties[i].source, ties[i].target); };
  for (uint32_t v = 0; v < n; ++v)
    if (start[v + 1] - start[v] > 1)
      std::sort(order.begin() + start[v], order.begin() + start[v + 1],
                [&](uint32_t x, uint32_t y) { return larger(x) < larger(y); });

  relationships_.reserve(ties.size());
  for (uint32_t i : order) {
    const Tie& t = ties[i];
    const uint32_t a = std::min(t.source, t.target), b = std::max(t.source, t.target);
    if (a == b) continue;  // the readers refuse self-ties; an edit may not
    if (relationships_.empty() || relationships_.back().a != a || relationships_.back().b != b) {
      Relationship r;
      r.a = a;
      r.b = b;
      relationships_.push_back(r);
    }
    Relationship& r = relationships_.back();
    r.kinds = TieKindSet(r.kinds | (1u << int(t.kind)));
    r.strength = std::max(r.strength, t.strength);
    r.confirmed = r.confirmed || t.confirmed;
    if (r.rows < UINT16_MAX) ++r.rows;
    if (!t.directed) {
      r.a_to_b = r.b_to_a = true;
    } else if (t.source == a) {
      r.a_to_b = true;
    } else {
      r.b_to_a = true;
    }
  }

  // Two arcs per relationship.
  const size_t m = relationships_.size();
  std::vector<uint32_t> sources(2 * m), targets(2 * m);
  std::vector<ArcProperties> props(2 * m);
  for (uint32_t r = 0; r < m; ++r) {
    sources[2 * r] = relationships_[r].a;
    targets[2 * r] = relationships_[r].b;
    sources[2 * r + 1] = relationships_[r].b;
    targets[2 * r + 1] = relationships_[r].a;
    props[2 * r].relationship = props[2 * r + 1].relationship = r;
  }
  graph_ = OrgGraph(boost::construct_inplace_from_sources_and_targets, sources, targets, props, n);
}

uint32_t Network::strength(uint32_t v) const {
  uint32_t total = 0;
  for (uint32_t arc = offsets()[v]; arc < offsets()[v + 1]; ++arc)
    total += relationships_[arc_relationship(arc)].strength;
  return total;
}

}  // namespace tablemap
