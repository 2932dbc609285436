// "Who is missing": the readiness checklist, seats per sector against the
// minimum, each generation's share of the table against its share of the
// residents, the candidates for each gap and the invite plan, all read from
// analysis/gaps (GapReport). Clicking a candidate shows it on the map. While
// organizations are removed in what-if, it describes the community without
// them, under a "What-if: without ..." line (viz/panel_reports.hpp).
#include <algorithm>

#include <imgui.h>

#include "analysis/gaps.hpp"
#include "analysis/headlines.hpp"
#include "viz/fit_text.hpp"
#include "viz/map_view.hpp"

namespace tablemap::viz {
namespace {


int32_t candidate_org(AppState& s, const Candidate& cand) { return candidate_row(s, cand); }

// Comparing with an earlier year (viz/years.hpp): "  (0 in 2025)" when the
// sector's seats changed since, else "".
std::string seats_before(const AppState& s, const SectorRow& row) {
  if (!s.years.comparison || !s.years.compare_with) return "";
  for (const SectorSeats& seats : s.years.comparison->sectors)
    if (seats.sector == row.name && seats.seats_before != row.seats)
      return "  (" + std::to_string(seats.seats_before) + " in " + std::to_string(s.years.compare_with) + ")";
  return "";
}

void candidate_list(AppState& s, const std::vector<Candidate>& candidates, size_t total, int id) {
  ImGui::PushID(id);
  ImGui::Indent();
  for (size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& cand = candidates[k];
    std::string label =
        cand.name + (cand.kind == Candidate::Kind::person ? " (person)" : "") + "  " + ties_to_table_text(cand);
    ImGui::PushID(int(k));
    const int32_t org = candidate_org(s, cand);
    if (fit_selectable(label, org >= 0 && org == s.selected) && org >= 0) {
      go_to(s, uint32_t(org));
      s.highlighted = {uint32_t(org)};
    }
    ImGui::PopID();
  }
  if (total > candidates.size()) ImGui::TextDisabled("... %zu more in the network", total - candidates.size());
  if (total == 0) ImGui::TextDisabled("nobody in the network can close this gap");
  ImGui::Unindent();
  ImGui::PopID();
}

}  // namespace

void draw_gaps(AppState& s) {
  if (s.organization_count() == 0) {
    ImGui::TextDisabled("Open a community first.");
    return;
  }
  const GapReport& r = gap_report(s);
  if (const std::string view = report_label(s); !view.empty()) what_if_banner(view);
  headline(gaps_headline(r));
  headline(table_line(r.table));

  section_title(r.ready() ? "Ready: every entry criterion passes" : "Readiness");
  for (const ReadinessCheck& check : r.readiness) {
    ImGui::TextColored(check.pass ? ImVec4{0.15f, 0.5f, 0.2f, 1} : ImVec4{0.75f, 0.12f, 0.1f, 1}, "%s",
                       check.pass ? "[ok]" : "[no]");
    ImGui::SameLine();
    ImGui::TextWrapped("%s: %s", check.criterion.c_str(), check.evidence.c_str());
  }

  section_title("Seats per sector");
  for (size_t k = 0; k < r.sectors.size(); ++k) {
    const SectorRow& row = r.sectors[k];
    ImGui::PushID(int(k));
    const float fraction = row.min_seats > 0 ? std::min(1.f, float(row.seats) / float(row.min_seats)) : 1.f;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(to_imgui(sector_color(row.sector))));
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%lld seat%s", static_cast<long long>(row.seats), row.seats == 1 ? "" : "s");
    ImGui::ProgressBar(fraction, {110, 0}, overlay);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    fit_text_colored(gap_status_color(row.status), row.name + (row.required ? "*" : "") + " " +
                                                       std::string(to_string(row.status)) + seats_before(s, row));
    if (row.status == GapStatus::missing || row.status == GapStatus::under) {
      if (ImGui::TreeNode("candidates", "%zu who could take the seat", row.candidate_count)) {
        candidate_list(s, row.candidates, row.candidate_count, int(k));
        ImGui::TreePop();
      }
    }
    ImGui::PopID();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("* required sector; bar full = the minimum is met");
  ImGui::PopStyleColor();

  section_title("Generations at the table vs residents");
  for (size_t k = 0; k < r.generations.size(); ++k) {
    const GenerationRow& g = r.generations[k];
    ImGui::PushID(int(100 + k));
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "table %.0f%%", g.table_share * 100);
    ImGui::ProgressBar(float(g.table_share), {110, 0}, overlay);
    ImGui::SameLine();
    if (g.resident_share) {
      std::snprintf(overlay, sizeof overlay, "residents %.0f%%", *g.resident_share * 100);
      ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4{0.55f, 0.55f, 0.6f, 1});
      ImGui::ProgressBar(float(*g.resident_share), {110, 0}, overlay);
      ImGui::PopStyleColor();
      ImGui::SameLine();
    }
    fit_text_colored(gap_status_color(g.status),
                     std::string(to_string(g.generation)) + " " + std::string(to_string(g.status)));
    if ((g.status == GapStatus::missing || g.status == GapStatus::under) && g.candidate_count > 0) {
      if (ImGui::TreeNode("candidates", "%zu who could be invited%s", g.candidate_count,
                          g.through_organizations ? " (organizations serving them)" : "")) {
        candidate_list(s, g.candidates, g.candidate_count, int(100 + k));
        ImGui::TreePop();
      }
    }
    ImGui::PopID();
  }
  if (const std::string unknown = unknown_generation_line(r.table); !unknown.empty())
    ImGui::TextWrapped("%s", unknown.c_str());
  if (r.generation_fit.test != "none")
    ImGui::TextWrapped("Whole table vs residents: p = %.3g (%s). %s", r.generation_fit.p_value,
                       r.generation_fit.test.c_str(), r.generation_fit.note.c_str());

  section_title("Invite plan");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("A small set of invitations that closes the gaps (%s: small, not guaranteed smallest).",
                     r.invite_plan.method.c_str());
  ImGui::PopStyleColor();
  if (ImGui::Button("Show the plan on the map")) {
    s.highlighted.clear();
    for (const PlanInvitee& inv : r.invite_plan.invitees)
      if (int32_t org = candidate_org(s, inv.candidate); org >= 0) s.highlighted.push_back(uint32_t(org));
  }
  for (size_t k = 0; k < r.invite_plan.invitees.size(); ++k) {
    const PlanInvitee& inv = r.invite_plan.invitees[k];
    std::string closes;
    for (const GapRef& gap : inv.closes) closes += (closes.empty() ? "" : ", ") + gap_label(gap, r);
    ImGui::PushID(int(1000 + k));
    const int32_t org = candidate_org(s, inv.candidate);
    if (fit_selectable(inv.candidate.name + "  -> " + closes, org >= 0 && org == s.selected) && org >= 0)
      go_to(s, uint32_t(org));
    ImGui::PopID();
  }
  for (const UnclosableGap& gap : r.invite_plan.cannot_close)
  {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.75f, 0.12f, 0.1f, 1});
    ImGui::TextWrapped("Nobody in the network closes %s (needs %lld, %lld available)", gap_label(gap.gap, r).c_str(),
                       static_cast<long long>(gap.needed), static_cast<long long>(gap.available));
    ImGui::PopStyleColor();
  }
}

}  // namespace tablemap::viz
