// The reports of the analysis panels, rebuilt only when the community or the
// what-if removals change (viz/panel_reports.hpp).
#include "viz/panel_reports.hpp"

#include <algorithm>

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
    Network network = s.network.without(removed);
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

int32_t candidate_row(AppState& s, const Candidate& cand) {
  const Community& c = report_community(s);
  const int32_t row = cand.kind == Candidate::Kind::organization ? int32_t(cand.index)
                      : cand.index < c.people.size()             ? c.people[cand.index].organization
                                                                 : kNoOrganization;
  return row < 0 ? -1 : map_row(s, c, uint32_t(row));
}

const MapMarks& map_marks(AppState& s, int backbone_area) {
  PanelReports& r = reports(s);
  if (r.marks && r.marks->backbone_area == backbone_area) return *r.marks;
  MapMarks m;
  m.backbone_area = backbone_area;
  const Community& c = report_community(s);
  for (const SectorRow& row : gap_report(s).sectors) {
    if (!row.required || row.status != GapStatus::missing) continue;
    m.no_seat.push_back(row.sector);
    size_t marked = 0;
    for (const Candidate& cand : row.candidates) {
      if (marked == kCandidatesMarked) break;
      const int32_t org = candidate_row(s, cand);
      if (org < 0) continue;
      m.candidates.push_back({uint32_t(org), row.sector});
      ++marked;
    }
  }
  m.backbone.assign(s.organization_count(), BackboneMark::none);
  auto mark = [&](uint32_t org, BackboneMark b) {
    const int32_t row = map_row(s, c, org);
    if (row >= 0 && size_t(row) < m.backbone.size()) m.backbone[size_t(row)] = std::max(m.backbone[size_t(row)], b);
  };
  for (const IssueAreaRoles& area : role_report(s).issue_areas) {
    if (backbone_area >= 0 && int(area.issue_area) != backbone_area) continue;
    MapMarks::AreaNote note;
    note.issue_area = area.issue_area;
    if (area.overlapping_backbones) note.competing = area.backbones.size();
    for (const WholeRoleBackbone& b : area.backbones)
      mark(b.organization, area.overlapping_backbones ? BackboneMark::competing
                           : b.agreed                 ? BackboneMark::agreed
                                                      : BackboneMark::claimed);
    for (const FunctionCoverage& f : area.functions) {
      if (f.status == CoverageStatus::contested) note.contested.push_back(f.function);
      if (f.status == CoverageStatus::uncovered) note.uncovered.push_back(f.function);
      for (const FunctionClaim& claim : f.claims)
        if (!claim.whole_role)
          mark(claim.organization, f.status == CoverageStatus::contested ? BackboneMark::competing
                                   : claim.agreed                         ? BackboneMark::agreed
                                                                          : BackboneMark::claimed);
    }
    // Every issue area: only those with something to fix; the chosen one: always.
    if (backbone_area >= 0 || note.competing > 0 || !note.contested.empty() || !note.uncovered.empty())
      m.areas.push_back(std::move(note));
  }
  r.marks = std::move(m);
  return *r.marks;
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
    if (structure_current(s) && s.structure->error.empty()) {
      s.group = s.structure->metrics.communities.community;
      ++s.group_revision;
    }
    if (!s.structure->error.empty()) s.status = s.structure->error;
  }
  if (wanted && !structure_current(s) && !s.structure_job.running())
    s.structure_job.start(s.community(), s.opened, s.built_revision);
}

}  // namespace tablemap::viz
