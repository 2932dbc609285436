// The text report and the --json form of NetworkMetrics (moved here from the
// CLI so that the map and the board report can read the same words).
#include "analysis/metrics_report.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include <fmt/format.h>

#include "analysis/headlines.hpp"
#include "analysis/report_text.hpp"

namespace tablemap {

namespace {

nlohmann::json number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

std::string format_number(double x, int digits = 3) {
  return std::isfinite(x) ? fmt::format("{:.{}f}", x, digits) : "-";
}

std::string clipped(const std::string& s, size_t width) {
  return s.size() <= width ? s : s.substr(0, width - 1) + "~";
}

}  // namespace

// What one broker's departure changes, in words.
std::string broker_changes(const Community& c, const Broker& b) {
  std::vector<std::string> what;
  if (!b.sectors_cut_off.empty())
    what.push_back(fmt::format("{} would keep no tie to any other sector", join_and(sector_names(c, b.sectors_cut_off))));
  const int64_t lost = std::llround(b.pairs_lost);
  if (lost > 0)
    what.push_back(fmt::format("{} of other organizations would lose contact", count_of(lost, "pair")));
  if (b.distance_increase() >= kBrokerDistanceStep)
    what.push_back(fmt::format("paths among those still in contact would lengthen by {} steps on average ({} -> {})",
                               format_number(b.distance_increase(), 2), format_number(b.average_distance_before, 2),
                               format_number(b.average_distance_after, 2)));
  return join(what, "; ");
}

std::vector<uint32_t> silo_members(const NetworkMetrics& m, const Silo& silo) {
  std::vector<uint32_t> out;
  const auto& community = m.communities.community;
  for (uint32_t v = 0; v < community.size(); ++v)
    if (community[v] == silo.community) out.push_back(v);
  return out;
}

std::string betweenness_method(const PathMeasures& p) {
  if (!p.betweenness_sampled) return "exact, from every pair of organizations";
  return fmt::format("estimated from {} shortest paths between random pairs of organizations (Riondato-Kornaropoulos "
                     "sample size, KADABRA's balanced bidirectional search): with {:.0f}% probability every "
                     "organization's betweenness_norm is within {:g} of its exact value",
                     p.betweenness_samples, p.confidence * 100, p.betweenness_error);
}

std::string closeness_method(const PathMeasures& p) {
  if (!p.sampled) return "exact, from every organization";
  return fmt::format("estimated from the distances of {} organizations drawn at random", p.pivots);
}

std::vector<std::string> measures_not_computed(const NetworkMetrics& m) {
  std::vector<std::string> out;
  for (int i = 0; i < kMeasureCount; ++i)
    if (!m.measured.has(Measure(i))) out.emplace_back(to_string(Measure(i)));
  return out;
}

const std::vector<std::pair<std::string, std::string>>& measure_meanings() {
  static const std::vector<std::pair<std::string, std::string>> meanings = {
      {"degree", "how many organizations it is tied to"},
      {"strength", "the sum of the strengths (1-3) of its ties"},
      {"betweenness", "how many shortest paths between two other organizations pass through it (each pair once)"},
      {"betweenness_norm", "betweenness as a share of all pairs of other organizations (0 to 1)"},
      {"closeness", "how near it is to everybody it can reach (1 = tied directly to all; NetworkX's closeness)"},
      {"harmonic", "the sum of 1/distance to every other organization (unreachable ones add 0)"},
      {"eigenvector", "high when it is tied to organizations that are themselves well tied"},
      {"pagerank", "its share of attention if one followed ties at random (all organizations sum to 1)"},
      {"core", "the largest k such that it sits in a group where everyone has k ties inside the group"},
      {"constraint", "Burt's constraint: high (up to 1 and above) when its few contacts all know each other, "
                     "so it has little room to broker"},
      {"effective_size", "its contacts minus how much they overlap (contacts that know each other count less)"},
      {"brokerage", "two-step flows A -> it -> C where A has no tie to C (Gould-Fernandez roles by sector)"},
      {"E-I index", "(ties across sectors - ties within) / all ties: -1 all inside sectors, +1 all across"},
      {"assortativity", "1 when ties only join the same sector, 0 when sectors mix as by chance"},
      {"modularity", "how clearly the communities stand apart (above 0.3 means clear groups)"},
      {"density", "the share of possible ties that exist"},
      {"degree centralization", "0 when everybody has as many ties, 1 when one hub holds them all"},
      {"average distance", "ties on the shortest path between two connected organizations, averaged over pairs"},
  };
  return meanings;
}

nlohmann::json to_json(const NetworkMetrics& m, const Community& c) {
  const NetworkSummary& s = m.summary;
  const MeasureSet& has = m.measured;
  const PathMeasures& p = m.centrality.paths;
  nlohmann::json computed = nlohmann::json::array();
  for (int i = 0; i < kMeasureCount; ++i)
    if (has.has(Measure(i))) computed.push_back(to_string(Measure(i)));
  nlohmann::json timings = nlohmann::json::object();
  for (const MeasureTiming& t : m.timings) timings[t.measure] = t.seconds;
  // What was not asked for (--measures) is left out, never given as 0.
  nlohmann::json network = {
      {"headline", metrics_headline(m, c)},
      {"measures", {{"computed", computed}, {"not_computed", measures_not_computed(m)}}},
      {"timings", timings},
      {"organizations", s.organizations},
      {"ties", s.ties},
      {"density", number(s.density)},
      {"components", {{"count", s.component_sizes.size()}, {"sizes", s.component_sizes}}},
      {"isolates", s.isolates},
      {"sector_assortativity", number(s.sector_assortativity)},
      {"degree_centralization", number(s.degree_centralization)},
  };
  if (has.has(Measure::communities)) {
    network["communities"] = {{"count", s.communities}, {"sizes", m.communities.sizes}};
    network["modularity"] = number(s.modularity);
  }
  if (has.has(Measure::articulation)) {
    network["articulation_points"] = s.articulation_points;
    network["bridges"] = s.bridges;
  }
  if (has.has(Measure::brokers))
    network["average_distance"] = {{"value", number(s.average_distance)}, {"sampled", s.distance_sampled}};
  if (has.has(Measure::eigenvector)) {
    network["eigenvector_settled"] = m.centrality.eigenvector.converged;
    network["eigenvector_iterations"] = m.centrality.eigenvector.iterations;
  }
  if (has.has(Measure::betweenness)) {
    network["betweenness"] = {{"exact", !p.betweenness_sampled},
                              {"method", betweenness_method(p)},
                              {"error_bound", number(p.betweenness_error)},
                              {"confidence", p.betweenness_sampled ? number(p.confidence) : nlohmann::json(1.0)}};
    if (p.betweenness_sampled) {
      network["betweenness"]["samples"] = p.betweenness_samples;
      network["betweenness"]["epsilon"] = p.betweenness_error;
      network["betweenness"]["delta"] = p.betweenness_delta;
      network["betweenness"]["vertex_diameter_bound"] = p.vertex_diameter_bound;
    }
  }
  if (has.has(Measure::closeness) || has.has(Measure::harmonic))
    network["closeness"] = {{"exact", !p.sampled}, {"pivots", p.pivots}, {"method", closeness_method(p)}};
  nlohmann::json per_sector = nlohmann::json::object();
  for (size_t i = 0; i < m.mixing.per_sector.size() && i < c.profile.sectors.size(); ++i)
    per_sector[c.profile.sectors[i]] = {{"internal", m.mixing.per_sector[i].internal},
                                        {"external", m.mixing.per_sector[i].external},
                                        {"ei", number(m.mixing.per_sector[i].ei())}};
  network["ei_index"] = {{"whole", number(s.sector_mix.ei())},
                         {"same_sector_ties", s.sector_mix.internal},
                         {"cross_sector_ties", s.sector_mix.external},
                         {"per_sector", per_sector}};
  if (has.has(Measure::communities)) {
    nlohmann::json per_community = nlohmann::json::array();
    for (size_t g = 0; g < m.community_mix.size(); ++g)
      per_community.push_back({{"community", g},
                               {"same_sector_ties", m.community_mix[g].internal},
                               {"cross_sector_ties", m.community_mix[g].external},
                               {"ei", number(m.community_mix[g].ei())}});
    network["ei_index"]["per_community"] = per_community;
    nlohmann::json silos = nlohmann::json::array();
    for (const Silo& silo : m.silos)
      silos.push_back({{"community", silo.community},
                       {"organizations", silo.organizations},
                       {"members", named_organizations(c, silo_members(m, silo))},
                       {"sectors", sector_names(c, silo.sectors)},
                       {"ties", silo.ties},
                       {"share_within_sectors", silo.share}});
    network["silos"] = silos;
  }
  if (has.has(Measure::brokers)) {
    nlohmann::json brokers = nlohmann::json::array();
    for (const Broker& b : m.brokers)
      brokers.push_back({{"id", c.org_id(b.organization)},
                         {"name", org_name(c, b.organization)},
                         {"changes", broker_changes(c, b)},
                         {"sectors_cut_off", sector_names(c, b.sectors_cut_off)},
                         {"pairs_disconnected", b.pairs_disconnected},
                         {"pairs_lost", b.pairs_lost},
                         {"average_distance_before", b.average_distance_before},
                         {"average_distance_after", b.average_distance_after},
                         {"distance_increase", b.distance_increase()}});
    network["brokers"] = brokers;
  }
  if (has.has(Measure::articulation)) {
    nlohmann::json points = nlohmann::json::array();
    for (const SinglePointOfFailure& f : m.single_points)
      points.push_back({{"id", c.org_id(f.organization)},
                        {"name", org_name(c, f.organization)},
                        {"cut_off", f.cut_off},
                        {"cut_off_ids", org_ids(c, f.cut_off_organizations)},
                        {"cut_off_named", named_organizations(c, f.cut_off_organizations)},
                        {"sectors_cut_off", sector_names(c, f.sectors_cut_off)},
                        {"table_organizations_cut_off", f.table_organizations_cut_off}});
    network["single_points_of_failure"] = points;
  }

  nlohmann::json orgs = nlohmann::json::array();
  const CentralityResult& r = m.centrality;
  const bool eigen_ok = r.eigenvector.converged;
  for (uint32_t v = 0; v < s.organizations; ++v) {
    nlohmann::json o = {
        {"id", c.org_id(v)},
        {"name", org_name(c, v)},
        {"degree", r.degree[v]},
        {"in_degree", r.in_degree[v]},
        {"out_degree", r.out_degree[v]},
        {"strength", r.strength[v]},
        {"component", m.components.component[v]},
    };
    if (has.has(Measure::betweenness)) {
      o["betweenness"] = number(p.betweenness[v]);
      o["betweenness_norm"] = number(p.betweenness_norm[v]);
    }
    if (has.has(Measure::closeness)) o["closeness"] = number(p.closeness[v]);
    if (has.has(Measure::harmonic)) o["harmonic"] = number(p.harmonic[v]);
    if (has.has(Measure::eigenvector))
      o["eigenvector"] = eigen_ok ? number(r.eigenvector.values[v]) : nlohmann::json(nullptr);
    if (has.has(Measure::pagerank)) o["pagerank"] = number(r.pagerank.values[v]);
    if (has.has(Measure::core)) o["core"] = r.core[v];
    if (has.has(Measure::articulation)) {
      o["articulation"] = bool(m.cuts.articulation[v]);
      o["bridges"] = m.cuts.bridges_held[v];
      o["cut_off"] = m.cuts.cut_off[v];
    }
    if (has.has(Measure::communities)) o["community"] = m.communities.community[v];
    if (has.has(Measure::constraint)) {
      o["constraint"] = number(m.holes.constraint[v]);
      o["effective_size"] = number(m.holes.effective_size[v]);
    }
    if (has.has(Measure::brokerage))
      o["brokerage"] = {{"coordinator", m.brokerage.coordinator[v]},
                        {"itinerant", m.brokerage.itinerant[v]},
                        {"gatekeeper", m.brokerage.gatekeeper[v]},
                        {"representative", m.brokerage.representative[v]},
                        {"liaison", m.brokerage.liaison[v]},
                        {"total", m.brokerage.total(v)}};
    orgs.push_back(std::move(o));
  }
  return {{"network", network}, {"organizations", orgs}};
}

namespace {

// One column of the text report's table: a computed measure, its width, its cell.
struct Column {
  const char* header;
  int width;
  std::function<std::string(uint32_t)> cell;
};

// The table's columns, for the measures computed: closeness stands for
// harmonic too, which shows only when closeness was not asked for.
std::vector<Column> table_columns(const NetworkMetrics& m) {
  const MeasureSet& has = m.measured;
  const CentralityResult& r = m.centrality;
  const PathMeasures& p = r.paths;
  std::vector<Column> cols;
  cols.push_back({"degree", 6, [&r](uint32_t v) { return std::to_string(r.degree[v]); }});
  if (has.has(Measure::betweenness))
    cols.push_back({"betweenness", 11, [&p](uint32_t v) { return format_number(p.betweenness[v], 1); }});
  if (has.has(Measure::closeness))
    cols.push_back({"closeness", 9, [&p](uint32_t v) { return format_number(p.closeness[v]); }});
  else if (has.has(Measure::harmonic))
    cols.push_back({"harmonic", 9, [&p](uint32_t v) { return format_number(p.harmonic[v], 1); }});
  if (has.has(Measure::eigenvector))
    cols.push_back({"eigenvector", 11, [&r](uint32_t v) {
                      return r.eigenvector.converged ? format_number(r.eigenvector.values[v]) : std::string("unsettled");
                    }});
  if (has.has(Measure::pagerank))
    cols.push_back({"pagerank", 8, [&r](uint32_t v) { return format_number(r.pagerank.values[v], 4); }});
  if (has.has(Measure::core)) cols.push_back({"core", 4, [&r](uint32_t v) { return std::to_string(r.core[v]); }});
  if (has.has(Measure::constraint))
    cols.push_back({"constraint", 10, [&m](uint32_t v) { return format_number(m.holes.constraint[v]); }});
  if (has.has(Measure::brokerage))
    cols.push_back({"brokerage", 9, [&m](uint32_t v) { return std::to_string(m.brokerage.total(v)); }});
  return cols;
}

// The measure the table is sorted by: betweenness, else the first computed of these.
std::pair<std::string, std::function<double(uint32_t)>> ranking(const NetworkMetrics& m) {
  const MeasureSet& has = m.measured;
  const CentralityResult& r = m.centrality;
  if (has.has(Measure::betweenness)) return {"betweenness", [&r](uint32_t v) { return r.paths.betweenness[v]; }};
  if (has.has(Measure::pagerank)) return {"pagerank", [&r](uint32_t v) { return r.pagerank.values[v]; }};
  if (has.has(Measure::eigenvector) && r.eigenvector.converged)
    return {"eigenvector", [&r](uint32_t v) { return r.eigenvector.values[v]; }};
  if (has.has(Measure::closeness)) return {"closeness", [&r](uint32_t v) { return r.paths.closeness[v]; }};
  if (has.has(Measure::harmonic)) return {"harmonic", [&r](uint32_t v) { return r.paths.harmonic[v]; }};
  if (has.has(Measure::core)) return {"core", [&r](uint32_t v) { return double(r.core[v]); }};
  return {"degree", [&r](uint32_t v) { return double(r.degree[v]); }};
}

}  // namespace

std::string format_metrics_report(const NetworkMetrics& m, const Community& c, const MetricsOptions& options,
                                  const MetricsReportOptions& ro) {
  const NetworkSummary& s = m.summary;
  const PathMeasures& p = m.centrality.paths;
  const MeasureSet& has = m.measured;
  const uint32_t top = ro.top;
  std::string out = fmt::format("{}: network structure\n\n", c.profile.name.empty() ? std::string("Network") : c.profile.name);
  out += metrics_headline(m, c) + "\n\n";

  out += fmt::format("The network: {}, {} (density {}: the share of possible ties that exist)\n",
                     count_of(s.organizations, "organization"), count_of(int64_t(s.ties), "tie"),
                     format_number(s.density, 4));
  out += fmt::format("  Separate parts: {} (the largest has {}; {} no tie at all)\n", s.component_sizes.size(),
                     count_of(s.component_sizes.empty() ? 0 : s.component_sizes[0], "organization"),
                     s.isolates == 1 ? std::string("1 organization has") : fmt::format("{} organizations have", s.isolates));
  if (has.has(Measure::communities))
    out += fmt::format("  Communities: {}, modularity {} (groups found from the ties; above 0.3 means clear groups)\n",
                       s.communities, format_number(s.modularity));
  out += fmt::format("  Sector mixing: E-I index {} (-1 = all ties inside sectors, +1 = all across); "
                     "assortativity {} (1 = ties only within a sector, 0 = sectors mix as by chance)\n",
                     format_number(s.sector_mix.ei()), format_number(s.sector_assortativity));
  out += fmt::format("  Degree centralization: {} (0 = everybody equally tied, 1 = one hub holds every tie)\n",
                     format_number(s.degree_centralization));
  if (has.has(Measure::brokers))
    out += fmt::format("  Average distance: {} steps between organizations in contact{} (the baseline for brokers)\n",
                       format_number(s.average_distance, 2),
                       s.distance_sampled ? " (estimated from sampled organizations)" : "");
  if (p.betweenness_sampled)
    out += fmt::format("  Betweenness: {} (--betweenness exact to compute it exactly)\n", betweenness_method(p));
  if (p.sampled && (has.has(Measure::closeness) || has.has(Measure::harmonic)))
    out += fmt::format("  Closeness and harmonic: {} (--betweenness exact computes them exactly too)\n",
                       closeness_method(p));
  if (has.has(Measure::eigenvector) && !m.centrality.eigenvector.converged)
    out += fmt::format("  Eigenvector: did not settle after {} rounds (common with --directed, when ties lead one "
                       "way only); it is left out rather than shown unsettled\n",
                       m.centrality.eigenvector.iterations);

  if (has.has(Measure::communities)) {
    out += fmt::format("\nSilos (communities of {}+ organizations with {:.0f}%+ of their ties within one or two "
                       "sectors): {}\n",
                       options.silo.min_organizations, options.silo.share * 100, m.silos.empty() ? "none" : "");
    for (size_t i = 0; i < m.silos.size() && i < top; ++i) {
      const Silo& silo = m.silos[i];
      out += fmt::format("  {} silo: {}, {:.0f}% of their {} within {}: {}\n", join_and(sector_names(c, silo.sectors)),
                         count_of(silo.organizations, "organization"), silo.share * 100,
                         count_of(int64_t(silo.ties), "tie"), join_and(sector_names(c, silo.sectors)),
                         join_limited(org_names(c, silo_members(m, silo)), top));
    }
  }
  if (has.has(Measure::brokers)) {
    out += fmt::format("\nBrokers (organizations whose departure would change something, against the average "
                       "distance of {} steps): {}\n",
                       format_number(s.average_distance, 2), m.brokers.empty() ? "none" : "");
    for (const Broker& b : m.brokers)
      out += fmt::format("  {}: without it, {}\n", org_label(c, b.organization), broker_changes(c, b));
  }
  if (has.has(Measure::articulation)) {
    out += fmt::format("\nSingle points of failure ({} whose departure splits the network): {}\n",
                       count_of(s.articulation_points, "organization"), m.single_points.empty() ? "none" : "");
    for (const SinglePointOfFailure& f : m.single_points) {
      std::vector<std::string> names = org_names(c, f.cut_off_organizations);
      std::string list = join(names);
      if (f.cut_off > names.size()) list += fmt::format(" and {} more", f.cut_off - names.size());
      out += fmt::format("  {}: {} would lose contact with the rest ({} at the table; {}): {}\n",
                         org_label(c, f.organization), count_of(f.cut_off, "organization"),
                         f.table_organizations_cut_off, join_and(sector_names(c, f.sectors_cut_off)), list);
    }
  }

  const uint32_t n = s.organizations;
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  const uint32_t shown = std::min(n, top);
  const auto [ranked_by, rank_value] = ranking(m);
  std::partial_sort(order.begin(), order.begin() + shown, order.end(),
                    [&, &value = rank_value](uint32_t a, uint32_t b) { return value(a) > value(b); });
  const std::vector<Column> columns = table_columns(m);
  if (ranked_by == "betweenness")
    out += fmt::format("\nMost between ({} of {}; --json for every organization):\n", shown, n);
  else
    out += fmt::format("\nHighest {} ({} of {}; --json for every organization):\n", ranked_by, shown, n);
  auto line = [&](const std::string& name, const std::string& sector, auto&& cell) {
    std::string row = fmt::format("  {:<30} {:<16}", name, sector);
    for (size_t i = 0; i < columns.size(); ++i) row += fmt::format(" {:>{}}", cell(i), columns[i].width);
    return row + "\n";
  };
  out += line("organization", "sector", [&](size_t i) { return std::string(columns[i].header); });
  for (uint32_t i = 0; i < shown; ++i) {
    const uint32_t v = order[i];
    const SectorId sec = c.organizations[v].sector;
    out += line(clipped(org_name(c, v), 30), sec < c.profile.sectors.size() ? c.sector_name(sec) : "?",
                [&](size_t col) { return columns[col].cell(v); });
  }
  out += "\nWhat the columns mean:\n";
  for (const Column& column : columns)
    for (const auto& [name, meaning] : measure_meanings())
      if (name == column.header) out += fmt::format("  {}: {}\n", name, meaning);
  if (ro.explain) {
    out += "\nEvery measure (--json gives them per organization; docs/metrics.md says more):\n";
    for (const auto& [name, meaning] : measure_meanings()) out += fmt::format("  {}: {}\n", name, meaning);
  } else {
    out += "  (--explain lists every measure; docs/metrics.md says how each is computed)\n";
  }
  const std::vector<std::string> skipped = measures_not_computed(m);
  if (!skipped.empty())
    out += fmt::format("\nNot computed (not in --measures): {}. Without --measures every measure is computed.\n",
                       join(skipped));
  return out;
}

}  // namespace tablemap
