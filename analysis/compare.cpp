// What changed between two snapshots (analysis/compare.hpp): each step lines
// up one analysis of both years, matched by ids.
#include "analysis/compare.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "core/parallel.hpp"

namespace tablemap {
namespace {

constexpr uint32_t kAbsent = UINT32_MAX;

// One analyzed snapshot, built in steps so that both years are analyzed side
// by side (analyze_both): the network, then its measures and its gaps and roles.
struct Side {
  const Community& community;
  Network net;
  std::vector<bool> at_table;
  GapReport gaps;
  RoleReport roles;
  NetworkMetrics metrics;
  explicit Side(const Community& c) : community(c), net(c), at_table(c.organizations_at_table()) {}
  void judge() {
    gaps = analyze_gaps(community, net);
    roles = analyze_roles(community, net);
  }
  // `communities` are the options of the Louvain run (a start, for the later year).
  void measure(const CompareOptions& options, const CommunityOptions& communities) {
    // Only the measures compared (the summary, mixing and components come always).
    MetricsOptions m = options.metrics;
    m.centrality.measures = MeasureSet::none()
                                .add(Measure::degree)
                                .add(Measure::betweenness)
                                .add(Measure::articulation)
                                .add(Measure::communities);
    m.communities = communities;
    metrics = measure_network(community, net, m);
  }
  NamedRow org(uint32_t row) const { return {community.organizations[row].id, community.organizations[row].name}; }
};

// Row of each organization of `from` in `to` (kAbsent when `to` lacks its id).
std::vector<uint32_t> match_organizations(const Community& from, const Community& to) {
  std::vector<uint32_t> row(from.organizations.size(), kAbsent);
  for (size_t i = 0; i < row.size(); ++i)
    if (auto j = to.find_organization(from.organizations[i].id)) row[i] = *j;
  return row;
}

bool by_name(const NamedRow& a, const NamedRow& b) { return std::tie(a.name, a.id) < std::tie(b.name, b.id); }

// ------------------------------------------------------------ organizations and people

void compare_organizations(const Side& b, const Side& a, const std::vector<uint32_t>& b_to_a,
                           const std::vector<uint32_t>& a_to_b, Comparison& out) {
  out.organizations_before = b.community.organizations.size();
  out.organizations_after = a.community.organizations.size();
  out.table_organizations_before = size_t(std::count(b.at_table.begin(), b.at_table.end(), true));
  out.table_organizations_after = size_t(std::count(a.at_table.begin(), a.at_table.end(), true));
  for (uint32_t v = 0; v < b_to_a.size(); ++v) {
    const uint32_t w = b_to_a[v];
    if (w == kAbsent) {
      out.removed.push_back(b.org(v));
    } else if (b.community.organizations[v].name != a.community.organizations[w].name) {
      out.renamed.push_back({b.org(v).id, b.community.organizations[v].name, a.community.organizations[w].name});
    }
    if (b.at_table[v] && (w == kAbsent || !a.at_table[w])) out.left_table.push_back(w == kAbsent ? b.org(v) : a.org(w));
  }
  for (uint32_t w = 0; w < a_to_b.size(); ++w) {
    if (a_to_b[w] == kAbsent) out.added.push_back(a.org(w));
    if (a.at_table[w] && (a_to_b[w] == kAbsent || !b.at_table[a_to_b[w]])) out.joined_table.push_back(a.org(w));
  }
  // A new id carrying the name of an id that is gone.
  std::unordered_map<std::string, std::string> gone_by_name;
  for (const NamedRow& r : out.removed) gone_by_name.emplace(r.name, r.id);
  for (const NamedRow& r : out.added)
    if (auto it = gone_by_name.find(r.name); it != gone_by_name.end())
      out.same_name_new_id.push_back({r.name, it->second, r.id});
  for (auto* list : {&out.removed, &out.added, &out.joined_table, &out.left_table})
    std::sort(list->begin(), list->end(), by_name);
  std::sort(out.renamed.begin(), out.renamed.end(), [](const Renamed& x, const Renamed& y) { return x.id < y.id; });
  std::sort(out.same_name_new_id.begin(), out.same_name_new_id.end(),
            [](const SameNameNewId& x, const SameNameNewId& y) { return x.name < y.name; });
}

PersonChange person_of(const Community& c, const Person& p) {
  PersonChange change{{p.id, p.name}, {}};
  if (p.organization != kNoOrganization)
    change.organization = {c.organizations[size_t(p.organization)].id, c.organizations[size_t(p.organization)].name};
  return change;
}

void compare_people(const Community& b, const Community& a, Comparison& out) {
  out.people_before = b.people.size();
  out.people_after = a.people.size();
  for (const Person& p : b.people) {
    out.table_people_before += p.at_table;
    auto j = a.find_person(p.id);
    if (p.at_table && (!j || !a.people[*j].at_table)) out.people_left_table.push_back(person_of(j ? a : b, j ? a.people[*j] : p));
  }
  for (const Person& p : a.people) {
    out.table_people_after += p.at_table;
    auto i = b.find_person(p.id);
    if (p.at_table && (!i || !b.people[*i].at_table)) out.people_joined_table.push_back(person_of(a, p));
  }
  auto order = [](const PersonChange& x, const PersonChange& y) { return by_name(x.person, y.person); };
  std::sort(out.people_joined_table.begin(), out.people_joined_table.end(), order);
  std::sort(out.people_left_table.begin(), out.people_left_table.end(), order);
}

// ------------------------------------------------------------ sectors and generations

// A gap as the gaps report lists it first: a key sector short of seats, or a
// generation missing or under-represented at the table.
bool is_gap(const SectorRow& s) { return s.required && s.status != GapStatus::ok; }
bool is_gap(const GenerationRow& g) { return g.status == GapStatus::missing || g.status == GapStatus::under; }

void compare_sectors(const GapReport& b, const GapReport& a, Comparison& out) {
  auto find = [](const GapReport& r, const std::string& name) -> const SectorRow* {
    for (const SectorRow& s : r.sectors)
      if (s.name == name) return &s;
    return nullptr;
  };
  std::vector<std::string> names;
  for (const SectorRow& s : a.sectors) names.push_back(s.name);
  for (const SectorRow& s : b.sectors)
    if (!find(a, s.name)) names.push_back(s.name);
  for (const std::string& name : names) {
    const SectorRow* sb = find(b, name);
    const SectorRow* sa = find(a, name);
    SectorSeats row;
    row.sector = name;
    row.required = sa ? sa->required : sb->required;
    if (sb) row.seats_before = sb->seats, row.status_before = sb->status;
    if (sa) row.seats_after = sa->seats, row.status_after = sa->status;
    out.sectors.push_back(row);
    const bool gap_before = sb && is_gap(*sb), gap_after = sa && is_gap(*sa);
    if (gap_before && !gap_after) out.gaps_closed.push_back("sector " + name);
    if (gap_after && !gap_before) out.gaps_opened.push_back("sector " + name);
  }
}

void compare_generations(const GapReport& b, const GapReport& a, Comparison& out) {
  out.residents_before = b.has_residents;
  out.residents_after = a.has_residents;
  out.fit_before = b.generation_fit;
  out.fit_after = a.generation_fit;
  for (size_t i = 0; i < b.generations.size() && i < a.generations.size(); ++i) {
    const GenerationRow& gb = b.generations[i];
    const GenerationRow& ga = a.generations[i];
    out.generations.push_back({ga.generation, gb.at_table, ga.at_table, gb.table_share, ga.table_share,
                               gb.resident_share, ga.resident_share, gb.status, ga.status});
    const std::string label = "generation " + std::string(to_string(ga.generation));
    if (is_gap(gb) && !is_gap(ga)) out.gaps_closed.push_back(label);
    if (is_gap(ga) && !is_gap(gb)) out.gaps_opened.push_back(label);
  }
}

// ------------------------------------------------------------ roles

// (organization id, issue area id, function id) -> agreed, from roles.csv rows.
std::map<std::tuple<std::string, std::string, std::string>, bool> backbone_claims(const Community& c) {
  std::map<std::tuple<std::string, std::string, std::string>, bool> claims;
  for (const Role& r : c.roles) {
    if (r.kind != RoleKind::backbone) continue;
    std::string area = r.issue_area == kNone ? "" : c.profile.issue_areas[size_t(r.issue_area)].id;
    std::string function = r.function == kWholeBackbone ? "" : c.profile.backbone_functions[size_t(r.function)];
    bool& agreed = claims[{c.org_id(r.organization), area, function}];
    agreed = agreed || r.status == RoleStatus::agreed;
  }
  return claims;
}

NamedRow named_org(const Side& a, const Side& b, const std::string& id) {
  if (auto w = a.community.find_organization(id)) return a.org(*w);
  if (auto v = b.community.find_organization(id)) return b.org(*v);
  return {id, id};
}

// (issue area id, outcome or "") -> convener ids, from a RoleReport.
std::set<std::tuple<std::string, std::string, std::string>> conveners(const Side& s) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  const Profile& p = s.community.profile;
  for (const IssueAreaRoles& area : s.roles.issue_areas) {
    const IssueArea& ia = p.issue_areas[size_t(area.issue_area)];
    for (const OutcomeConveners& oc : area.conveners)
      for (const ConvenerTies& c : oc.conveners)
        if (!c.whole_issue_area) out.insert({ia.id, ia.outcomes[size_t(oc.outcome)], s.community.org_id(c.organization)});
    for (const ConvenerTies& c : area.whole_area_conveners) out.insert({ia.id, "", s.community.org_id(c.organization)});
  }
  return out;
}

void compare_roles(const Side& b, const Side& a, Comparison& out) {
  auto before = backbone_claims(b.community), after = backbone_claims(a.community);
  auto claim = [&](const auto& key, bool agreed) {
    return ClaimChange{named_org(a, b, std::get<0>(key)), std::get<1>(key), std::get<2>(key), agreed};
  };
  for (const auto& [key, agreed] : after) {
    auto it = before.find(key);
    if (it == before.end()) out.claims_added.push_back(claim(key, agreed));
    else if (agreed && !it->second) out.claims_now_agreed.push_back(claim(key, agreed));
  }
  for (const auto& [key, agreed] : before)
    if (!after.count(key)) out.claims_dropped.push_back(claim(key, agreed));

  // Coverage of each function of each issue area both years hold.
  const Profile& pb = b.community.profile;
  const Profile& pa = a.community.profile;
  for (const IssueAreaRoles& area_a : a.roles.issue_areas) {
    const IssueArea& ia = pa.issue_areas[size_t(area_a.issue_area)];
    auto ib = pb.find_issue_area(ia.id);
    if (!ib) continue;
    const IssueAreaRoles* area_b = nullptr;
    for (const IssueAreaRoles& r : b.roles.issue_areas)
      if (r.issue_area == *ib) area_b = &r;
    if (!area_b) continue;
    for (const FunctionCoverage& fa : area_a.functions) {
      const std::string& function = pa.backbone_functions[size_t(fa.function)];
      for (const FunctionCoverage& fb : area_b->functions)
        if (pb.backbone_functions[size_t(fb.function)] == function && fb.status != fa.status)
          out.coverage_changed.push_back({ia.id, ia.name, function, fb.status, fa.status});
    }
  }

  auto cb = conveners(b), ca = conveners(a);
  for (const auto& key : ca)
    if (!cb.count(key)) out.conveners_added.push_back({named_org(a, b, std::get<2>(key)), std::get<0>(key), std::get<1>(key)});
  for (const auto& key : cb)
    if (!ca.count(key)) out.conveners_lost.push_back({named_org(a, b, std::get<2>(key)), std::get<0>(key), std::get<1>(key)});

  out.anchor_status_before = b.roles.anchor_status;
  out.anchor_status_after = a.roles.anchor_status;
  for (uint32_t v : b.roles.anchors) out.anchors_before.push_back(b.org(v));
  for (uint32_t v : a.roles.anchors) out.anchors_after.push_back(a.org(v));
}

// ------------------------------------------------------------ ties

// Relationships keyed by the pair of their ends in the newer snapshot's rows
// (ends missing there get rows past its end, so they never match).
struct KeyedRelationship {
  uint64_t key;
  uint32_t relationship;
  bool operator<(const KeyedRelationship& o) const { return key < o.key; }
};

std::vector<KeyedRelationship> keyed(const Network& net, const std::vector<uint32_t>* to_after, uint32_t n_after) {
  std::vector<KeyedRelationship> out;
  out.reserve(net.relationship_count());
  const auto& rels = net.relationships();
  for (uint32_t i = 0; i < rels.size(); ++i) {
    uint64_t x = rels[i].a, y = rels[i].b;
    if (to_after) {
      x = (*to_after)[rels[i].a] == kAbsent ? uint64_t(n_after) + rels[i].a : (*to_after)[rels[i].a];
      y = (*to_after)[rels[i].b] == kAbsent ? uint64_t(n_after) + rels[i].b : (*to_after)[rels[i].b];
    }
    out.push_back({(std::min(x, y) << 32) | std::max(x, y), i});
  }
  std::sort(out.begin(), out.end());
  return out;
}

TieChange tie_change(const Side& s, const Relationship& r) {
  NamedRow x = s.org(r.a), y = s.org(r.b);
  if (y.id < x.id) std::swap(x, y);
  TieChange t;
  t.source = x;
  t.target = y;
  t.cross_sector = s.community.organizations[r.a].sector != s.community.organizations[r.b].sector;
  return t;
}

void compare_ties(const Side& b, const Side& a, const std::vector<uint32_t>& b_to_a, Comparison& out) {
  out.ties_before = b.net.relationship_count();
  out.ties_after = a.net.relationship_count();
  const uint32_t n_after = a.net.organization_count();
  std::vector<KeyedRelationship> kb = keyed(b.net, &b_to_a, n_after), ka = keyed(a.net, nullptr, n_after);
  size_t i = 0, j = 0;
  while (i < kb.size() || j < ka.size()) {
    if (j == ka.size() || (i < kb.size() && kb[i].key < ka[j].key)) {
      const Relationship& r = b.net.relationships()[kb[i++].relationship];
      TieChange t = tie_change(b, r);
      t.strength_before = r.strength;
      t.confirmed_before = r.confirmed;
      out.ties_removed.push_back(t);
    } else if (i == kb.size() || ka[j].key < kb[i].key) {
      const Relationship& r = a.net.relationships()[ka[j++].relationship];
      TieChange t = tie_change(a, r);
      t.strength_after = r.strength;
      t.confirmed_after = r.confirmed;
      out.ties_added.push_back(t);
    } else {
      const Relationship& rb = b.net.relationships()[kb[i++].relationship];
      const Relationship& ra = a.net.relationships()[ka[j++].relationship];
      if (rb.strength == ra.strength && rb.confirmed == ra.confirmed) continue;
      TieChange t = tie_change(a, ra);
      t.strength_before = rb.strength;
      t.strength_after = ra.strength;
      t.confirmed_before = rb.confirmed;
      t.confirmed_after = ra.confirmed;
      if (ra.strength > rb.strength) out.ties_strengthened.push_back(t);
      if (ra.strength < rb.strength) out.ties_weakened.push_back(t);
      if (ra.confirmed && !rb.confirmed) out.ties_newly_confirmed.push_back(t);
    }
  }
  auto order = [](const TieChange& x, const TieChange& y) {
    return std::tie(x.source.name, x.target.name, x.source.id, x.target.id) <
           std::tie(y.source.name, y.target.name, y.source.id, y.target.id);
  };
  for (auto* list : {&out.ties_added, &out.ties_removed, &out.ties_strengthened, &out.ties_weakened,
                     &out.ties_newly_confirmed})
    std::sort(list->begin(), list->end(), order);
  out.cross_sector_before = b.metrics.summary.sector_mix.external;
  out.cross_sector_after = a.metrics.summary.sector_mix.external;
  out.ei_before = b.metrics.summary.sector_mix.ei();
  out.ei_after = a.metrics.summary.sector_mix.ei();
}

// ------------------------------------------------------------ structure

void compare_measures(const NetworkSummary& b, const NetworkSummary& a, Comparison& out) {
  auto add = [&](const char* key, const char* label, double before, double after, bool whole) {
    out.network.push_back({key, label, before, after, whole});
  };
  auto largest = [](const NetworkSummary& s) { return s.component_sizes.empty() ? 0.0 : double(s.component_sizes[0]); };
  add("organizations", "organizations", b.organizations, a.organizations, true);
  add("ties", "ties (related pairs)", double(b.ties), double(a.ties), true);
  add("components", "separate parts (components)", double(b.component_sizes.size()), double(a.component_sizes.size()), true);
  add("largest_component", "largest part", largest(b), largest(a), true);
  add("isolates", "organizations without any tie", b.isolates, a.isolates, true);
  add("density", "density", b.density, a.density, false);
  add("degree_centralization", "centralization (degree)", b.degree_centralization, a.degree_centralization, false);
  add("communities", "communities (Louvain)", b.communities, a.communities, true);
  add("modularity", "modularity", b.modularity, a.modularity, false);
  add("cross_sector_ties", "cross-sector ties", double(b.sector_mix.external), double(a.sector_mix.external), true);
  add("ei_index", "E-I index by sector", b.sector_mix.ei(), a.sector_mix.ei(), false);
  add("single_points_of_failure", "single points of failure", b.articulation_points, a.articulation_points, true);
  add("bridges", "ties that alone hold parts together (bridges)", b.bridges, a.bridges, true);
}

// Members (rows) of each silo.
std::vector<std::vector<uint32_t>> silo_members(const NetworkMetrics& m) {
  std::vector<uint32_t> silo_of(m.communities.sizes.size(), kAbsent);
  for (size_t s = 0; s < m.silos.size(); ++s) silo_of[m.silos[s].community] = uint32_t(s);
  std::vector<std::vector<uint32_t>> members(m.silos.size());
  for (uint32_t v = 0; v < m.communities.community.size(); ++v) {
    const uint32_t c = m.communities.community[v];
    if (c < silo_of.size() && silo_of[c] != kAbsent) members[silo_of[c]].push_back(v);
  }
  return members;
}

// Silos of `from` without a counterpart in `to`: a silo of `to` holding at
// least half of the larger of the two (matched by organization id).
std::vector<SiloChange> unmatched_silos(const Side& from, const Side& to, const std::vector<uint32_t>& from_to,
                                        size_t listed) {
  const auto members_from = silo_members(from.metrics), members_to = silo_members(to.metrics);
  std::vector<uint32_t> silo_in_to(to.net.organization_count(), kAbsent);
  for (uint32_t s = 0; s < members_to.size(); ++s)
    for (uint32_t v : members_to[s]) silo_in_to[v] = s;
  std::vector<SiloChange> out;
  for (size_t s = 0; s < members_from.size(); ++s) {
    std::unordered_map<uint32_t, size_t> shared;
    for (uint32_t v : members_from[s])
      if (from_to[v] != kAbsent && silo_in_to[from_to[v]] != kAbsent) ++shared[silo_in_to[from_to[v]]];
    bool matched = false;
    for (auto [t, count] : shared)
      if (2 * count >= std::max(members_from[s].size(), members_to[t].size())) matched = true;
    if (matched) continue;
    SiloChange change;
    change.organizations = from.metrics.silos[s].organizations;
    for (SectorId sector : from.metrics.silos[s].sectors) change.sectors.push_back(from.community.sector_name(sector));
    for (uint32_t v : members_from[s]) change.members.push_back(from.org(v));
    std::sort(change.members.begin(), change.members.end(), by_name);
    if (change.members.size() > listed) change.members.resize(listed);
    out.push_back(std::move(change));
  }
  return out;
}

void compare_structure(const Side& b, const Side& a, const std::vector<uint32_t>& b_to_a,
                       const std::vector<uint32_t>& a_to_b, const CompareOptions& options, Comparison& out) {
  compare_measures(b.metrics.summary, a.metrics.summary, out);
  out.silos_before = b.metrics.silos.size();
  out.silos_after = a.metrics.silos.size();
  out.silos_formed = unmatched_silos(a, b, a_to_b, options.silo_members_listed);
  out.silos_dissolved = unmatched_silos(b, a, b_to_a, options.silo_members_listed);

  const auto& art_b = b.metrics.cuts.articulation;
  const auto& art_a = a.metrics.cuts.articulation;
  for (uint32_t w = 0; w < art_a.size(); ++w)
    if (art_a[w] && (a_to_b[w] == kAbsent || !art_b[a_to_b[w]])) out.single_points_appeared.push_back(a.org(w));
  for (uint32_t v = 0; v < art_b.size(); ++v)
    if (art_b[v] && (b_to_a[v] == kAbsent || !art_a[b_to_a[v]]))
      out.single_points_gone.push_back(b_to_a[v] == kAbsent ? b.org(v) : a.org(b_to_a[v]));
  std::sort(out.single_points_appeared.begin(), out.single_points_appeared.end(), by_name);
  std::sort(out.single_points_gone.begin(), out.single_points_gone.end(), by_name);

  // Betweenness of organizations in both years, the largest moves each way.
  const auto& bb = b.metrics.centrality.paths.betweenness_norm;
  const auto& ba = a.metrics.centrality.paths.betweenness_norm;
  const PathMeasures& pb = b.metrics.centrality.paths;
  const PathMeasures& pa = a.metrics.centrality.paths;
  out.betweenness_estimated = pb.betweenness_sampled || pb.sampled || pa.betweenness_sampled || pa.sampled;
  out.betweenness_error = std::max(pb.betweenness_error, pa.betweenness_error);
  out.betweenness_confidence = out.betweenness_error > 0 ? std::min(pb.confidence, pa.confidence) : 0;
  // A move within both estimates' error may be no move at all; an exact value
  // summed in another row order differs in its last bits (no move either).
  const double noise = std::max(pb.betweenness_error + pa.betweenness_error, 1e-9);
  std::vector<BetweennessChange> moves;
  for (uint32_t v = 0; v < b_to_a.size(); ++v)
    if (b_to_a[v] != kAbsent && std::abs(bb[v] - ba[b_to_a[v]]) > noise)
      moves.push_back({a.org(b_to_a[v]), bb[v], ba[b_to_a[v]]});
  auto rise = [](const BetweennessChange& x) { return x.after - x.before; };
  std::sort(moves.begin(), moves.end(), [&](const BetweennessChange& x, const BetweennessChange& y) {
    return rise(x) != rise(y) ? rise(x) > rise(y) : x.organization.id < y.organization.id;
  });
  for (const BetweennessChange& m : moves)
    if (rise(m) > 0 && out.betweenness_rose.size() < options.betweenness_listed) out.betweenness_rose.push_back(m);
  for (auto it = moves.rbegin(); it != moves.rend(); ++it)
    if (rise(*it) < 0 && out.betweenness_fell.size() < options.betweenness_listed) out.betweenness_fell.push_back(*it);
}

// ------------------------------------------------------------ the board's sentences

std::string list_words(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
  return out;
}

std::string count_of(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Mean position of the people at the table on the oldest-first generation scale.
double mean_generation(const std::vector<GenerationShift>& gens, bool after) {
  double sum = 0, people = 0;
  for (size_t i = 0; i < gens.size(); ++i) {
    const double k = double(after ? gens[i].at_table_after : gens[i].at_table_before);
    sum += k * double(i);
    people += k;
  }
  return people > 0 ? sum / people : NAN;
}

void write_headline(Comparison& c) {
  auto& h = c.headline;
  h.push_back(fmt::format("The table went from {} to {} organizations ({} joined, {} left) and from {} to {} people.",
                          c.table_organizations_before, c.table_organizations_after, c.joined_table.size(),
                          c.left_table.size(), c.table_people_before, c.table_people_after));
  std::vector<std::string> gained, lost;
  for (const SectorSeats& s : c.sectors) {
    if (!s.required) continue;
    if (s.seats_after > s.seats_before) gained.push_back(s.sector);
    if (s.seats_after < s.seats_before) lost.push_back(s.sector);
  }
  if (!gained.empty())
    h.push_back(fmt::format("{} gained seats ({}).", count_of(gained.size(), "key sector", "key sectors"), list_words(gained)));
  if (!lost.empty())
    h.push_back(fmt::format("{} lost seats ({}).", count_of(lost.size(), "key sector", "key sectors"), list_words(lost)));
  if (!c.gaps_closed.empty()) h.push_back("Gaps closed: " + list_words(c.gaps_closed) + ".");
  if (!c.gaps_opened.empty()) h.push_back("Gaps opened: " + list_words(c.gaps_opened) + ".");
  // One sentence per issue area and change of status, naming its functions.
  std::vector<bool> told(c.coverage_changed.size(), false);
  for (size_t i = 0; i < c.coverage_changed.size(); ++i) {
    if (told[i]) continue;
    const CoverageChange& f = c.coverage_changed[i];
    std::vector<std::string> functions;
    for (size_t k = i; k < c.coverage_changed.size(); ++k) {
      const CoverageChange& g = c.coverage_changed[k];
      if (!told[k] && g.issue_area == f.issue_area && g.before == f.before && g.after == f.after) {
        functions.push_back(g.function);
        told[k] = true;
      }
    }
    const std::string what = fmt::format("The {} function{} of {}", list_words(functions),
                                         functions.size() == 1 ? "" : "s", f.issue_area_name);
    const char* is = functions.size() == 1 ? "is" : "are";
    if (f.before == CoverageStatus::contested)
      h.push_back(fmt::format("{} {} no longer contested (now {}).", what, is, to_string(f.after)));
    else if (f.after == CoverageStatus::contested)
      h.push_back(fmt::format("{} became contested (was {}).", what, to_string(f.before)));
    else if (f.before == CoverageStatus::uncovered)
      h.push_back(fmt::format("{} {} now {} (was uncovered).", what, is, to_string(f.after)));
    else if (f.after == CoverageStatus::uncovered)
      h.push_back(fmt::format("{} {} played by nobody any more.", what, is));
    else
      h.push_back(fmt::format("{} {} now {} (was {}).", what, is, to_string(f.after), to_string(f.before)));
  }
  const double age_before = mean_generation(c.generations, false), age_after = mean_generation(c.generations, true);
  if (std::isfinite(age_before) && std::isfinite(age_after) && std::abs(age_after - age_before) >= 0.05)
    h.push_back(fmt::format("The table is {} than {}.", age_after < age_before ? "older" : "younger",
                            c.year_before > 0 ? fmt::format("in {}", c.year_before) : std::string("before")));
  if (c.cross_sector_after != c.cross_sector_before)
    h.push_back(fmt::format("Cross-sector ties {} from {} to {}.", c.cross_sector_after > c.cross_sector_before ? "rose" : "fell",
                            c.cross_sector_before, c.cross_sector_after));
  if (!c.silos_dissolved.empty() || !c.silos_formed.empty())
    h.push_back(fmt::format("Silos: {} dissolved, {} formed ({} now, {} before).", c.silos_dissolved.size(),
                            c.silos_formed.size(), c.silos_after, c.silos_before));
  if (!c.single_points_appeared.empty() || !c.single_points_gone.empty())
    h.push_back(fmt::format("Single points of failure: {} appeared, {} went away.", c.single_points_appeared.size(),
                            c.single_points_gone.size()));
}

// Both years at once, on two threads. The later year's communities start
// from the earlier year's, matched by id (an organization new to it starts
// alone), so that silos formed or dissolved are the network's change and not
// two runs of Louvain finding different groupings of one network. The earlier
// year finds its communities first; the later year's gaps, roles and other
// measures run meanwhile.
void analyze_both(Side& b, Side& a, const std::vector<uint32_t>& a_to_b, const CompareOptions& options) {
  std::promise<std::vector<uint32_t>> b_communities;
  std::shared_future<std::vector<uint32_t>> b_found = b_communities.get_future().share();
  CommunityOptions earlier = options.metrics.communities, later = options.metrics.communities;
  // One Louvain run per year: the two years already take both cores.
  earlier.tries = later.tries = 1;
  earlier.start = nullptr;
  earlier.found = [&](const CommunityReport& r) { b_communities.set_value(r.community); };
  later.found = nullptr;
  later.start = [&, b_found] {
    const std::vector<uint32_t>& before = b_found.get();
    const uint32_t groups = before.empty() ? 0 : *std::max_element(before.begin(), before.end()) + 1;
    std::vector<uint32_t> start(a_to_b.size());
    for (uint32_t w = 0; w < start.size(); ++w)
      start[w] = a_to_b[w] == kAbsent || before.empty() ? groups + w : before[a_to_b[w]];
    return start;
  };
  // The later year must never wait for communities that will not come (a no-op once handed on).
  auto none_coming = [&] {
    try {
      b_communities.set_value({});
    } catch (const std::future_error&) {
    }
  };
  run_both(
      [&] {
        try {
          b.measure(options, earlier);  // hands its communities on as soon as they are found
        } catch (...) {
          none_coming();
          throw;
        }
        none_coming();
      },
      // Both years' gaps and roles (read-only on the networks) while the earlier year's communities are found.
      [&] {
        a.judge();
        b.judge();
        a.measure(options, later);
      });
}

}  // namespace

Comparison compare_communities(const Community& before, const Community& after, const CompareOptions& options) {
  Comparison out;
  out.community_before = before.profile.name;
  out.community_after = after.profile.name;
  out.year_before = before.profile.year;
  out.year_after = after.profile.year;
  std::optional<Side> b_side, a_side;
  std::vector<uint32_t> b_to_a, a_to_b;
  run_both(
      [&] {
        b_side.emplace(before);
        b_to_a = match_organizations(before, after);
      },
      [&] {
        a_side.emplace(after);
        a_to_b = match_organizations(after, before);
      });
  Side& b = *b_side;
  Side& a = *a_side;
  analyze_both(b, a, a_to_b, options);
  compare_organizations(b, a, b_to_a, a_to_b, out);
  compare_people(before, after, out);
  compare_sectors(b.gaps, a.gaps, out);
  compare_generations(b.gaps, a.gaps, out);
  compare_roles(b, a, out);
  compare_ties(b, a, b_to_a, out);
  compare_structure(b, a, b_to_a, a_to_b, options, out);
  write_headline(out);
  return out;
}

}  // namespace tablemap
