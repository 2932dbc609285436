#include "analysis/brokerage.hpp"

#include <algorithm>
#include <limits>

#include "core/parallel.hpp"

namespace tablemap {
namespace {

// The five roles, in the order the counts are kept.
enum Role { kCoordinator, kItinerant, kRepresentative, kGatekeeper, kLiaison };
Role role_of(SectorId ga, SectorId gb, SectorId gc) {
  if (ga == gb && gb == gc) return kCoordinator;
  if (ga == gc) return kItinerant;
  if (ga == gb) return kRepresentative;
  if (gb == gc) return kGatekeeper;
  return kLiaison;
}

// Calls visit(i, q, j, iq, qj, ij) for the six orders of a triangle's
// corners, with the relationship indices of the three ties between them.
template <class Visit>
void for_each_order(uint32_t u, uint32_t v, uint32_t w, uint32_t uv, uint32_t uw, uint32_t vw, Visit&& visit) {
  visit(u, v, w, uv, vw, uw);
  visit(u, w, v, uw, vw, uv);
  visit(v, u, w, uv, uw, vw);
  visit(v, w, u, vw, uw, uv);
  visit(w, u, v, uw, uv, vw);
  visit(w, v, u, vw, uv, uw);
}

}  // namespace

// Every two-step flow a -> b -> c through b is counted from b's contacts
// alone (how many flow in and out, per sector); those closed by a flow
// a -> c lie on a triangle and are taken off, one triangle at a time.
BrokerageReport gould_fernandez(const Network& net, const std::vector<SectorId>& group, int threads,
                                const std::vector<Triangle>* triangles) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  const std::vector<Relationship>& ties = net.relationships();
  SectorId groups = 0;
  for (SectorId g : group) groups = std::max<SectorId>(groups, SectorId(g + 1));

  BrokerageReport r;
  std::vector<uint32_t>* count[5] = {&r.coordinator, &r.itinerant, &r.representative, &r.gatekeeper, &r.liaison};
  for (std::vector<uint32_t>* c : count) c->assign(n, 0);
  // Per thread: b's contacts per sector that flow in, out, and both ways.
  struct Scratch {
    std::vector<int64_t> in, out, both;
    std::vector<SectorId> present;
  };
  std::vector<Scratch> scratch(size_t(std::max(1, threads)));
  for (Scratch& w : scratch) {
    w.in.assign(groups, 0);
    w.out.assign(groups, 0);
    w.both.assign(groups, 0);
  }
  // Each b's counts depend on b alone: the same for any number of threads.
  for_chunks(n, threads, 4096, [&](uint32_t first, uint32_t last, int part) {
    Scratch& s = scratch[size_t(part)];
    for (uint32_t b = first; b < last; ++b) {
      s.present.clear();
      int64_t all_in = 0, all_out = 0;
      for (uint32_t arc = off[b]; arc < off[b + 1]; ++arc) {
        const Relationship& tie = ties[net.arc_relationship(arc)];
        const uint32_t x = to[arc];
        const bool in = tie.flows_from(x), out = tie.flows_from(b);
        const SectorId g = group[x];
        if (s.in[g] == 0 && s.out[g] == 0) s.present.push_back(g);
        s.in[g] += in;
        s.out[g] += out;
        s.both[g] += in && out;
        all_in += in;
        all_out += out;
      }
      // Pairs (a, c), a flowing in, c flowing out, a != c, by the sectors of a and c.
      const SectorId gb = group[b];
      const int64_t in_b = s.in[gb], out_b = s.out[gb];
      int64_t same_elsewhere = 0, same_elsewhere_both = 0;  // a and c share a sector other than b's
      for (SectorId g : s.present) {
        if (g != gb) {
          same_elsewhere += s.in[g] * s.out[g];
          same_elsewhere_both += s.both[g];
        }
      }
      r.coordinator[b] = uint32_t(in_b * out_b - s.both[gb]);
      r.itinerant[b] = uint32_t(same_elsewhere - same_elsewhere_both);
      r.representative[b] = uint32_t(in_b * (all_out - out_b));
      r.gatekeeper[b] = uint32_t((all_in - in_b) * out_b);
      r.liaison[b] = uint32_t((all_in - in_b) * (all_out - out_b) - same_elsewhere);
      for (SectorId g : s.present) s.in[g] = s.out[g] = s.both[g] = 0;
    }
  });
  // The closed ones: a -> b -> c with a -> c, b any corner of a triangle.
  for_each_triangle(net, triangles, [&](uint32_t u, uint32_t v, uint32_t w, uint32_t uv, uint32_t uw, uint32_t vw) {
    for_each_order(u, v, w, uv, uw, vw, [&](uint32_t a, uint32_t b, uint32_t c, uint32_t ab, uint32_t bc, uint32_t ac) {
      if (ties[ab].flows_from(a) && ties[bc].flows_from(b) && ties[ac].flows_from(a))
        --(*count[role_of(group[a], group[b], group[c])])[b];
    });
  });
  return r;
}

// p_iq and the indirect part sum_q p_iq p_qj of each tie i -> j come from
// the triangles i, q, j; each tie keeps one indirect sum per direction.
StructuralHoles structural_holes(const Network& net, bool weighted, bool directed, int threads,
                                 const std::vector<Triangle>* triangles) {
  const uint32_t n = net.organization_count();
  const uint32_t* off = net.offsets();
  const uint32_t* to = net.targets();
  const std::vector<Relationship>& ties = net.relationships();
  // Mutual weight a_ij + a_ji of each tie.
  std::vector<double> mutual(ties.size());
  for (size_t t = 0; t < ties.size(); ++t) {
    const double w = weighted ? ties[t].weight() : 1.0;
    mutual[t] = directed ? w * ((ties[t].a_to_b ? 1 : 0) + (ties[t].b_to_a ? 1 : 0)) : 2 * w;
  }
  std::vector<double> total(n, 0), largest(n, 0);
  for (uint32_t v = 0; v < n; ++v)
    for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
      const double m = mutual[net.arc_relationship(arc)];
      total[v] += m;
      largest[v] = std::max(largest[v], m);
    }
  // indirect[2 t + (i > j)]: sum over q of p_iq p_qj for tie t from i to j.
  std::vector<double> indirect(2 * ties.size(), 0), redundancy(n, 0);
  auto direction = [](size_t tie, uint32_t i, uint32_t j) { return 2 * tie + (i > j ? 1 : 0); };
  for_each_triangle(net, triangles, [&](uint32_t u, uint32_t v, uint32_t w, uint32_t uv, uint32_t uw, uint32_t vw) {
    for_each_order(u, v, w, uv, uw, vw, [&](uint32_t i, uint32_t q, uint32_t j, uint32_t iq, uint32_t qj, uint32_t ij) {
      const double piq = mutual[iq] / total[i];
      indirect[direction(ij, i, j)] += piq * mutual[qj] / total[q];
      redundancy[i] += piq * mutual[qj] / largest[j];
    });
  });
  StructuralHoles out;
  out.constraint.assign(n, std::numeric_limits<double>::quiet_NaN());
  out.effective_size.assign(n, std::numeric_limits<double>::quiet_NaN());
  for_chunks(n, threads, 4096, [&](uint32_t first, uint32_t last, int) {
    for (uint32_t i = first; i < last; ++i) {
      if (off[i] == off[i + 1]) continue;
      double constraint = 0;
      for (uint32_t arc = off[i]; arc < off[i + 1]; ++arc) {
        const uint32_t tie = net.arc_relationship(arc);
        const double c = mutual[tie] / total[i] + indirect[direction(tie, i, to[arc])];
        constraint += c * c;
      }
      out.constraint[i] = constraint;
      out.effective_size[i] = double(off[i + 1] - off[i]) - redundancy[i];
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
