// The text report and the --json form of a RoleReport.
#include <algorithm>

#include <fmt/format.h>

#include "analysis/headlines.hpp"
#include "analysis/report_text.hpp"
#include "analysis/roles.hpp"

namespace tablemap {

namespace {

std::string kinds_text(TieKindSet kinds) {
  std::string out;
  for (int k = 0; k < kTieKindCount; ++k)
    if ((kinds >> k) & 1u) out += (out.empty() ? "" : "+") + std::string(to_string(TieKind(k)));
  return out;
}

std::string coordinating_words() {
  std::vector<std::string> words;
  for (TieKind k : kCoordinatingKinds) words.emplace_back(to_string(k));
  return join(words, ", ");
}

nlohmann::json tie_kinds(TieKindSet kinds) {
  nlohmann::json out = nlohmann::json::array();
  for (int k = 0; k < kTieKindCount; ++k)
    if ((kinds >> k) & 1u) out.push_back(std::string(to_string(TieKind(k))));
  return out;
}

std::string evidence_summary(const FunctionCoverage& fc) {
  if (fc.claims.size() < 2) return "";
  std::string why;
  if (fc.all_agreed) why = "every claim is agreed by the partnership";
  if (fc.all_pairs_coordinating)
    why += std::string(why.empty() ? "" : "; ") +
           fmt::format("every pair of claimants works together through a tie of strength 2 or more ({})",
                       coordinating_words());
  if (fc.rests_on_unconfirmed()) {
    const size_t u = fc.unconfirmed_pair_count;
    const std::string which = fc.pair_count == 1 ? std::string("that pair rests")
                                                   : fmt::format("{} of the {} pairs {}", u, fc.pair_count,
                                                                 u == 1 ? "rests" : "rest");
    why += "; but " + which +
           " on a tie only one side reported (confirmed: no), so the sharing is not sure yet: ask both sides to "
           "confirm it";
  }
  if (fc.status == CoverageStatus::shared) return why;
  const size_t p = fc.uncoordinated_pair_count;
  return fmt::format("{} of {} {} of claimants {} no coordinating tie ({}) of strength 2 or more, "
                     "and not every claim is agreed",
                     p, fc.pair_count, noun(int64_t(fc.pair_count), "pair"), p == 1 ? "has" : "have",
                     coordinating_words());
}

std::string pair_text(const Community& c, const PairEvidence& e) {
  const std::string a = org_label(c, e.a), b = org_label(c, e.b);
  if (e.strength == 0) return fmt::format("{} - {}: no direct tie", a, b);
  if (e.coordinated())
    return fmt::format("{} - {}: {} tie of strength {}{}", a, b, kinds_text(e.coordinating_kinds),
                       e.coordinating_strength, e.coordination_confirmed ? "" : ", not confirmed by both sides");
  if (e.coordinating_strength > 0)
    return fmt::format("{} - {}: {} tie of strength only {} (also {}, strength {})", a, b,
                       kinds_text(e.coordinating_kinds), e.coordinating_strength, kinds_text(e.kinds), e.strength);
  return fmt::format("{} - {}: {} tie of strength {}, which is not an agreement to work together", a, b,
                     kinds_text(e.kinds), e.strength);
}

nlohmann::json convener_json(const Community& c, const ConvenerTies& t) {
  return {{"organization", c.org_id(t.organization)},
          {"name", org_name(c, t.organization)},
          {"whole_issue_area", t.whole_issue_area},
          {"status", t.agreed ? "agreed" : "claimed"},
          {"practitioners_tied", t.practitioners_tied},
          {"practitioners", t.practitioners},
          {"organizations_tied", t.organizations_tied},
          {"organizations", t.organizations}};
}

}  // namespace

nlohmann::json to_json(const RoleReport& report, const Community& c) {
  nlohmann::json areas = nlohmann::json::array();
  for (const IssueAreaRoles& area : report.issue_areas) {
    const IssueArea& ia = c.profile.issue_areas[size_t(area.issue_area)];
    nlohmann::json j;
    j["id"] = ia.id;
    j["name"] = ia.name;
    j["organizations"] = area.organization_count;
    j["practitioners"] = area.practitioner_count;
    j["backbones"] = nlohmann::json::array();
    j["backbone_claims"] = nlohmann::json::array();
    for (const WholeRoleBackbone& b : area.backbones) {
      j["backbones"].push_back(c.org_id(b.organization));
      j["backbone_claims"].push_back({{"organization", c.org_id(b.organization)},
                                      {"name", org_name(c, b.organization)},
                                      {"status", b.agreed ? "agreed" : "claimed"}});
    }
    j["overlapping_backbones"] = area.overlapping_backbones;

    j["functions"] = nlohmann::json::array();
    for (const FunctionCoverage& fc : area.functions) {
      nlohmann::json f;
      f["function"] = c.profile.backbone_functions[size_t(fc.function)];
      f["status"] = to_string(fc.status);
      f["organizations"] = nlohmann::json::array();
      f["claims"] = nlohmann::json::array();
      for (const FunctionClaim& claim : fc.claims) {
        f["organizations"].push_back(c.org_id(claim.organization));
        f["claims"].push_back({{"organization", c.org_id(claim.organization)},
                               {"name", org_name(c, claim.organization)},
                               {"through", claim.whole_role ? "whole_role" : "function"},
                               {"role", to_string(claim.role)},
                               {"status", claim.agreed ? "agreed" : "claimed"}});
      }
      if (fc.claims.size() >= 2) {
        nlohmann::json pairs = nlohmann::json::array();
        for (const PairEvidence& e : fc.pairs)
          pairs.push_back({{"a", c.org_id(e.a)},
                           {"a_name", org_name(c, e.a)},
                           {"b", c.org_id(e.b)},
                           {"b_name", org_name(c, e.b)},
                           {"tied", e.strength > 0},
                           {"strength", e.strength},
                           {"kinds", tie_kinds(e.kinds)},
                           {"coordinated", e.coordinated()},
                           {"coordinating_strength", e.coordinating_strength},
                           {"coordinating_kinds", tie_kinds(e.coordinating_kinds)},
                           {"coordination_confirmed", e.coordination_confirmed}});
        f["evidence"] = {{"summary", evidence_summary(fc)},
                         {"all_claims_agreed", fc.all_agreed},
                         {"all_pairs_tied_strength_2", fc.all_pairs_strongly_tied},
                         {"all_pairs_coordinating", fc.all_pairs_coordinating},
                         {"pairs_total", fc.pair_count},
                         {"pairs_without_strong_tie", fc.weak_pair_count},
                         {"pairs_without_coordinating_tie", fc.uncoordinated_pair_count},
                         {"pairs_coordinated_unconfirmed", fc.unconfirmed_pair_count},
                         {"rests_on_unconfirmed_tie", fc.rests_on_unconfirmed()},
                         {"pairs", pairs}};
      } else {
        f["evidence"] = nullptr;
      }
      j["functions"].push_back(std::move(f));
    }

    j["conveners"] = nlohmann::json::array();
    for (const OutcomeConveners& oc : area.conveners) {
      nlohmann::json o;
      o["outcome"] = ia.outcomes[size_t(oc.outcome)];
      o["status"] = to_string(oc.status);
      o["organizations"] = nlohmann::json::array();
      o["ties"] = nlohmann::json::array();
      for (const ConvenerTies& t : oc.conveners) {
        o["organizations"].push_back(c.org_id(t.organization));
        o["ties"].push_back(convener_json(c, t));
      }
      j["conveners"].push_back(std::move(o));
    }
    j["issue_area_conveners"] = nlohmann::json::array();
    for (const ConvenerTies& t : area.whole_area_conveners) j["issue_area_conveners"].push_back(convener_json(c, t));

    j["plan"] = nlohmann::json::array();
    for (const BackboneStep& step : area.plan) {
      const BackboneAssignment& a = step.assignment;
      nlohmann::json p;
      p["function"] = c.profile.backbone_functions[size_t(a.function)];
      if (a.organization == kNoOrganization) {
        p["organization"] = nullptr;
      } else {
        p["organization"] = c.org_id(uint32_t(a.organization));
        p["name"] = org_name(c, uint32_t(a.organization));
        p["keeps_agreed"] = a.facts.agreed;
        p["claim"] = a.facts.claim == ClaimLevel::function     ? "function"
                     : a.facts.claim == ClaimLevel::whole_role ? "whole_role"
                                                               : "none";
        p["at_table"] = a.facts.at_table;
        p["area_ties"] = a.facts.area_ties;
        p["cost"] = a.cost;
      }
      p["reason"] = step.reason;
      j["plan"].push_back(std::move(p));
    }
    j["plan_complete"] = area.plan_complete;
    j["plan_cost"] = area.plan_cost;
    areas.push_back(std::move(j));
  }

  nlohmann::json load = nlohmann::json::array();
  for (const BackboneLoad& l : report.load_concentration) {
    nlohmann::json a = nlohmann::json::array();
    for (IssueAreaId ia : l.issue_areas) a.push_back(c.profile.issue_areas[size_t(ia)].id);
    load.push_back({{"organization", c.org_id(l.organization)}, {"name", org_name(c, l.organization)}, {"issue_areas", a}});
  }
  return {{"headline", roles_headline(report, c)},
          {"issue_areas", areas},
          {"anchors", {{"status", to_string(report.anchor_status)}, {"organizations", org_ids(c, report.anchors)},
                       {"named", named_organizations(c, report.anchors)}}},
          {"load_concentration", load},
          {"plan_max_functions", report.max_functions},
          {"plan_note", kPlanCaveat},
          {"plan_centrality", kPlanCentralityNote}};
}

namespace {

// One matrix cell: A/C = agreed/claimed this function, a/c = through a
// whole-role claim, [..] = the plan's choice, . = nothing.
std::string matrix_cell(const FunctionCoverage& fc, const BackboneStep& step, uint32_t org) {
  std::string mark = ".";
  for (const FunctionClaim& claim : fc.claims)
    if (claim.organization == org) mark = claim.whole_role ? (claim.agreed ? "a" : "c") : (claim.agreed ? "A" : "C");
  if (step.assignment.organization == int32_t(org)) return "[" + (mark == "." ? std::string("+") : mark) + "]";
  return mark;
}

bool same_claimants(const FunctionCoverage& a, const FunctionCoverage& b) {
  if (a.claims.size() != b.claims.size()) return false;
  for (size_t i = 0; i < a.claims.size(); ++i)
    if (a.claims[i].organization != b.claims[i].organization || a.claims[i].agreed != b.claims[i].agreed) return false;
  return true;
}

void format_area(std::string& out, const IssueAreaRoles& area, const Community& c, const RoleOptions& options,
                 int max_functions) {
  const IssueArea& ia = c.profile.issue_areas[size_t(area.issue_area)];
  out += fmt::format("\n== {}{} ({} organization{}, {} practitioner{})\n", ia.id,
                     ia.name.empty() || ia.name == ia.id ? "" : ": " + ia.name, area.organization_count,
                     area.organization_count == 1 ? "" : "s", area.practitioner_count,
                     area.practitioner_count == 1 ? "" : "s");
  if (area.backbones.empty()) {
    out += "Backbone: nobody claims the whole backbone role.\n";
  } else {
    std::vector<uint32_t> orgs;
    for (const WholeRoleBackbone& b : area.backbones) orgs.push_back(b.organization);
    out += "Backbone (whole role): ";
    for (size_t i = 0; i < orgs.size(); ++i)
      out += (i ? ", " : "") + org_label(c, orgs[i]) + (area.backbones[i].agreed ? " (agreed)" : "");
    out += "\n";
    if (area.overlapping_backbones)
      out += fmt::format("  !! OVERLAPPING BACKBONES: {} organizations each claim the whole role in {}. "
                         "Agree who does what (see the plan below).\n",
                         area.backbones.size(), ia.id);
  }

  // Function x organization matrix: claimants and planned organizations.
  std::vector<uint32_t> rows;
  for (const FunctionCoverage& fc : area.functions)
    for (const FunctionClaim& claim : fc.claims) rows.push_back(claim.organization);
  for (const BackboneStep& step : area.plan)
    if (step.assignment.organization != kNoOrganization) rows.push_back(uint32_t(step.assignment.organization));
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  const size_t shown = std::min(rows.size(), options.max_matrix_rows);
  size_t id_width = 12;
  for (size_t r = 0; r < shown; ++r) id_width = std::max(id_width, std::min<size_t>(org_name(c, rows[r]).size(), 32));
  std::vector<size_t> widths;
  for (const FunctionCoverage& fc : area.functions)
    widths.push_back(std::max<size_t>(c.profile.backbone_functions[size_t(fc.function)].size(), 11));

  out += "\nFunctions (A/C = agreed/claimed, a/c = through a whole-role claim, [ ] = the plan's choice; an investor\n"
         "role claims investment, a data_partner role claims data):\n";
  out += fmt::format("  {:<{}}", "", id_width);
  for (size_t f = 0; f < area.functions.size(); ++f)
    out += fmt::format(" {:<{}}", c.profile.backbone_functions[size_t(area.functions[f].function)], widths[f]);
  out += "\n";
  for (size_t r = 0; r < shown; ++r) {
    std::string id = org_name(c, rows[r]);
    if (id.size() > 32) id = id.substr(0, 31) + "~";
    out += fmt::format("  {:<{}}", id, id_width);
    for (size_t f = 0; f < area.functions.size(); ++f)
      out += fmt::format(" {:<{}}", matrix_cell(area.functions[f], area.plan[f], rows[r]), widths[f]);
    out += "\n";
  }
  if (rows.size() > shown) out += fmt::format("  ... and {} more organizations\n", rows.size() - shown);
  out += fmt::format("  {:<{}}", "status", id_width);
  for (size_t f = 0; f < area.functions.size(); ++f) {
    const CoverageStatus st = area.functions[f].status;
    std::string label(to_string(st));
    if (st == CoverageStatus::contested || st == CoverageStatus::uncovered) label = "!" + label;
    out += fmt::format(" {:<{}}", label, widths[f]);
  }
  out += "\n";

  // Evidence for shared and contested functions.
  const FunctionCoverage* previous = nullptr;  // whole-role overlaps repeat the same evidence
  for (const FunctionCoverage& fc : area.functions) {
    if (fc.claims.size() < 2) continue;
    const std::string& name = c.profile.backbone_functions[size_t(fc.function)];
    if (previous && previous->status == fc.status && same_claimants(*previous, fc)) {
      out += fmt::format("  {} is {}: same claimants and ties as {}\n", name, to_string(fc.status),
                         c.profile.backbone_functions[size_t(previous->function)]);
      continue;
    }
    previous = &fc;
    out += fmt::format("  {} is {}: {}\n", name, to_string(fc.status), evidence_summary(fc));
    const size_t limit = std::min<size_t>(fc.pairs.size(), 6);
    for (size_t i = 0; i < limit; ++i) out += "    " + pair_text(c, fc.pairs[i]) + "\n";
    if (fc.pair_count > limit) out += fmt::format("    ... {} more pairs (see --json)\n", fc.pair_count - limit);
  }

  out += "\nConveners:\n";
  if (area.conveners.empty()) out += "  (the profile lists no outcomes for this issue area)\n";
  for (const OutcomeConveners& oc : area.conveners) {
    const std::string& outcome = ia.outcomes[size_t(oc.outcome)];
    if (oc.conveners.empty()) {
      out += fmt::format("  {}: NONE - nobody convenes this outcome; ask a partner to take it on\n", outcome);
      continue;
    }
    out += fmt::format("  {}: {}{}\n", outcome, to_string(oc.status),
                       oc.status == HowMany::several ? " - several conveners; check they work together" : "");
    for (const ConvenerTies& t : oc.conveners)
      out += fmt::format("    {}{}: tied to {} of {} {} and {} of {} {} of {}\n",
                         org_label(c, t.organization), t.whole_issue_area ? " (whole issue area)" : "",
                         t.practitioners_tied, t.practitioners, noun(t.practitioners, "practitioner"),
                         t.organizations_tied, t.organizations, noun(t.organizations, "organization"), ia.id);
  }
  if (area.conveners.empty())
    for (const ConvenerTies& t : area.whole_area_conveners)
      out += fmt::format("  {} convenes the whole issue area: tied to {} of {} {} and {} of {} {}\n",
                         org_label(c, t.organization), t.practitioners_tied, t.practitioners,
                         noun(t.practitioners, "practitioner"), t.organizations_tied, t.organizations,
                         noun(t.organizations, "organization"));

  out += fmt::format("\nShared backbone plan (at most {} functions per organization){}:\n",
                     max_functions, area.plan_complete ? "" : " - INCOMPLETE");
  size_t fw = 0;
  for (const BackboneStep& step : area.plan)
    fw = std::max(fw, c.profile.backbone_functions[size_t(step.assignment.function)].size());
  for (const BackboneStep& step : area.plan) {
    const BackboneAssignment& a = step.assignment;
    out += fmt::format("  {:<{}} -> {}: {}\n", c.profile.backbone_functions[size_t(a.function)], fw,
                       a.organization == kNoOrganization ? std::string("(nobody)") : org_label(c, uint32_t(a.organization)),
                       step.reason);
  }
}

}  // namespace

std::string format_role_report(const RoleReport& report, const Community& c, const RoleOptions& options) {
  std::string out = fmt::format("Roles in {}\n\n", c.profile.name.empty() ? std::string("the community") : c.profile.name);
  out += roles_headline(report, c) + "\n\n";
  out += "Anchor: " + (report.anchors.empty() ? std::string("none") : join_and(org_labels(c, report.anchors)));
  if (report.anchor_status == HowMany::none)
    out += " - name the entity that hosts backbone staff and acts as fiscal agent (role 'anchor')";
  if (report.anchor_status == HowMany::several) out += " - a partnership should have exactly one anchor";
  out += "\n";
  for (const BackboneLoad& l : report.load_concentration) {
    std::vector<std::string> names;
    for (IssueAreaId ia : l.issue_areas) names.push_back(c.profile.issue_areas[size_t(ia)].id);
    out += fmt::format("Load: {} claims the whole backbone role in {} issue areas ({}); check it has the capacity.\n",
                       org_label(c, l.organization), names.size(), fmt::join(names, ", "));
  }
  if (report.issue_areas.empty()) out += "\nThe profile names no issue areas, so there is nothing to map.\n";
  for (const IssueAreaRoles& area : report.issue_areas) format_area(out, area, c, options, report.max_functions);
  out += fmt::format("\nNote: {}\n{}\n", kPlanCaveat, kPlanCentralityNote);
  return out;
}

}  // namespace tablemap
