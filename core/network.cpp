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
    r.weight2 = uint8_t(2 * std::max<uint8_t>(r.strength, 1));
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

  build_arcs(n);
}

void Network::build_arcs(uint32_t n) {
  // Two arcs per relationship, laid out by counting sort straight into the
  // CSR arrays. Relationships are ordered by (a, b), so each vertex's arcs
  // come out sorted by neighbour. (Boost's in-place constructor permutes the
  // arcs through cache-missing cycles: a fifth of a 1,000,000-organization load.)
  const size_t m = relationships_.size();
  auto& csr = graph_.m_forward;
  csr.m_rowstart.assign(size_t(n) + 1, 0);
  for (const Relationship& r : relationships_) {
    ++csr.m_rowstart[r.a + 1];
    ++csr.m_rowstart[r.b + 1];
  }
  std::partial_sum(csr.m_rowstart.begin(), csr.m_rowstart.end(), csr.m_rowstart.begin());
  csr.m_column.resize(2 * m);
  csr.m_edge_properties.resize(2 * m);
  std::vector<uint32_t> next(csr.m_rowstart.begin(), csr.m_rowstart.end() - 1);
  for (uint32_t r = 0; r < m; ++r) {
    const Relationship& rel = relationships_[r];
    const uint32_t from_a = next[rel.a]++, from_b = next[rel.b]++;
    csr.m_column[from_a] = rel.b;
    csr.m_column[from_b] = rel.a;
    csr.m_edge_properties[from_a].relationship = r;
    csr.m_edge_properties[from_b].relationship = r;
  }
}

RowsAfterRemoval rows_after_removal(uint32_t n, const std::vector<uint32_t>& removed) {
  RowsAfterRemoval out;
  out.new_row.assign(n, 0);
  for (uint32_t v : removed)
    if (v < n) out.new_row[v] = kRemovedRow;
  for (uint32_t v = 0; v < n; ++v)
    if (out.new_row[v] != kRemovedRow) out.new_row[v] = out.kept++;
  return out;
}

Network Network::without(const std::vector<uint32_t>& removed) const {
  const uint32_t n = organization_count();
  // Kept rows keep their order, so the relationships' (a, b) order survives.
  const RowsAfterRemoval rows = rows_after_removal(n, removed);
  const std::vector<uint32_t>& new_row = rows.new_row;
  const uint32_t kept = rows.kept;
  Network out;
  out.relationships_.reserve(relationships_.size());
  for (const Relationship& r : relationships_) {
    if (new_row[r.a] == kRemovedRow || new_row[r.b] == kRemovedRow) continue;
    Relationship copy = r;
    copy.a = new_row[r.a];
    copy.b = new_row[r.b];
    out.relationships_.push_back(copy);
  }
  out.build_arcs(kept);
  return out;
}

uint32_t Network::strength(uint32_t v) const {
  uint32_t total = 0;
  for (uint32_t arc = offsets()[v]; arc < offsets()[v + 1]; ++arc)
    total += relationships_[arc_relationship(arc)].strength;
  return total;
}

}  // namespace tablemap
