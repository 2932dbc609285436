// "Backbone roles": per issue area, the function x organization matrix with
// overlapping backbones and contested functions marked, the conveners per
// outcome, the anchor, and the proposed shared-backbone plan, all read from
// analysis/roles (RoleReport). While organizations are removed in what-if, it
// describes the community without them (viz/panel_reports.hpp): the roles
// they held go uncovered.
#include <algorithm>

#include <imgui.h>

#include "analysis/roles.hpp"
#include "viz/map_view.hpp"

namespace tablemap::viz {
namespace {

ImVec4 coverage_color(CoverageStatus st) {
  switch (st) {
    case CoverageStatus::uncovered: return {0.55f, 0.55f, 0.55f, 1};
    case CoverageStatus::covered: return {0.15f, 0.5f, 0.2f, 1};
    case CoverageStatus::shared: return {0.2f, 0.4f, 0.75f, 1};
    case CoverageStatus::contested: return {0.75f, 0.12f, 0.1f, 1};
  }
  return {0, 0, 0, 1};
}

// A button with the name of organization `org` of the report's community; it shows it on the map.
void org_link(AppState& s, uint32_t org, const char* suffix = "") {
  const Community& c = report_community(s);
  ImGui::PushID(int(org));
  if (ImGui::SmallButton((c.organizations[org].name + suffix).c_str()))
    if (const int32_t row = map_row(s, c, org); row >= 0) go_to(s, uint32_t(row));
  ImGui::PopID();
}

}  // namespace

void draw_roles(AppState& s) {
  if (s.organization_count() == 0) {
    ImGui::TextDisabled("Open a community first.");
    return;
  }
  const Community& c = report_community(s);
  const RoleReport& r = role_report(s);
  if (const std::string view = report_label(s); !view.empty()) what_if_banner(view);

  ImGui::Text("Anchor: %s", std::string(to_string(r.anchor_status)).c_str());
  for (uint32_t a : r.anchors) {
    ImGui::SameLine();
    org_link(s, a);
  }
  if (r.anchor_status != HowMany::one)
    ImGui::TextColored({0.75f, 0.12f, 0.1f, 1}, "A partnership should have exactly one anchor.");

  for (size_t k = 0; k < r.issue_areas.size(); ++k) {
    const IssueAreaRoles& area = r.issue_areas[k];
    const IssueArea& ia = c.profile.issue_areas[size_t(area.issue_area)];
    ImGui::PushID(int(k));
    if (!ImGui::CollapsingHeader(ia.name.c_str(), k == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
      ImGui::PopID();
      continue;
    }
    ImGui::TextDisabled("%u organizations, %u practitioners", area.organization_count, area.practitioner_count);
    if (area.overlapping_backbones) {
      ImGui::TextColored({0.75f, 0.12f, 0.1f, 1}, "Overlapping backbones: %zu organizations claim the whole role",
                         area.backbones.size());
      if (ImGui::SmallButton("Show them on the map")) {
        s.highlighted.clear();
        for (const WholeRoleBackbone& b : area.backbones)
          if (const int32_t row = map_row(s, c, b.organization); row >= 0) s.highlighted.push_back(uint32_t(row));
      }
    }
    if (ImGui::BeginTable("functions", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                              ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("function");
      ImGui::TableSetupColumn("status");
      ImGui::TableSetupColumn("played by");
      ImGui::TableHeadersRow();
      for (const FunctionCoverage& f : area.functions) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.profile.backbone_functions[size_t(f.function)].c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(coverage_color(f.status), "%s", std::string(to_string(f.status)).c_str());
        ImGui::TableNextColumn();
        for (const FunctionClaim& claim : f.claims) {
          org_link(s, claim.organization, claim.agreed ? " (agreed)" : claim.whole_role ? " (whole)" : "");
          ImGui::SameLine();
        }
        ImGui::NewLine();
        if (f.status == CoverageStatus::contested && f.weak_pair_count > 0)
          ImGui::TextDisabled("%zu of %zu pairs not strongly tied", f.weak_pair_count, f.pair_count);
      }
      ImGui::EndTable();
    }
    for (const OutcomeConveners& oc : area.conveners) {
      ImGui::TextColored(oc.status == HowMany::one ? ImVec4{0.15f, 0.5f, 0.2f, 1} : ImVec4{0.8f, 0.45f, 0.f, 1},
                         "%s: %s convener", ia.outcomes[size_t(oc.outcome)].c_str(),
                         oc.status == HowMany::none ? "no" : oc.status == HowMany::one ? "one" : "several");
      for (const ConvenerTies& ct : oc.conveners) {
        ImGui::SameLine();
        org_link(s, ct.organization);
      }
    }
    if (ImGui::TreeNode("plan", "Proposed shared backbone%s", area.plan_complete ? "" : " (incomplete)")) {
      for (const BackboneStep& step : area.plan) {
        const std::string& fn = c.profile.backbone_functions[size_t(step.assignment.function)];
        if (step.assignment.organization >= 0) {
          ImGui::BulletText("%s:", fn.c_str());
          ImGui::SameLine();
          org_link(s, uint32_t(step.assignment.organization));
        } else {
          ImGui::BulletText("%s: nobody under the cap", fn.c_str());
        }
        ImGui::TextWrapped("   %s", step.reason.c_str());
      }
      ImGui::TextDisabled("%s", kPlanCaveat);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (!r.load_concentration.empty()) {
    section_title("Backbone of several issue areas");
    for (const BackboneLoad& load : r.load_concentration) {
      org_link(s, load.organization);
      ImGui::SameLine();
      ImGui::Text("%zu issue areas", load.issue_areas.size());
    }
  }
}

}  // namespace tablemap::viz
