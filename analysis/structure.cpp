#include "analysis/structure.hpp"

#include "analysis/multi_search.hpp"
#include "core/parallel.hpp"

#include <algorithm>
#include <bit>
#include <memory>
#include <numeric>
#include <random>
#include <tuple>

namespace tablemap {
namespace {

std::vector<SectorId> sectors_of(const Community& community) {
  std::vector<SectorId> sector(community.organizations.size());
  for (size_t i = 0; i < sector.size(); ++i) sector[i] = community.organizations[i].sector;
  return sector;
}

size_t sector_count_of(const Community& community, const std::vector<SectorId>& sector) {
  size_t count = community.profile.sectors.size();
  for (SectorId s : sector) count = std::max(count, size_t(s) + 1);
  return count;
}

NetworkSummary summarize(const Network& net, const NetworkMetrics& m) {
  NetworkSummary s;
  const uint32_t n = net.organization_count();
  s.organizations = n;
  s.ties = net.relationship_count();
  s.density = n > 1 ? double(s.ties) / (double(n) * (n - 1) / 2) : 0;
  s.component_sizes = m.components.sizes;
  s.isolates = m.components.isolates;
  s.communities = uint32_t(m.communities.sizes.size());
  s.modularity = m.communities.modularity;
  s.sector_mix = m.mixing.whole;
  s.sector_assortativity = m.mixing.assortativity;
  if (n > 2) {
    const uint32_t top = *std::max_element(m.centrality.degree.begin(), m.centrality.degree.end());
    double sum = 0;
    for (uint32_t d : m.centrality.degree) sum += top - d;
    s.degree_centralization = sum / ((double(n) - 1) * (double(n) - 2));
  }
  s.articulation_points = uint32_t(std::count(m.cuts.articulation.begin(), m.cuts.articulation.end(), true));
  s.bridges = uint32_t(m.cuts.bridges.size());
  return s;
}

std::vector<Silo> find_silos(const Network& net, const std::vector<SectorId>& sector, size_t sector_count,
                             const CommunityReport& communities, const SiloRule& rule) {
  // (community, sector pair) for every tie touching a community, once per
  // community touched, grouped by community with a counting sort: O(n + m),
  // where sorting the touches of a national network took half a second.
  struct Touch {
    uint32_t community;
    SectorId low, high;
  };
  const size_t groups = communities.sizes.size();
  std::vector<size_t> start(groups + 1, 0);
  auto each_touch = [&](auto&& visit) {
    for (const Relationship& r : net.relationships()) {
      const SectorId lo = std::min(sector[r.a], sector[r.b]), hi = std::max(sector[r.a], sector[r.b]);
      const uint32_t ca = communities.community[r.a], cb = communities.community[r.b];
      if (communities.sizes[ca] >= rule.min_organizations) visit(Touch{ca, lo, hi});
      if (cb != ca && communities.sizes[cb] >= rule.min_organizations) visit(Touch{cb, lo, hi});
    }
  };
  each_touch([&](const Touch& t) { ++start[t.community + 1]; });
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<Touch> touches(start[groups]);
  {
    std::vector<size_t> fill(start.begin(), start.end() - 1);
    each_touch([&](const Touch& t) { touches[fill[t.community]++] = t; });
  }
  std::vector<Silo> silos;
  std::vector<uint64_t> pair(sector_count * sector_count, 0);
  for (size_t i = 0; i < touches.size();) {
    size_t j = i;
    std::vector<SectorId> seen;
    while (j < touches.size() && touches[j].community == touches[i].community) {
      ++pair[size_t(touches[j].low) * sector_count + touches[j].high];
      seen.push_back(touches[j].low);
      seen.push_back(touches[j].high);
      ++j;
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    const uint64_t total = j - i;
    auto at = [&](SectorId a, SectorId b) { return pair[size_t(a) * sector_count + b]; };
    // The best one sector, then the best two sectors, holding the most ties.
    Silo best;
    best.community = touches[i].community;
    best.ties = total;
    for (size_t x = 0; x < seen.size(); ++x) {
      const uint64_t one = at(seen[x], seen[x]);
      if (double(one) / total > best.share) {
        best.share = double(one) / total;
        best.sectors = {seen[x]};
      }
    }
    if (best.share < rule.share)
      for (size_t x = 0; x < seen.size(); ++x)
        for (size_t y = x + 1; y < seen.size(); ++y) {
          const uint64_t two = at(seen[x], seen[x]) + at(seen[y], seen[y]) + at(seen[x], seen[y]);
          if (double(two) / total > best.share) {
            best.share = double(two) / total;
            best.sectors = {seen[x], seen[y]};
          }
        }
    if (best.share >= rule.share) {
      best.organizations = communities.sizes[best.community];
      silos.push_back(best);
    }
    for (size_t k = i; k < j; ++k) pair[size_t(touches[k].low) * sector_count + touches[k].high] = 0;
    i = j;
  }
  std::stable_sort(silos.begin(), silos.end(),
                   [](const Silo& a, const Silo& b) { return a.organizations > b.organizations; });
  return silos;
}

std::vector<uint32_t> distance_sources(uint32_t n, uint32_t samples, uint64_t seed) {
  std::vector<uint32_t> all(n);
  std::iota(all.begin(), all.end(), 0u);
  if (n <= 2000 || samples >= n) return all;
  std::mt19937_64 rng(seed);
  for (uint32_t i = 0; i < samples; ++i) std::swap(all[i], all[i + rng() % (n - i)]);
  all.resize(samples);
  std::sort(all.begin(), all.end());
  return all;
}

std::vector<Broker> find_brokers(const Network& net, NetworkMetrics& m,
                                 const std::vector<std::vector<SectorId>>& cut_sectors, const MetricsOptions& o) {
  const uint32_t n = net.organization_count();
  if (n < 3) return {};
  const auto& betweenness = m.centrality.paths.betweenness;
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  const uint32_t top = std::min(n, o.broker_candidates);
  std::partial_sort(order.begin(), order.begin() + top, order.end(),
                    [&](uint32_t a, uint32_t b) { return betweenness[a] > betweenness[b]; });
  std::vector<uint32_t> candidates(order.begin(), order.begin() + top);
  std::vector<uint32_t> cutters;
  for (uint32_t v = 0; v < n; ++v)
    if (!cut_sectors[v].empty() && std::find(candidates.begin(), candidates.end(), v) == candidates.end())
      cutters.push_back(v);
  std::stable_sort(cutters.begin(), cutters.end(),
                   [&](uint32_t a, uint32_t b) { return betweenness[a] > betweenness[b]; });
  if (cutters.size() > o.broker_candidates) cutters.resize(o.broker_candidates);
  candidates.insert(candidates.end(), cutters.begin(), cutters.end());

  // One pass with nobody removed: per source, totals and the distance to each candidate,
  // so that "before" can leave out the pairs that involve the candidate.
  // Keep the work near 2e8 arc visits on national networks: fewer sources, still at least 4.
  const double arcs = double(net.offsets()[n]) + 1;
  const uint32_t affordable = uint32_t(std::clamp(2e8 / (arcs * double(candidates.size() + 1)), 4.0, 1e9));
  const std::vector<uint32_t> sources =
      distance_sources(n, std::min(o.distance_samples, affordable), o.centrality.seed);
  std::vector<int32_t> slot(n, -1);
  for (size_t c = 0; c < candidates.size(); ++c) slot[candidates[c]] = int32_t(c);
  // Distances are whole numbers, so these sums are exact in any order: the
  // figures do not depend on how the searches are batched or threaded.
  std::vector<double> sum_to(candidates.size(), 0), count_to(candidates.size(), 0);
  std::vector<double> sum_from(candidates.size(), 0), count_from(candidates.size(), 0);
  double total_sum = 0, total_count = 0;
  constexpr size_t kBatch = MultiSourceSearch::kMaxSources;
  MultiSourceSearch search(n, net.offsets(), net.targets());
  for (size_t first = 0; first < sources.size(); first += kBatch) {
    const uint32_t* batch = sources.data() + first;
    const size_t count = std::min(kBatch, sources.size() - first);
    uint64_t candidate_sources = 0;
    for (size_t i = 0; i < count; ++i)
      if (slot[batch[i]] >= 0) candidate_sources |= uint64_t(1) << i;
    search.run(batch, count, {}, [&](uint32_t t, uint32_t d, uint64_t bits) {
      const double k = std::popcount(bits);
      total_sum += k * d;
      total_count += k;
      if (slot[t] >= 0) {
        sum_to[slot[t]] += k * d;
        count_to[slot[t]] += k;
      }
      for (uint64_t rest = bits & candidate_sources; rest; rest &= rest - 1) {
        const int32_t c = slot[batch[std::countr_zero(rest)]];
        sum_from[c] += d;
        count_from[c] += 1;
      }
    });
  }
  m.summary.average_distance = total_count > 0 ? total_sum / total_count : 0;
  m.summary.distance_sampled = sources.size() < n;
  // Ordered pairs counted from the sources -> unordered pairs of the whole network.
  const double pair_scale = sources.empty() ? 0 : double(n) / double(sources.size()) / 2.0;

  // Each candidate removed in turn: one search per (candidate, source) pair,
  // 64 pairs to a batch, each pair's search kept out of its candidate by a
  // barrier. A batch's searches run on one thread, and the sums are exact,
  // so the figures are the same for any thread count.
  struct Pair {
    uint32_t candidate, source;
  };
  std::vector<Pair> pairs;
  for (uint32_t c = 0; c < candidates.size(); ++c)
    for (uint32_t s : sources)
      if (s != candidates[c]) pairs.push_back({c, s});
  const int parts = std::max(1, o.centrality.threads);
  std::vector<std::vector<double>> after_sum(size_t(parts), std::vector<double>(candidates.size(), 0));
  std::vector<std::vector<double>> after_count = after_sum;
  std::vector<std::unique_ptr<MultiSourceSearch>> searches(static_cast<size_t>(parts));
  const uint32_t batches = uint32_t((pairs.size() + kBatch - 1) / kBatch);
  for_chunks(batches, parts, 1, [&](uint32_t first_batch, uint32_t last_batch, int part) {
    auto& removal = searches[size_t(part)];
    if (!removal) removal = std::make_unique<MultiSourceSearch>(n, net.offsets(), net.targets());
    std::vector<uint32_t> batch;
    std::vector<SourceBarrier> barriers;
    for (uint32_t b = first_batch; b < last_batch; ++b) {
      const Pair* pair = pairs.data() + size_t(b) * kBatch;
      const size_t count = std::min(kBatch, pairs.size() - size_t(b) * kBatch);
      batch.clear();
      barriers.clear();
      for (size_t i = 0; i < count; ++i) {
        batch.push_back(pair[i].source);
        if (barriers.empty() || barriers.back().organization != candidates[pair[i].candidate])
          barriers.push_back({candidates[pair[i].candidate], 0});
        barriers.back().sources |= uint64_t(1) << i;
      }
      std::vector<double>& sum = after_sum[size_t(part)];
      std::vector<double>& reached = after_count[size_t(part)];
      removal->run(batch.data(), count, barriers, [&](uint32_t, uint32_t d, uint64_t bits) {
        for (; bits; bits &= bits - 1) {
          const uint32_t c = pair[std::countr_zero(bits)].candidate;
          sum[c] += d;
          reached[c] += 1;
        }
      });
    }
  });
  std::vector<Broker> tried(candidates.size());
  for (size_t c = 0; c < candidates.size(); ++c) {
    const uint32_t v = candidates[c];
    Broker& b = tried[c];
    b.organization = v;
    b.sectors_cut_off = cut_sectors[v];
    double after_total = 0, after_pairs = 0;
    for (int part = 0; part < parts; ++part) {
      after_total += after_sum[size_t(part)][c];
      after_pairs += after_count[size_t(part)][c];
    }
    const double before_count = total_count - count_to[c] - count_from[c];
    const double before_sum = total_sum - sum_to[c] - sum_from[c];
    b.average_distance_before = before_count > 0 ? before_sum / before_count : 0;
    b.average_distance_after = after_pairs > 0 ? after_total / after_pairs : 0;
    b.pairs_disconnected = before_count > 0 ? (before_count - after_pairs) / before_count : 0;
    b.pairs_lost = (before_count - after_pairs) * pair_scale;
  }
  std::vector<Broker> brokers;
  for (Broker& b : tried) {
    const bool matters = !b.sectors_cut_off.empty() || b.pairs_lost >= 0.5 ||
                         b.distance_increase() >= kBrokerDistanceStep;
    if (matters) brokers.push_back(std::move(b));
  }
  std::stable_sort(brokers.begin(), brokers.end(), [](const Broker& a, const Broker& b) {
    if (a.sectors_cut_off.size() != b.sectors_cut_off.size())
      return a.sectors_cut_off.size() > b.sectors_cut_off.size();
    if (a.pairs_disconnected != b.pairs_disconnected) return a.pairs_disconnected > b.pairs_disconnected;
    return a.average_distance_after - a.average_distance_before > b.average_distance_after - b.average_distance_before;
  });
  if (brokers.size() > o.listed) brokers.resize(o.listed);
  return brokers;
}

std::vector<SinglePointOfFailure> find_single_points(const Community& community, const Network& net,
                                                     const CutPoints& cuts, uint32_t listed) {
  const uint32_t n = net.organization_count();
  std::vector<uint32_t> points;
  for (uint32_t v = 0; v < n; ++v)
    if (cuts.articulation[v]) points.push_back(v);
  std::stable_sort(points.begin(), points.end(),
                   [&](uint32_t a, uint32_t b) { return cuts.cut_off[a] > cuts.cut_off[b]; });
  if (points.size() > listed) points.resize(listed);
  const std::vector<bool> at_table = community.organizations_at_table();
  std::vector<SinglePointOfFailure> out;
  for (uint32_t v : points) {
    SinglePointOfFailure p;
    p.organization = v;
    p.cut_off = cuts.cut_off[v];
    auto pieces = pieces_after_removal(net, cuts, v);
    std::vector<bool> sector_seen(community.profile.sectors.size() + 1, false);
    for (size_t i = 1; i < pieces.size(); ++i)
      for (uint32_t u : pieces[i]) {
        if (p.cut_off_organizations.size() < 20) p.cut_off_organizations.push_back(u);
        const SectorId s = community.organizations[u].sector;
        if (s >= sector_seen.size()) sector_seen.resize(s + 1, false);
        sector_seen[s] = true;
        if (at_table[u]) ++p.table_organizations_cut_off;
      }
    std::sort(p.cut_off_organizations.begin(), p.cut_off_organizations.end());
    for (size_t s = 0; s < sector_seen.size(); ++s)
      if (sector_seen[s]) p.sectors_cut_off.push_back(SectorId(s));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<std::vector<SectorId>> sectors_cut_off_by_each(const Community& community, const Network& net) {
  const std::vector<SectorId> sector = sectors_of(community);
  const size_t sectors = sector_count_of(community, sector);
  const uint32_t n = net.organization_count();
  std::vector<uint64_t> members(sectors, 0), cross(sectors, 0);
  for (SectorId s : sector) ++members[s];
  for (const Relationship& r : net.relationships())
    if (sector[r.a] != sector[r.b]) {
      ++cross[sector[r.a]];
      ++cross[sector[r.b]];
    }
  std::vector<std::vector<SectorId>> out(n);
  std::vector<uint64_t> held(sectors, 0);
  std::vector<SectorId> touched;
  for (uint32_t v = 0; v < n; ++v) {
    touched.clear();
    for (uint32_t arc = net.offsets()[v]; arc < net.offsets()[v + 1]; ++arc) {
      const SectorId a = sector[v], b = sector[net.targets()[arc]];
      if (a == b) continue;
      for (SectorId s : {a, b}) {
        if (held[s]++ == 0) touched.push_back(s);
      }
    }
    for (SectorId s : touched) {
      const uint64_t remaining_members = members[s] - (sector[v] == s ? 1 : 0);
      if (remaining_members > 0 && cross[s] > 0 && held[s] == cross[s]) out[v].push_back(s);
      held[s] = 0;
    }
    std::sort(out[v].begin(), out[v].end());
  }
  return out;
}

NetworkMetrics measure_network(const Community& community, const Network& net, const MetricsOptions& options) {
  NetworkMetrics m;
  m.measured = with_prerequisites(options.centrality.measures);
  const MeasureSet& asked = m.measured;
  auto timed = [&](std::string_view name, auto&& work) { tablemap::timed(m.timings, std::string(name), work); };
  const std::vector<SectorId> sector = sectors_of(community);
  const size_t sectors = sector_count_of(community, sector);
  auto find_communities = [&] {
    CommunityOptions community_options = options.communities;
    community_options.weighted = options.centrality.weighted;
    timed("communities", [&] { m.communities = louvain(net, community_options); });
  };
  // compare measures two years side by side (CommunityOptions): the earlier
  // year finds its communities first and hands them on; the later year, whose
  // Louvain run starts from them and may wait for them, does the measures
  // that need no communities before.
  const bool communities_wait = asked.has(Measure::communities) && bool(options.communities.start);
  if (asked.has(Measure::communities) && !communities_wait) find_communities();
  CentralityOptions centrality = options.centrality;
  centrality.measures = asked;
  m.centrality = compute_centrality(net, centrality, &m.timings);  // timed per measure
  // Components, the sector mix and the summary are O(n + m) and always computed.
  timed("components", [&] { m.components = connected_components(net); });
  if (asked.has(Measure::articulation)) timed("articulation", [&] { m.cuts = cut_points(net); });
  if (communities_wait) find_communities();
  // Brokerage and constraint both go over the triangles: when both are
  // asked for, the triangles are found once for the two.
  std::vector<Triangle> triangles;
  const bool share_triangles = asked.has(Measure::brokerage) && asked.has(Measure::constraint);
  if (share_triangles) timed("triangles", [&] { triangles = list_triangles(net); });
  const std::vector<Triangle>* shared = share_triangles ? &triangles : nullptr;
  if (asked.has(Measure::brokerage))
    timed("brokerage", [&] { m.brokerage = gould_fernandez(net, sector, options.centrality.threads, shared); });
  if (asked.has(Measure::constraint))
    timed("constraint", [&] {
      m.holes = structural_holes(net, options.centrality.weighted, options.centrality.directed,
                                 options.centrality.threads, shared);
    });
  timed("mixing", [&] {
    m.mixing = sector_mixing(net, sector, sectors);
    if (asked.has(Measure::communities))
      m.community_mix = sector_mixing_within(net, sector, m.communities.community, m.communities.sizes.size());
  });
  m.summary = summarize(net, m);
  if (asked.has(Measure::communities))
    timed("silos", [&] { m.silos = find_silos(net, sector, sectors, m.communities, options.silo); });
  if (asked.has(Measure::brokers))
    timed("brokers", [&] { m.brokers = find_brokers(net, m, sectors_cut_off_by_each(community, net), options); });
  if (asked.has(Measure::articulation))
    timed("single points of failure",
          [&] { m.single_points = find_single_points(community, net, m.cuts, options.listed); });
  return m;
}

}  // namespace tablemap
