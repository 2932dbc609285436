// The board report's backbone roles, structure and profile sections.
#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "analysis/board_report_parts.hpp"
#include "analysis/metrics_report.hpp"
#include "analysis/svg_chart.hpp"
#include "core/palette.hpp"

namespace tablemap::board {
namespace {

std::string area_name(const Community& c, IssueAreaId a) {
  const IssueArea& ia = c.profile.issue_areas[size_t(a)];
  return ia.name.empty() ? words(ia.id) : ia.name;
}
std::string function_name(const Community& c, FunctionId f) { return words(c.profile.backbone_functions[size_t(f)]); }

const char* coverage_word(CoverageStatus s) {
  switch (s) {
    case CoverageStatus::uncovered: return "nobody";
    case CoverageStatus::covered: return "one";
    case CoverageStatus::shared: return "shared";
    case CoverageStatus::contested: return "contested";
  }
  return "";
}

// Why the plan gives a function to an organization, in names (the CLI's reason names ids).
std::string plan_reason(const Context& x, const IssueAreaRoles& area, const BackboneAssignment& a) {
  if (a.organization == kNoOrganization)
    return area.organization_count == 0 ? "nobody works in this issue area yet"
                                        : "every organization of the area already carries as many functions as the "
                                          "plan allows";
  std::vector<std::string> parts;
  const BackboneFacts& f = a.facts;
  if (f.agreed) parts.push_back("keeps its agreed claim");
  else if (f.claim == ClaimLevel::function) parts.push_back("claims this function");
  else if (f.claim == ClaimLevel::whole_role) parts.push_back("claims the whole backbone role");
  else parts.push_back(a.other_claimants.empty() ? "nobody claims it" : "its claimants already carry other functions");
  parts.push_back(fmt::format("tied to {} of the {} other organizations of the area", f.area_ties,
                              area.organization_count ? area.organization_count - 1 : 0));
  parts.push_back(f.at_table ? "at the table" : "not at the table");
  if (!a.other_claimants.empty()) parts.push_back("also claimed by " + org_list(x.c, a.other_claimants, 3));
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

std::string issue_area_block(const Context& x, const IssueAreaRoles& area) {
  const Community& c = x.c;
  std::string out = "<h3>" + h(area_name(c, area.issue_area)) + "</h3>";
  out += "<p>" + h(fmt::format("{} work in this issue area, {} of them as practitioners.",
                               plural(area.organization_count, "organization", "organizations"),
                               area.practitioner_count)) +
         "</p>";
  if (area.overlapping_backbones) {
    std::vector<uint32_t> who;
    for (const WholeRoleBackbone& b : area.backbones) who.push_back(b.organization);
    out += "<p class=\"missing\">Overlapping backbones: " + h(org_list(c, who, x.options.list_limit)) +
           " each claim the whole backbone role.</p>";
  }
  // The matrix: organizations with a claim (rows) x functions (columns).
  std::vector<uint32_t> claimants;
  for (const FunctionCoverage& fc : area.functions)
    for (const FunctionClaim& cl : fc.claims)
      if (std::find(claimants.begin(), claimants.end(), cl.organization) == claimants.end())
        claimants.push_back(cl.organization);
  out += "<table class=\"matrix\"><tr><th>Organization</th>";
  for (const FunctionCoverage& fc : area.functions) {
    const char* cls = fc.status == CoverageStatus::contested   ? " class=\"contested\""
                      : fc.status == CoverageStatus::uncovered ? " class=\"uncovered\""
                                                               : "";
    out += std::string("<th") + cls + ">" + h(function_name(c, fc.function)) + "</th>";
  }
  out += "</tr>";
  const size_t shown = std::min(claimants.size(), x.options.list_limit * 2);
  for (size_t i = 0; i < shown; ++i) {
    out += "<tr><td>" + h(org_name(c, claimants[i])) + "</td>";
    for (const FunctionCoverage& fc : area.functions) {
      auto it = std::find_if(fc.claims.begin(), fc.claims.end(),
                             [&](const FunctionClaim& cl) { return cl.organization == claimants[i]; });
      std::string cell;
      if (it != fc.claims.end())
        cell = std::string(it->whole_role ? "whole role" : "claims") + (it->agreed ? ", agreed" : "");
      const char* cls = it != fc.claims.end() && fc.status == CoverageStatus::contested ? " class=\"contested\"" : "";
      out += std::string("<td") + cls + ">" + h(cell) + "</td>";
    }
    out += "</tr>";
  }
  if (shown < claimants.size())
    out += "<tr><td class=\"more\" colspan=\"" + std::to_string(area.functions.size() + 1) + "\">" +
           h(fmt::format("and {} more claimants ({} in all)", claimants.size() - shown, claimants.size())) +
           "</td></tr>";
  out += "<tr><th>who plays it</th>";
  for (const FunctionCoverage& fc : area.functions) {
    const char* cls = fc.status == CoverageStatus::contested   ? " class=\"contested\""
                      : fc.status == CoverageStatus::uncovered ? " class=\"uncovered\""
                                                               : " class=\"shared\"";
    out += std::string("<th") + cls + ">" + coverage_word(fc.status) + "</th>";
  }
  out += "</tr></table>";
  if (claimants.empty()) out += "<p>Nobody claims a backbone function here.</p>";

  // Conveners per outcome.
  const IssueArea& ia = c.profile.issue_areas[size_t(area.issue_area)];
  if (!area.conveners.empty()) {
    out += "<p><b>Conveners:</b> ";
    for (size_t i = 0; i < area.conveners.size(); ++i) {
      const OutcomeConveners& oc = area.conveners[i];
      std::vector<uint32_t> who;
      for (const ConvenerTies& t : oc.conveners) who.push_back(t.organization);
      out += (i ? "; " : "") + h(words(ia.outcomes[size_t(oc.outcome)])) + ": " +
             (who.empty() ? "<span class=\"missing\">nobody</span>" : h(org_list(c, who, 3)));
    }
    out += ".</p>";
  }
  // The proposed plan.
  out += "<table><tr><th>Function</th><th>Proposed organization</th><th>Why</th></tr>";
  for (const BackboneStep& step : area.plan) {
    const BackboneAssignment& a = step.assignment;
    out += "<tr><td>" + h(function_name(c, a.function)) + "</td><td>" +
           (a.organization == kNoOrganization ? "<span class=\"missing\">nobody</span>"
                                              : h(org_name(c, uint32_t(a.organization)))) +
           "</td><td>" + h(plan_reason(x, area, a)) + "</td></tr>";
  }
  out += "</table>";
  return out;
}

}  // namespace

std::string section_roles(const Context& x) {
  const RoleReport& r = x.roles;
  std::string out = "<section id=\"roles\"><h2>Backbone roles</h2>";
  if (r.anchor_status == HowMany::none)
    out += "<p class=\"missing\">No organization is named the anchor of the partnership.</p>";
  else
    out += "<p><b>Anchor:</b> " + h(org_list(x.c, r.anchors, x.options.list_limit)) +
           (r.anchor_status == HowMany::several ? " (several: the partnership should choose one)" : "") + ".</p>";
  out += "<p class=\"note\">In each matrix a column is <span class=\"contested\">contested</span> when several "
         "organizations claim a function without agreeing on it or being strongly tied, and grey when nobody plays "
         "it. &ldquo;whole role&rdquo; is a claim of the whole backbone role.</p>";
  for (const IssueAreaRoles& area : r.issue_areas) out += issue_area_block(x, area);
  if (r.issue_areas.empty()) out += "<p>The profile names no issue areas, so there are no backbone roles to show.</p>";
  out += "<p class=\"note\">" + h(kPlanCaveat) + "</p></section>";
  return out;
}

namespace {

std::string network_picture(const Context& x) {
  const Community& c = x.c;
  const size_t n = c.organizations.size();
  if (x.options.positions.size() != n || n == 0) return "";
  std::vector<svg::MapNode> nodes(n);
  for (uint32_t v = 0; v < n; ++v) {
    const Organization& o = c.organizations[v];
    svg::MapNode& m = nodes[v];
    m.x = x.options.positions[v].x;
    m.y = x.options.positions[v].y;
    m.fill = sector_rgb(o.sector);
    m.ring = x.at_table[v];
    m.radius = std::min(4.0 + 1.6 * std::sqrt(double(x.net.degree(v))), n > 2000 ? 6.0 : 12.0);
    if (n > 2000) m.radius = std::max(1.5, m.radius * 0.5);
    // A name under the pointer on a map one can read; above 2,000 discs the
    // tooltips cost Chromium most of its time to print the report.
    if (n <= 2000) m.title = org_name(c, v) + " (" + words(c.sector_name(o.sector)) + ")";
  }
  // Names for the most connected organizations (those at the table first on small maps).
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (n <= 60 && x.at_table[a] != x.at_table[b]) return bool(x.at_table[a]);
    return x.net.degree(a) > x.net.degree(b);
  });
  const size_t labelled = std::min<size_t>(n, n <= 60 ? n : 25);
  std::vector<svg::MapNode> sorted;
  sorted.reserve(n);
  std::vector<uint32_t> position_of(n);
  // Drawn in reverse label order, so the labelled (important) ones sit on top; labels follow that order.
  for (size_t k = n; k-- > 0;) {
    position_of[order[k]] = uint32_t(sorted.size());
    sorted.push_back(nodes[order[k]]);
    if (k < labelled) sorted.back().label = org_name(c, order[k]);
  }
  std::vector<svg::MapLink> links;
  std::vector<uint32_t> rel(x.net.relationship_count());
  std::iota(rel.begin(), rel.end(), 0u);
  const auto& rels = x.net.relationships();
  std::stable_sort(rel.begin(), rel.end(), [&](uint32_t a, uint32_t b) { return rels[a].strength > rels[b].strength; });
  const size_t drawn = std::min(rel.size(), x.options.map_tie_limit);
  links.reserve(drawn);
  for (size_t i = 0; i < drawn; ++i) {
    const Relationship& r = rels[rel[i]];
    links.push_back({position_of[r.a], position_of[r.b], tie_kind_rgb(main_tie_kind(r.kinds)),
                     n > 2000 ? 0.4 : 0.6 + 0.5 * r.strength, !r.confirmed});
  }
  std::vector<svg::LegendEntry> legend;
  std::vector<bool> used(c.profile.sectors.size(), false);
  for (const Organization& o : c.organizations) used[o.sector] = true;
  for (SectorId s = 0; s < c.profile.sectors.size(); ++s)
    if (used[s]) legend.push_back({sector_rgb(s), words(c.sector_name(s))});
  legend.push_back({kAtTableRingRgb, "ring: at the table", true});
  std::string out = "<figure>" + svg::network_map(sorted, links, legend,
                                                  "The network map: one disc per organization, colored by sector",
                                                  720, n > 2000 ? 620 : 520);
  out += "<figcaption>" +
         h(fmt::format("One disc per organization, colored by sector; larger discs have more ties; a dark ring marks "
                       "the table. {}",
                       drawn < rel.size() ? fmt::format("The {} strongest of the {} ties are drawn.", drawn, rel.size())
                                          : std::string("Lines are ties, colored by their most binding kind; dashed "
                                                        "ones are not confirmed by both sides."))) +
         "</figcaption></figure>";
  return out;
}

std::string measure(const std::string& name, const std::string& value, const std::string& meaning) {
  return "<dt>" + h(name) + ": " + h(value) + "</dt><dd>" + h(meaning) + "</dd>";
}

std::string number(double v) { return std::isfinite(v) ? fmt::format("{:.2f}", v) : "not defined"; }

std::vector<std::string> sector_words(const Community& c, const std::vector<SectorId>& sectors) {
  std::vector<std::string> out;
  for (SectorId s : sectors) out.push_back(s < c.profile.sectors.size() ? words(c.sector_name(s)) : "?");
  return out;
}

}  // namespace

std::string section_structure(const Context& x) {
  const Community& c = x.c;
  const NetworkMetrics& m = x.metrics;
  const NetworkSummary& s = m.summary;
  const size_t limit = x.options.list_limit;
  std::string out = "<section id=\"structure\"><h2>Structure of the network</h2>";
  out += network_picture(x);

  out += "<h3>Silos</h3>";
  if (m.silos.empty()) out += "<p>No silo: no group of three or more organizations keeps its ties within one or two sectors.</p>";
  for (size_t i = 0; i < m.silos.size() && i < limit; ++i) {
    const Silo& silo = m.silos[i];
    std::vector<uint32_t> members;
    for (uint32_t v = 0; v < m.communities.community.size(); ++v)
      if (m.communities.community[v] == silo.community) members.push_back(v);
    std::stable_sort(members.begin(), members.end(),
                     [&](uint32_t a, uint32_t b) { return x.net.degree(a) > x.net.degree(b); });
    out += "<p>" + h(fmt::format("A silo of {} in {}: {} of its {} stay within {}. Members: {}.",
                                 plural(silo.organizations, "organization", "organizations"),
                                 name_list(sector_words(c, silo.sectors), 2), percent(silo.share),
                                 plural(size_t(silo.ties), "tie", "ties"),
                                 silo.sectors.size() == 1 ? "that sector" : "these sectors",
                                 org_list(c, members, limit))) +
           "</p>";
  }
  if (m.silos.size() > limit)
    out += "<p class=\"more\">" + h(fmt::format("and {} more silos ({} in all)", m.silos.size() - limit, m.silos.size())) + "</p>";

  out += "<h3>Brokers</h3>";
  if (m.brokers.empty()) out += "<p>No single organization holds the network together between sectors.</p>";
  out += "<ul>";
  for (size_t i = 0; i < m.brokers.size() && i < limit; ++i) {
    const Broker& b = m.brokers[i];
    std::vector<std::string> what;
    if (!b.sectors_cut_off.empty())
      what.push_back(name_list(sector_words(c, b.sectors_cut_off), 5) + " would lose every tie to the other sectors");
    if (b.pairs_disconnected > 0) what.push_back(percent(b.pairs_disconnected) + " of the organizations now in contact would lose it");
    if (b.average_distance_after > b.average_distance_before)
      what.push_back(fmt::format("the others would be {:.1f} steps apart on average instead of {:.1f}",
                                 b.average_distance_after, b.average_distance_before));
    out += "<li><b>" + h(org_name(c, b.organization)) + "</b> connects sectors: if it left, " +
           h(name_list(what, 3)) + ".</li>";
  }
  out += "</ul>";

  out += "<h3>Single points of failure</h3>";
  if (m.single_points.empty()) out += "<p>No organization's departure would cut others off.</p>";
  out += "<ul>";
  for (size_t i = 0; i < m.single_points.size() && i < limit; ++i) {
    const SinglePointOfFailure& p = m.single_points[i];
    std::string line = fmt::format("if it left, {} would lose contact with the rest", plural(p.cut_off, "organization", "organizations"));
    if (!p.cut_off_organizations.empty()) line += " (" + org_list(c, p.cut_off_organizations, 5) + ")";
    if (p.table_organizations_cut_off) line += fmt::format(", {} of them at the table", p.table_organizations_cut_off);
    out += "<li><b>" + h(org_name(c, p.organization)) + "</b>: " + h(line) + ".</li>";
  }
  out += "</ul>";
  if (s.articulation_points > m.single_points.size())
    out += "<p class=\"more\">" + h(fmt::format("{} organizations cut others off in all; the {} that cut off most are listed.",
                                                s.articulation_points, m.single_points.size())) + "</p>";

  out += "<h3>Headline measures</h3><dl class=\"measures\">";
  out += measure("Organizations and ties", fmt::format("{} organizations, {} ties", s.organizations, s.ties),
                 "a tie is any relationship between two organizations, however many kinds it has");
  out += measure("Density", fmt::format("{:.3f}", s.density),
                 "the share of all possible ties that exist; small networks are denser than large ones");
  out += measure("Separate parts", std::to_string(s.component_sizes.size()) +
                                       (s.isolates ? fmt::format(" ({} organizations without any tie)", s.isolates) : ""),
                 "groups with no tie between them; 1 means everybody can reach everybody through others");
  out += measure("Communities", fmt::format("{} (modularity {})", s.communities, number(s.modularity)),
                 "groups more tied within than between; a modularity above 0.3 means clearly separate groups");
  out += measure("Sector mix (E-I index)", number(s.sector_mix.ei()),
                 "from -1 (every tie stays within a sector) to +1 (every tie crosses sectors)");
  out += measure("Centralization", number(s.degree_centralization),
                 "0 when everybody has as many ties, 1 when one organization is tied to all the others and they to nobody else");
  out += measure("Cut points", fmt::format("{} organizations, {} ties", s.articulation_points, s.bridges),
                 "organizations and ties whose loss would split the network");
  if (m.centrality.paths.betweenness_sampled)
    out += measure("Betweenness", betweenness_method(m.centrality.paths),
                   "brokerage measures of a network this large are estimated, not counted exactly");
  if (m.centrality.paths.sampled)
    out += measure("Closeness", closeness_method(m.centrality.paths), "estimated, not counted exactly");
  out += "</dl></section>";
  return out;
}

std::string section_profiles(const Context& x) {
  const Community& c = x.c;
  const size_t n = c.organizations.size();
  std::vector<std::vector<uint32_t>> people_of(n);
  for (uint32_t p = 0; p < c.people.size(); ++p)
    if (c.people[p].organization != kNoOrganization) people_of[size_t(c.people[p].organization)].push_back(p);
  std::vector<std::vector<uint32_t>> roles_of(n);
  for (uint32_t r = 0; r < c.roles.size(); ++r) roles_of[c.roles[r].organization].push_back(r);
  std::vector<std::vector<uint32_t>> ties_of(n);
  const auto& rels = x.net.relationships();
  for (uint32_t i = 0; i < rels.size(); ++i) {
    ties_of[rels[i].a].push_back(i);
    ties_of[rels[i].b].push_back(i);
  }
  const bool measured = x.metrics.centrality.degree.size() == n;
  std::string out = "<section id=\"profiles\"><h2>Organization profiles</h2><p>One page per organization, to hand "
                    "back to each partner.</p>";
  for (uint32_t v = 0; v < n; ++v) {
    const Organization& o = c.organizations[v];
    out += "<div class=\"profile\"><h3><span class=\"swatch\" style=\"background:" + hex(sector_rgb(o.sector)) +
           "\"></span>" + h(org_name(c, v)) + "</h3>";
    out += "<p>" + h(fmt::format("{} sector{}, {}. {}.", words(c.sector_name(o.sector)),
                                 c.profile.is_required(o.sector) ? " (key)" : "", words(to_string(o.type)),
                                 x.at_table[v] ? "Has a seat at the table" : "Not at the table")) +
           "</p>";
    // People by generation.
    std::array<size_t, kGenerationCount> by_gen{};
    std::vector<std::string> at;
    for (uint32_t p : people_of[v]) {
      ++by_gen[size_t(c.people[p].generation)];
      if (c.people[p].at_table) at.push_back(c.people[p].name);
    }
    if (!people_of[v].empty()) {
      std::vector<std::string> gens;
      for (Generation g : kAllGenerations)
        if (by_gen[size_t(g)]) gens.push_back(fmt::format("{} {}", by_gen[size_t(g)], generation_name(g)));
      out += "<p>" + h(fmt::format("People: {}.", name_list(gens, 6))) +
             (at.empty() ? "" : " At the table: " + h(name_list(at, 5)) + ".") + "</p>";
    }
    if (!roles_of[v].empty()) {
      std::vector<std::string> roles;
      for (uint32_t ri : roles_of[v]) {
        const Role& r = c.roles[ri];
        std::string s = words(to_string(r.kind));
        if (r.issue_area != kNone) s += " in " + area_name(c, r.issue_area);
        if (r.kind == RoleKind::backbone && r.function != kWholeBackbone) s += " (" + function_name(c, r.function) + ")";
        s += r.status == RoleStatus::agreed ? ", agreed" : ", claimed";
        roles.push_back(s);
      }
      out += "<p>Roles: " + h(name_list(roles, 8)) + ".</p>";
    }
    std::vector<uint32_t>& ties = ties_of[v];
    std::stable_sort(ties.begin(), ties.end(), [&](uint32_t a, uint32_t b) { return rels[a].strength > rels[b].strength; });
    if (!ties.empty()) {
      std::vector<std::string> with;
      for (size_t i = 0; i < ties.size() && i <= x.options.list_limit; ++i) {
        const Relationship& r = rels[ties[i]];
        with.push_back(fmt::format("{} ({}, strength {})", org_name(c, r.other(v)), words(to_string(main_tie_kind(r.kinds))),
                                   r.strength));
      }
      if (ties.size() > x.options.list_limit + 1) with.resize(x.options.list_limit);
      std::string list = name_list(with, x.options.list_limit);
      if (ties.size() > with.size()) list += fmt::format(" and {} more ({} in all)", ties.size() - with.size(), ties.size());
      out += "<p>Ties: " + h(list) + ".</p>";
    } else {
      out += "<p>No ties recorded.</p>";
    }
    if (measured)
      out += "<p class=\"note\">" +
             h(fmt::format("Ties: {}; betweenness (normalized): {:.3f}; core number: {}; community {}.",
                           x.metrics.centrality.degree[v], x.metrics.centrality.paths.betweenness_norm.empty() ? 0.0
                                                                   : x.metrics.centrality.paths.betweenness_norm[v],
                           x.metrics.centrality.core.empty() ? 0u : x.metrics.centrality.core[v],
                           x.metrics.communities.community.empty() ? 0u : x.metrics.communities.community[v] + 1)) +
             "</p>";
    out += "</div>";
  }
  out += "</section>";
  return out;
}

std::string section_change(const Context& x) {
  if (!x.options.since_last_year) return "";
  const Comparison& d = *x.options.since_last_year;
  const size_t limit = x.options.list_limit;
  const std::string before = d.year_before ? std::to_string(d.year_before) : d.before_label;
  const std::string after = d.year_after ? std::to_string(d.year_after) : d.after_label;
  std::string out = "<section id=\"change\"><h2>" + h("Change since " + before) + "</h2>";
  out += "<ul class=\"know\">";
  for (const std::string& sentence : d.headline) out += "<li>" + h(sentence) + "</li>";
  out += "</ul>";

  // The figures behind the sentences, a year apart.
  out += "<table class=\"change\"><thead><tr><th></th><th>" + h(before) + "</th><th>" + h(after) +
         "</th></tr></thead><tbody>";
  for (const WhatIfRow& r : change_rows(d))
    out += "<tr><td>" + h(r.label) + "</td><td class=\"num\">" + h(r.before) + "</td><td class=\"num\">" +
           h(r.after) + "</td></tr>";
  out += "</tbody></table>";

  auto names = [&](const std::vector<NamedRow>& rows) {
    std::vector<std::string> out;
    for (const NamedRow& r : rows) out.push_back(r.name.empty() ? r.id : r.name);
    return name_list(out, limit);
  };
  if (!d.joined_table.empty())
    out += "<p>" + h(fmt::format("Joined the table: {}.", names(d.joined_table))) + "</p>";
  if (!d.left_table.empty()) out += "<p>" + h(fmt::format("Left the table: {}.", names(d.left_table))) + "</p>";
  out += "</section>\n";
  return out;
}

}  // namespace tablemap::board
