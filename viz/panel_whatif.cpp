// What-if: take organizations out (nothing is saved) and read what changes,
// from analysis/whatif: parts of the network, reach of the table, cross-sector
// ties, in the same before/after lines as `tablemap whatif` (what_if_rows).
#include <imgui.h>

#include "analysis/headlines.hpp"
#include "analysis/report_text.hpp"
#include "viz/map_view.hpp"

namespace tablemap::viz {

void draw_whatif(AppState& s) {
  const Community& c = s.community();
  ImGui::TextWrapped(
      "Take organizations out to see what the coalition would lose if they left. "
      "Select one on the map and press \"Remove (what-if)\" in the inspector. Nothing here changes your data.");
  const WhatIfReport& w = whatif_report(s);
  if (w.removed.empty()) {
    ImGui::TextDisabled("Nobody removed.");
    return;
  }
  headline(what_if_headline(w, c));
  section_title("Removed");
  for (uint32_t v : w.removed) {
    ImGui::PushID(int(v));
    if (ImGui::SmallButton("put back")) set_removed(s, v, false);
    ImGui::SameLine();
    if (ImGui::Selectable(c.organizations[v].name.c_str(), s.selected == int32_t(v))) go_to(s, v);
    ImGui::PopID();
  }
  if (ImGui::Button("Put everybody back")) whatif_reset(s);

  section_title("Before and after");
  if (ImGui::BeginTable("whatif", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn("before", ImGuiTableColumnFlags_WidthFixed, 60);
    ImGui::TableSetupColumn("after", ImGuiTableColumnFlags_WidthFixed, 60);
    ImGui::TableHeadersRow();
    for (const WhatIfRow& row : what_if_rows(w)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.label.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.before.c_str());
      ImGui::TableNextColumn();
      if (row.changed()) ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "%s", row.after.c_str());
      else ImGui::TextUnformatted(row.after.c_str());
    }
    ImGui::EndTable();
  }
  if (!w.sectors_out_of_reach.empty()) {
    std::string names;
    for (SectorId sec : w.sectors_out_of_reach) names += (names.empty() ? "" : ", ") + c.sector_name(sec);
    ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "The table no longer reaches: %s", names.c_str());
  }
  if (!w.sectors_cut_off.empty()) {
    std::string names;
    for (SectorId sec : w.sectors_cut_off) names += (names.empty() ? "" : ", ") + c.sector_name(sec);
    ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "Cut off from every other sector: %s", names.c_str());
  }
  if (!w.lost_from_table.empty()) {
    const size_t lost = w.lost_from_table.size();
    ImGui::TextWrapped("%s %s to the table:", count_of(int64_t(lost), "organization").c_str(),
                       lost == 1 ? "loses its path" : "lose their path");
    int shown = 0;
    for (uint32_t v : w.lost_from_table) {
      if (++shown > 30) {
        ImGui::TextDisabled("... %zu more", w.lost_from_table.size() - 30);
        break;
      }
      ImGui::PushID(int(v) + 1000000);
      if (ImGui::Selectable(c.organizations[v].name.c_str())) go_to(s, v);
      ImGui::PopID();
    }
  }
}

}  // namespace tablemap::viz
