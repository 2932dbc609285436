#include "analysis/gaps.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analysis/invite_plan.hpp"
#include "analysis/report_text.hpp"
#include "analysis/roles.hpp"

namespace tablemap {

std::string_view to_string(GapStatus s) {
  switch (s) {
    case GapStatus::missing: return "missing";
    case GapStatus::under: return "under";
    case GapStatus::ok: return "ok";
    case GapStatus::over: return "over";
  }
  return "ok";
}

std::string_view to_string(FitVerdict v) {
  switch (v) {
    case FitVerdict::no_test: return "no_test";
    case FitVerdict::too_few: return "too_few";
    case FitVerdict::differs: return "differs";
    case FitVerdict::within_chance: return "within_chance";
  }
  return "no_test";
}

bool GapReport::ready() const {
  return std::all_of(readiness.begin(), readiness.end(), [](const ReadinessCheck& c) { return c.pass; });
}

std::string gap_label(const GapRef& gap, const GapReport& report) {
  if (gap.kind == GapRef::Kind::sector) return "sector:" + report.sectors[gap.index].name;
  return "generation:" + std::string(to_string(Generation(gap.index)));
}

namespace {

// A candidate while ranking: 16 bytes, so that a million of them stay cheap;
// only the shown ones become full Candidates.
struct Pick {
  uint32_t index = 0;
  uint32_t ties_to_table = 0;
  uint32_t tie_strength = 0;
  Candidate::Kind kind = Candidate::Kind::organization;
};

template <class C>
const std::string& candidate_name(const C& c, const Community& community) {
  return c.kind == Candidate::Kind::organization ? community.organizations[c.index].name
                                                 : community.people[c.index].name;
}
template <class C>
const std::string& candidate_id(const C& c, const Community& community) {
  return c.kind == Candidate::Kind::organization ? community.organizations[c.index].id
                                                 : community.people[c.index].id;
}

template <class C>
bool rank_less(const C& a, const C& b, const Community& community) {
  if (a.ties_to_table != b.ties_to_table) return a.ties_to_table > b.ties_to_table;
  if (a.tie_strength != b.tie_strength) return a.tie_strength > b.tie_strength;
  const std::string& an = candidate_name(a, community);
  const std::string& bn = candidate_name(b, community);
  if (an != bn) return an < bn;
  const std::string& ai = candidate_id(a, community);
  const std::string& bi = candidate_id(b, community);
  if (ai != bi) return ai < bi;
  return a.kind < b.kind;
}

// Ties of every organization to the organizations at the table: O(relationships).
// `unconfirmed` counts those a survey heard from one side only.
struct TableReach {
  std::vector<uint32_t> ties, strength, unconfirmed;
};
TableReach reach_of(const Network& net, const std::vector<bool>& at_table) {
  const uint32_t n = net.organization_count();
  TableReach r{std::vector<uint32_t>(n, 0), std::vector<uint32_t>(n, 0), std::vector<uint32_t>(n, 0)};
  const uint32_t* off = net.offsets();
  const uint32_t* tgt = net.targets();
  for (uint32_t v = 0; v < n; ++v)
    for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc)
      if (at_table[tgt[arc]]) {
        const auto& tie = net.relationships()[net.arc_relationship(arc)];
        ++r.ties[v];
        r.strength[v] += tie.strength;
        if (!tie.confirmed) ++r.unconfirmed[v];
      }
  return r;
}

// The organization whose ties a candidate brings: itself, or a person's own (-1: none).
int64_t organization_of(Candidate::Kind kind, uint32_t index, const Community& c) {
  return kind == Candidate::Kind::organization ? int64_t(index) : int64_t(c.people[index].organization);
}

Pick light_candidate(Candidate::Kind kind, uint32_t index, const Community& c, const TableReach& reach) {
  Pick out;
  out.kind = kind;
  out.index = index;
  const int64_t org = organization_of(kind, index, c);
  if (org >= 0 && size_t(org) < reach.ties.size()) {
    out.ties_to_table = reach.ties[size_t(org)];
    out.tie_strength = reach.strength[size_t(org)];
  }
  return out;
}

// Keeps the best `keep` candidates, sorted, and fills in their names and contacts.
std::vector<Candidate> keep_best(std::vector<Pick>& picks, size_t keep, const Community& c, const TableReach& reach,
                                 const std::vector<std::vector<uint32_t>>& contacts_of_org,
                                 const std::vector<int32_t>& contact_slot) {
  auto better = [&](const Pick& a, const Pick& b) { return rank_less(a, b, c); };
  const size_t k = std::min(keep, picks.size());
  std::partial_sort(picks.begin(), picks.begin() + ptrdiff_t(k), picks.end(), better);
  std::vector<Candidate> list(k);
  for (size_t i = 0; i < k; ++i) {
    Candidate& cand = list[i];
    cand.kind = picks[i].kind;
    cand.index = picks[i].index;
    cand.ties_to_table = picks[i].ties_to_table;
    cand.tie_strength = picks[i].tie_strength;
    const int64_t org = organization_of(cand.kind, cand.index, c);
    if (org >= 0 && size_t(org) < reach.unconfirmed.size()) cand.unconfirmed_ties = reach.unconfirmed[size_t(org)];
    cand.id = candidate_id(cand, c);
    cand.name = candidate_name(cand, c);
    if (cand.kind == Candidate::Kind::organization) {
      const Organization& o = c.organizations[cand.index];
      cand.sector = c.sector_name(o.sector);
      if (contact_slot[cand.index] >= 0)
        for (uint32_t p : contacts_of_org[size_t(contact_slot[cand.index])]) {
          cand.contacts.push_back(c.people[p].id);
          cand.contact_names.push_back(c.people[p].name);
        }
    } else {
      const Person& p = c.people[cand.index];
      cand.sector = c.sector_name(p.sector);
      if (p.generation_known) cand.generation = p.generation;
      if (p.organization != kNoOrganization) {
        cand.organization = c.organizations[size_t(p.organization)].id;
        cand.organization_name = org_name(c, uint32_t(p.organization));
      }
    }
  }
  return list;
}

// True while a generation with `at` of `people` at the table is under the floor.
bool below_floor(int64_t at, int64_t people, double resident_share, double floor) {
  if (people == 0) return true;
  return (double(at) / double(people)) / resident_share < floor;
}

// People of a generation to invite so that it is no longer missing or under,
// assuming only they join. Closed form, then corrected for rounding.
int64_t people_needed(int64_t at, int64_t people, double share, double floor) {
  const int64_t least = at == 0 ? 1 : 0;
  const double fp = floor * share;
  if (fp >= 1) return least;
  int64_t k = std::max<int64_t>(least, int64_t(std::ceil((fp * double(people) - double(at)) / (1 - fp))) - 1);
  while (below_floor(at + k, people + k, share, floor)) ++k;
  return std::max(k, least);
}

void add_readiness(GapReport& r, const Community& c, const Network& net) {
  // 1. Key sectors.
  {
    std::vector<std::string> missing, under;
    size_t required = 0;
    for (const SectorRow& s : r.sectors) {
      if (!s.required) continue;
      ++required;
      if (s.status == GapStatus::missing) missing.push_back(s.name);
      if (s.status == GapStatus::under) under.push_back(fmt::format("{} ({} of {} seats)", s.name, s.seats, s.min_seats));
    }
    ReadinessCheck check{"The table spans all key sectors", missing.empty() && under.empty(), ""};
    if (check.pass) {
      check.evidence = fmt::format("all {} key sectors have at least {} seat{}", required, r.min_per_required_sector,
                                   r.min_per_required_sector == 1 ? "" : "s");
    } else {
      std::vector<std::string> parts;
      if (!missing.empty()) parts.push_back("no seat for " + join(missing));
      if (!under.empty()) parts.push_back("too few seats for " + join(under));
      check.evidence = join(parts, "; ");
    }
    r.readiness.push_back(std::move(check));
  }
  // 2. Generations: the seated ones (seated_generations); the others are served, never missing.
  {
    std::vector<std::string> missing, under, seated_names;
    for (const GenerationRow& g : r.generations) {
      if (!g.seated) continue;
      seated_names.emplace_back(to_string(g.generation));
      if (g.status == GapStatus::missing) missing.push_back(std::string(to_string(g.generation)));
      if (g.status == GapStatus::under) under.push_back(std::string(to_string(g.generation)));
    }
    ReadinessCheck check{"The table spans all generations", missing.empty(), ""};
    check.evidence = missing.empty()
                         ? fmt::format("every seated generation ({}) has someone at the table", join_and(seated_names))
                         : "nobody at the table from " + join_and(missing);
    if (!under.empty()) check.evidence += "; under-represented: " + join_and(under);
    r.readiness.push_back(std::move(check));
  }
  // 3. Backbone: the verdict of the roles analysis, so that gaps, roles and the map agree.
  {
    const BackboneVerdict verdict = identified_backbone(analyze_roles(c, net), c);
    r.readiness.push_back({"An identified backbone", verdict.pass, verdict.evidence});
  }
  // 4. Anchor, from roles.csv (one entry per organization).
  std::vector<int32_t> anchor_slot(c.organizations.size(), -1);
  struct Claim {
    uint32_t org;
    bool agreed = false;
  };
  std::vector<Claim> anchor;
  for (const Role& role : c.roles) {
    if (role.organization >= c.organizations.size() || role.kind != RoleKind::anchor) continue;
    if (anchor_slot[role.organization] < 0) {
      anchor_slot[role.organization] = int32_t(anchor.size());
      anchor.push_back({role.organization, false});
    }
    Claim& claim = anchor[size_t(anchor_slot[role.organization])];
    claim.agreed = claim.agreed || role.status == RoleStatus::agreed;
  }
  auto describe = [&](const Claim& claim) {
    return org_name(c, claim.org) + (claim.agreed ? " (agreed)" : " (claimed)");
  };
  {
    ReadinessCheck check{"An anchor entity", anchor.size() == 1, ""};
    std::vector<std::string> names;
    for (const Claim& claim : anchor) names.push_back(describe(claim));
    if (anchor.empty())
      check.evidence = "no organization is named anchor in roles.csv (where backbone staff sit, the fiscal agent)";
    else if (anchor.size() == 1)
      check.evidence = "anchor: " + names.front();
    else
      check.evidence = fmt::format("{} organizations hold the anchor role: {}; a partnership should agree on one",
                                   anchor.size(), join(names, "; "));
    r.readiness.push_back(std::move(check));
  }
}

// A p-value of 0.05 or more on a table so small that some seated generation
// would be expected to have under kFitMinExpected people at it is no evidence
// of a good mix (its absence is likely by chance): say "too few to tell". A
// p-value under 0.05 stands at any size (the exact test keeps its level).
void judge_fit(GapReport& r) {
  FitTest& fit = r.generation_fit;
  if (fit.test == "none") {
    r.fit_verdict = FitVerdict::no_test;
    return;
  }
  r.fit_min_expected = -1;
  for (const GenerationRow& g : r.generations) {
    if (!g.seated || !g.resident_share || *g.resident_share <= 0) continue;
    const double expected = double(fit.people) * *g.resident_share;
    if (r.fit_min_expected < 0 || expected < r.fit_min_expected) {
      r.fit_min_expected = expected;
      r.fit_smallest_generation = std::string(to_string(g.generation));
    }
  }
  if (fit.p_value >= 0.05 && r.fit_min_expected < kFitMinExpected) {
    r.fit_verdict = FitVerdict::too_few;
    fit.note = fmt::format("too few people at the table to tell: with {} a table drawn at random from the residents "
                           "would have {:.1f} {} (fewer than {:.0f}), so p = {:.3g} says nothing about the mix; "
                           "read the rows above instead",
                           count_of(fit.people, "person", "people"), r.fit_min_expected, r.fit_smallest_generation,
                           kFitMinExpected, fit.p_value);
    return;
  }
  r.fit_verdict = fit.p_value < 0.05 ? FitVerdict::differs : FitVerdict::within_chance;
}

// Organizations that serve each unseated generation: at the table first, then by name.
void add_served_by(GapReport& r, const Community& c, const std::vector<bool>& org_at, size_t keep) {
  for (GenerationRow& row : r.generations) {
    if (row.seated) continue;
    std::vector<uint32_t> orgs;
    for (uint32_t i = 0; i < c.organizations.size(); ++i)
      if (contains(c.organizations[i].generations_served, row.generation)) orgs.push_back(i);
    row.served_by_count = orgs.size();
    const size_t k = std::min(keep, orgs.size());
    std::partial_sort(orgs.begin(), orgs.begin() + ptrdiff_t(k), orgs.end(), [&](uint32_t a, uint32_t b) {
      if (org_at[a] != org_at[b]) return bool(org_at[a]);
      return org_name(c, a) < org_name(c, b);
    });
    orgs.resize(k);
    row.served_by = orgs;
    row.served_by_names = org_names(c, orgs);
  }
}

}  // namespace

bool ranks_before(const Candidate& a, const Candidate& b, const Community& community) {
  return rank_less(a, b, community);
}

GapReport analyze_gaps(const Community& c, const Network& net, const GapOptions& options) {
  const Profile& profile = c.profile;
  const auto& orgs = c.organizations.rows();
  const auto& people = c.people.rows();
  const size_t sector_count = profile.sectors.size();

  GapReport r;
  r.community = profile.name;
  r.min_per_required_sector = profile.thresholds.min_per_required_sector;
  r.generation_ratio_floor = profile.thresholds.generation_ratio_floor;
  r.has_residents = profile.has_residents && profile.total_residents() > 0;

  const std::vector<bool> org_at = c.organizations_at_table();
  std::vector<int64_t> seats(sector_count, 0), people_at(sector_count, 0), orgs_in(sector_count, 0),
      secondary_only(sector_count, 0);
  r.sector_generation.assign(sector_count, {});
  std::array<int64_t, kGenerationCount> at_by_generation{};

  for (size_t i = 0; i < orgs.size(); ++i) {
    const Organization& o = orgs[i];
    ++orgs_in[o.sector];
    if (org_at[i]) {
      ++r.table.organizations;
      ++seats[o.sector];
    }
    for (size_t k = 0; k < o.secondary_sectors.size(); ++k) {
      SectorId s = o.secondary_sectors[k];
      if (s == o.sector || s >= sector_count) continue;
      if (std::find(o.secondary_sectors.begin(), o.secondary_sectors.begin() + ptrdiff_t(k), s) !=
          o.secondary_sectors.begin() + ptrdiff_t(k))
        continue;  // named twice
      ++secondary_only[s];
    }
  }
  for (const Person& p : people) {
    if (!p.at_table) continue;
    TableSummary& t = r.table;
    ++t.people;
    ++(p.formal_leader ? t.formal_leaders : t.informal_leaders);
    ++(p.resident ? t.residents : t.non_residents);
    ++people_at[p.sector];
    if (p.generation_known) {  // an unknown generation counts as a person, in no generation share
      ++at_by_generation[size_t(p.generation)];
      ++r.sector_generation[p.sector][size_t(p.generation)];
    } else {
      ++t.unknown_generation;
      t.unknown_generation_people.push_back(
          {p.id, p.name, p.organization == kNoOrganization ? std::string() : orgs[size_t(p.organization)].name});
    }
    if (p.organization == kNoOrganization) {
      ++t.unaffiliated;
      ++seats[p.sector];  // an unaffiliated person is a seat for their own sector
    } else {
      ++t.affiliated;
    }
  }
  {
    std::vector<bool> has_person(orgs.size(), false);
    for (const Person& p : people)
      if (p.at_table && p.organization != kNoOrganization && size_t(p.organization) < orgs.size())
        has_person[size_t(p.organization)] = true;
    for (size_t i = 0; i < orgs.size(); ++i)
      if (org_at[i]) ++(has_person[i] ? r.table.organizations_with_people : r.table.organizations_without_people);
  }

  // Sectors.
  for (size_t s = 0; s < sector_count; ++s) {
    SectorRow row;
    row.sector = SectorId(s);
    row.name = profile.sectors[s];
    row.required = profile.is_required(SectorId(s));
    row.min_seats = row.required ? std::max(1, r.min_per_required_sector) : 1;
    row.seats = seats[s];
    row.people_at_table = people_at[s];
    row.organizations = orgs_in[s];
    row.secondary_only = secondary_only[s];
    row.status = row.seats == 0 ? GapStatus::missing : row.seats < row.min_seats ? GapStatus::under : GapStatus::ok;
    r.sectors.push_back(std::move(row));

    const auto& gens = r.sector_generation[s];
    auto top = std::max_element(gens.begin(), gens.end());
    if (people_at[s] >= 2 && *top == people_at[s])
      r.single_generation_sectors.push_back({SectorId(s), profile.sectors[s], Generation(top - gens.begin()), *top});
  }

  // Generations: the seated ones against the seated residents; the others are served.
  r.seated_generations = profile.seated_generations;
  auto seated = [&](Generation g) { return contains(profile.seated_generations, g); };
  int64_t seated_residents = 0, seated_at_table = 0;
  for (Generation g : kAllGenerations)
    if (seated(g)) {
      seated_residents += profile.residents[size_t(g)];
      seated_at_table += at_by_generation[size_t(g)];
    }
  const bool shares_known = r.has_residents && seated_residents > 0;
  const double floor = r.generation_ratio_floor;
  std::vector<int64_t> fit_counts;
  std::vector<double> fit_shares;
  for (Generation g : kAllGenerations) {
    GenerationRow row;
    row.generation = g;
    row.seated = seated(g);
    row.at_table = at_by_generation[size_t(g)];
    if (!row.seated) {
      if (r.has_residents) row.residents = profile.residents[size_t(g)];
      r.generations.push_back(std::move(row));
      continue;
    }
    row.table_share = seated_at_table ? double(row.at_table) / double(seated_at_table) : 0.0;
    if (shares_known) {
      row.residents = profile.residents[size_t(g)];
      row.resident_share = double(*row.residents) / double(seated_residents);
      fit_counts.push_back(row.at_table);
      fit_shares.push_back(*row.resident_share);
      if (*row.residents == 0) {
        row.status = row.at_table ? GapStatus::over : GapStatus::ok;  // nobody to represent
      } else {
        row.ratio = row.table_share / *row.resident_share;
        if (row.at_table == 0)
          row.status = GapStatus::missing;
        else if (*row.ratio < floor)
          row.status = GapStatus::under;
        else if (floor > 0 && *row.ratio > 1.0 / floor)
          row.status = GapStatus::over;
        else
          row.status = GapStatus::ok;
        if (row.status == GapStatus::missing || row.status == GapStatus::under)
          row.needed = people_needed(row.at_table, seated_at_table, *row.resident_share, floor);
      }
    } else {
      row.status = row.at_table ? GapStatus::ok : GapStatus::missing;
      row.needed = row.at_table ? 0 : 1;
    }
    r.generations.push_back(std::move(row));
  }
  if (shares_known) {
    r.generation_fit = goodness_of_fit(fit_counts, fit_shares);
    judge_fit(r);
  } else {
    r.generation_fit.test = "none";
    r.generation_fit.people = seated_at_table;
    r.generation_fit.note = "the profile gives no resident counts per generation: only presence is checked";
  }
  add_served_by(r, c, org_at, options.max_candidates);

  // Candidates: organizations and people outside the table who would close a gap.
  const TableReach reach = reach_of(net, org_at);
  auto sector_gap = [&](SectorId s) { return s < sector_count && r.sectors[s].status != GapStatus::ok; };
  auto generation_gap = [&](Generation g) {
    if (!r.generations[size_t(g)].seated) return false;
    GapStatus st = r.generations[size_t(g)].status;
    return st == GapStatus::missing || st == GapStatus::under;
  };
  std::vector<std::vector<Pick>> sector_lists(sector_count), generation_lists(kGenerationCount);
  for (uint32_t i = 0; i < orgs.size(); ++i)
    if (!org_at[i] && sector_gap(orgs[i].sector))
      sector_lists[orgs[i].sector].push_back(light_candidate(Candidate::Kind::organization, i, c, reach));
  for (uint32_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    if (p.at_table) continue;
    if (p.organization == kNoOrganization && sector_gap(p.sector))
      sector_lists[p.sector].push_back(light_candidate(Candidate::Kind::person, i, c, reach));
    if (p.generation_known && generation_gap(p.generation))
      generation_lists[size_t(p.generation)].push_back(light_candidate(Candidate::Kind::person, i, c, reach));
  }
  // A generation with nobody outside the table (children, often) is reached
  // through the organizations that serve it.
  GenerationSet through_orgs = 0;
  for (Generation g : kAllGenerations)
    if (generation_gap(g) && generation_lists[size_t(g)].empty()) {
      through_orgs = with(through_orgs, g);
      r.generations[size_t(g)].through_organizations = true;
    }
  if (through_orgs)
    for (uint32_t i = 0; i < orgs.size(); ++i)
      if (!org_at[i] && (orgs[i].generations_served & through_orgs))
        for (Generation g : kAllGenerations)
          if (contains(through_orgs, g) && contains(orgs[i].generations_served, g))
            generation_lists[size_t(g)].push_back(light_candidate(Candidate::Kind::organization, i, c, reach));

  // The invite plan over every candidate, before the lists are cut to the shown ones.
  std::vector<Pick> plan_picks;
  {
    CoverProblem problem;
    std::vector<GapRef> gap_of;
    std::vector<int32_t> sector_plan_gap(sector_count, -1);
    std::array<int32_t, kGenerationCount> generation_plan_gap;
    generation_plan_gap.fill(-1);
    for (const SectorRow& s : r.sectors)
      if (s.status != GapStatus::ok && (s.required || options.plan_optional_sectors)) {
        sector_plan_gap[s.sector] = int32_t(problem.add_gap(s.min_seats - s.seats));
        gap_of.push_back({GapRef::Kind::sector, s.sector});
      }
    for (const GenerationRow& g : r.generations)
      if (g.status == GapStatus::missing || g.status == GapStatus::under) {
        generation_plan_gap[size_t(g.generation)] = int32_t(problem.add_gap(g.through_organizations ? 1 : g.needed));
        gap_of.push_back({GapRef::Kind::generation, uint16_t(g.generation)});
      }

    // Sources: an organization's seat is its row; a person is 2^32 + row.
    const uint64_t person_source = uint64_t(1) << 32;
    std::vector<int32_t> org_pool(orgs.size(), -1), person_pool(people.size(), -1);
    std::vector<Pick> pool;
    std::vector<CoverOffer> offers;
    auto add_to_pool = [&](const Pick& cand) {
      std::vector<int32_t>& slot = cand.kind == Candidate::Kind::organization ? org_pool : person_pool;
      if (slot[cand.index] >= 0) return;
      offers.clear();
      if (cand.kind == Candidate::Kind::organization) {
        const Organization& o = orgs[cand.index];
        if (sector_plan_gap[o.sector] >= 0) offers.push_back({uint32_t(sector_plan_gap[o.sector]), cand.index});
        for (Generation g : kAllGenerations)
          if (contains(through_orgs, g) && contains(o.generations_served, g) && generation_plan_gap[size_t(g)] >= 0)
            offers.push_back({uint32_t(generation_plan_gap[size_t(g)]), cand.index});
      } else {
        const Person& p = people[cand.index];
        if (p.organization == kNoOrganization) {
          if (sector_plan_gap[p.sector] >= 0)
            offers.push_back({uint32_t(sector_plan_gap[p.sector]), person_source + cand.index});
        } else if (!org_at[size_t(p.organization)]) {
          // Inviting a person also brings their organization to the table.
          SectorId s = orgs[size_t(p.organization)].sector;
          if (sector_plan_gap[s] >= 0) offers.push_back({uint32_t(sector_plan_gap[s]), uint64_t(p.organization)});
        }
        if (p.generation_known && !contains(through_orgs, p.generation) && generation_plan_gap[size_t(p.generation)] >= 0)
          offers.push_back({uint32_t(generation_plan_gap[size_t(p.generation)]), person_source + cand.index});
      }
      if (offers.empty()) return;
      slot[cand.index] = int32_t(pool.size());
      pool.push_back(cand);
      problem.add_candidate(offers);
    };
    for (const auto& list : sector_lists)
      for (const Pick& cand : list) add_to_pool(cand);
    for (const auto& list : generation_lists)
      for (const Pick& cand : list) add_to_pool(cand);

    std::vector<uint32_t> chosen =
        greedy_cover(problem, [&](uint32_t a, uint32_t b) { return rank_less(pool[a], pool[b], c); });
    const auto counted = problem.contributions(chosen);
    const std::vector<int64_t> met = problem.coverage(chosen);

    for (size_t i = 0; i < chosen.size(); ++i) {
      PlanInvitee invitee;
      plan_picks.push_back(pool[chosen[i]]);
      for (uint32_t gap : counted[i]) invitee.closes.push_back(gap_of[gap]);
      r.invite_plan.invitees.push_back(std::move(invitee));
    }
    for (uint32_t gap = 0; gap < gap_of.size(); ++gap) {
      if (met[gap] >= problem.demand(gap))
        r.invite_plan.closed.push_back(gap_of[gap]);
      else
        r.invite_plan.cannot_close.push_back({gap_of[gap], problem.demand(gap), met[gap]});
    }
    // Optional sectors left out of the plan still say when nothing could close them.
    for (const SectorRow& s : r.sectors)
      if (s.status != GapStatus::ok && sector_plan_gap[s.sector] < 0 && sector_lists[s.sector].empty())
        r.invite_plan.cannot_close.push_back({{GapRef::Kind::sector, s.sector}, s.min_seats - s.seats, 0});
  }

  // Contacts for the organizations that will be shown (plan and top of each list).
  std::vector<int32_t> contact_slot(orgs.size(), -1);
  std::vector<std::vector<uint32_t>> contacts_of_org;
  {
    auto better = [&](const Pick& a, const Pick& b) { return rank_less(a, b, c); };
    auto cut = [&](std::vector<Pick>& list) {
      const size_t k = std::min(options.max_candidates, list.size());
      std::partial_sort(list.begin(), list.begin() + ptrdiff_t(k), list.end(), better);
      list.resize(k);
    };
    auto mark = [&](const Pick& cand) {
      if (cand.kind == Candidate::Kind::organization && contact_slot[cand.index] < 0) {
        contact_slot[cand.index] = int32_t(contacts_of_org.size());
        contacts_of_org.emplace_back();
      }
    };
    for (size_t s = 0; s < sector_count; ++s) r.sectors[s].candidate_count = sector_lists[s].size();
    for (size_t g = 0; g < size_t(kGenerationCount); ++g) r.generations[g].candidate_count = generation_lists[g].size();
    for (auto* lists : {&sector_lists, &generation_lists})
      for (auto& list : *lists) {
        cut(list);
        for (const Pick& pick : list) mark(pick);
      }
    for (const Pick& pick : plan_picks) mark(pick);
    for (uint32_t i = 0; i < people.size(); ++i) {
      const Person& p = people[i];
      if (!p.at_table && p.organization != kNoOrganization && contact_slot[size_t(p.organization)] >= 0)
        contacts_of_org[size_t(contact_slot[size_t(p.organization)])].push_back(i);
    }
  }
  for (size_t s = 0; s < sector_count; ++s)
    r.sectors[s].candidates = keep_best(sector_lists[s], options.max_candidates, c, reach, contacts_of_org, contact_slot);
  for (size_t g = 0; g < size_t(kGenerationCount); ++g)
    r.generations[g].candidates =
        keep_best(generation_lists[g], options.max_candidates, c, reach, contacts_of_org, contact_slot);
  for (size_t i = 0; i < plan_picks.size(); ++i) {
    std::vector<Pick> one{plan_picks[i]};
    r.invite_plan.invitees[i].candidate = std::move(keep_best(one, 1, c, reach, contacts_of_org, contact_slot).front());
  }

  add_readiness(r, c, net);
  return r;
}

}  // namespace tablemap
