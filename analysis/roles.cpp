#include "analysis/roles.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "analysis/report_text.hpp"

namespace tablemap {

const char* const kPlanCaveat =
    "This plan is a starting proposal for the partners to discuss, not a verdict: it only knows "
    "the claims, ties and seats in the data, not capacity, trust or history.";
const char* const kPlanCentralityNote =
    "Central means tied to many of the issue area's organizations (degree within the issue area): "
    "the functions are carried through direct working ties with its partners, and it is easy to check by hand.";

std::string_view to_string(CoverageStatus s) {
  switch (s) {
    case CoverageStatus::uncovered: return "uncovered";
    case CoverageStatus::covered: return "covered";
    case CoverageStatus::shared: return "shared";
    case CoverageStatus::contested: return "contested";
  }
  return "?";
}

std::string_view to_string(HowMany h) {
  switch (h) {
    case HowMany::none: return "none";
    case HowMany::one: return "one";
    case HowMany::several: return "several";
  }
  return "?";
}

HowMany how_many(size_t count) { return count == 0 ? HowMany::none : count == 1 ? HowMany::one : HowMany::several; }

const std::vector<RoleFunctionKeywords>& role_function_keywords() {
  static const std::vector<RoleFunctionKeywords> keywords = {
      {RoleKind::investor, "investment", {"invest", "fund", "resourc"}},
      {RoleKind::data_partner, "data", {"data", "measur", "evaluat"}},
  };
  return keywords;
}

std::optional<FunctionId> function_claimed_by(const Profile& profile, RoleKind role) {
  const auto& fns = profile.backbone_functions;
  for (const RoleFunctionKeywords& k : role_function_keywords()) {
    if (k.role != role) continue;
    for (size_t f = 0; f < fns.size(); ++f)
      if (equals_ignore_case(fns[f], k.exact)) return FunctionId(f);
    for (const char* word : k.contains)
      for (size_t f = 0; f < fns.size(); ++f)
        if (to_lower(fns[f]).find(word) != std::string::npos) return FunctionId(f);
  }
  return std::nullopt;
}

std::vector<BackboneFunctionClaim> backbone_function_claims(const Community& c) {
  const size_t n = c.organizations.size();
  const size_t areas = c.profile.issue_areas.size();
  const auto investment = function_claimed_by(c.profile, RoleKind::investor);
  const auto data = function_claimed_by(c.profile, RoleKind::data_partner);
  std::vector<BackboneFunctionClaim> out;
  for (uint32_t r = 0; r < c.roles.size(); ++r) {
    const Role& role = c.roles[r];
    if (role.organization >= n) continue;
    BackboneFunctionClaim claim;
    claim.organization = role.organization;
    claim.agreed = role.status == RoleStatus::agreed;
    claim.role = role.kind;
    claim.row = r;
    if (role.kind == RoleKind::backbone) {
      if (role.issue_area < 0 || size_t(role.issue_area) >= areas) continue;
      claim.issue_area = role.issue_area;
      claim.function = role.function;
      out.push_back(claim);
      continue;
    }
    const auto& function = role.kind == RoleKind::investor ? investment : role.kind == RoleKind::data_partner ? data
                                                                                                              : std::nullopt;
    if (!function) continue;
    claim.function = *function;
    if (role.issue_area >= 0 && size_t(role.issue_area) < areas) {
      claim.issue_area = role.issue_area;
      out.push_back(claim);
      continue;
    }
    for (IssueAreaId ia : c.organizations[role.organization].issue_areas)
      if (ia >= 0 && size_t(ia) < areas) {
        claim.issue_area = ia;
        out.push_back(claim);
      }
  }
  return out;
}

bool is_coordinating(TieKind kind) {
  return std::find(kCoordinatingKinds.begin(), kCoordinatingKinds.end(), kind) != kCoordinatingKinds.end();
}

namespace {

// The strongest tie row of a coordinating kind per pair (a < b), and its
// kinds; only pairs of backbone claimants are asked for (judge_coverage), so
// only their ties are kept (a national network has millions of others).
struct Coordination {
  uint8_t strength = 0;
  TieKindSet kinds = 0;
  uint8_t confirmed_strength = 0;  // the strongest confirmed coordinating row
  bool confirmed() const { return confirmed_strength >= 2; }
};
using CoordinationMap = std::unordered_map<uint64_t, Coordination>;
uint64_t pair_key(uint32_t a, uint32_t b) { return a < b ? (uint64_t(a) << 32) | b : (uint64_t(b) << 32) | a; }

CoordinationMap coordination_of(const Community& c, const std::vector<bool>& claimant) {
  CoordinationMap out;
  for (const Tie& t : c.ties) {
    if (!is_coordinating(t.kind) || t.source == t.target) continue;
    const bool both_claim =
        t.source < claimant.size() && t.target < claimant.size() && claimant[t.source] && claimant[t.target];
    if (!both_claim) continue;
    Coordination& k = out[pair_key(t.source, t.target)];
    k.strength = std::max(k.strength, t.strength);
    k.kinds = TieKindSet(k.kinds | (1u << int(t.kind)));
    if (t.confirmed) k.confirmed_strength = std::max(k.confirmed_strength, t.strength);
  }
  return out;
}

// Scratch arrays of one size per organization, reset after each issue area so
// that the whole analysis stays O(n) in memory.
struct Scratch {
  std::vector<uint32_t> member_pos;     // position + 1 in the issue area's members, 0 = not a member
  std::vector<uint8_t> practitioner;    // 1 = a practitioner of the issue area
  std::vector<uint32_t> claimant_pos;   // position + 1 among one function's claimants
  explicit Scratch(size_t n) : member_pos(n, 0), practitioner(n, 0), claimant_pos(n, 0) {}
};

// Claims merged per organization; `claims` are the claims of one issue area.
// `f` = kWholeBackbone gives the whole-role claims only.
std::vector<FunctionClaim> claims_for(const std::vector<BackboneFunctionClaim>& claims, FunctionId f) {
  std::vector<FunctionClaim> list;
  for (const BackboneFunctionClaim& bc : claims) {
    if (bc.function != kWholeBackbone && bc.function != f) continue;
    list.push_back({bc.organization, bc.function == kWholeBackbone, bc.agreed, bc.role});
  }
  std::sort(list.begin(), list.end(), [](const FunctionClaim& a, const FunctionClaim& b) {
    return a.organization < b.organization;
  });
  std::vector<FunctionClaim> merged;
  for (const FunctionClaim& claim : list) {
    if (!merged.empty() && merged.back().organization == claim.organization) {
      FunctionClaim& m = merged.back();
      // A backbone row naming this function is the most direct claim, then an investor / data partner row.
      if (!claim.whole_role && (m.whole_role || claim.role == RoleKind::backbone)) m.role = claim.role;
      m.whole_role = m.whole_role && claim.whole_role;
      m.agreed = m.agreed || claim.agreed;
    } else {
      merged.push_back(claim);
    }
  }
  return merged;
}

void judge_coverage(FunctionCoverage& fc, const Network& net, const CoordinationMap& coordination, Scratch& s,
                    size_t max_pairs) {
  const size_t k = fc.claims.size();
  fc.status = k == 0 ? CoverageStatus::uncovered : CoverageStatus::covered;
  if (k < 2) return;
  const auto& rels = net.relationships();
  for (size_t i = 0; i < k; ++i) s.claimant_pos[fc.claims[i].organization] = uint32_t(i + 1);

  fc.all_agreed = std::all_of(fc.claims.begin(), fc.claims.end(), [](const FunctionClaim& x) { return x.agreed; });
  fc.pair_count = k * (k - 1) / 2;
  auto coordination_between = [&](uint32_t a, uint32_t b) {
    auto it = coordination.find(pair_key(a, b));
    return it == coordination.end() ? Coordination{} : it->second;
  };
  // Count strong and coordinating ties among claimants in O(sum of their degrees).
  size_t strong_ends = 0, coordinated_ends = 0, unconfirmed_ends = 0;
  for (const FunctionClaim& claim : fc.claims) {
    const uint32_t v = claim.organization;
    for (uint32_t arc = net.offsets()[v]; arc < net.offsets()[v + 1]; ++arc) {
      const uint32_t w = net.targets()[arc];
      if (!s.claimant_pos[w]) continue;
      const Relationship& rel = rels[net.arc_relationship(arc)];
      if (rel.strength >= 2) ++strong_ends;
      if (rel.strength < 2) continue;
      const Coordination k = coordination_between(v, w);
      if (k.strength >= 2) ++coordinated_ends;
      if (k.strength >= 2 && !k.confirmed()) ++unconfirmed_ends;
    }
  }
  fc.weak_pair_count = fc.pair_count - strong_ends / 2;
  fc.uncoordinated_pair_count = fc.pair_count - coordinated_ends / 2;
  fc.unconfirmed_pair_count = unconfirmed_ends / 2;
  fc.all_pairs_strongly_tied = fc.weak_pair_count == 0;
  fc.all_pairs_coordinating = fc.uncoordinated_pair_count == 0;
  fc.status = fc.all_agreed || fc.all_pairs_coordinating ? CoverageStatus::shared : CoverageStatus::contested;

  // Evidence: the pairs without a coordinating tie first (they decide the
  // status), then those resting on unconfirmed ties, then the others.
  std::vector<int64_t> rel_to(k, -1);
  for (int pass = 0; pass < 3 && fc.pairs.size() < max_pairs; ++pass) {
    for (size_t i = 0; i < k && fc.pairs.size() < max_pairs; ++i) {
      const uint32_t v = fc.claims[i].organization;
      for (uint32_t arc = net.offsets()[v]; arc < net.offsets()[v + 1]; ++arc)
        if (uint32_t j = s.claimant_pos[net.targets()[arc]]; j > i + 1) rel_to[j - 1] = net.arc_relationship(arc);
      for (size_t j = i + 1; j < k && fc.pairs.size() < max_pairs; ++j) {
        PairEvidence e;
        e.a = v;
        e.b = fc.claims[j].organization;
        if (rel_to[j] >= 0) {
          e.strength = rels[size_t(rel_to[j])].strength;
          e.kinds = rels[size_t(rel_to[j])].kinds;
          const Coordination k = coordination_between(e.a, e.b);
          e.coordinating_strength = k.strength;
          e.coordinating_kinds = k.kinds;
          e.coordination_confirmed = k.confirmed();
        }
        const int group = !e.coordinated() ? 0 : e.coordinated_unconfirmed() ? 1 : 2;
        if (group == pass) fc.pairs.push_back(e);
      }
      for (size_t j = i + 1; j < k; ++j) rel_to[j] = -1;
    }
  }
  for (const FunctionClaim& claim : fc.claims) s.claimant_pos[claim.organization] = 0;
}

ConvenerTies convener_ties(uint32_t org, const Network& net, const Scratch& s, uint32_t members,
                           uint32_t practitioners) {
  ConvenerTies t;
  t.organization = org;
  for (uint32_t arc = net.offsets()[org]; arc < net.offsets()[org + 1]; ++arc) {
    const uint32_t w = net.targets()[arc];
    if (s.member_pos[w]) ++t.organizations_tied;
    if (s.practitioner[w]) ++t.practitioners_tied;
  }
  t.organizations = members - (s.member_pos[org] ? 1 : 0);
  t.practitioners = practitioners - (s.practitioner[org] ? 1 : 0);
  return t;
}

std::string id_list(const Community& c, const std::vector<uint32_t>& orgs, size_t limit = 3) {
  return join_limited(org_names(c, orgs), limit);
}

std::string plan_reason(const Community& c, const IssueAreaRoles& area, const BackboneAssignment& a,
                        const std::vector<uint32_t>& claimant_load, const BackbonePlan& plan, uint32_t max_area_ties) {
  const std::string& area_id = c.profile.issue_areas[size_t(area.issue_area)].id;
  const std::string& function = c.profile.backbone_functions[size_t(a.function)];
  if (a.organization == kNoOrganization) {
    if (area.organization_count == 0)
      return fmt::format("nobody can take it: no organization works in {} (list it in their issue_areas)", area_id);
    return fmt::format("nobody can take it: the {} of {} can carry at most {} each "
                       "(--max-functions {}); raise the cap or bring more organizations into {}",
                       count_of(area.organization_count, "organization"), area_id,
                       count_of(plan.max_functions, "function"), plan.max_functions, area_id);
  }
  const BackboneFacts& f = a.facts;
  std::vector<std::string> parts;
  if (f.agreed)
    parts.push_back(f.claim == ClaimLevel::function ? fmt::format("keeps the agreed claim on {}", function)
                                                     : fmt::format("keeps its agreed whole backbone role in {}", area_id));
  else if (f.claim == ClaimLevel::function)
    parts.push_back(fmt::format("claims {}", function));
  else if (f.claim == ClaimLevel::whole_role)
    parts.push_back(fmt::format("claims the whole backbone role in {}", area_id));
  else if (a.other_claimants.empty())
    parts.push_back(fmt::format("nobody claims {}", function));
  const int64_t others = area.organization_count ? area.organization_count - 1 : 0;
  std::string ties = fmt::format("tied to {} of {} other {} {}", f.area_ties, others, area_id,
                                 noun(others, "organization"));
  if (f.area_ties > 0 && f.area_ties == max_area_ties) ties += " (the most connected)";
  parts.push_back(ties);
  parts.push_back(f.at_table ? "at the table" : "not at the table");
  if (!a.other_claimants.empty() && f.claim == ClaimLevel::none) {
    // Every claimant was at the cap: say who, and how to change it.
    parts.insert(parts.begin(), fmt::format("its {} {} already carr{} {} in this plan (see --max-functions)",
                                            noun(int64_t(a.other_claimants.size()), "claimant"),
                                            id_list(c, a.other_claimants), a.other_claimants.size() == 1 ? "ies" : "y",
                                            count_of(plan.max_functions, "function")));
  } else if (!a.other_claimants.empty()) {
    std::vector<uint32_t> at_cap;
    for (size_t i = 0; i < a.other_claimants.size(); ++i)
      if (int(claimant_load[i]) >= plan.max_functions) at_cap.push_back(a.other_claimants[i]);
    std::string also = a.other_claimants.size() > 3
                           ? fmt::format("also claimed by {} others", a.other_claimants.size())
                           : "also claimed by " + id_list(c, a.other_claimants);
    if (!at_cap.empty())
      also += fmt::format(" ({} already carr{} {} in this plan)", id_list(c, at_cap),
                          at_cap.size() == 1 ? "ies" : "y", count_of(plan.max_functions, "function"));
    parts.push_back(also);
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

}  // namespace

RoleReport analyze_roles(const Community& c, const Network& net, const RoleOptions& options) {
  RoleReport report;
  report.max_functions = options.max_functions;
  const uint32_t n = uint32_t(c.organizations.size());
  const size_t area_count = c.profile.issue_areas.size();
  const int F = int(c.profile.backbone_functions.size());
  const std::vector<bool> at_table = c.organizations_at_table();

  // Role rows per issue area; practitioner rows without an area; anchors.
  std::vector<std::vector<uint32_t>> rows_of_area(area_count);
  std::vector<uint32_t> arealess_practitioners;
  for (uint32_t r = 0; r < c.roles.size(); ++r) {
    const Role& role = c.roles[r];
    if (role.organization >= n) continue;
    if (role.kind == RoleKind::anchor) report.anchors.push_back(role.organization);
    if (role.issue_area >= 0 && size_t(role.issue_area) < area_count)
      rows_of_area[size_t(role.issue_area)].push_back(r);
    else if (role.kind == RoleKind::practitioner)
      arealess_practitioners.push_back(role.organization);
  }
  std::vector<std::vector<BackboneFunctionClaim>> claims_of_area(area_count);
  std::vector<bool> claimant(n, false);
  for (const BackboneFunctionClaim& claim : backbone_function_claims(c)) {
    claims_of_area[size_t(claim.issue_area)].push_back(claim);
    if (claim.organization < n) claimant[claim.organization] = true;
  }
  const CoordinationMap coordination = coordination_of(c, claimant);
  std::sort(report.anchors.begin(), report.anchors.end());
  report.anchors.erase(std::unique(report.anchors.begin(), report.anchors.end()), report.anchors.end());
  report.anchor_status = how_many(report.anchors.size());

  // Members listed per area, in one pass over the organizations.
  std::vector<std::vector<uint32_t>> listed(area_count);
  for (uint32_t o = 0; o < n; ++o)
    for (IssueAreaId ia : c.organizations[o].issue_areas)
      if (ia >= 0 && size_t(ia) < area_count) listed[size_t(ia)].push_back(o);

  Scratch s(n);
  for (size_t ia = 0; ia < area_count; ++ia) {
    IssueAreaRoles area;
    area.issue_area = IssueAreaId(ia);
    const auto& rows = rows_of_area[ia];
    const auto& claims = claims_of_area[ia];

    // The issue area's organizations: listed, or holding a role in it.
    std::vector<uint32_t> members;
    auto add_member = [&](uint32_t o) {
      if (!s.member_pos[o]) {
        members.push_back(o);
        s.member_pos[o] = uint32_t(members.size());
      }
    };
    for (uint32_t o : listed[ia]) add_member(o);
    for (uint32_t r : rows) add_member(c.roles[r].organization);
    for (const BackboneFunctionClaim& claim : claims) add_member(claim.organization);
    area.organization_count = uint32_t(members.size());
    std::vector<uint32_t> practitioners;
    auto add_practitioner = [&](uint32_t o) {
      if (!s.practitioner[o]) {
        s.practitioner[o] = 1;
        practitioners.push_back(o);
      }
    };
    for (uint32_t r : rows)
      if (c.roles[r].kind == RoleKind::practitioner) add_practitioner(c.roles[r].organization);
    for (uint32_t o : arealess_practitioners)
      if (s.member_pos[o]) add_practitioner(o);
    area.practitioner_count = uint32_t(practitioners.size());

    // Degree within the issue area: how many of its other organizations each member is tied to.
    std::vector<uint32_t> area_ties(members.size(), 0);
    uint32_t max_area_ties = 0;
    for (size_t m = 0; m < members.size(); ++m) {
      const uint32_t v = members[m];
      for (uint32_t arc = net.offsets()[v]; arc < net.offsets()[v + 1]; ++arc)
        if (s.member_pos[net.targets()[arc]]) ++area_ties[m];
      max_area_ties = std::max(max_area_ties, area_ties[m]);
    }

    // Whole-role backbones.
    for (const FunctionClaim& claim : claims_for(claims, kWholeBackbone))
      area.backbones.push_back({claim.organization, claim.agreed});
    area.overlapping_backbones = area.backbones.size() >= 2;

    // Function coverage.
    for (int f = 0; f < F; ++f) {
      FunctionCoverage fc;
      fc.function = FunctionId(f);
      fc.claims = claims_for(claims, FunctionId(f));
      judge_coverage(fc, net, coordination, s, options.max_evidence_pairs);
      area.functions.push_back(std::move(fc));
    }

    // Conveners per outcome; a convener naming no outcome convenes every outcome.
    const auto& outcomes = c.profile.issue_areas[ia].outcomes;
    std::vector<std::vector<ConvenerTies>> by_outcome(outcomes.size());
    for (uint32_t r : rows) {
      const Role& role = c.roles[r];
      if (role.kind != RoleKind::convener) continue;
      const bool whole = role.outcome < 0 || size_t(role.outcome) >= outcomes.size();
      auto& list = whole ? area.whole_area_conveners : by_outcome[size_t(role.outcome)];
      auto it = std::find_if(list.begin(), list.end(),
                             [&](const ConvenerTies& t) { return t.organization == role.organization; });
      if (it == list.end()) {
        list.push_back(convener_ties(role.organization, net, s, area.organization_count, area.practitioner_count));
        list.back().whole_issue_area = whole;
        it = list.end() - 1;
      }
      it->agreed = it->agreed || role.status == RoleStatus::agreed;
    }
    for (size_t o = 0; o < outcomes.size(); ++o) {
      OutcomeConveners oc;
      oc.outcome = int16_t(o);
      oc.conveners = by_outcome[o];
      for (const ConvenerTies& t : area.whole_area_conveners)
        if (std::none_of(oc.conveners.begin(), oc.conveners.end(),
                         [&](const ConvenerTies& x) { return x.organization == t.organization; }))
          oc.conveners.push_back(t);
      oc.status = how_many(oc.conveners.size());
      area.conveners.push_back(std::move(oc));
    }

    // The shared backbone plan.
    BackbonePlanInput input;
    input.function_count = F;
    input.organizations = members;
    input.area_ties = area_ties;
    input.at_table.resize(members.size());
    for (size_t m = 0; m < members.size(); ++m) input.at_table[m] = at_table[members[m]];
    for (const BackboneFunctionClaim& claim : claims)
      if (claim.function < F)
        input.claims.push_back({s.member_pos[claim.organization] - 1, claim.function, claim.agreed});
    BackbonePlan plan = plan_backbone(input, options.max_functions);
    area.plan_complete = plan.complete;
    area.plan_cost = plan.total_cost;
    // Functions each planned organization carries (few: at most one per function).
    std::vector<std::pair<uint32_t, uint32_t>> loads;
    for (const BackboneAssignment& a : plan.assignments) {
      if (a.organization == kNoOrganization) continue;
      auto it = std::find_if(loads.begin(), loads.end(),
                             [&](const auto& p) { return p.first == uint32_t(a.organization); });
      if (it == loads.end()) loads.emplace_back(uint32_t(a.organization), 1);
      else ++it->second;
    }
    area.plan.reserve(plan.assignments.size());
    for (BackboneAssignment& a : plan.assignments) {
      BackboneStep step;
      // Loads of the other claimants, for "already carries N functions".
      std::vector<uint32_t> load_of_claimant(a.other_claimants.size(), 0);
      for (size_t i = 0; i < a.other_claimants.size(); ++i)
        for (const auto& [org, count] : loads)
          if (org == a.other_claimants[i]) load_of_claimant[i] = count;
      step.reason = plan_reason(c, area, a, load_of_claimant, plan, max_area_ties);
      step.assignment = std::move(a);
      area.plan.push_back(std::move(step));
    }

    for (uint32_t o : members) s.member_pos[o] = 0;
    for (uint32_t o : practitioners) s.practitioner[o] = 0;
    report.issue_areas.push_back(std::move(area));
  }

  // Load concentration: one organization claiming the whole role in several areas.
  std::vector<std::pair<uint32_t, IssueAreaId>> whole_claims;
  for (const IssueAreaRoles& area : report.issue_areas)
    for (const WholeRoleBackbone& b : area.backbones) whole_claims.emplace_back(b.organization, area.issue_area);
  std::sort(whole_claims.begin(), whole_claims.end());
  for (size_t i = 0; i < whole_claims.size();) {
    size_t j = i;
    BackboneLoad load{whole_claims[i].first, {}};
    for (; j < whole_claims.size() && whole_claims[j].first == whole_claims[i].first; ++j)
      load.issue_areas.push_back(whole_claims[j].second);
    if (load.issue_areas.size() >= 2) report.load_concentration.push_back(std::move(load));
    i = j;
  }
  return report;
}

BackboneVerdict identified_backbone(const RoleReport& report, const Community& c) {
  BackboneVerdict v;
  std::vector<std::string> problems, fine;
  size_t areas_with_claims = 0;
  for (const IssueAreaRoles& area : report.issue_areas) {
    const bool claimed = std::any_of(area.functions.begin(), area.functions.end(),
                                     [](const FunctionCoverage& fc) { return !fc.claims.empty(); });
    if (!claimed) continue;
    ++areas_with_claims;
    const std::string& area_id = c.profile.issue_areas[size_t(area.issue_area)].id;
    std::vector<std::string> wrong;
    if (area.overlapping_backbones) {
      std::vector<uint32_t> orgs;
      for (const WholeRoleBackbone& b : area.backbones) orgs.push_back(b.organization);
      wrong.push_back(fmt::format("{} each claim the whole backbone ({})", count_of(int64_t(orgs.size()), "organization"),
                                  join_limited(org_names(c, orgs), 5)));
    }
    std::vector<std::string> contested, uncovered;
    for (const FunctionCoverage& fc : area.functions) {
      const std::string& name = c.profile.backbone_functions[size_t(fc.function)];
      if (fc.status == CoverageStatus::contested) contested.push_back(name);
      if (fc.status == CoverageStatus::uncovered) uncovered.push_back(name);
    }
    // Overlapping whole-role claims make every function contested: say it once.
    if (!contested.empty() && !(area.overlapping_backbones && contested.size() == area.functions.size()))
      wrong.push_back(join_and(contested) + (contested.size() == 1 ? " is" : " are") +
                      " claimed by several organizations that have not agreed or coordinated");
    if (!uncovered.empty()) wrong.push_back("nobody claims " + join_and(uncovered));
    if (wrong.empty()) {
      std::vector<std::string> who;
      for (const FunctionCoverage& fc : area.functions) {
        std::vector<uint32_t> orgs;
        for (const FunctionClaim& claim : fc.claims) orgs.push_back(claim.organization);
        for (const std::string& name : org_names(c, orgs))
          if (std::find(who.begin(), who.end(), name) == who.end()) who.push_back(name);
      }
      fine.push_back(fmt::format("{}: every function covered or shared ({})", area_id, join_limited(who, 4)));
    } else {
      problems.push_back(area_id + ": " + join(wrong, "; "));
    }
  }
  if (areas_with_claims == 0) {
    v.evidence = "no organization claims a backbone function (no backbone, investor or data_partner role in roles.csv)";
    return v;
  }
  v.pass = problems.empty();
  v.evidence = v.pass ? join(fine, "; ") : join(problems, "; ");
  return v;
}

}  // namespace tablemap
