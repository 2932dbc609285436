// The board report: the page around the sections, its styles (screen and
// print), the summary page with its findings and next steps, and the table.
#include "analysis/board_report.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analysis/board_report_parts.hpp"
#include "analysis/svg_chart.hpp"
#include "core/palette.hpp"
#include "core/xml_text.hpp"

namespace tablemap {
namespace board {

std::string h(std::string_view text) { return xml_text(text); }

std::string words(std::string_view w) {
  std::string out(w);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string generation_name(Generation g) {
  switch (g) {
    case Generation::silent: return "Silent generation";
    case Generation::boomers: return "Boomers";
    case Generation::gen_x: return "Gen X";
    case Generation::millennials: return "Millennials";
    case Generation::gen_z: return "Gen Z";
    case Generation::gen_alpha: return "Gen Alpha";
  }
  return "";
}

std::string org_name(const Community& c, uint32_t org) {
  const Organization& o = c.organizations[org];
  return o.name.empty() ? o.id : o.name;
}

std::string name_list(const std::vector<std::string>& names, size_t limit) {
  std::string out;
  const size_t shown = std::min(names.size(), std::max<size_t>(limit, 1));
  for (size_t i = 0; i < shown; ++i) {
    if (i) out += (i + 1 == shown && shown == names.size()) ? " and " : ", ";
    out += names[i];
  }
  if (shown < names.size()) out += fmt::format(" and {} more ({} in all)", names.size() - shown, names.size());
  return out;
}

std::string org_list(const Community& c, const std::vector<uint32_t>& orgs, size_t limit) {
  std::vector<std::string> names;
  names.reserve(std::min(orgs.size(), limit + 1));
  for (size_t i = 0; i < orgs.size() && i <= limit; ++i) names.push_back(org_name(c, orgs[i]));
  std::string out = name_list(names, limit);
  if (orgs.size() > limit + 1) {  // name_list saw only limit + 1 names: give the true total
    out = name_list(std::vector<std::string>(names.begin(), names.begin() + long(limit)), limit);
    out += fmt::format(" and {} more ({} in all)", orgs.size() - limit, orgs.size());
  }
  return out;
}

std::string percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace board

namespace {

using namespace board;

const IssueArea& area_of(const Community& c, const IssueAreaRoles& a) { return c.profile.issue_areas[size_t(a.issue_area)]; }
std::string area_name(const Community& c, const IssueAreaRoles& a) {
  const IssueArea& ia = area_of(c, a);
  return ia.name.empty() ? words(ia.id) : ia.name;
}
std::string function_name(const Community& c, FunctionId f) { return words(c.profile.backbone_functions[size_t(f)]); }

std::string candidate_name(const Candidate& cand) { return cand.name.empty() ? cand.id : cand.name; }

// "Sam Okafor of Harvest Savings & Loan" for a person, the name for an organization.
std::string invitee_words(const Community& c, const Candidate& cand) {
  if (cand.kind != Candidate::Kind::person || cand.organization.empty()) return candidate_name(cand);
  auto o = c.find_organization(cand.organization);
  return candidate_name(cand) + " of " + (o ? org_name(c, *o) : cand.organization);
}

// The invitee of the plan who closes `gap` first, if any.
const PlanInvitee* invitee_for(const GapReport& g, const GapRef& gap) {
  for (const PlanInvitee& p : g.invite_plan.invitees)
    if (std::find(p.closes.begin(), p.closes.end(), gap) != p.closes.end()) return &p;
  return nullptr;
}

std::string tie_phrase(const Candidate& cand) {
  if (cand.ties_to_table == 0) return "no tie to the table yet";
  std::string out =
      fmt::format("already tied to {} at the table", plural(cand.ties_to_table, "organization", "organizations"));
  if (cand.unconfirmed_ties > 0)
    out += fmt::format(" ({} of those ties heard from one side only in the partner survey)", cand.unconfirmed_ties);
  return out;
}

// The organization at the table with the most ties: the natural anchor to ask first.
int32_t best_connected_at_table(const std::vector<uint32_t>& degree, const std::vector<bool>& at_table) {
  int32_t best = kNoOrganization;
  for (uint32_t v = 0; v < degree.size() && v < at_table.size(); ++v)
    if (at_table[v] && (best == kNoOrganization || degree[v] > degree[uint32_t(best)])) best = int32_t(v);
  return best;
}

}  // namespace

BoardFindings board_findings(const Community& c, const GapReport& g, const RoleReport& r, const NetworkMetrics& m) {
  BoardFindings f;
  const size_t limit = 5;
  const std::vector<bool> at_table = c.organizations_at_table();

  // ---- What a lead should know -------------------------------------------
  std::vector<std::string> under_sectors;
  for (const SectorRow& s : g.sectors) {
    if (!s.required) continue;
    if (s.status == GapStatus::missing) f.missing_key_sectors.push_back(words(s.name));
    if (s.status == GapStatus::under) under_sectors.push_back(words(s.name));
  }
  std::string table = fmt::format("{} and {} sit at the table.", plural(size_t(g.table.organizations), "organization", "organizations"),
                                  plural(size_t(g.table.people), "person", "people"));
  if (f.missing_key_sectors.empty())
    table += " Every key sector has a seat.";
  else
    table += fmt::format(" Key sector{} without a seat: {}.", f.missing_key_sectors.size() == 1 ? "" : "s",
                         name_list(f.missing_key_sectors, limit));
  if (!under_sectors.empty()) table += fmt::format(" Below the seats they need: {}.", name_list(under_sectors, limit));
  f.know.push_back(table);

  std::vector<std::string> gens;
  for (const GenerationRow& row : g.generations)
    if (row.status == GapStatus::missing || row.status == GapStatus::under)
      gens.push_back(row.resident_share ? fmt::format("{} ({} of the table, {} of the residents)",
                                                      generation_name(row.generation), percent(row.table_share),
                                                      percent(*row.resident_share))
                                        : generation_name(row.generation));
  if (!g.has_residents)
    f.know.push_back("The profile gives no residents per generation, so the table is not compared with them.");
  else if (gens.empty())
    f.know.push_back("Every generation has at least its fair share of the table, compared with the residents.");
  else
    f.know.push_back("Under-represented at the table compared with the residents: " + name_list(gens, limit) + ".");

  size_t contested = 0, uncovered = 0;
  std::vector<std::string> overlaps;
  for (const IssueAreaRoles& a : r.issue_areas) {
    if (a.overlapping_backbones) overlaps.push_back(area_name(c, a));
    for (const FunctionCoverage& fc : a.functions) {
      contested += fc.status == CoverageStatus::contested;
      uncovered += fc.status == CoverageStatus::uncovered;
    }
  }
  std::string roles_line;
  if (!overlaps.empty())
    roles_line = fmt::format("Several organizations claim the whole backbone role in {}. ", name_list(overlaps, limit));
  roles_line += fmt::format("{} contested and {} nobody plays, across {}.",
                            plural(contested, "backbone function is", "backbone functions are"), uncovered,
                            plural(r.issue_areas.size(), "issue area", "issue areas"));
  if (r.anchor_status == HowMany::none)
    roles_line += " No organization is named the anchor.";
  else if (r.anchor_status == HowMany::one)
    roles_line += " The anchor is " + org_name(c, r.anchors[0]) + ".";
  else
    roles_line += " Several organizations hold the anchor role: " + org_list(c, r.anchors, limit) + ".";
  f.know.push_back(roles_line);

  const NetworkSummary& s = m.summary;
  std::string structure = fmt::format("The network has {} among {}", plural(size_t(s.ties), "tie", "ties"),
                                      plural(s.organizations, "organization", "organizations"));
  if (s.component_sizes.size() > 1)
    structure += fmt::format(", in {} separate parts", s.component_sizes.size());
  structure += ".";
  if (!m.silos.empty()) structure += fmt::format(" {} keep their ties within one or two sectors.", plural(m.silos.size(), "silo", "silos"));
  if (!m.single_points.empty())
    structure += fmt::format(" If {} left, {} would lose contact with the rest.", org_name(c, m.single_points[0].organization),
                             plural(m.single_points[0].cut_off, "organization", "organizations"));
  f.know.push_back(structure);

  // ---- Next steps, by kind; the summary takes them round-robin ---------------
  std::vector<std::vector<std::string>> kinds(7);
  for (const SectorRow& row : g.sectors) {
    if (!row.required || (row.status != GapStatus::missing && row.status != GapStatus::under)) continue;
    const PlanInvitee* p = invitee_for(g, GapRef{GapRef::Kind::sector, row.sector});
    if (p)
      kinds[0].push_back(fmt::format("Invite {} to the table for {} ({}).", invitee_words(c, p->candidate), words(row.name),
                                     tie_phrase(p->candidate)));
    else
      kinds[0].push_back(fmt::format("Find a {} partner: nobody in the network can take the {} seat yet.",
                                     words(row.name), words(row.name)));
  }
  for (const IssueAreaRoles& a : r.issue_areas)
    for (const FunctionCoverage& fc : a.functions)
      if (fc.status == CoverageStatus::contested) {
        std::vector<uint32_t> who;
        for (const FunctionClaim& cl : fc.claims) who.push_back(cl.organization);
        kinds[1].push_back(fmt::format("Agree who does {} in {}: {} all claim it.", function_name(c, fc.function),
                                       area_name(c, a), org_list(c, who, 3)));
      }
  if (r.anchor_status == HowMany::none) {
    const int32_t best = best_connected_at_table(m.centrality.degree, at_table);
    kinds[2].push_back(best == kNoOrganization
                           ? std::string("Name one anchor organization for the partnership.")
                           : fmt::format("Name one anchor for the partnership: {} is the best connected "
                                         "organization at the table.",
                                         org_name(c, uint32_t(best))));
  } else if (r.anchor_status == HowMany::several) {
    kinds[2].push_back("Choose one anchor among " + org_list(c, r.anchors, 3) + ".");
  }
  for (const IssueAreaRoles& a : r.issue_areas)
    if (a.overlapping_backbones) {
      std::vector<uint32_t> who;
      for (const WholeRoleBackbone& b : a.backbones) who.push_back(b.organization);
      kinds[3].push_back(fmt::format("Settle the backbone of {}: {} each claim the whole role; the proposed plan "
                                     "shares its functions among them.",
                                     area_name(c, a), org_list(c, who, 3)));
    }
  for (const GenerationRow& row : g.generations) {
    if (!g.has_residents || (row.status != GapStatus::missing && row.status != GapStatus::under)) continue;
    const PlanInvitee* p = invitee_for(g, GapRef{GapRef::Kind::generation, uint16_t(row.generation)});
    if (p)
      kinds[4].push_back(fmt::format("Bring {} to the table: invite {}.", generation_name(row.generation),
                                     invitee_words(c, p->candidate)));
    else if (row.through_organizations)
      kinds[4].push_back(fmt::format("Reach {} through the organizations that serve them: nobody of that "
                                     "generation is in the network yet.",
                                     generation_name(row.generation)));
  }
  for (const SinglePointOfFailure& p : m.single_points)
    if (p.cut_off >= 2)
      kinds[5].push_back(fmt::format("Add ties around {}: if it left, {} would lose contact with the rest.",
                                     org_name(c, p.organization), plural(p.cut_off, "organization", "organizations")));
  for (const IssueAreaRoles& a : r.issue_areas)
    for (const FunctionCoverage& fc : a.functions)
      if (fc.status == CoverageStatus::uncovered && a.organization_count > 0)
        kinds[6].push_back(fmt::format("Find an organization to do {} in {}: nobody plays it.",
                                       function_name(c, fc.function), area_name(c, a)));
  for (size_t round = 0; f.steps.size() < 5; ++round) {
    bool any = false;
    for (const auto& list : kinds)
      if (round < list.size() && f.steps.size() < 5) {
        f.steps.push_back(list[round]);
        any = true;
      }
    if (!any) break;
  }
  return f;
}

namespace {

const char* kStyles = R"(
:root { --ink: #1d1d1f; --soft: #5b5b60; --line: #d9d9de; --warn: #c0392b; --ok: #1e7b4a; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.4; font-size: 11pt; background: #f3f3f1; }
main { max-width: 52rem; margin: 0 auto; }
section { background: #fff; margin: 1.2rem 0; padding: 1.6rem 2rem; border-radius: 6px; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 0 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 .4rem; }
p { margin: .35rem 0; }
.sub { color: var(--soft); margin-bottom: .8rem; }
.missing { color: var(--warn); font-weight: bold; }
.steps li { margin: .3rem 0; }
.know li { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: 9.5pt; }
th, td { border-bottom: 1px solid var(--line); padding: .22rem .4rem; text-align: left; vertical-align: top; }
th { background: #f0f0f2; font-weight: 600; }
td.num, th.num { text-align: right; }
.matrix td, .matrix th { text-align: center; }
.matrix td:first-child, .matrix th:first-child { text-align: left; }
.contested { background: #fbe3e0; color: var(--warn); font-weight: bold; }
.uncovered { background: #eeeeee; color: var(--soft); }
.shared, .covered { color: var(--ok); }
.note { color: var(--soft); font-size: 9pt; }
.more { color: var(--soft); font-style: italic; }
figure { margin: .6rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--soft); font-size: 9pt; }
.measures dt { font-weight: 600; }
.measures dd { margin: 0 0 .4rem 0; color: var(--soft); }
.profile h3 { margin-top: 0; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; vertical-align: -1px; margin-right: .3em; }
@page { margin: 14mm 13mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; }
  section { margin: 0; padding: 0; border-radius: 0; break-before: page; }
  section:first-child { break-before: auto; }
  section.summary { break-after: page; }
  h2, h3 { break-after: avoid; }
  figure, tr, li, .profile { break-inside: avoid; }
  .profile { break-before: page; }
}
)";

std::string seat_chart(const Context& x) {
  std::vector<svg::SeatRow> rows;
  for (const SectorRow& s : x.gaps.sectors) {
    svg::SeatRow r;
    r.label = words(s.name) + (s.required ? " (key)" : "");
    r.color = sector_rgb(s.sector);
    r.seats = s.seats;
    r.needed = s.required ? s.min_seats : 0;
    r.flagged = s.required && (s.status == GapStatus::missing || s.status == GapStatus::under);
    r.note = s.status == GapStatus::missing && s.required ? "missing: no seat"
             : s.status == GapStatus::under               ? fmt::format("{} of {} seats", s.seats, s.min_seats)
             : s.seats == 0                               ? "no seat (optional)"
                                                          : plural(size_t(s.seats), "seat", "seats");
    rows.push_back(r);
  }
  return svg::seat_chart(rows, "Seats at the table per sector: filled circles are seats, dashed circles seats still missing");
}

std::string generation_chart(const Context& x) {
  std::vector<svg::PairedRow> rows;
  for (const GenerationRow& g : x.gaps.generations) {
    svg::PairedRow r;
    r.label = generation_name(g.generation);
    r.first = g.table_share;
    r.second = g.resident_share;
    r.flagged = g.status == GapStatus::missing || g.status == GapStatus::under;
    r.note = g.status == GapStatus::missing ? "nobody at the table"
             : g.status == GapStatus::under ? "under-represented"
             : g.status == GapStatus::over  ? "over-represented"
                                            : "";
    rows.push_back(r);
  }
  return svg::paired_bars(rows, "Generations at the table against the residents", "share of the table",
                          x.gaps.has_residents ? "share of the residents" : "residents not given");
}

std::string summary_section(const Context& x, const BoardFindings& f) {
  const Profile& p = x.c.profile;
  std::string out = "<section class=\"summary\" id=\"summary\">";
  out += "<h1>" + h(p.name) + "</h1><p class=\"sub\">";
  std::vector<std::string> facts;
  if (p.year) facts.push_back(fmt::format("Leadership table, {}", p.year));
  if (p.geography != Geography::unspecified) facts.push_back(std::string(to_string(p.geography)));
  if (p.population) facts.push_back(thousands(p.population) + " residents");
  if (!x.options.generated.empty()) facts.push_back("report of " + x.options.generated);
  for (size_t i = 0; i < facts.size(); ++i) out += (i ? " · " : "") + h(facts[i]);
  out += "</p>";
  if (!f.missing_key_sectors.empty())
    out += "<p class=\"missing\">Missing from the table: " + h(name_list(f.missing_key_sectors, 10)) +
           " (key sectors without a seat).</p>";
  out += "<h2>What to know</h2><ul class=\"know\">";
  for (const std::string& k : f.know) out += "<li>" + h(k) + "</li>";
  out += "</ul><h2>Recommended next steps</h2><ol class=\"steps\">";
  for (const std::string& s : f.steps) out += "<li>" + h(s) + "</li>";
  out += "</ol>";
  out += "<figure>" + seat_chart(x) + "<figcaption>Seats per sector: filled = at the table, dashed = a key sector's "
         "missing seat.</figcaption></figure>";
  out += "<p class=\"note\">The steps come from the analyses in this report: who is missing (the table), who plays "
         "which part (backbone roles) and how the network holds together (structure). They are a starting point "
         "for the board's discussion, not a verdict.</p></section>";
  return out;
}

std::string candidate_cell(const Community& c, const Candidate& cand) {
  std::string who = candidate_name(cand);
  if (cand.kind == Candidate::Kind::person) {
    std::vector<std::string> about;
    if (cand.generation) about.push_back(generation_name(*cand.generation));
    if (!cand.organization.empty()) {
      auto o = c.find_organization(cand.organization);
      about.push_back(o ? org_name(c, *o) : cand.organization);
    }
    if (!about.empty()) who += " (" + name_list(about, 3) + ")";
  }
  return h(who);
}

std::string table_section(const Context& x) {
  const GapReport& g = x.gaps;
  std::string out = "<section id=\"table\"><h2>The table</h2>";
  out += fmt::format("<p>{} and {} sit at the table ({} formal and {} informal leaders; {} residents).</p>",
                     h(plural(size_t(g.table.organizations), "organization", "organizations")),
                     h(plural(size_t(g.table.people), "person", "people")), g.table.formal_leaders,
                     g.table.informal_leaders, g.table.residents);
  out += "<h3>Seats per sector</h3><figure>" + seat_chart(x) + "</figure>";
  out += "<h3>Generations at the table and among the residents</h3><figure>" + generation_chart(x) + "</figure>";
  const FitTest& fit = g.generation_fit;
  std::string test = fit.test.empty() || fit.test == "none" ? fit.note
                     : fmt::format("Whole table against the residents ({}): {}", fit.test, fit.note);
  out += "<p class=\"note\">" +
         h(fmt::format("A generation is under-represented when its share of the table is below {:.2f} times its "
                       "share of the residents. {}",
                       g.generation_ratio_floor, test)) +
         "</p>";

  out += "<h3>Candidates for each gap</h3><table><tr><th>Gap</th><th>Best candidates</th><th class=\"num\">In "
         "all</th></tr>";
  bool any = false;
  auto candidate_row = [&](const std::string& gap, const std::vector<Candidate>& list, size_t total) {
    any = true;
    std::string names;
    for (size_t i = 0; i < list.size() && i < 3; ++i)
      names += (i ? "; " : "") + candidate_cell(x.c, list[i]) + " <span class=\"note\">" + h(tie_phrase(list[i])) +
               "</span>";
    if (list.empty()) names = "<span class=\"more\">nobody in the network</span>";
    out += "<tr><td>" + h(gap) + "</td><td>" + names + "</td><td class=\"num\">" + std::to_string(total) + "</td></tr>";
  };
  for (const SectorRow& s : g.sectors)
    if (s.required && (s.status == GapStatus::missing || s.status == GapStatus::under))
      candidate_row(words(s.name) + " (key sector)", s.candidates, s.candidate_count);
  for (const GenerationRow& r : g.generations)
    if (r.status == GapStatus::missing || r.status == GapStatus::under)
      candidate_row(generation_name(r.generation), r.candidates, r.candidate_count);
  out += "</table>";
  if (!any) out += "<p>No key sector and no generation needs a candidate.</p>";

  const InvitePlanResult& plan = g.invite_plan;
  out += "<h3>Invite plan</h3>";
  if (plan.invitees.empty()) {
    out += "<p>Nobody needs to be invited to close the gaps the network can close.</p>";
  } else {
    out += "<p>" + h(fmt::format("{} would close what the network can close (chosen greedily: a short plan, not "
                                 "always the shortest).",
                                 plural(plan.invitees.size(), "invitation", "invitations"))) +
           "</p><ol>";
    const size_t shown = std::min(plan.invitees.size(), x.options.list_limit);
    for (size_t i = 0; i < shown; ++i) {
      const PlanInvitee& p = plan.invitees[i];
      std::vector<std::string> closes;
      for (const GapRef& gap : p.closes)
        closes.push_back(gap.kind == GapRef::Kind::sector ? words(x.c.sector_name(gap.index))
                                                          : generation_name(Generation(gap.index)));
      out += "<li>" + candidate_cell(x.c, p.candidate) + ": for " + h(name_list(closes, 5)) + "</li>";
    }
    out += "</ol>";
    if (shown < plan.invitees.size())
      out += "<p class=\"more\">" + h(fmt::format("and {} more invitations ({} in all)", plan.invitees.size() - shown,
                                                  plan.invitees.size())) +
             "</p>";
  }
  for (const UnclosableGap& u : plan.cannot_close) {
    const std::string gap = u.gap.kind == GapRef::Kind::sector ? words(x.c.sector_name(u.gap.index))
                                                               : generation_name(Generation(u.gap.index));
    out += "<p class=\"missing\">" +
           h(fmt::format("{}: the network cannot close this gap ({} needed, {} available). Look beyond the current "
                         "partners.",
                         gap, u.needed, u.available)) +
           "</p>";
  }
  out += "</section>";
  return out;
}

}  // namespace

std::string board_report_html(const Community& c, const Network& net, const GapReport& gaps, const RoleReport& roles,
                              const NetworkMetrics& metrics, const BoardReportOptions& options) {
  Context x{c, net, gaps, roles, metrics, options, c.organizations_at_table()};
  BoardFindings findings = board_findings(c, gaps, roles, metrics);
  if (std::string survey = survey_finding(x); !survey.empty()) findings.know.push_back(std::move(survey));
  std::string title = c.profile.name + (c.profile.year ? fmt::format(" {}", c.profile.year) : "") + ": board report";
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    "<meta name=\"generator\" content=\"tablemap\"><title>" +
                    h(title) + "</title><style>" + kStyles + "</style></head><body><main>\n";
  out += summary_section(x, findings) + "\n";
  out += table_section(x) + "\n";
  out += section_roles(x) + "\n";
  out += section_structure(x) + "\n";
  if (std::string survey = section_survey(x); !survey.empty()) out += survey + "\n";
  out += section_change(x);
  if (options.profiles) out += section_profiles(x) + "\n";
  out += "</main></body></html>\n";
  return out;
}

BoardAnalyses board_analyses(const Community& c, const Network& net) {
  BoardAnalyses out;
  out.gaps = analyze_gaps(c, net);
  out.roles = analyze_roles(c, net);
  MetricsOptions mo;
  // Above 2,000 organizations betweenness and closeness are estimated from
  // sampled organizations (the report says so): exact ones take a minute on
  // 10,000, and the report only names the top few.
  if (c.organizations.size() > 2000) mo.centrality.force_sampled = true;
  out.metrics = measure_network(c, net, mo);
  return out;
}

std::string board_report_html(const Community& c, const Network& net, const BoardReportOptions& options) {
  const BoardAnalyses a = board_analyses(c, net);
  return board_report_html(c, net, a.gaps, a.roles, a.metrics, options);
}

}  // namespace tablemap
