// Every triangle of the network once: three organizations tied pairwise.
//
// Brokerage and constraint both ask, for each organization, which of its
// contacts know each other. Asking it organization by organization finds each
// triangle six times, and a small organization tied to a hub searches the
// hub's long row for each of its contacts. The forward algorithm (Schank &
// Wagner 2005; Latapy 2008) finds each triangle once, from its lowest-ranked
// corner: rank organizations by (degree, row), point each tie from lower to
// higher rank, and for each organization u and each contact v it points to,
// look for v's higher contacts among u's. No organization points to more than
// sqrt(2m) others, so the work is O(m sqrt(m)) at worst, and no row is
// searched. On a generated million-organization network (3.57 M ties, 334,093
// triangles) it takes 0.3 s on one thread where the per-organization search
// took 3.4 s.
//
// Triangles come in a fixed order (by u, then v, then w in row order), so
// sums over them are the same in every run. list_triangles() keeps them, in
// that order, for work that goes over them more than once (brokerage and
// constraint in one metrics run: 24 bytes a triangle, 6 MB on that network).
#pragma once

#include <cstdint>
#include <vector>

#include "core/network.hpp"

namespace tablemap {

// Calls visit(u, v, w, uv, uw, vw) once per triangle {u, v, w}, with the
// relationship indices of its three ties. u is the corner of lowest rank.
template <class Visit>
void for_each_triangle(const Network& net, Visit&& visit) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  auto before = [&](uint32_t a, uint32_t b) {
    const uint32_t da = off[a + 1] - off[a], db = off[b + 1] - off[b];
    return da < db || (da == db && a < b);
  };
  // The ties pointed from lower to higher rank, each with its relationship.
  std::vector<uint32_t> up_offsets(size_t(n) + 1, 0), up_target, up_relationship;
  up_target.reserve(net.relationship_count());
  up_relationship.reserve(net.relationship_count());
  for (uint32_t u = 0; u < n; ++u) {
    for (uint32_t arc = off[u]; arc < off[u + 1]; ++arc)
      if (before(u, to[arc])) {
        up_target.push_back(to[arc]);
        up_relationship.push_back(net.arc_relationship(arc));
      }
    up_offsets[u + 1] = uint32_t(up_target.size());
  }
  // mark[w] == u: u points to w, by relationship tie_to[w].
  std::vector<uint32_t> mark(n, UINT32_MAX), tie_to(n, 0);
  for (uint32_t u = 0; u < n; ++u) {
    const uint32_t first = up_offsets[u], last = up_offsets[u + 1];
    if (last - first < 2) continue;
    for (uint32_t i = first; i < last; ++i) {
      mark[up_target[i]] = u;
      tie_to[up_target[i]] = up_relationship[i];
    }
    for (uint32_t i = first; i < last; ++i) {
      const uint32_t v = up_target[i];
      for (uint32_t j = up_offsets[v]; j < up_offsets[v + 1]; ++j) {
        const uint32_t w = up_target[j];
        if (mark[w] == u) visit(u, v, w, up_relationship[i], tie_to[w], up_relationship[j]);
      }
    }
  }
}

// A triangle's corners, u of lowest rank, and the relationships between them.
struct Triangle {
  uint32_t u, v, w, uv, uw, vw;
};

inline std::vector<Triangle> list_triangles(const Network& net) {
  std::vector<Triangle> out;
  for_each_triangle(net, [&](uint32_t u, uint32_t v, uint32_t w, uint32_t uv, uint32_t uw, uint32_t vw) {
    out.push_back({u, v, w, uv, uw, vw});
  });
  return out;
}

// The triangles from `listed` when given, else found now: the same calls.
template <class Visit>
void for_each_triangle(const Network& net, const std::vector<Triangle>* listed, Visit&& visit) {
  if (!listed) return for_each_triangle(net, visit);
  for (const Triangle& t : *listed) visit(t.u, t.v, t.w, t.uv, t.uw, t.vw);
}

}  // namespace tablemap
