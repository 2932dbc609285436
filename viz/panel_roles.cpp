// "Backbone roles": per issue area, the function x organization matrix with
// overlapping backbones and contested functions marked, the conveners per
// outcome, the anchor, and the proposed shared-backbone plan, all read from
// analysis/roles (RoleReport). While organizations are removed in what-if, it
// describes the community without them (viz/panel_reports.hpp): the roles
// they held go uncovered.
#include <algorithm>

#include <imgui.h>

#include "analysis/headlines.hpp"
#include "analysis/roles.hpp"
#include "viz/fit_text.hpp"
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

// A button with the name of organization `org` of the report's community,
// flowing on the line after the last one; it shows it on the map.
void org_link(AppState& s, uint32_t org, const char* suffix = "", bool first = true) {
  const Community& c = report_community(s);
  const std::string label = c.organizations[org].name + suffix;
  flow(small_button_width(label), first);
  ImGui::PushID(int(org));
  if (fit_small_button(label))
    if (const int32_t row = map_row(s, c, org); row >= 0) go_to(s, uint32_t(row));
  ImGui::PopID();
}

// What organization `org` does for function `fc`, in words ("" for nothing);
// the plan's choice is marked with "(plan)".
std::string matrix_cell(const FunctionCoverage& fc, const BackboneStep& step, uint32_t org) {
  std::string mark;
  for (const FunctionClaim& claim : fc.claims)
    if (claim.organization == org)
      mark = claim.whole_role ? (claim.agreed ? "whole role, agreed" : "whole role") : (claim.agreed ? "agreed" : "claims");
  if (step.assignment.organization == int32_t(org)) mark += mark.empty() ? "plan" : " (plan)";
  return mark;
}

// The function x organization matrix: one row per organization that claims
// a function (or the plan gives it one), one column per function, and a last
// row with each function's status. Wide matrices scroll sideways with the
// names kept in view; long names are cut with a tooltip.
void function_matrix(AppState& s, const Community& c, const IssueAreaRoles& area) {
  std::vector<uint32_t> rows;
  for (const WholeRoleBackbone& b : area.backbones) rows.push_back(b.organization);
  for (const FunctionCoverage& fc : area.functions)
    for (const FunctionClaim& claim : fc.claims) rows.push_back(claim.organization);
  for (const BackboneStep& step : area.plan)
    if (step.assignment.organization != kNoOrganization) rows.push_back(uint32_t(step.assignment.organization));
  std::vector<uint32_t> unique;
  for (uint32_t r : rows)
    if (std::find(unique.begin(), unique.end(), r) == unique.end()) unique.push_back(r);
  if (unique.empty()) {
    ImGui::TextDisabled("Nobody claims a backbone function here yet.");
    return;
  }
  const int columns = int(area.functions.size()) + 1;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float height = std::min(float(unique.size() + 3), 14.f) * line + ImGui::GetStyle().ScrollbarSize;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter;
  if (!ImGui::BeginTable("matrix", columns, flags, {0, height})) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  const float name_w = std::min(16.f * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x * 0.45f);
  ImGui::TableSetupColumn("organization", ImGuiTableColumnFlags_WidthFixed, name_w);
  for (const FunctionCoverage& fc : area.functions)
    ImGui::TableSetupColumn(c.profile.backbone_functions[size_t(fc.function)].c_str());
  ImGui::TableHeadersRow();
  for (uint32_t org : unique) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(int(org));
    const int32_t row = map_row(s, c, org);
    if (fit_selectable(c.organizations[org].name, row >= 0 && row == s.selected) && row >= 0) go_to(s, uint32_t(row));
    ImGui::PopID();
    for (size_t f = 0; f < area.functions.size(); ++f) {
      ImGui::TableNextColumn();
      const std::string cell = matrix_cell(area.functions[f], area.plan[f], org);
      if (!cell.empty()) ImGui::TextUnformatted(cell.c_str());
    }
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted("status");
  for (const FunctionCoverage& fc : area.functions) {
    ImGui::TableNextColumn();
    ImGui::TextColored(coverage_color(fc.status), "%s", std::string(to_string(fc.status)).c_str());
  }
  ImGui::EndTable();
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
  headline(roles_headline(r, c));

  ImGui::Text("Anchor: %s", std::string(to_string(r.anchor_status)).c_str());
  for (uint32_t a : r.anchors) org_link(s, a, "", false);
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
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.75f, 0.12f, 0.1f, 1});
      ImGui::TextWrapped("Competing backbones: %zu organizations each claim the whole backbone role, so every "
                         "function is contested:",
                         area.backbones.size());
      ImGui::PopStyleColor();
      // Plain lines (not buttons), read at a glance; a click shows it on the map.
      for (const WholeRoleBackbone& b : area.backbones) {
        ImGui::PushID(int(b.organization));
        ImGui::Bullet();
        const int32_t row = map_row(s, c, b.organization);
        if (fit_selectable(c.organizations[b.organization].name + (b.agreed ? " (agreed)" : ""),
                           row >= 0 && row == s.selected) &&
            row >= 0)
          go_to(s, uint32_t(row));
        ImGui::PopID();
      }
      if (ImGui::SmallButton("Show them on the map")) {
        s.highlighted.clear();
        for (const WholeRoleBackbone& b : area.backbones)
          if (const int32_t row = map_row(s, c, b.organization); row >= 0) s.highlighted.push_back(uint32_t(row));
      }
    }
    if (ImGui::BeginTable("functions", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                              ImGuiTableFlags_SizingFixedFit)) {
      ImGui::TableSetupColumn("function");
      ImGui::TableSetupColumn("status");
      ImGui::TableSetupColumn("played by", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableHeadersRow();
      for (const FunctionCoverage& f : area.functions) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.profile.backbone_functions[size_t(f.function)].c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(coverage_color(f.status), "%s", std::string(to_string(f.status)).c_str());
        ImGui::TableNextColumn();
        if (f.claims.empty()) ImGui::TextDisabled("nobody");
        // Whole-role claims of competing backbones are named once, above: here they are counted.
        size_t whole = 0;
        bool first = true;
        for (const FunctionClaim& claim : f.claims) {
          if (claim.whole_role && area.overlapping_backbones && !claim.agreed) {
            ++whole;
            continue;
          }
          org_link(s, claim.organization, claim.agreed ? " (agreed)" : claim.whole_role ? " (whole role)" : "", first);
          first = false;
        }
        if (whole > 0) {
          const std::string text = (first ? "" : "and ") + std::string("the ") + std::to_string(whole) +
                                   " competing backbones";
          flow(ImGui::CalcTextSize(text.c_str()).x, first);
          fit_text(text);
        }
        if (f.status == CoverageStatus::contested && f.weak_pair_count > 0) {
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
          ImGui::TextWrapped("%zu of %zu pairs not strongly tied", f.weak_pair_count, f.pair_count);
          ImGui::PopStyleColor();
        }
      }
      ImGui::EndTable();
    }
    if (ImGui::TreeNodeEx("matrix", ImGuiTreeNodeFlags_DefaultOpen, "Who does what")) {
      function_matrix(s, c, area);
      ImGui::TreePop();
    }
    for (const OutcomeConveners& oc : area.conveners) {
      const std::string line = ia.outcomes[size_t(oc.outcome)] + ": " +
                               (oc.status == HowMany::none ? "no" : oc.status == HowMany::one ? "one" : "several") +
                               " convener";
      fit_text_colored(oc.status == HowMany::one ? ImVec4{0.15f, 0.5f, 0.2f, 1} : ImVec4{0.8f, 0.45f, 0.f, 1}, line,
                       ImGui::CalcTextSize(line.c_str()).x);
      for (const ConvenerTies& ct : oc.conveners) org_link(s, ct.organization, "", false);
    }
    if (ImGui::TreeNode("plan", "Proposed shared backbone%s", area.plan_complete ? "" : " (incomplete)")) {
      for (const BackboneStep& step : area.plan) {
        const std::string& fn = c.profile.backbone_functions[size_t(step.assignment.function)];
        if (step.assignment.organization >= 0) {
          ImGui::BulletText("%s:", fn.c_str());
          org_link(s, uint32_t(step.assignment.organization), "", false);
        } else {
          ImGui::BulletText("%s: nobody under the cap", fn.c_str());
        }
        ImGui::TextWrapped("   %s", step.reason.c_str());
      }
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", kPlanCaveat);
      ImGui::PopStyleColor();
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (!r.load_concentration.empty()) {
    section_title("Backbone of several issue areas");
    for (const BackboneLoad& load : r.load_concentration) {
      org_link(s, load.organization);
      const std::string areas = std::to_string(load.issue_areas.size()) + " issue areas";
      flow(ImGui::CalcTextSize(areas.c_str()).x, false);
      ImGui::TextUnformatted(areas.c_str());
    }
  }
}

}  // namespace tablemap::viz
