// Left side of the window: search by name, the legend (which doubles as the
// sector and tie-kind filters), size measure and layout engine; and the
// headings every panel shares.
#include <algorithm>

#include <imgui.h>

#include "viz/map_view.hpp"

namespace tablemap::viz {
namespace {

ImVec4 to_vec4(Color c) { return {c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f}; }

void swatch(Color c, bool circle) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (circle) dl->AddCircleFilled({p.x + h / 2, p.y + h / 2}, h * 0.4f, to_imgui(c), 16);
  else dl->AddRectFilled({p.x, p.y + h / 2 - 2}, {p.x + h, p.y + h / 2 + 2}, to_imgui(c));
  ImGui::Dummy({h, h});
  ImGui::SameLine();
}

}  // namespace

void section_title(const char* title) {
  ImGui::Spacing();
  ImGui::TextColored({0.25f, 0.35f, 0.6f, 1}, "%s", title);
  ImGui::Separator();
}

void what_if_banner(const std::string& label) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.75f, 0.15f, 0.1f, 1});
  ImGui::TextWrapped("%s", label.c_str());
  ImGui::PopStyleColor();
  ImGui::TextDisabled("Put everybody back in the What-if panel to see the whole community.");
  ImGui::Separator();
}

void draw_sidebar(AppState& s) {
  const Community& c = s.community();
  ImGui::TextUnformatted(c.profile.name.empty() ? "(no community open)" : c.profile.name.c_str());
  if (!s.path.empty())
    ImGui::TextDisabled("%u organizations, %zu relationships", s.organization_count(),
                        s.network.relationship_count());

  section_title("Find");
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s", s.search.c_str());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##search", "organization name or id", buf, sizeof buf)) set_search(s, buf);
  if (!s.search.empty()) {
    ImGui::TextDisabled("%zu found", s.search_hits.size());
    int shown = 0;
    for (uint32_t i : s.search_hits) {
      if (++shown > 8) break;
      if (ImGui::Selectable(c.organizations[i].name.c_str(), s.selected == int32_t(i))) {
        s.selected = int32_t(i);
        s.camera.center_x = s.pos[i].x;
        s.camera.center_y = s.pos[i].y;
      }
    }
  }

  section_title("Sectors (click to hide)");
  for (SectorId sec = 0; sec < c.profile.sectors.size(); ++sec) {
    swatch(sector_color(sec), true);
    bool shown = sec < s.filters.sector_hidden.size() && !s.filters.sector_hidden[sec];
    std::string label = c.profile.sectors[sec] + (c.profile.is_required(sec) ? " *" : "");
    if (ImGui::Checkbox(label.c_str(), &shown) && sec < s.filters.sector_hidden.size())
      s.filters.sector_hidden[sec] = !shown;
  }
  ImGui::TextDisabled("* required sector");

  section_title("Ties (click to hide)");
  for (int k = 0; k < kTieKindCount; ++k) {
    swatch(tie_kind_color(TieKind(k)), false);
    bool shown = (s.filters.tie_kinds >> k) & 1u;
    if (ImGui::Checkbox(std::string(to_string(TieKind(k))).c_str(), &shown))
      s.filters.tie_kinds = TieKindSet(shown ? s.filters.tie_kinds | (1u << k) : s.filters.tie_kinds & ~(1u << k));
  }
  ImGui::TextDisabled("thicker = stronger; faint = unconfirmed");

  section_title("Show");
  ImGui::Checkbox("only organizations at the table", &s.filters.at_table_only);
  const char* area = s.filters.issue_area < 0 ? "every issue area"
                                              : c.profile.issue_areas[size_t(s.filters.issue_area)].name.c_str();
  if (ImGui::BeginCombo("##issue", area)) {
    if (ImGui::Selectable("every issue area", s.filters.issue_area < 0)) s.filters.issue_area = -1;
    for (size_t a = 0; a < c.profile.issue_areas.size(); ++a)
      if (ImGui::Selectable(c.profile.issue_areas[a].name.c_str(), s.filters.issue_area == int(a)))
        s.filters.issue_area = int(a);
    ImGui::EndCombo();
  }
  ImGui::Checkbox("names", &s.show_labels);
  ImGui::TextUnformatted("Size by");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##size", to_string(s.size_by))) {
    for (SizeMeasure m : {SizeMeasure::uniform, SizeMeasure::ties, SizeMeasure::strength, SizeMeasure::people})
      if (ImGui::Selectable(to_string(m), s.size_by == m)) {
        s.size_by = m;
        s.built_revision = UINT64_MAX;  // rebuild the measure
      }
    ImGui::EndCombo();
  }
  ImGui::TextDisabled("ring = at the table");
  ImGui::TextDisabled("glyph: diamond anchor, square backbone,");
  ImGui::TextDisabled("       triangle convener");

  section_title("Layout");
  if (s.layout.running()) {
    ImGui::Text("%s running, %.1f s", s.layout.engine().c_str(), s.layout.elapsed());
  } else {
    if (ImGui::Button("Network")) start_layout(s, LayoutEngine::automatic);
    ImGui::SameLine();
    if (ImGui::Button("Role hierarchy")) start_layout(s, LayoutEngine::dot_roles);
    ImGui::SameLine();
    if (ImGui::Button("Fit")) s.fit_requested = true;
    if (ImGui::Button("Unpin all")) std::fill(s.pinned.begin(), s.pinned.end(), 0);
    ImGui::TextDisabled("drag an organization to pin it");
  }
  if (!s.layout_error.empty()) ImGui::TextColored(to_vec4({180, 30, 30, 255}), "%s", s.layout_error.c_str());
}

}  // namespace tablemap::viz
