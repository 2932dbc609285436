// The organization network: one vertex per organization (vertex i is
// organization row i) and one relationship per pair of organizations that
// have any tie, however many rows of ties.csv name the pair.
//
// The graph is a Boost.Graph compressed_sparse_row_graph: every relationship
// is stored as two arcs (a->b and b->a), so out_edges(v) lists all of v's
// neighbours and the graph reads as undirected. Each arc carries the index of
// its Relationship. Each organization's arcs are sorted by neighbour, each
// neighbour once (searches of a row rely on it: analysis/brokerage.cpp).
// CSR keeps a 1,000,000-organization, 4,000,000-tie network
// in about 70 MB (an undirected adjacency_list needs several times that).
#pragma once

#include <cstdint>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "core/community.hpp"

namespace tablemap {

// Everything the tie rows between one pair of organizations say, merged.
struct Relationship {
  uint32_t a = 0, b = 0;          // organization rows, a < b
  TieKindSet kinds = 0;           // bit per TieKind named by any row
  uint8_t strength = 0;           // the strongest row (1..3)
  bool a_to_b = false;            // flows a->b: an undirected row, or a directed row a->b
  bool b_to_a = false;            // flows b->a
  bool confirmed = false;         // any row confirmed by both sides
  // Twice the weight of weighted measures (whole, so that path lengths stay
  // exact): 2 x strength, or 2 x the survey intensity (1 to 4 by halves)
  // after weigh_by_intensity (analysis/survey.hpp).
  uint8_t weight2 = 2;
  uint16_t rows = 0;              // how many tie rows were merged
  uint32_t other(uint32_t v) const { return v == a ? b : a; }
  // Whether it carries a flow out of, or into, `end` (one of its two ends).
  bool flows_from(uint32_t end) const { return end == a ? a_to_b : b_to_a; }
  bool flows_into(uint32_t end) const { return end == a ? b_to_a : a_to_b; }
  double weight() const { return weight2 / 2.0; }
  bool has(TieKind k) const { return (kinds >> int(k)) & 1u; }
};

struct ArcProperties {
  uint32_t relationship;  // index into Network::relationships
};

using OrgGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, ArcProperties,
                                                    boost::no_property, uint32_t, uint32_t>;
using OrgVertex = boost::graph_traits<OrgGraph>::vertex_descriptor;

// Each organization row's number once the `removed` rows are gone (the kept
// rows in order), kRemovedRow for a removed one; repeats and rows past `n`
// are ignored. The one numbering of community_without and Network::without.
inline constexpr uint32_t kRemovedRow = UINT32_MAX;
struct RowsAfterRemoval {
  std::vector<uint32_t> new_row;  // per old row
  uint32_t kept = 0;              // rows that stay
};
RowsAfterRemoval rows_after_removal(uint32_t n, const std::vector<uint32_t>& removed);

class Network {
 public:
  Network() = default;
  explicit Network(const Community& community);

  // The network of the community without the `removed` organization rows
  // (repeats and rows past the end ignored), its rows numbered as
  // community_without numbers them (the kept rows in order). Equal to building the network of
  // that community, but derived from this one in O(organizations +
  // relationships), without merging tie rows again; weights set by
  // set_weight2 are kept. The map's what-if uses it on every click.
  Network without(const std::vector<uint32_t>& removed) const;

  const OrgGraph& graph() const { return graph_; }
  const std::vector<Relationship>& relationships() const { return relationships_; }
  uint32_t organization_count() const { return uint32_t(offsets_size() - 1); }
  size_t relationship_count() const { return relationships_.size(); }

  // Raw CSR arrays for hot loops: the neighbours of v are
  // targets()[offsets()[v] .. offsets()[v+1]), with arc_relationship() alongside.
  const uint32_t* offsets() const { return graph_.m_forward.m_rowstart.data(); }
  const uint32_t* targets() const { return graph_.m_forward.m_column.data(); }
  uint32_t arc_relationship(uint32_t arc) const { return graph_.m_forward.m_edge_properties[arc].relationship; }
  uint32_t degree(uint32_t v) const { return offsets()[v + 1] - offsets()[v]; }
  // Whether the relationship behind `arc`, an arc out of v, flows out of v, or into it.
  bool flows_out(uint32_t v, uint32_t arc) const { return relationships_[arc_relationship(arc)].flows_from(v); }
  bool flows_in(uint32_t v, uint32_t arc) const { return relationships_[arc_relationship(arc)].flows_into(v); }
  // Sum of the strengths of v's relationships.
  uint32_t strength(uint32_t v) const;
  // Sets twice the weight of relationship r (2..8), see Relationship::weight2.
  void set_weight2(size_t r, uint8_t twice) { relationships_[r].weight2 = twice; }

 private:
  // Lays out the two arcs of every relationship in the CSR arrays, for n organizations.
  void build_arcs(uint32_t n);
  size_t offsets_size() const { return graph_.m_forward.m_rowstart.empty() ? 1 : graph_.m_forward.m_rowstart.size(); }
  OrgGraph graph_;
  std::vector<Relationship> relationships_;
};

}  // namespace tablemap
