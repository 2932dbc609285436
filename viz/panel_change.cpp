// Change: the year shown against a year before it (viz/years.hpp), as
// `tablemap compare` and the board report's "Change since" say it: the
// board's sentences first, then the figures before -> after, then who joined
// or left the table and the network, each name a link to the map.
#include <imgui.h>

#include <string>

#include "viz/fit_text.hpp"
#include "viz/map_view.hpp"
#include "viz/years.hpp"

namespace tablemap::viz {
namespace {

// Names of a change list, each selecting the organization when it is on the map.
void name_list(AppState& s, const char* title, const std::vector<NamedRow>& rows, int id) {
  if (rows.empty()) return;
  section_title((std::string(title) + " (" + std::to_string(rows.size()) + ")").c_str());
  const Community& c = s.community();
  ImGui::PushID(id);
  for (size_t k = 0; k < rows.size(); ++k) {
    ImGui::PushID(int(k));
    const std::string& label = rows[k].name.empty() ? rows[k].id : rows[k].name;
    const auto org = c.find_organization(rows[k].id);
    if (fit_selectable(label, org && int32_t(*org) == s.selected) && org) go_to(s, *org);
    ImGui::PopID();
  }
  ImGui::PopID();
}

}  // namespace

void draw_change(AppState& s) {
  YearView& y = s.years;
  if (y.years.size() < 2) {
    ImGui::TextWrapped(
        "This community has one year. A project file (.tablemap) keeps one snapshot per year: convert this year's "
        "folder or workbook into it, then next year's, and open the file to compare the two here.");
    return;
  }
  update_comparison(s);
  if (!y.compare_with || !y.comparison) {
    const std::vector<int> earlier = earlier_years(y);
    ImGui::TextWrapped("%s", earlier.empty()
                                 ? ("Showing " + std::to_string(y.shown) +
                                    ", the file's first year: choose a later year under Year in the sidebar to see "
                                    "what changed since.")
                                       .c_str()
                                 : "Choose \"compare with...\" under Year in the sidebar to see what changed since an "
                                   "earlier year.");
    return;
  }
  const Comparison& d = *y.comparison;
  section_title(("Since " + std::to_string(y.compare_with)).c_str());
  for (const std::string& sentence : d.headline) headline(sentence);
  if (ImGui::BeginTable("change", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    const float num = ImGui::CalcTextSize("00000").x;
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn(std::to_string(y.compare_with).c_str(), ImGuiTableColumnFlags_WidthFixed, num);
    ImGui::TableSetupColumn(std::to_string(y.shown).c_str(), ImGuiTableColumnFlags_WidthFixed, num);
    ImGui::TableHeadersRow();
    for (const WhatIfRow& row : change_rows(d)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", row.label.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.before.c_str());
      ImGui::TableNextColumn();
      if (row.changed()) ImGui::TextColored({0.0f, 0.35f, 0.6f, 1}, "%s", row.after.c_str());
      else ImGui::TextUnformatted(row.after.c_str());
    }
    ImGui::EndTable();
  }
  name_list(s, "Joined the table", d.joined_table, 1);
  name_list(s, "Left the table", d.left_table, 2);
  name_list(s, "New in the network", d.added, 3);
  if (!d.removed.empty()) {
    section_title(("Gone from the network (" + std::to_string(d.removed.size()) + ")").c_str());
    for (const Ghost& g : y.ghosts)
      fit_text(g.name + (g.placed ? "" : "  (no place on the map)"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Drawn as dashed circles where they were, while the map is colored by change.");
    ImGui::PopStyleColor();
  }
}

}  // namespace tablemap::viz
