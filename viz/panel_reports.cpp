// The reports of the analysis panels, rebuilt only when the community or the
// what-if removals change (viz/panel_reports.hpp).
#include "viz/panel_reports.hpp"

#include "analysis/whatif.hpp"
#include "viz/app_state.hpp"

namespace tablemap::viz {
namespace {

// Brings the reports up to date: drops them when the community, the edit or
// the removals changed, and takes a new what-if snapshot when needed.
PanelReports& reports(AppState& s) {
  refresh(s);
  PanelReports& r = s.reports;
  if (r.opened == s.opened && r.revision == s.built_revision && r.removal == s.whatif_revision) return r;
  r = PanelReports{};
  r.opened = s.opened;
  r.revision = s.built_revision;
  r.removal = s.whatif_revision;
  std::vector<uint32_t> removed;
  std::string names;
  for (uint32_t v = 0; v < s.removed.size(); ++v)
    if (s.removed[v]) {
      removed.push_back(v);
      names += (names.empty() ? "" : ", ") + s.community().organizations[v].name;
    }
  if (!removed.empty()) {
    Community without = community_without(s.community(), removed);
    Network network(without);
    r.whatif = WhatIfCommunity{std::move(without), std::move(network), "What-if: without " + names};
  }
  return r;
}

}  // namespace

const Community& report_community(AppState& s) {
  const PanelReports& r = reports(s);
  return r.whatif ? r.whatif->community : s.community();
}

std::string report_label(AppState& s) {
  const PanelReports& r = reports(s);
  return r.whatif ? r.whatif->label : std::string();
}

const GapReport& gap_report(AppState& s) {
  PanelReports& r = reports(s);
  if (!r.gaps)
    r.gaps = r.whatif ? analyze_gaps(r.whatif->community, r.whatif->network) : analyze_gaps(s.community(), s.network);
  return *r.gaps;
}

const RoleReport& role_report(AppState& s) {
  PanelReports& r = reports(s);
  if (!r.roles)
    r.roles = r.whatif ? analyze_roles(r.whatif->community, r.whatif->network) : analyze_roles(s.community(), s.network);
  return *r.roles;
}

int32_t map_row(const AppState& s, const Community& snapshot, uint32_t row) {
  const Community& c = s.community();
  if (snapshot.organizations.shares_storage_with(c.organizations)) return int32_t(row);
  if (row >= snapshot.organizations.size()) return -1;
  auto found = c.find_organization(snapshot.org_id(row));
  return found ? int32_t(*found) : -1;
}

bool structure_current(const AppState& s) {
  return s.structure && s.structure->opened == s.opened && s.structure->revision == s.built_revision;
}

void update_structure(AppState& s, bool wanted) {
  refresh(s);
  if (auto done = s.structure_job.take()) {
    s.structure = std::move(*done);
    if (structure_current(s) && s.structure->error.empty()) s.group = s.structure->metrics.communities.community;
    if (!s.structure->error.empty()) s.status = s.structure->error;
  }
  if (wanted && !structure_current(s) && !s.structure_job.running())
    s.structure_job.start(s.community(), s.opened, s.built_revision);
}

}  // namespace tablemap::viz
