// "The table": the leadership table drawn as a seat chart, read from
// analysis/gaps (GapReport): one row per sector with a chair per seat (an
// empty red chair where a required sector has none, with the candidates who
// could take it), then the people at the table by sector and generation
// against each generation's share of the residents.
#include <algorithm>

#include <imgui.h>

#include "analysis/gaps.hpp"
#include "viz/fit_text.hpp"
#include "viz/map_view.hpp"

namespace tablemap::viz {
namespace {

// A chair: a rounded square, filled (a seat) or dashed and empty.
void chair(Color color, bool empty) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a{p.x + 1, p.y + 1}, b{p.x + h - 1, p.y + h - 1};
  if (empty) {
    dl->AddRect(a, b, to_imgui(kCandidateRing), 3, 0, 2.f);
    dl->AddLine({a.x + 3, b.y - 3}, {b.x - 3, a.y + 3}, to_imgui(kCandidateRing), 1.5f);
  } else {
    dl->AddRectFilled(a, b, to_imgui(color), 3);
  }
  ImGui::Dummy({h, h});
}

void person_dot(Color color) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddCircleFilled({p.x + h * 0.35f, p.y + h / 2}, h * 0.3f, to_imgui(color), 12);
  ImGui::Dummy({h * 0.7f, h});
}


}  // namespace

void draw_table_view(AppState& s) {
  if (s.organization_count() == 0) {
    ImGui::TextDisabled("Open a community first.");
    return;
  }
  const Community& c = report_community(s);
  const GapReport& r = gap_report(s);
  if (const std::string view = report_label(s); !view.empty()) what_if_banner(view);
  ImGui::TextWrapped("The leadership table: %lld people from %lld organizations.",
                     static_cast<long long>(r.table.people), static_cast<long long>(r.table.organizations));

  section_title("Seats by sector");
  const std::vector<bool> at = c.organizations_at_table();
  const float label_w = std::min(11 * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x * 0.4f);
  for (size_t k = 0; k < r.sectors.size(); ++k) {
    const SectorRow& row = r.sectors[k];
    ImGui::PushID(int(k));
    fit_text_colored(gap_status_color(row.status), row.name + (row.required ? " *" : ""), label_w);
    ImGui::SameLine(label_w + ImGui::GetStyle().ItemSpacing.x * 2);
    // The organizations of the sector at the table, a chair each; the rest of
    // the seats are people at the table without an organization.
    int64_t drawn = 0;
    bool first = true;
    const float h = ImGui::GetTextLineHeight();
    for (uint32_t v = 0; v < c.organizations.size() && drawn < row.seats; ++v) {
      if (!at[v] || c.organizations[v].sector != row.sector) continue;
      flow(h, first);
      first = false;
      chair(sector_color(row.sector), false);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.organizations[v].name.c_str());
      if (ImGui::IsItemClicked())
        if (const int32_t m = map_row(s, c, v); m >= 0) go_to(s, uint32_t(m));
      ++drawn;
    }
    for (; drawn < row.seats; ++drawn) {
      flow(h, first);
      first = false;
      chair(sector_color(row.sector), false);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("a person at the table without an organization");
    }
    for (int64_t e = row.seats; e < row.min_seats && row.required; ++e) {
      flow(h, first);
      first = false;
      chair(sector_color(row.sector), true);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("an empty seat: no %s organization at the table", row.name.c_str());
    }
    if (first) {  // nothing drawn after the sector's name: an optional sector without a seat
      ImGui::SameLine(label_w + ImGui::GetStyle().ItemSpacing.x * 2);
      ImGui::TextDisabled("no seat (optional)");
    }
    if (row.status == GapStatus::missing && row.required) {
      std::string names;
      for (size_t n = 0; n < row.candidates.size() && n < kCandidatesMarked; ++n)
        names += (names.empty() ? "" : ", ") + row.candidates[n].name;
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.75f, 0.12f, 0.1f, 1});
      ImGui::TextWrapped("no seat%s%s", names.empty() ? ": nobody in the network" : "; could take it: ",
                         names.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopID();
  }
  ImGui::TextDisabled("* required sector");

  section_title("People at the table by generation");
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  size_t with_people = 0;
  for (size_t sec = 0; sec < r.sector_generation.size(); ++sec) {
    int64_t total = 0;
    for (int64_t x : r.sector_generation[sec]) total += x;
    if (total > 0) ++with_people;
  }
  const float height = float(with_people + 4) * line + ImGui::GetStyle().ScrollbarSize + 4;
  if (ImGui::BeginTable("generations", kGenerationCount + 1, flags, {0, height})) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("sector", ImGuiTableColumnFlags_WidthFixed, label_w);
    for (Generation g : kAllGenerations) ImGui::TableSetupColumn(std::string(to_string(g)).c_str());
    ImGui::TableHeadersRow();
    for (size_t sec = 0; sec < r.sector_generation.size(); ++sec) {
      int64_t total = 0;
      for (int64_t x : r.sector_generation[sec]) total += x;
      if (total == 0) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      fit_text(c.sector_name(SectorId(sec)));
      for (int g = 0; g < kGenerationCount; ++g) {
        ImGui::TableNextColumn();
        const int64_t people = r.sector_generation[sec][size_t(g)];
        for (int64_t p = 0; p < std::min<int64_t>(people, 5); ++p) {
          if (p > 0) ImGui::SameLine(0, 1);
          person_dot(generation_color(Generation(g)));
        }
        if (people > 5) {
          ImGui::SameLine(0, 2);
          ImGui::Text("+%lld", static_cast<long long>(people - 5));
        }
      }
    }
    auto share_row = [&](const char* label, bool residents) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(label);
      for (Generation g : kAllGenerations) {
        ImGui::TableNextColumn();
        const GenerationRow* row = nullptr;
        for (const GenerationRow& gr : r.generations)
          if (gr.generation == g) row = &gr;
        if (!row) continue;
        if (residents) {
          if (row->resident_share) ImGui::Text("%.0f%%", *row->resident_share * 100);
          else ImGui::TextDisabled("?");
        } else {
          ImGui::TextColored(gap_status_color(row->status), "%.0f%%", row->table_share * 100);
        }
      }
    };
    share_row("share of the table", false);
    share_row("share of residents", true);
    ImGui::EndTable();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("A dot per person at the table, colored by generation. The table's share is red where a "
                     "generation has nobody at the table and orange where it is under its share of the residents "
                     "(Who is missing has the figures and the candidates).");
  ImGui::PopStyleColor();
}

}  // namespace tablemap::viz
