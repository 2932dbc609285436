// The text and --json forms of a Comparison (analysis/compare.hpp).
#include <cmath>

#include <fmt/format.h>

#include "analysis/board_report_parts.hpp"
#include "analysis/compare.hpp"

namespace tablemap {
namespace {

// Lists in the text report stop after this many lines ("... and 40 more");
// --json always lists everything.
constexpr size_t kListed = 25;

nlohmann::json number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

nlohmann::json ids(const std::vector<NamedRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const NamedRow& r : rows) out.push_back(r.id);
  return out;
}

nlohmann::json named(const std::vector<NamedRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const NamedRow& r : rows) out.push_back({{"id", r.id}, {"name", r.name}});
  return out;
}

nlohmann::json people(const std::vector<PersonChange>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const PersonChange& p : rows)
    out.push_back({{"id", p.person.id}, {"name", p.person.name}, {"organization", p.organization.id}});
  return out;
}

nlohmann::json ties(const std::vector<TieChange>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const TieChange& t : rows)
    out.push_back({{"source", t.source.id},
                   {"target", t.target.id},
                   {"source_name", t.source.name},
                   {"target_name", t.target.name},
                   {"strength_before", t.strength_before},
                   {"strength_after", t.strength_after},
                   {"confirmed_before", t.confirmed_before},
                   {"confirmed_after", t.confirmed_after},
                   {"cross_sector", t.cross_sector}});
  return out;
}

nlohmann::json claims(const std::vector<ClaimChange>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const ClaimChange& c : rows)
    out.push_back({{"organization", c.organization.id},
                   {"name", c.organization.name},
                   {"issue_area", c.issue_area},
                   {"function", c.function.empty() ? "all" : c.function},
                   {"status", c.agreed ? "agreed" : "claimed"}});
  return out;
}

nlohmann::json conveners(const std::vector<ConvenerChange>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const ConvenerChange& c : rows)
    out.push_back({{"organization", c.organization.id},
                   {"name", c.organization.name},
                   {"issue_area", c.issue_area},
                   {"outcome", c.outcome}});
  return out;
}

nlohmann::json silos(const std::vector<SiloChange>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const SiloChange& s : rows)
    out.push_back({{"organizations", s.organizations}, {"sectors", s.sectors}, {"members", named(s.members)}});
  return out;
}

nlohmann::json betweenness(const std::vector<BetweennessChange>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const BetweennessChange& b : rows)
    out.push_back({{"id", b.organization.id}, {"name", b.organization.name}, {"before", b.before}, {"after", b.after}});
  return out;
}

nlohmann::json fit(const FitTest& f) {
  return {{"test", f.test}, {"p_value", number(f.p_value)}, {"people", f.people}, {"note", f.note}};
}

// ---------------------------------------------------------------- text

std::string name_id(const NamedRow& r) { return r.name == r.id || r.name.empty() ? r.id : r.name + " (" + r.id + ")"; }

std::string status_text(const std::optional<GapStatus>& s) { return s ? std::string(to_string(*s)) : "not listed"; }

std::string tie_text(const TieChange& t) { return name_id(t.source) + " - " + name_id(t.target); }

std::string claim_text(const ClaimChange& c) {
  return fmt::format("{}: {} of {} ({})", name_id(c.organization), c.function.empty() ? "the whole backbone" : c.function,
                     c.issue_area, c.agreed ? "agreed" : "claimed");
}

template <class Row, class Text>
void list(std::string& out, const std::string& title, const std::vector<Row>& rows, Text text) {
  if (rows.empty()) return;
  out += fmt::format("  {} ({}):\n", title, rows.size());
  for (size_t i = 0; i < rows.size() && i < kListed; ++i) out += "    " + text(rows[i]) + "\n";
  if (rows.size() > kListed) out += fmt::format("    ... and {} more (all of them in --json)\n", rows.size() - kListed);
}

std::string share(double x) { return std::isfinite(x) ? fmt::format("{:.0f}%", 100 * x) : "-"; }

std::string measure(const MeasureChange& m, double x) {
  if (!std::isfinite(x)) return "-";
  return m.whole_number ? fmt::format("{:.0f}", x) : fmt::format("{:.3f}", x);
}

std::string year_label(const std::string& label, int year) {
  return year > 0 ? fmt::format("{} ({})", label, year) : label;
}

}  // namespace

nlohmann::json to_json(const Comparison& c) {
  nlohmann::json j;
  j["before"] = {{"path", c.before_label}, {"community", c.community_before}, {"year", c.year_before}};
  j["after"] = {{"path", c.after_label}, {"community", c.community_after}, {"year", c.year_after}};
  j["headline"] = c.headline;
  nlohmann::json renamed = nlohmann::json::array();
  for (const Renamed& r : c.renamed) renamed.push_back({{"id", r.id}, {"name_before", r.name_before}, {"name_after", r.name_after}});
  nlohmann::json same = nlohmann::json::array();
  for (const SameNameNewId& s : c.same_name_new_id)
    same.push_back({{"name", s.name}, {"id_before", s.id_before}, {"id_after", s.id_after}});
  j["organizations"] = {{"before", c.organizations_before},
                        {"after", c.organizations_after},
                        {"at_table_before", c.table_organizations_before},
                        {"at_table_after", c.table_organizations_after},
                        {"joined_table", ids(c.joined_table)},
                        {"left_table", ids(c.left_table)},
                        {"added", ids(c.added)},
                        {"removed", ids(c.removed)},
                        {"renamed", renamed},
                        {"same_name_new_id", same},
                        {"names", [&] {
                           nlohmann::json names = nlohmann::json::object();
                           for (const auto* l : {&c.joined_table, &c.left_table, &c.added, &c.removed})
                             for (const NamedRow& r : *l) names[r.id] = r.name;
                           return names;
                         }()}};
  j["people"] = {{"before", c.people_before},
                 {"after", c.people_after},
                 {"at_table_before", c.table_people_before},
                 {"at_table_after", c.table_people_after},
                 {"joined_table", people(c.people_joined_table)},
                 {"left_table", people(c.people_left_table)}};
  nlohmann::json sectors = nlohmann::json::array();
  for (const SectorSeats& s : c.sectors)
    sectors.push_back({{"sector", s.sector},
                       {"required", s.required},
                       {"seats_before", s.seats_before},
                       {"seats_after", s.seats_after},
                       {"status_before", s.status_before ? nlohmann::json(to_string(*s.status_before)) : nullptr},
                       {"status_after", s.status_after ? nlohmann::json(to_string(*s.status_after)) : nullptr}});
  j["sectors"] = sectors;
  j["gaps"] = {{"closed", c.gaps_closed}, {"opened", c.gaps_opened}};
  nlohmann::json gens = nlohmann::json::array();
  for (const GenerationShift& g : c.generations)
    gens.push_back({{"generation", to_string(g.generation)},
                    {"at_table_before", g.at_table_before},
                    {"at_table_after", g.at_table_after},
                    {"table_share_before", g.share_before},
                    {"table_share_after", g.share_after},
                    {"resident_share_before", g.resident_share_before ? number(*g.resident_share_before) : nullptr},
                    {"resident_share_after", g.resident_share_after ? number(*g.resident_share_after) : nullptr},
                    {"status_before", to_string(g.status_before)},
                    {"status_after", to_string(g.status_after)}});
  j["generations"] = gens;
  j["generation_fit"] = {{"before", fit(c.fit_before)}, {"after", fit(c.fit_after)}};
  nlohmann::json coverage = nlohmann::json::array();
  for (const CoverageChange& f : c.coverage_changed)
    coverage.push_back({{"issue_area", f.issue_area}, {"function", f.function}, {"before", to_string(f.before)},
                        {"after", to_string(f.after)}});
  j["roles"] = {{"claims_added", claims(c.claims_added)},
                {"claims_dropped", claims(c.claims_dropped)},
                {"claims_now_agreed", claims(c.claims_now_agreed)},
                {"functions_changed", coverage},
                {"conveners_added", conveners(c.conveners_added)},
                {"conveners_lost", conveners(c.conveners_lost)},
                {"anchor", {{"before", to_string(c.anchor_status_before)},
                            {"after", to_string(c.anchor_status_after)},
                            {"anchors_before", ids(c.anchors_before)},
                            {"anchors_after", ids(c.anchors_after)}}}};
  j["ties"] = {{"before", c.ties_before},
               {"after", c.ties_after},
               {"added", ties(c.ties_added)},
               {"removed", ties(c.ties_removed)},
               {"strengthened", ties(c.ties_strengthened)},
               {"weakened", ties(c.ties_weakened)},
               {"newly_confirmed", ties(c.ties_newly_confirmed)},
               {"cross_sector", {{"before", c.cross_sector_before}, {"after", c.cross_sector_after}}},
               {"ei_index", {{"before", number(c.ei_before)}, {"after", number(c.ei_after)}}}};
  nlohmann::json network = nlohmann::json::object();
  for (const MeasureChange& m : c.network) network[m.key] = {{"before", number(m.before)}, {"after", number(m.after)}};
  j["network"] = network;
  j["structure"] = {{"silos", {{"before", c.silos_before}, {"after", c.silos_after}}},
                    {"silos_formed", silos(c.silos_formed)},
                    {"silos_dissolved", silos(c.silos_dissolved)},
                    {"single_points_appeared", ids(c.single_points_appeared)},
                    {"single_points_gone", ids(c.single_points_gone)},
                    {"betweenness_rose", betweenness(c.betweenness_rose)},
                    {"betweenness_fell", betweenness(c.betweenness_fell)},
                    {"betweenness_estimated", c.betweenness_estimated},
                    {"betweenness_error", c.betweenness_error}};
  return j;
}

std::vector<WhatIfRow> change_rows(const Comparison& d) {
  std::vector<WhatIfRow> rows;
  auto row = [&](std::string label, auto before, auto after) {
    rows.push_back({std::move(label), fmt::format("{}", before), fmt::format("{}", after)});
  };
  row("Organizations at the table", d.table_organizations_before, d.table_organizations_after);
  row("People at the table", d.table_people_before, d.table_people_after);
  for (const SectorSeats& s : d.sectors)
    if (s.required) row("Seats for " + board::words(s.sector), s.seats_before, s.seats_after);
  row("Ties across sectors", d.cross_sector_before, d.cross_sector_after);
  row("Silos", d.silos_before, d.silos_after);
  return rows;
}

std::string format_comparison(const Comparison& c) {
  std::string out;
  const std::string before = year_label(c.before_label, c.year_before), after = year_label(c.after_label, c.year_after);
  out += fmt::format("What changed: {} -> {}\n", before, after);
  if (c.community_before != c.community_after)
    out += fmt::format("  (the community is named \"{}\" before and \"{}\" after)\n", c.community_before, c.community_after);
  out += "\n";
  for (const std::string& sentence : c.headline) out += sentence + "\n";

  out += fmt::format("\nThe table: {} -> {} organizations, {} -> {} people\n", c.table_organizations_before,
                     c.table_organizations_after, c.table_people_before, c.table_people_after);
  list(out, "organizations that joined the table", c.joined_table, name_id);
  list(out, "organizations that left the table", c.left_table, name_id);
  list(out, "people who joined the table", c.people_joined_table, [](const PersonChange& p) {
    return name_id(p.person) + (p.organization.id.empty() ? "" : ", " + name_id(p.organization));
  });
  list(out, "people who left the table", c.people_left_table, [](const PersonChange& p) {
    return name_id(p.person) + (p.organization.id.empty() ? "" : ", " + name_id(p.organization));
  });
  out += fmt::format("\nThe network: {} -> {} organizations\n", c.organizations_before, c.organizations_after);
  list(out, "organizations added", c.added, name_id);
  list(out, "organizations gone", c.removed, name_id);
  list(out, "renamed (one organization: same id)", c.renamed,
       [](const Renamed& r) { return fmt::format("{}: {} -> {}", r.id, r.name_before, r.name_after); });
  list(out, "same name, different id (two organizations for tablemap; was the id retyped?)", c.same_name_new_id,
       [](const SameNameNewId& s) { return fmt::format("{}: {} before, {} after", s.name, s.id_before, s.id_after); });

  out += "\nSeats per sector (before -> after)\n";
  for (const SectorSeats& s : c.sectors) {
    std::string status = s.status_before == s.status_after ? status_text(s.status_after)
                                                           : status_text(s.status_before) + " -> " + status_text(s.status_after);
    out += fmt::format("  {:<20} {:>4} -> {:<4} {}{}\n", s.sector, s.seats_before, s.seats_after, status,
                       s.required ? " (key sector)" : "");
  }
  if (!c.gaps_closed.empty()) out += "  Gaps closed: " + fmt::format("{}", fmt::join(c.gaps_closed, ", ")) + "\n";
  if (!c.gaps_opened.empty()) out += "  Gaps opened: " + fmt::format("{}", fmt::join(c.gaps_opened, ", ")) + "\n";

  out += "\nGenerations at the table (before -> after)\n";
  for (const GenerationShift& g : c.generations) {
    std::string residents;
    if (g.resident_share_before || g.resident_share_after)
      residents = fmt::format("; residents {} -> {}", g.resident_share_before ? share(*g.resident_share_before) : "-",
                              g.resident_share_after ? share(*g.resident_share_after) : "-");
    std::string status = g.status_before == g.status_after
                             ? std::string(to_string(g.status_after))
                             : fmt::format("{} -> {}", to_string(g.status_before), to_string(g.status_after));
    out += fmt::format("  {:<12} {:>4} -> {:<4} table {} -> {}{}  {}\n", to_string(g.generation), g.at_table_before,
                       g.at_table_after, share(g.share_before), share(g.share_after), residents, status);
  }
  auto fit_text = [](const FitTest& f) {
    return f.test == "none" ? f.note : fmt::format("{}, p = {:.3g}", f.test, f.p_value);
  };
  out += fmt::format("  Does the table match the residents? before: {}; after: {}\n", fit_text(c.fit_before),
                     fit_text(c.fit_after));

  out += "\nBackbone roles\n";
  list(out, "backbone claims added", c.claims_added, claim_text);
  list(out, "backbone claims dropped", c.claims_dropped, claim_text);
  list(out, "claims now agreed (were claimed)", c.claims_now_agreed, claim_text);
  list(out, "functions whose status changed", c.coverage_changed, [](const CoverageChange& f) {
    return fmt::format("{} of {}: {} -> {}", f.function, f.issue_area_name, to_string(f.before), to_string(f.after));
  });
  auto convener_text = [](const ConvenerChange& v) {
    return fmt::format("{}: {}{}", name_id(v.organization), v.issue_area, v.outcome.empty() ? "" : " / " + v.outcome);
  };
  list(out, "conveners added", c.conveners_added, convener_text);
  list(out, "conveners lost", c.conveners_lost, convener_text);
  auto anchors = [](const std::vector<NamedRow>& rows) {
    std::string s;
    for (const NamedRow& r : rows) s += (s.empty() ? "" : ", ") + name_id(r);
    return s.empty() ? std::string("none") : s;
  };
  out += fmt::format("  Anchor: {} -> {}\n", anchors(c.anchors_before), anchors(c.anchors_after));
  if (c.claims_added.empty() && c.claims_dropped.empty() && c.claims_now_agreed.empty() && c.coverage_changed.empty() &&
      c.conveners_added.empty() && c.conveners_lost.empty())
    out += "  No backbone claim, function or convener changed.\n";

  out += fmt::format("\nTies: {} -> {} related pairs; cross-sector {} -> {}; E-I index {} -> {}\n", c.ties_before,
                     c.ties_after, c.cross_sector_before, c.cross_sector_after,
                     std::isfinite(c.ei_before) ? fmt::format("{:.2f}", c.ei_before) : "-",
                     std::isfinite(c.ei_after) ? fmt::format("{:.2f}", c.ei_after) : "-");
  list(out, "added", c.ties_added, tie_text);
  list(out, "removed", c.ties_removed, tie_text);
  list(out, "strengthened", c.ties_strengthened,
       [](const TieChange& t) { return fmt::format("{} ({} -> {})", tie_text(t), t.strength_before, t.strength_after); });
  list(out, "weakened", c.ties_weakened,
       [](const TieChange& t) { return fmt::format("{} ({} -> {})", tie_text(t), t.strength_before, t.strength_after); });
  list(out, "newly confirmed by both sides", c.ties_newly_confirmed, tie_text);

  out += "\nStructure (before -> after)\n";
  for (const MeasureChange& m : c.network)
    out += fmt::format("  {:<48} {:>10} -> {}\n", m.label, measure(m, m.before), measure(m, m.after));
  auto silo_text = [](const SiloChange& s) {
    std::string names;
    for (const NamedRow& r : s.members) names += (names.empty() ? "" : ", ") + name_id(r);
    return fmt::format("{} organizations in {}: {}{}", s.organizations, fmt::join(s.sectors, " and "), names,
                       s.members.size() < s.organizations ? ", ..." : "");
  };
  list(out, "silos that dissolved", c.silos_dissolved, silo_text);
  list(out, "silos that formed", c.silos_formed, silo_text);
  list(out, "single points of failure that appeared", c.single_points_appeared, name_id);
  list(out, "single points of failure that went away", c.single_points_gone, name_id);
  auto between_text = [](const BetweennessChange& b) {
    return fmt::format("{}: {:.3f} -> {:.3f}", name_id(b.organization), b.before, b.after);
  };
  list(out, "betweenness rose most", c.betweenness_rose, between_text);
  list(out, "betweenness fell most", c.betweenness_fell, between_text);
  if (c.betweenness_error > 0 && c.betweenness_rose.empty() && c.betweenness_fell.empty())
    out += fmt::format("  betweenness: no organization's moved by more than {:.3f}\n", 2 * c.betweenness_error);
  if (c.betweenness_error > 0)
    out += fmt::format(
        "  (betweenness estimated from sampled shortest paths in a network this large: each year within {:.3f}\n"
        "   at {:.0f}% confidence, so only moves larger than {:.3f} are listed)\n",
        c.betweenness_error, 100 * c.betweenness_confidence, 2 * c.betweenness_error);
  else if (c.betweenness_estimated)
    out += "  (betweenness estimated from sampled sources in a network this large)\n";
  return out;
}

}  // namespace tablemap
