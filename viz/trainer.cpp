// Trainer mode: open a sample from datasets/ and step through the story its
// README tells, one paragraph per caption; the organizations a caption names
// (by id in `backticks`, or by full name) are highlighted on the map.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <imgui.h>

#include "viz/map_view.hpp"

namespace tablemap::viz {
namespace {

namespace fs = std::filesystem;

// Paragraphs of a README; a heading is kept as the first line of the next paragraph.
std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line, current, heading;
  bool in_code = false;
  auto flush = [&] {
    if (!current.empty()) out.push_back((heading.empty() ? "" : heading + "\n") + current), heading.clear();
    current.clear();
  };
  while (std::getline(in, line)) {
    std::string_view t = trim(line);
    if (t.starts_with("```")) {  // code blocks (commands) are not captions
      in_code = !in_code;
      flush();
      continue;
    }
    if (in_code) continue;
    if (t.empty()) {
      flush();
    } else if (t[0] == '#') {
      flush();
      heading = std::string(trim(t.substr(t.find_first_not_of('#'))));
    } else {
      current += (current.empty() ? "" : " ") + std::string(t);
    }
  }
  flush();
  return out;
}

std::vector<std::string> organizations_named(const Community& c, const std::string& caption) {
  std::vector<std::string> ids;
  auto add = [&](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  // `id` in backticks.
  for (size_t p = caption.find('`'); p != std::string::npos; p = caption.find('`', p + 1)) {
    const size_t end = caption.find('`', p + 1);
    if (end == std::string::npos) break;
    const std::string word = caption.substr(p + 1, end - p - 1);
    if (c.find_organization(word)) add(word);
    p = end;
  }
  // Full names, or the name without its first word ("Town Hall" for "Bridgeton
  // Town Hall"), long enough not to match common words.
  const std::string lower = to_lower(caption);
  for (const Organization& o : c.organizations) {
    const std::string name = to_lower(o.name);
    const size_t space = name.find(' ');
    const std::string shorter = space == std::string::npos ? "" : name.substr(space + 1);
    if ((name.size() >= 5 && lower.find(name) != std::string::npos) ||
        (shorter.size() >= 8 && shorter.find(' ') != std::string::npos && lower.find(shorter) != std::string::npos))
      add(o.id);
  }
  return ids;
}

void show_step(AppState& s) {
  s.highlighted.clear();
  if (!s.trainer.active || s.trainer.steps.empty()) return;
  for (const std::string& id : s.trainer.steps[size_t(s.trainer.step)].organizations)
    if (auto org = s.community().find_organization(id)) s.highlighted.push_back(*org);
}

}  // namespace

std::vector<std::string> find_samples(const std::string& datasets) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(datasets, ec))
    if (entry.is_directory() && fs::exists(entry.path() / "community.json", ec)) out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool open_sample(AppState& s, const std::string& folder) {
  if (!open_community(s, folder)) return false;
  s.trainer = Trainer{};
  s.trainer.sample = folder;
  std::ifstream in(fs::path(folder) / "README.md");
  std::stringstream text;
  text << in.rdbuf();
  for (const std::string& p : paragraphs(text.str())) {
    StoryStep step;
    step.caption = p;
    step.organizations = organizations_named(s.community(), p);
    s.trainer.steps.push_back(std::move(step));
  }
  if (s.trainer.steps.empty())
    s.trainer.steps.push_back({"This sample has no story (README.md) yet: explore the map on your own.", {}});
  s.trainer.active = true;
  show_step(s);
  return true;
}

void trainer_step(AppState& s, int delta) {
  if (!s.trainer.active) return;
  s.trainer.step = std::clamp(s.trainer.step + delta, 0, int(s.trainer.steps.size()) - 1);
  show_step(s);
}

void draw_trainer(AppState& s) {
  if (!s.trainer.active) return;
  const float w = std::min(s.map_w - 40, 620.f);
  ImGui::SetNextWindowPos({s.map_x + (s.map_w - w) / 2, s.map_y + s.map_h - 20}, ImGuiCond_Always, {0, 1});
  ImGui::SetNextWindowSize({w, 0});
  ImGui::SetNextWindowBgAlpha(0.93f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_AlwaysAutoResize;
  std::string title = "Story: " + fs::path(s.trainer.sample).filename().string() + "###trainer";
  bool open = true;
  if (ImGui::Begin(title.c_str(), &open, flags)) {
    const StoryStep& step = s.trainer.steps[size_t(s.trainer.step)];
    ImGui::TextWrapped("%s", step.caption.c_str());
    if (!step.organizations.empty()) ImGui::TextDisabled("%zu organizations highlighted", step.organizations.size());
    if (ImGui::Button("< Back") && s.trainer.step > 0) trainer_step(s, -1);
    ImGui::SameLine();
    ImGui::Text("%d / %zu", s.trainer.step + 1, s.trainer.steps.size());
    ImGui::SameLine();
    if (ImGui::Button("Next >")) trainer_step(s, +1);
  }
  ImGui::End();
  if (!open) {
    s.trainer.active = false;
    s.highlighted.clear();
  }
}

}  // namespace tablemap::viz
