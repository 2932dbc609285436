// "Structure": is this a network or a set of silos? The summary, the silos
// (the map can color organizations by community), the brokers and the single
// points of failure, all read from analysis/structure (NetworkMetrics).
// The measures run on a worker thread when this panel is shown after an edit
// (viz/structure_job.hpp); meanwhile a progress line shows and the last
// measures stay. On 10,000 organizations betweenness is sampled
// (analysis/centrality.hpp).
#include <cmath>

#include <imgui.h>

#include "analysis/headlines.hpp"
#include "analysis/metrics_report.hpp"
#include "analysis/report_text.hpp"
#include "analysis/structure.hpp"
#include "viz/fit_text.hpp"
#include "viz/map_view.hpp"

namespace tablemap::viz {

void draw_structure(AppState& s) {
  if (s.organization_count() == 0) {
    ImGui::TextDisabled("Open a community first.");
    return;
  }
  update_structure(s, true);
  if (s.structure_job.running())
    ImGui::TextColored({0.8f, 0.45f, 0.f, 1}, "Measuring the network... %.1f s", s.structure_job.elapsed());
  if (!s.structure) return;
  if (!s.structure->error.empty()) {
    ImGui::TextColored({0.75f, 0.12f, 0.1f, 1}, "%s", s.structure->error.c_str());
    return;
  }
  if (!structure_current(s)) ImGui::TextDisabled("Shown: the measures from before the last edit.");
  // Rows below are those of the community that was measured; map_row finds them on the map.
  const Community& c = s.structure->community;
  const NetworkMetrics& m = s.structure->metrics;
  const NetworkSummary& sum = m.summary;
  auto show = [&](uint32_t org) {
    if (const int32_t row = map_row(s, c, org); row >= 0) go_to(s, uint32_t(row));
  };
  auto highlight = [&](uint32_t org) {
    if (const int32_t row = map_row(s, c, org); row >= 0) s.highlighted.push_back(uint32_t(row));
  };
  auto is_selected = [&](uint32_t org) { return s.selected >= 0 && s.selected == map_row(s, c, org); };

  headline(metrics_headline(m, c));
  ImGui::TextWrapped("%u organizations, %llu ties, density %.3f", sum.organizations,
              static_cast<unsigned long long>(sum.ties), sum.density);
  const std::string isolates =
      sum.isolates == 0 ? "" : "; " + count_of(int64_t(sum.isolates), "organization") + " without any tie";
  if (sum.component_sizes.size() <= 1)
    ImGui::TextWrapped("One connected network%s", isolates.c_str());
  else
    ImGui::TextWrapped("%zu separate parts (the largest has %u)%s", sum.component_sizes.size(),
                       sum.component_sizes[0], isolates.c_str());
  ImGui::TextWrapped("%s (groups tied more among themselves than to the rest), modularity %.2f",
                     count_of(int64_t(sum.communities), "community", "communities").c_str(), sum.modularity);
  const double ei = sum.sector_mix.ei();
  if (!std::isnan(ei))
    ImGui::TextWrapped("Cross-sector ties: E-I index %.2f (-1 = every tie inside a sector, +1 = every tie across)", ei);
  bool by_community = s.coloring.by == ColorBy::community;
  if (ImGui::Checkbox("Color the map by community", &by_community))
    set_coloring(s, by_community ? Coloring{ColorBy::community, ""} : Coloring{});

  section_title("Silos");
  if (m.silos.empty()) ImGui::TextDisabled("No silo: every community has ties across sectors.");
  for (size_t k = 0; k < m.silos.size(); ++k) {
    const Silo& silo = m.silos[k];
    ImGui::PushID(int(k));
    const Color col = class_color(silo.community);  // as the legend colors it (viz/coloring.hpp)
    ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(to_imgui(col)), ImGuiColorEditFlags_NoTooltip, {12, 12});
    ImGui::SameLine();
    // Named by its sectors, as `tablemap metrics` prints them; its members in the tooltip.
    const std::string sectors = join_and(sector_names(c, silo.sectors));
    const bool clicked = fit_selectable(sectors + " silo: " + count_of(int64_t(silo.organizations), "organization") +
                                            ", " + std::to_string(int(silo.share * 100 + 0.5)) + "% of ties within " +
                                            sectors,
                                        false);
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
      ImGui::TextUnformatted(join(org_names(c, silo_members(m, silo)), ", ").c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    if (clicked) {
      set_coloring(s, Coloring{ColorBy::community, ""});
      s.highlighted.clear();
      for (uint32_t v = 0; v < m.communities.community.size(); ++v)
        if (m.communities.community[v] == silo.community) highlight(v);
    }
    ImGui::PopID();
  }

  section_title("Brokers");
  if (ImGui::SmallButton("Highlight brokers")) {
    s.highlighted.clear();
    for (const Broker& b : m.brokers) highlight(b.organization);
  }
  for (size_t k = 0; k < m.brokers.size(); ++k) {
    const Broker& b = m.brokers[k];
    ImGui::PushID(int(100 + k));
    if (fit_selectable(c.organizations[b.organization].name, is_selected(b.organization))) show(b.organization);
    // What its departure changes, the same words as `tablemap metrics`.
    const std::string changes = broker_changes(c, b);
    if (!changes.empty()) {
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("without it, %s", changes.c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent();
    }
    ImGui::PopID();
  }

  section_title("Single points of failure");
  if (ImGui::SmallButton("Highlight them")) {
    s.highlighted.clear();
    for (const SinglePointOfFailure& p : m.single_points) highlight(p.organization);
  }
  if (m.single_points.empty()) ImGui::TextDisabled("None: no single organization holds parts together.");
  for (size_t k = 0; k < m.single_points.size(); ++k) {
    const SinglePointOfFailure& p = m.single_points[k];
    ImGui::PushID(int(200 + k));
    std::string what = c.organizations[p.organization].name + ": cuts off " + count_of(int64_t(p.cut_off), "organization");
    if (!p.sectors_cut_off.empty()) what += " (" + join(sector_names(c, p.sectors_cut_off)) + ")";
    if (fit_selectable(what, is_selected(p.organization))) show(p.organization);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove it in What-if to see what the coalition would lose.");
    ImGui::PopID();
  }
}

}  // namespace tablemap::viz
