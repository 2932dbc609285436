// Left side of the window: search by name, the legend (which doubles as the
// sector and tie-kind filters), size measure and layout engine; and the
// headings every panel shares.
#include <algorithm>

#include <imgui.h>

#include "analysis/gaps.hpp"
#include "viz/fit_text.hpp"
#include "viz/map_view.hpp"
#include "viz/years.hpp"

namespace tablemap::viz {
namespace {

ImVec4 to_vec4(Color c) { return {c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f}; }

// A grey line that wraps in the sidebar's width.
void hint(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

// A checkbox whose label is cut with a tooltip when the column is narrow.
bool fit_checkbox(const std::string& label, bool* value) {
  ImGui::PushID(label.c_str());
  const bool changed = ImGui::Checkbox("##c", value);
  ImGui::PopID();
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  fit_text(label);
  if (ImGui::IsItemClicked()) *value = !*value;
  return changed || ImGui::IsItemClicked();
}

void swatch(Color c, bool circle, bool hollow = false) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (circle && hollow) dl->AddCircle({p.x + h / 2, p.y + h / 2}, h * 0.36f, to_imgui(c), 16, 2.f);
  else if (circle) dl->AddCircleFilled({p.x + h / 2, p.y + h / 2}, h * 0.4f, to_imgui(c), 16);
  else dl->AddRectFilled({p.x, p.y + h / 2 - 2}, {p.x + h, p.y + h / 2 + 2}, to_imgui(c));
  ImGui::Dummy({h, h});
  ImGui::SameLine();
}

constexpr const char* kNoSeat = "no seat";
constexpr float kBadgePad = 4;

// The room the badge takes after the item before it, the spacing included.
float no_seat_badge_room() {
  return ImGui::CalcTextSize(kNoSeat).x + 2 * kBadgePad + ImGui::GetStyle().ItemSpacing.x;
}

// A red "no seat" badge after the last item.
void no_seat_badge() {
  const ImVec2 ts = ImGui::CalcTextSize(kNoSeat);
  const float pad = kBadgePad;
  flow(ts.x + 2 * pad, false);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, {p.x + ts.x + 2 * pad, p.y + ts.y}, IM_COL32(190, 30, 30, 255), 4);
  dl->AddText({p.x + pad, p.y}, IM_COL32(255, 255, 255, 255), kNoSeat);
  ImGui::Dummy({ts.x + 2 * pad, ts.y});
}

// A project file with several years: the year shown, and the year before it
// to compare with (viz/years.hpp).
void draw_years(AppState& s) {
  const YearView& y = s.years;
  if (y.years.size() < 2) return;
  section_title("Year");
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::SetNextItemWidth(half);
  if (ImGui::BeginCombo("##year", std::to_string(y.shown).c_str())) {
    for (int year : y.years)
      if (ImGui::Selectable(std::to_string(year).c_str(), year == y.shown)) switch_year(s, year);
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The year shown; organizations stay where they are across years.");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  const std::vector<int> earlier = earlier_years(y);
  const std::string compared = y.compare_with ? "since " + std::to_string(y.compare_with) : "compare with...";
  if (ImGui::BeginCombo("##compare", compared.c_str())) {
    if (ImGui::Selectable("no comparison", y.compare_with == 0)) compare_with_year(s, 0);
    for (int year : earlier)
      if (ImGui::Selectable(("since " + std::to_string(year)).c_str(), year == y.compare_with))
        compare_with_year(s, year);
    if (earlier.empty()) ImGui::TextDisabled("%d is the first year", y.shown);
    ImGui::EndCombo();
  }
  if (y.compare_with && y.comparison && !y.comparison->headline.empty()) hint(y.comparison->headline.front().c_str());
}

// The legend of the current coloring (viz/coloring.hpp), with the choice of
// coloring above it. By sector it doubles as the sector filter, and a
// required sector without a seat at the table (analysis/gaps) shows an empty
// seat: a hollow swatch and a "no seat" badge.
void draw_legend(AppState& s) {
  const Community& c = s.community();
  const Legend& legend = current_legend(s);
  section_title(legend.coloring.by == ColorBy::sector ? "Color = sector (click to hide)" : legend.title.c_str());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##coloring", ("color by " + to_string(s.coloring)).c_str())) {
    std::vector<Coloring> choices = {{ColorBy::sector, ""}, {ColorBy::community, ""}, {ColorBy::generation, ""}};
    for (const std::string& col : c.organizations.extra_columns()) choices.push_back({ColorBy::column, col});
    if (s.years.compare_with) choices.push_back({ColorBy::change, "", s.years.compare_with});
    for (const Coloring& choice : choices)
      if (ImGui::Selectable(("color by " + to_string(choice)).c_str(), choice == s.coloring)) set_coloring(s, choice);
    ImGui::EndCombo();
  }
  if (legend.coloring.by == ColorBy::community) update_structure(s, true);
  std::vector<uint8_t> no_seat(c.profile.sectors.size(), 0);
  if (legend.coloring.by == ColorBy::sector && s.organization_count() > 0)
    for (const SectorRow& row : gap_report(s).sectors)
      if (row.required && row.status == GapStatus::missing && row.sector < no_seat.size()) no_seat[row.sector] = 1;
  for (size_t k = 0; k < legend.entries.size(); ++k) {
    const LegendEntry& e = legend.entries[k];
    ImGui::PushID(int(k));
    const bool empty_seat = e.sector >= 0 && no_seat[size_t(e.sector)];
    swatch(e.color, true, empty_seat);
    const std::string label = e.label + (e.key ? " *" : "") + "  " + std::to_string(e.organizations);
    if (e.sector >= 0) {
      const SectorId sec = SectorId(e.sector);
      bool shown = sec < s.filters.sector_hidden.size() && !s.filters.sector_hidden[sec];
      const float badge = empty_seat ? no_seat_badge_room() : 0;
      ImGui::PushID("filter");
      const bool changed = ImGui::Checkbox("##c", &shown);
      ImGui::PopID();
      ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
      fit_text(label, std::max(20.f, ImGui::GetContentRegionAvail().x - badge));
      if ((changed || ImGui::IsItemClicked()) && sec < s.filters.sector_hidden.size())
        s.filters.sector_hidden[sec] = changed ? !shown : shown;
      if (empty_seat) {
        no_seat_badge();
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("No organization of this required sector is at the table. Its candidates are ringed and "
                            "named on the map; see Who is missing.");
      }
    } else {
      fit_text(label);
    }
    ImGui::PopID();
  }
  if (legend.coloring.by == ColorBy::sector) hint(kSectorLegendNote);
  else if (!legend.note.empty()) hint(legend.note.c_str());
}

}  // namespace

ImVec4 gap_status_color(GapStatus st) {
  switch (st) {
    case GapStatus::missing: return {0.75f, 0.12f, 0.1f, 1};
    case GapStatus::under: return {0.8f, 0.45f, 0.f, 1};
    case GapStatus::over: return {0.2f, 0.35f, 0.7f, 1};
    case GapStatus::ok: break;
  }
  return {0.15f, 0.5f, 0.2f, 1};
}

void section_title(const char* title) {
  ImGui::Spacing();
  ImGui::TextColored({0.25f, 0.35f, 0.6f, 1}, "%s", title);
  ImGui::Separator();
}

void headline(const std::string& text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.12f, 0.14f, 0.2f, 1});
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
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
  ImGui::TextWrapped("%s", c.profile.name.empty() ? "(no community open)" : c.profile.name.c_str());
  if (!s.path.empty())
    hint((std::to_string(s.organization_count()) + " organizations, " + std::to_string(s.network.relationship_count()) +
          " relationships")
             .c_str());

  draw_years(s);

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
      ImGui::PushID(int(i));
      const bool clicked = fit_selectable(c.organizations[i].name, s.selected == int32_t(i));
      ImGui::PopID();
      if (clicked) go_to(s, i);  // selects it and centers the map on it
    }
  }

  draw_legend(s);

  section_title("Ties (click to hide)");
  for (int k = 0; k < kTieKindCount; ++k) {
    swatch(tie_kind_color(TieKind(k)), false);
    bool shown = (s.filters.tie_kinds >> k) & 1u;
    if (fit_checkbox(std::string(to_string(TieKind(k))), &shown))
      s.filters.tie_kinds = TieKindSet(shown ? s.filters.tie_kinds | (1u << k) : s.filters.tie_kinds & ~(1u << k));
  }
  hint("thicker = stronger; faint = unconfirmed");
  if (s.quality.any()) {
    // After a survey import the ties can show how closely partners work, or how far they trust each other.
    ImGui::TextUnformatted("Tie color");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##tiecolor", to_string(s.tie_color))) {
      for (TieColorBy t : {TieColorBy::kind, TieColorBy::intensity, TieColorBy::trust})
        if (ImGui::Selectable(to_string(t), s.tie_color == t)) s.tie_color = t;
      ImGui::EndCombo();
    }
    if (s.tie_color != TieColorBy::kind) {
      for (int step = 1; step <= 4; ++step) {
        swatch(tie_quality_color(float(step)), false);
        fit_text(tie_quality_step(s.tie_color, step));
      }
      swatch(kOtherColor, false);
      fit_text("not in the survey");
      ImGui::SetNextItemWidth(-1);
      ImGui::SliderFloat("##tiemin", &s.tie_min, 0.f, 4.f, s.tie_min > 0 ? "only ties at %.1f or more" : "every tie");
    }
  }

  section_title("Show");
  fit_checkbox("only organizations at the table", &s.filters.at_table_only);
  const char* area = s.filters.issue_area < 0 ? "every issue area"
                                              : c.profile.issue_areas[size_t(s.filters.issue_area)].name.c_str();
  ImGui::SetNextItemWidth(-1);
  const bool issue_open = ImGui::BeginCombo("##issue", area);
  if (!issue_open && ImGui::IsItemHovered() && ImGui::CalcTextSize(area).x > ImGui::GetItemRectSize().x - 30)
    ImGui::SetTooltip("%s", area);
  if (issue_open) {
    if (ImGui::Selectable("every issue area", s.filters.issue_area < 0)) s.filters.issue_area = -1;
    for (size_t a = 0; a < c.profile.issue_areas.size(); ++a)
      if (ImGui::Selectable(c.profile.issue_areas[a].name.c_str(), s.filters.issue_area == int(a)))
        s.filters.issue_area = int(a);
    ImGui::EndCombo();
  }
  ImGui::TextUnformatted("Backbone marked for");
  const char* bb = s.backbone_area < 0 ? "every issue area"
                                       : c.profile.issue_areas[size_t(s.backbone_area)].name.c_str();
  ImGui::SetNextItemWidth(-1);
  const bool bb_open = ImGui::BeginCombo("##backbone", bb);
  if (!bb_open && ImGui::IsItemHovered()) ImGui::SetTooltip("%s: red square = competes for the whole backbone", bb);
  if (bb_open) {
    if (ImGui::Selectable("every issue area", s.backbone_area < 0)) s.backbone_area = -1;
    for (size_t a = 0; a < c.profile.issue_areas.size(); ++a)
      if (ImGui::Selectable(c.profile.issue_areas[a].name.c_str(), s.backbone_area == int(a))) s.backbone_area = int(a);
    ImGui::EndCombo();
  }
  fit_checkbox("names", &s.show_labels);
  fit_checkbox("people (small discs by generation)", &s.show_people);
  if (s.show_people) {
    for (Generation g : kAllGenerations) {
      swatch(generation_color(g), true);
      fit_text(std::string(to_string(g)));
    }
    hint("dark rim = at the table; zoom in when the discs are small");
  }
  ImGui::TextUnformatted("Size by");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##size", to_string(s.size_by))) {
    for (SizeMeasure m : {SizeMeasure::uniform, SizeMeasure::ties, SizeMeasure::strength, SizeMeasure::people,
                          SizeMeasure::trust, SizeMeasure::value})
      if ((m != SizeMeasure::trust && m != SizeMeasure::value) || s.quality.any())
        if (ImGui::Selectable(to_string(m), s.size_by == m)) {
        s.size_by = m;
        s.built_revision = UINT64_MAX;  // rebuild the measure
      }
    ImGui::EndCombo();
  }
  hint("dark ring = at the table");
  hint("glyph: diamond = anchor, white square = agreed backbone, hollow square = claimed, red square = "
       "competing backbone, triangle = convener; dashed red ring = could take an empty seat");

  section_title("Layout");
  if (s.layout.running()) {
    ImGui::Text("%s running, %.1f s", s.layout.engine().c_str(), s.layout.elapsed());
  } else {
    auto button = [](const char* label, bool first) {
      flow(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2, first);
      return ImGui::Button(label);
    };
    if (button("Network", true)) start_layout(s, LayoutEngine::automatic);
    if (button("Role hierarchy", false)) start_layout(s, LayoutEngine::dot_roles);
    if (button("Fit", false)) s.fit_requested = true;
    if (button("Unpin all", false)) std::fill(s.pinned.begin(), s.pinned.end(), 0);
    hint("drag an organization to pin it");
  }
  if (!s.layout_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4({180, 30, 30, 255}));
    ImGui::TextWrapped("%s", s.layout_error.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace tablemap::viz
