// What the analysis panels show, as one JSON line each, for replay scripts
// (print-gaps, print-roles, print-structure): tests read these instead of
// the pixels of text. Every value comes from the report the panel draws.
#include <nlohmann/json.hpp>

#include "viz/panel_reports.hpp"
#include "viz/replay.hpp"

namespace tablemap::viz {
namespace {

using nlohmann::json;

json sector_names(const Community& c, const std::vector<SectorId>& sectors) {
  json out = json::array();
  for (SectorId sec : sectors) out.push_back(c.sector_name(sec));
  return out;
}

json candidate_ids(const std::vector<Candidate>& candidates) {
  json out = json::array();
  for (const Candidate& cand : candidates) out.push_back(cand.id);
  return out;
}

// Whole percent, rounded as the panels show it.
int percent(double share) { return int(share * 100 + 0.5); }

}  // namespace

std::string gaps_json(AppState& s) {
  const GapReport& r = gap_report(s);
  json j;
  j["view"] = report_label(s);
  j["ready"] = r.ready();
  json sectors = json::array();
  for (const SectorRow& row : r.sectors)
    sectors.push_back({{"sector", row.name},
                       {"required", row.required},
                       {"status", std::string(to_string(row.status))},
                       {"seats", row.seats},
                       {"candidate_count", row.candidate_count},
                       {"candidates", candidate_ids(row.candidates)}});
  j["sectors"] = sectors;
  json generations = json::array();
  for (const GenerationRow& g : r.generations)
    generations.push_back({{"generation", std::string(to_string(g.generation))},
                           {"status", std::string(to_string(g.status))},
                           {"at_table", g.at_table}});
  j["generations"] = generations;
  json plan = json::array();
  for (const PlanInvitee& inv : r.invite_plan.invitees) plan.push_back(inv.candidate.id);
  j["invite_plan"] = plan;
  return j.dump();
}

std::string roles_json(AppState& s) {
  const Community& c = report_community(s);
  const RoleReport& r = role_report(s);
  auto ids = [&](const auto& rows, auto organization_of) {
    json out = json::array();
    for (const auto& row : rows) out.push_back(c.org_id(organization_of(row)));
    return out;
  };
  json j;
  j["view"] = report_label(s);
  j["anchor"] = std::string(to_string(r.anchor_status));
  j["anchors"] = ids(r.anchors, [](uint32_t v) { return v; });
  json areas = json::array();
  for (const IssueAreaRoles& area : r.issue_areas) {
    const IssueArea& ia = c.profile.issue_areas[size_t(area.issue_area)];
    json functions = json::object(), conveners = json::object();
    for (const FunctionCoverage& f : area.functions)
      functions[c.profile.backbone_functions[size_t(f.function)]] = {
          {"status", std::string(to_string(f.status))},
          {"by", ids(f.claims, [](const FunctionClaim& claim) { return claim.organization; })}};
    for (const OutcomeConveners& oc : area.conveners)
      conveners[ia.outcomes[size_t(oc.outcome)]] = {
          {"status", std::string(to_string(oc.status))},
          {"by", ids(oc.conveners, [](const ConvenerTies& ct) { return ct.organization; })}};
    areas.push_back({{"issue_area", ia.id},
                     {"overlapping_backbones", area.overlapping_backbones},
                     {"functions", functions},
                     {"conveners", conveners}});
  }
  j["issue_areas"] = areas;
  return j.dump();
}

std::string structure_json(AppState& s) {
  json j;
  j["measuring"] = s.structure_job.running();
  j["current"] = structure_current(s);
  if (!s.structure) return j.dump();
  const Community& c = s.structure->community;
  const NetworkMetrics& m = s.structure->metrics;
  j["error"] = s.structure->error;
  j["organizations"] = m.summary.organizations;
  j["ties"] = m.summary.ties;
  j["parts"] = m.summary.component_sizes.size();
  j["communities"] = m.summary.communities;
  json community = json::object();
  for (uint32_t v = 0; v < m.communities.community.size(); ++v) community[c.org_id(v)] = m.communities.community[v];
  j["community"] = community;
  json silos = json::array();
  for (const Silo& silo : m.silos) {
    json members = json::array();
    for (uint32_t v = 0; v < m.communities.community.size(); ++v)
      if (m.communities.community[v] == silo.community) members.push_back(c.org_id(v));
    silos.push_back({{"organizations", silo.organizations},
                     {"members", members},
                     {"percent_within", percent(silo.share)},
                     {"sectors", sector_names(c, silo.sectors)}});
  }
  j["silos"] = silos;
  json brokers = json::array();
  for (const Broker& b : m.brokers)
    brokers.push_back({{"id", c.org_id(b.organization)},
                       {"sectors_cut_off", sector_names(c, b.sectors_cut_off)},
                       {"percent_pairs_lose_contact", percent(b.pairs_disconnected)}});
  j["brokers"] = brokers;
  json points = json::array();
  for (const SinglePointOfFailure& p : m.single_points)
    points.push_back({{"id", c.org_id(p.organization)},
                      {"cut_off", p.cut_off},
                      {"sectors_cut_off", sector_names(c, p.sectors_cut_off)}});
  j["single_points"] = points;
  return j.dump();
}

}  // namespace tablemap::viz
