// Trainer mode: open a sample from datasets/ and step through its story, one
// caption at a time; the organizations a caption names (by id in
// `backticks`, or by full name) are highlighted on the map.
//
// The story is the sample's story.md: captions in Markdown separated by lines
// of three dashes; a caption may start with an HTML comment of settings,
//   <!-- panel: roles; color: community; people: on -->
// that opens a panel (inspector, gaps, table, roles, structure, what-if,
// edit), colors the map (sector, community, generation, or a column of
// organizations.csv) and shows or hides the people. Without story.md, the
// README's paragraphs are the captions.
//
// A sample in years (a folder of year folders, 2024/, 2025/, ..., each a
// bundle, as datasets/harbor-point) opens as a project file built from them
// in the user's cache folder; its story steps through the years with
//   <!-- year: 2025; compare: 2024 -->
// (viz/years.hpp: organizations stay in place from one year to the next).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <imgui.h>

#include "io/load.hpp"
#include "viz/map_view.hpp"
#include "viz/years.hpp"

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

// A caption without settings.
StoryStep caption_only(std::string caption) {
  StoryStep step;
  step.caption = std::move(caption);
  return step;
}

// The captions of a story.md, with each one's settings.
std::vector<StoryStep> story_steps(const std::string& text, std::string& problem) {
  std::vector<StoryStep> out;
  std::istringstream in(text);
  std::string line, current;
  auto flush = [&] {
    StoryStep step;
    std::string body = current;
    current.clear();
    const size_t open = body.find("<!--");
    if (open != std::string::npos) {
      const size_t close = body.find("-->", open);
      if (close != std::string::npos) {
        std::string settings = body.substr(open + 4, close - open - 4);
        body.erase(open, close + 3 - open);
        for (char& ch : settings)
          if (ch == '\n') ch = ';';
        std::istringstream parts(settings);
        for (std::string part; std::getline(parts, part, ';');) {
          const size_t colon = part.find(':');
          if (colon == std::string::npos) continue;
          const std::string key(trim(part.substr(0, colon))), value(trim(part.substr(colon + 1)));
          if (key == "panel") {
            step.panel = value;
          } else if (key == "color") {
            Coloring c;
            if (value == "community") c.by = ColorBy::community;
            else if (value == "generation") c.by = ColorBy::generation;
            else if (value == "change") c.by = ColorBy::change;  // since the year compared with
            else if (value != "sector") c.by = ColorBy::column, c.column = value;
            step.coloring = c;
          } else if (key == "people") {
            step.people = value == "on" || value == "yes";
          } else if (key == "year" || key == "compare") {
            int year = 0;
            if (value != "none" && !(std::istringstream(value) >> year) && problem.empty())
              problem = "story.md: " + key + " takes a year such as 2025 (not '" + value + "')";
            if (key == "year") step.year = year;
            else step.compare = year;
          } else if (problem.empty()) {
            problem = "story.md: unknown setting '" + key + "' (use panel, color, people, year, compare)";
          }
        }
      }
    }
    if (trim(body).empty()) return;
    step.caption = std::string(trim(body));
    out.push_back(std::move(step));
  };
  while (std::getline(in, line)) {
    if (trim(line) == "---") flush();
    else current += line + "\n";
  }
  flush();
  return out;
}

void show_step(AppState& s) {
  s.highlighted.clear();
  if (!s.trainer.active || s.trainer.steps.empty()) return;
  StoryStep& step = s.trainer.steps[size_t(s.trainer.step)];
  // The year first: the highlights and the coloring are of the year shown.
  if (step.year) {
    switch_year(s, step.year);
    step.organizations = organizations_named(s.community(), step.caption);
  }
  if (step.compare) compare_with_year(s, *step.compare);
  for (const std::string& id : step.organizations)
    if (auto org = s.community().find_organization(id)) s.highlighted.push_back(*org);
  if (!step.panel.empty()) s.right_tab_request = tab_index(step.panel);
  if (step.coloring) {
    Coloring coloring = *step.coloring;
    if (coloring.by == ColorBy::change) coloring.year = s.years.compare_with;
    if (coloring.by != ColorBy::change || coloring.year) set_coloring(s, coloring);
  }
  if (step.people) s.show_people = *step.people;
}

// The year folders of a sample in years (2024/, 2025/ each with a
// community.json), oldest first; empty for any other folder.
std::vector<fs::path> year_folders(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name.size() == 4 && std::all_of(name.begin(), name.end(), ::isdigit) &&
        fs::exists(entry.path() / "community.json", ec))
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A sample in years as one project file, rebuilt from its year folders in
// the user's cache folder ($XDG_CACHE_HOME/tablemap, else ~/.cache/tablemap);
// "" (and a status) when a year cannot be read or the file written.
std::string sample_project_file(AppState& s, const fs::path& folder, const std::vector<fs::path>& years) {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  const fs::path cache = xdg && *xdg ? fs::path(xdg) / "tablemap" : fs::path(home ? home : ".") / ".cache" / "tablemap";
  std::error_code ec;
  fs::create_directories(cache, ec);
  const fs::path file = cache / (folder.filename().string() + ".tablemap");
  fs::remove(file, ec);
  for (const fs::path& year : years) {
    LoadResult r = load_community(year.string());
    if (!r.ok()) {
      s.status = "the sample's " + year.filename().string() + " cannot be read: " + r.problems.front().to_string();
      return "";
    }
    try {
      save_community(*r.community, file.string());
    } catch (const SaveError& e) {
      s.status = std::string("could not build the sample's project file: ") + e.what();
      return "";
    }
  }
  return file.string();
}

}  // namespace

std::vector<std::string> find_samples(const std::string& datasets) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(datasets, ec))
    if (entry.is_directory() &&
        (fs::exists(entry.path() / "community.json", ec) || year_folders(entry.path()).size() >= 2))
      out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool open_sample(AppState& s, const std::string& folder) {
  // The story first: a sample in years opens at its first caption's year.
  std::error_code ec;
  const bool has_story = fs::exists(fs::path(folder) / "story.md", ec);
  std::ifstream in(fs::path(folder) / (has_story ? "story.md" : "README.md"));
  std::stringstream text;
  text << in.rdbuf();
  std::string problem;
  std::vector<StoryStep> steps;
  if (has_story) {
    steps = story_steps(text.str(), problem);
  } else {
    for (const std::string& p : paragraphs(text.str())) steps.push_back(caption_only(p));
  }
  if (steps.empty()) steps.push_back(caption_only("This sample has no story yet: explore the map on your own."));
  const std::vector<fs::path> years = year_folders(folder);
  std::string path = folder;
  if (years.size() >= 2) {
    path = sample_project_file(s, folder, years);
    if (path.empty()) return false;
    if (steps.front().year) path += "@" + std::to_string(steps.front().year);
  }
  if (!open_community(s, path)) return false;
  s.trainer = Trainer{};
  s.trainer.sample = folder;
  s.trainer.steps = std::move(steps);
  if (!problem.empty()) s.status = problem;
  for (StoryStep& step : s.trainer.steps) {
    step.blocks = parse_markdown(step.caption);
    step.organizations = organizations_named(s.community(), step.caption);
  }
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
    draw_markdown(step.blocks);
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
