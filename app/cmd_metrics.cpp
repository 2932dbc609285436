// tablemap metrics PATH [--json]: network structure per organization and for
// the whole coalition: silos, brokers, single points of failure.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include <fmt/format.h>

#include "analysis/structure.hpp"
#include "app/command.hpp"
#include "app/common.hpp"

namespace tablemap::app {
namespace {

struct MetricsArgs {
  std::string path;
  bool json = false;
  bool weighted = false;
  bool directed = false;
  bool exact = false;
  bool sampled = false;
  uint32_t pivots = 0;
  uint32_t exact_limit = 20000;
  uint64_t seed = 1;
  int threads = 2;
  uint32_t top = 10;
};

nlohmann::json number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

std::vector<std::string> sector_names(const Community& c, const std::vector<SectorId>& sectors) {
  std::vector<std::string> names;
  for (SectorId s : sectors) names.push_back(s < c.profile.sectors.size() ? c.sector_name(s) : std::to_string(s));
  return names;
}

std::vector<std::string> org_ids(const Community& c, const std::vector<uint32_t>& rows) {
  std::vector<std::string> ids;
  for (uint32_t v : rows) ids.push_back(c.org_id(v));
  return ids;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + words[i];
  return out;
}

nlohmann::json to_json(const Community& c, const NetworkMetrics& m) {
  const NetworkSummary& s = m.summary;
  nlohmann::json network = {
      {"organizations", s.organizations},
      {"ties", s.ties},
      {"density", number(s.density)},
      {"components", {{"count", s.component_sizes.size()}, {"sizes", s.component_sizes}}},
      {"isolates", s.isolates},
      {"communities", {{"count", s.communities}, {"sizes", m.communities.sizes}}},
      {"modularity", number(s.modularity)},
      {"sector_assortativity", number(s.sector_assortativity)},
      {"degree_centralization", number(s.degree_centralization)},
      {"articulation_points", s.articulation_points},
      {"bridges", s.bridges},
  };
  const PathMeasures& p = m.centrality.paths;
  network["betweenness"] = {{"exact", !p.sampled},
                            {"pivots", p.pivots},
                            {"error_bound", number(p.betweenness_error)},
                            {"confidence", p.confidence}};
  nlohmann::json per_sector = nlohmann::json::object();
  for (size_t i = 0; i < m.mixing.per_sector.size() && i < c.profile.sectors.size(); ++i)
    per_sector[c.profile.sectors[i]] = {{"internal", m.mixing.per_sector[i].internal},
                                        {"external", m.mixing.per_sector[i].external},
                                        {"ei", number(m.mixing.per_sector[i].ei())}};
  nlohmann::json per_community = nlohmann::json::array();
  for (size_t g = 0; g < m.community_mix.size(); ++g)
    per_community.push_back({{"community", g},
                             {"same_sector_ties", m.community_mix[g].internal},
                             {"cross_sector_ties", m.community_mix[g].external},
                             {"ei", number(m.community_mix[g].ei())}});
  network["ei_index"] = {{"whole", number(s.sector_mix.ei())},
                         {"same_sector_ties", s.sector_mix.internal},
                         {"cross_sector_ties", s.sector_mix.external},
                         {"per_sector", per_sector},
                         {"per_community", per_community}};
  nlohmann::json silos = nlohmann::json::array();
  for (const Silo& silo : m.silos)
    silos.push_back({{"community", silo.community},
                     {"organizations", silo.organizations},
                     {"sectors", sector_names(c, silo.sectors)},
                     {"ties", silo.ties},
                     {"share_within_sectors", silo.share}});
  network["silos"] = silos;
  nlohmann::json brokers = nlohmann::json::array();
  for (const Broker& b : m.brokers)
    brokers.push_back({{"id", c.org_id(b.organization)},
                       {"sectors_cut_off", sector_names(c, b.sectors_cut_off)},
                       {"pairs_disconnected", b.pairs_disconnected},
                       {"average_distance_before", b.average_distance_before},
                       {"average_distance_after", b.average_distance_after}});
  network["brokers"] = brokers;
  nlohmann::json points = nlohmann::json::array();
  for (const SinglePointOfFailure& f : m.single_points)
    points.push_back({{"id", c.org_id(f.organization)},
                      {"cut_off", f.cut_off},
                      {"cut_off_ids", org_ids(c, f.cut_off_organizations)},
                      {"sectors_cut_off", sector_names(c, f.sectors_cut_off)},
                      {"table_organizations_cut_off", f.table_organizations_cut_off}});
  network["single_points_of_failure"] = points;

  nlohmann::json orgs = nlohmann::json::array();
  const CentralityResult& r = m.centrality;
  for (uint32_t v = 0; v < s.organizations; ++v) {
    orgs.push_back({
        {"id", c.org_id(v)},
        {"degree", r.degree[v]},
        {"in_degree", r.in_degree[v]},
        {"out_degree", r.out_degree[v]},
        {"strength", r.strength[v]},
        {"betweenness", number(p.betweenness[v])},
        {"betweenness_norm", number(p.betweenness_norm[v])},
        {"closeness", number(p.closeness[v])},
        {"harmonic", number(p.harmonic[v])},
        {"eigenvector", number(r.eigenvector.values[v])},
        {"pagerank", number(r.pagerank.values[v])},
        {"core", r.core[v]},
        {"articulation", bool(m.cuts.articulation[v])},
        {"bridges", m.cuts.bridges_held[v]},
        {"cut_off", m.cuts.cut_off[v]},
        {"component", m.components.component[v]},
        {"community", m.communities.community[v]},
        {"constraint", number(m.holes.constraint[v])},
        {"effective_size", number(m.holes.effective_size[v])},
        {"brokerage",
         {{"coordinator", m.brokerage.coordinator[v]},
          {"itinerant", m.brokerage.itinerant[v]},
          {"gatekeeper", m.brokerage.gatekeeper[v]},
          {"representative", m.brokerage.representative[v]},
          {"liaison", m.brokerage.liaison[v]},
          {"total", m.brokerage.total(v)}}},
    });
  }
  return {{"network", network}, {"organizations", orgs}};
}

std::string format_number(double x, int digits = 3) { return std::isfinite(x) ? fmt::format("{:.{}f}", x, digits) : "-"; }

void print_text(const Community& c, const NetworkMetrics& m, const MetricsOptions& options, uint32_t top) {
  const NetworkSummary& s = m.summary;
  const PathMeasures& p = m.centrality.paths;
  std::string out;
  out += fmt::format("{}: {} organizations, {} ties (density {})\n",
                     c.profile.name.empty() ? std::string("Network") : c.profile.name, s.organizations, s.ties,
                     format_number(s.density, 4));
  out += fmt::format("Components: {} (largest {} organizations, {} without any tie)\n", s.component_sizes.size(),
                     s.component_sizes.empty() ? 0 : s.component_sizes[0], s.isolates);
  out += fmt::format("Communities: {} (modularity {}; above 0.3 means clear groups)\n", s.communities,
                     format_number(s.modularity));
  out += fmt::format("Sector mixing: E-I index {} (-1 = all ties inside sectors, +1 = all across), "
                     "assortativity {}\n",
                     format_number(s.sector_mix.ei()), format_number(s.sector_assortativity));
  out += fmt::format("Degree centralization: {} (0 = everybody equally tied, 1 = one hub)\n",
                     format_number(s.degree_centralization));
  if (p.sampled)
    out += fmt::format("Betweenness, closeness, harmonic: estimated from {} sampled organizations "
                       "(betweenness_norm within +/-{} with {:.0f}% confidence; --exact to compute exactly)\n",
                       p.pivots, format_number(p.betweenness_error, 4), p.confidence * 100);

  out += fmt::format("\nSilos (communities of {}+ organizations with {:.0f}%+ of their ties within one or two "
                     "sectors): {}\n",
                     options.silo.min_organizations, options.silo.share * 100, m.silos.empty() ? "none" : "");
  for (size_t i = 0; i < m.silos.size() && i < top; ++i) {
    const Silo& silo = m.silos[i];
    out += fmt::format("  community {}: {} organizations, {:.0f}% of {} ties within {}\n", silo.community,
                       silo.organizations, silo.share * 100, silo.ties, joined(sector_names(c, silo.sectors)));
  }
  out += fmt::format("\nBrokers (departure cuts a sector off, disconnects or lengthens paths): {}\n",
                     m.brokers.empty() ? "none" : "");
  for (const Broker& b : m.brokers) {
    std::string what;
    if (!b.sectors_cut_off.empty()) what += "cuts off " + joined(sector_names(c, b.sectors_cut_off)) + "; ";
    if (b.pairs_disconnected > 0) what += fmt::format("{:.1f}% of connected pairs lose contact; ", b.pairs_disconnected * 100);
    what += fmt::format("average distance {} -> {}", format_number(b.average_distance_before, 2),
                        format_number(b.average_distance_after, 2));
    out += fmt::format("  {} ({}): {}\n", c.org_id(b.organization), c.organizations[b.organization].name, what);
  }
  out += fmt::format("\nSingle points of failure ({} organizations whose departure splits the network): {}\n",
                     s.articulation_points, m.single_points.empty() ? "none" : "");
  for (const SinglePointOfFailure& f : m.single_points) {
    std::vector<std::string> ids = org_ids(c, f.cut_off_organizations);
    if (f.cut_off > ids.size()) ids.push_back(fmt::format("... {} more", f.cut_off - ids.size()));
    out += fmt::format("  {} ({}): {} organizations cut off ({} at the table; sectors {}): {}\n",
                       c.org_id(f.organization), c.organizations[f.organization].name, f.cut_off,
                       f.table_organizations_cut_off, joined(sector_names(c, f.sectors_cut_off)), joined(ids));
  }

  const uint32_t n = s.organizations;
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  const uint32_t shown = std::min(n, top);
  std::partial_sort(order.begin(), order.begin() + shown, order.end(),
                    [&](uint32_t a, uint32_t b) { return p.betweenness[a] > p.betweenness[b]; });
  out += fmt::format("\nMost between ({} of {}; --json for every organization):\n", shown, n);
  out += fmt::format("  {:<20} {:<16} {:>6} {:>11} {:>9} {:>9} {:>9} {:>4} {:>10} {:>9}\n", "id", "sector", "degree",
                     "betweenness", "closeness", "eigenvec", "pagerank", "core", "constraint", "brokerage");
  for (uint32_t i = 0; i < shown; ++i) {
    const uint32_t v = order[i];
    const SectorId sec = c.organizations[v].sector;
    out += fmt::format("  {:<20} {:<16} {:>6} {:>11} {:>9} {:>9} {:>9} {:>4} {:>10} {:>9}\n", c.org_id(v),
                       sec < c.profile.sectors.size() ? c.sector_name(sec) : "?", m.centrality.degree[v],
                       format_number(p.betweenness[v], 1), format_number(p.closeness[v]),
                       format_number(m.centrality.eigenvector.values[v]),
                       format_number(m.centrality.pagerank.values[v], 4), m.centrality.core[v],
                       format_number(m.holes.constraint[v]), m.brokerage.total(v));
  }
  std::fputs(out.c_str(), stdout);
}

CommandRegistration registration{50, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "metrics",
      "Network structure: centrality, communities, brokerage per organization; silos,\n"
      "brokers and single points of failure for the coalition. Unweighted and\n"
      "undirected unless --weighted / --directed. See docs/metrics.md.\n"
      "Example: tablemap metrics datasets/riverbend --json");
  auto a = std::make_shared<MetricsArgs>();
  cmd->add_option("PATH", a->path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_flag("--json", a->json, "print JSON (network + every organization) instead of text");
  cmd->add_flag("--weighted", a->weighted, "use tie strength (1-3): strong ties count more and are shorter");
  cmd->add_flag("--directed", a->directed, "follow the direction of directed ties");
  cmd->add_flag("--exact", a->exact, "exact betweenness and closeness, however large the network");
  cmd->add_flag("--sampled", a->sampled, "estimate betweenness and closeness from sampled organizations");
  cmd->add_option("--pivots", a->pivots, "organizations sampled for the estimate (default 256; fewer above ~1.5 million ties)");
  cmd->add_option("--exact-limit", a->exact_limit, "largest network measured exactly (default 20000)");
  cmd->add_option("--seed", a->seed, "seed for communities and sampling (default 1)");
  cmd->add_option("--threads", a->threads, "threads for path measures and PageRank (default 2)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--top", a->top, "rows listed in the text report (default 10)");
  return [a] {
    if (a->exact && a->sampled) {
      std::fprintf(stderr, "tablemap metrics: choose --exact or --sampled, not both\n");
      return kBadUsage;
    }
    auto community = load_or_report(a->path);
    if (!community) return kBadData;
    Network network(*community);
    MetricsOptions options;
    options.centrality.weighted = a->weighted;
    options.centrality.directed = a->directed;
    options.centrality.force_exact = a->exact;
    options.centrality.force_sampled = a->sampled;
    options.centrality.pivots = a->pivots;
    options.centrality.exact_limit = a->exact_limit;
    options.centrality.seed = a->seed;
    options.centrality.threads = a->threads;
    options.communities.seed = a->seed;
    options.listed = a->top;
    NetworkMetrics m = measure_network(*community, network, options);
    if (a->json)
      print_json(to_json(*community, m));
    else
      print_text(*community, m, options, a->top);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
