// Text that fits its room, the fonts, and the audit of what the last frame
// cut (viz/fit_text.hpp).
#include "viz/fit_text.hpp"

#include <algorithm>
#include <filesystem>

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

namespace tablemap::viz {
namespace {

ImFont* g_bold = nullptr;
int g_fitted = 0, g_cut = 0;  // this frame's fit_text calls, and those cut with a tooltip

// Draws `text` into [pos, pos + width] of the current window, cut with "..."
// when it does not fit; true when it was cut. Reserves exactly `width`.
bool draw_fitted(const std::string& text, float width, const ImVec4* color) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 pos = window->DC.CursorPos;
  const bool cut = size.x > width + 0.5f;
  const float w = cut ? width : size.x;
  const ImRect bb(pos, {pos.x + w, pos.y + size.y});
  ImGui::ItemSize(bb.GetSize(), 0.f);
  if (!ImGui::ItemAdd(bb, 0)) return cut;
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
  if (cut) ImGui::RenderTextEllipsis(window->DrawList, bb.Min, bb.Max, bb.Max.x, bb.Max.x, text.c_str(), nullptr, &size);
  else window->DrawList->AddText(pos, ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
  if (color) ImGui::PopStyleColor();
  return cut;
}

float room(float width) { return width > 0 ? std::min(width, ImGui::GetContentRegionAvail().x) : ImGui::GetContentRegionAvail().x; }

void tooltip_if_cut(bool cut, const std::string& text) {
  ++g_fitted;
  if (!cut) return;
  ++g_cut;
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace

std::string load_fonts(float pixels, float content_scale) {
  namespace fs = std::filesystem;
  ImGuiIO& io = ImGui::GetIO();
  const float scale = std::clamp(content_scale, 1.f, 4.f);
  // Debian's fonts-dejavu-core (a dependency, scripts/install-deps.sh), or Noto.
  const char* regular[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                           "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"};
  const char* bold[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"};
  std::string used;
  std::error_code ec;
  for (int k = 0; k < 2 && used.empty(); ++k) {
    if (!fs::exists(regular[k], ec)) continue;
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    // Latin, Latin-1 and Latin Extended-A: names like "Société" and "Łódź".
    static const ImWchar ranges[] = {0x0020, 0x017F, 0x2013, 0x2026, 0};
    if (!io.Fonts->AddFontFromFileTTF(regular[k], pixels * scale, &cfg, ranges)) continue;
    used = regular[k];
    if (fs::exists(bold[k], ec)) g_bold = io.Fonts->AddFontFromFileTTF(bold[k], pixels * scale, &cfg, ranges);
  }
  if (used.empty()) io.Fonts->AddFontDefault();
  if (!g_bold) g_bold = io.Fonts->Fonts[0];
  ImGui::GetStyle().ScaleAllSizes(scale);
  return used;
}

ImFont* bold_font() { return g_bold ? g_bold : ImGui::GetFont(); }

void fit_text(const std::string& text, float width) { tooltip_if_cut(draw_fitted(text, room(width), nullptr), text); }

void fit_text_colored(const ImVec4& color, const std::string& text, float width) {
  tooltip_if_cut(draw_fitted(text, room(width), &color), text);
}

bool fit_selectable(const std::string& label, bool selected, float width) {
  const float w = room(width);
  const ImVec2 pos = ImGui::GetCursorPos();
  ImGui::PushID(label.c_str());
  const bool clicked = ImGui::Selectable("##row", selected, 0, {w, 0});
  ImGui::PopID();
  const bool hovered = ImGui::IsItemHovered();
  ImGui::SetCursorPos(pos);
  const bool cut = draw_fitted(label, w, nullptr);
  ++g_fitted;
  if (cut) {
    ++g_cut;
    if (hovered) ImGui::SetTooltip("%s", label.c_str());
  }
  return clicked;
}

float small_button_width(const std::string& label) {
  return ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool fit_small_button(const std::string& label, float max_width) {
  const float avail = room(max_width);
  if (small_button_width(label) <= avail) {
    ++g_fitted;
    return ImGui::SmallButton(label.c_str());
  }
  // Cut the label to the room and show it whole in a tooltip.
  const ImGuiStyle& st = ImGui::GetStyle();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::PushID(label.c_str());
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {st.FramePadding.x, 0});
  const bool clicked = ImGui::Button("##b", {avail, ImGui::GetTextLineHeight()});
  ImGui::PopStyleVar();
  ImGui::PopID();
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 size = ImGui::CalcTextSize(label.c_str());
  const ImVec2 a{pos.x + st.FramePadding.x, pos.y}, b{pos.x + avail - st.FramePadding.x, pos.y + size.y};
  ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), a, b, b.x, b.x, label.c_str(), nullptr, &size);
  ++g_fitted;
  ++g_cut;
  if (hovered) ImGui::SetTooltip("%s", label.c_str());
  return clicked;
}

void flow(float width, bool first) {
  if (first) return;
  // Decide before moving: SameLine then NewLine would leave the line's end
  // plus the item spacing in the window's content width, which reads as a
  // cut cell (tests/viz/test_legible).
  const float start = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::GetContentRegionMaxAbs().x - start >= width) ImGui::SameLine();
}

void clip_audit_new_frame() { g_fitted = g_cut = 0; }

std::string clip_audit_json() {
  using nlohmann::json;
  ImGuiContext& g = *GImGui;
  json windows = json::array(), cells = json::array(), scrolls = json::array();
  for (ImGuiWindow* w : g.Windows) {
    if (!w->WasActive || w->Hidden) continue;
    if (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_ChildMenu |
                    ImGuiWindowFlags_Popup | ImGuiWindowFlags_MenuBar))
      continue;
    const float visible = w->ContentRegionRect.GetWidth();
    if (w->ContentSize.x <= visible + 1.f) continue;
    // A window that scrolls sideways does not cut (tables that scroll on purpose are child windows of their own).
    (w->ScrollbarX ? scrolls : windows)
        .push_back({{"window", w->Name}, {"content", w->ContentSize.x}, {"visible", visible}});
  }
  for (int t = 0; t < g.Tables.GetMapSize(); ++t) {
    ImGuiTable* table = g.Tables.TryGetMapData(t);
    if (!table || table->LastFrameActive < g.FrameCount - 1) continue;
    for (int col = 0; col < table->ColumnsCount; ++col) {
      const ImGuiTableColumn& c = table->Columns[col];
      if (!c.IsEnabled) continue;
      const float right = c.MaxX;  // not the clip rectangle: a column scrolled half out of view is not cut
      const float over = std::max({c.ContentMaxXUnfrozen, c.ContentMaxXFrozen, c.ContentMaxXHeadersIdeal}) - right;
      if (over > 1.f)
        cells.push_back({{"table", table->OuterWindow ? table->OuterWindow->Name : ""},
                         {"column", ImGui::TableGetColumnName(table, col)},
                         {"overflow", over}});
    }
  }
  json j;
  j["windows"] = windows;
  j["cells"] = cells;
  j["scrolls"] = scrolls;
  j["fitted"] = g_fitted;
  j["cut_with_tooltip"] = g_cut;
  return j.dump();
}

}  // namespace tablemap::viz
