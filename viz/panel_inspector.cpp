// The selected organization: what the files say about it, its people, its
// roles, its ties (click one to go there) and its place in the network.
#include <imgui.h>

#include "viz/fit_text.hpp"
#include "viz/map_view.hpp"

namespace tablemap::viz {
namespace {

std::string kinds_text(TieKindSet kinds) {
  std::string out;
  for (int k = 0; k < kTieKindCount; ++k)
    if ((kinds >> k) & 1u) out += (out.empty() ? "" : ", ") + std::string(to_string(TieKind(k)));
  return out;
}

std::string role_text(const Community& c, const Role& r) {
  std::string out(to_string(r.kind));
  if (r.issue_area >= 0 && size_t(r.issue_area) < c.profile.issue_areas.size())
    out += " in " + c.profile.issue_areas[size_t(r.issue_area)].name;
  if (r.kind == RoleKind::backbone)
    out += r.function == kWholeBackbone ? " (whole backbone)"
                                        : " (" + c.profile.backbone_functions[size_t(r.function)] + ")";
  if (r.kind == RoleKind::convener && r.outcome >= 0 && r.issue_area >= 0)
    out += ": " + c.profile.issue_areas[size_t(r.issue_area)].outcomes[size_t(r.outcome)];
  out += r.status == RoleStatus::agreed ? ", agreed" : ", claimed";
  return out;
}

}  // namespace

void go_to(AppState& s, uint32_t org) {
  if (org >= s.organization_count()) return;
  s.selected = int32_t(org);
  if (org < s.pos.size()) {
    s.camera.center_x = s.pos[org].x;
    s.camera.center_y = s.pos[org].y;
  }
}

void draw_inspector(AppState& s) {
  const Community& c = s.community();
  if (s.selected < 0 || uint32_t(s.selected) >= s.organization_count()) {
    ImGui::TextWrapped("Click an organization on the map, or find it by name on the left.");
    return;
  }
  const uint32_t i = uint32_t(s.selected);
  const Organization& o = c.organizations[i];
  ImGui::TextWrapped("%s", o.name.c_str());
  ImGui::TextDisabled("id %s, %s", o.id.c_str(), std::string(to_string(o.type)).c_str());
  ImGui::TextWrapped("Sector: %s%s", c.sector_name(o.sector).c_str(), c.profile.is_required(o.sector) ? " (required)" : "");
  if (!o.secondary_sectors.empty()) {
    std::string more;
    for (SectorId sec : o.secondary_sectors) more += (more.empty() ? "" : ", ") + c.sector_name(sec);
    ImGui::TextWrapped("Also: %s", more.c_str());
  }
  ImGui::Text("%s", s.at_table[i] ? "At the table" : "Not at the table");
  if (!o.issue_areas.empty()) {
    std::string areas;
    for (IssueAreaId a : o.issue_areas) areas += (areas.empty() ? "" : ", ") + c.profile.issue_areas[size_t(a)].name;
    ImGui::TextWrapped("Works in: %s", areas.c_str());
  }
  if (o.generations_served) {
    std::string gens;
    for (Generation g : kAllGenerations)
      if (contains(o.generations_served, g)) gens += (gens.empty() ? "" : ", ") + std::string(to_string(g));
    ImGui::TextWrapped("Serves: %s", gens.c_str());
  }

  if (s.removed[i]) {
    if (ImGui::Button("Put back (what-if)")) set_removed(s, i, false);
  } else if (ImGui::Button("Remove (what-if)")) {
    set_removed(s, i, true);
  }
  ImGui::SameLine();
  if (ImGui::Button("Center")) go_to(s, i);
  ImGui::SameLine();
  if (ImGui::Button(s.pinned[i] ? "Unpin" : "Pin")) s.pinned[i] = !s.pinned[i], s.positions_changed = true;

  section_title("Network");
  ImGui::Text("%u ties, total strength %u", s.network.degree(i), s.network.strength(i));

  section_title("People");
  int people = 0;
  for (const Person& p : c.people) {
    if (p.organization != int32_t(i)) continue;
    ++people;
    ImGui::Bullet();
    ImGui::TextWrapped("%s, %s%s%s", p.name.c_str(), std::string(to_string(p.generation)).c_str(),
                       p.at_table ? ", at the table" : "", p.formal_leader ? "" : ", informal leader");
  }
  if (!people) ImGui::TextDisabled("nobody listed");

  section_title("Roles");
  int roles = 0;
  for (const Role& r : c.roles)
    if (r.organization == i) ImGui::Bullet(), ImGui::TextWrapped("%s", role_text(c, r).c_str()), ++roles;
  if (!roles) ImGui::TextDisabled("no role");

  section_title("Ties");
  const uint32_t* off = s.network.offsets();
  const uint32_t* tgt = s.network.targets();
  // Names and kinds are cut with a tooltip when the column is narrow.
  if (ImGui::BeginTable("ties", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                        {0, 220})) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("with", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("kinds", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("strength", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (uint32_t arc = off[i]; arc < off[i + 1]; ++arc) {
      const uint32_t other = tgt[arc];
      const Relationship& r = s.network.relationships()[s.network.arc_relationship(arc)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(int(arc));
      if (fit_selectable(c.organizations[other].name, false)) go_to(s, other);
      ImGui::PopID();
      ImGui::TableNextColumn();
      std::string kinds = kinds_text(r.kinds);
      if (r.a_to_b != r.b_to_a) kinds += (r.a_to_b == (r.a == i)) ? " (out)" : " (in)";
      if (!r.confirmed) kinds += " (unconfirmed)";
      fit_text(kinds);
      ImGui::TableNextColumn();
      ImGui::Text("%u", unsigned(r.strength));
    }
    ImGui::EndTable();
  }
}

}  // namespace tablemap::viz
