// Palettes and legends (viz/coloring.hpp).
#include "viz/coloring.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace tablemap::viz {

Color sector_color(SectorId s) {
  // 0-5: Okabe-Ito blue, vermillion, bluish green, orange, reddish purple,
  // sky blue (the six key sectors); 6-11: Paul Tol's indigo, olive, wine,
  // sand, and a dark green and a brown, which differ from the first six in
  // lightness as well as hue. None is the selection yellow, the highlight
  // magenta or the removed grey.
  static constexpr Color palette[12] = {
      {0, 114, 178, 255},  {213, 94, 0, 255},   {0, 158, 115, 255},  {230, 159, 0, 255},
      {204, 121, 167, 255}, {86, 180, 233, 255}, {51, 34, 136, 255},  {153, 153, 51, 255},
      {136, 34, 85, 255},  {221, 204, 119, 255}, {17, 85, 34, 255},   {120, 80, 50, 255}};
  return palette[s % 12];
}

Color class_color(size_t k) { return k < kDistinctClasses ? sector_color(SectorId(k)) : kOtherColor; }

Color generation_color(Generation g) {
  // Oldest (silent) dark blue to youngest (gen_alpha) dark red: a diverging
  // scale whose order reads at a glance (Paul Tol's "sunset").
  static constexpr Color scale[kGenerationCount] = {{54, 75, 154, 255},   {74, 123, 183, 255}, {110, 166, 205, 255},
                                                    {253, 179, 102, 255}, {246, 126, 75, 255}, {165, 0, 38, 255}};
  return scale[size_t(g) % kGenerationCount];
}

std::string to_string(const Coloring& c) {
  switch (c.by) {
    case ColorBy::sector: return "sector";
    case ColorBy::community: return "community";
    case ColorBy::generation: return "generation";
    case ColorBy::column: return c.column;
    case ColorBy::change: return c.year ? "change since " + std::to_string(c.year) : "change";
  }
  return "?";
}

const char* to_string(YearChange c) {
  switch (c) {
    case YearChange::none: return "no change at the table";
    case YearChange::added: return "new in the network";
    case YearChange::joined_table: return "joined the table";
    case YearChange::left_table: return "left the table";
  }
  return "?";
}

Color year_change_color(YearChange c) {
  // Okabe-Ito bluish green, blue and vermillion, and a grey for the rest.
  switch (c) {
    case YearChange::added: return {0, 158, 115, 255};
    case YearChange::joined_table: return {0, 114, 178, 255};
    case YearChange::left_table: return {213, 94, 0, 255};
    case YearChange::none: break;
  }
  return kOtherColor;
}

namespace {

// Entries for values counted per organization: the most frequent first, the
// first kDistinctClasses with their own color, the rest together.
void by_value(Legend& l, const std::vector<std::string>& value, const std::string& other_label) {
  std::map<std::string, uint32_t> count;
  for (const std::string& v : value) ++count[v];
  std::vector<std::pair<std::string, uint32_t>> order(count.begin(), count.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::map<std::string, uint16_t> entry;
  for (size_t k = 0; k < order.size(); ++k) {
    if (k < kDistinctClasses) {
      entry[order[k].first] = uint16_t(l.entries.size());
      l.entries.push_back({order[k].first, class_color(k), order[k].second});
    } else {
      if (k == kDistinctClasses) l.entries.push_back({other_label, kOtherColor, 0});
      entry[order[k].first] = uint16_t(l.entries.size() - 1);
      l.entries.back().organizations += order[k].second;
    }
  }
  l.entry_of.resize(value.size());
  for (size_t v = 0; v < value.size(); ++v) l.entry_of[v] = entry[value[v]];
}

}  // namespace

Legend build_legend(const Community& c, const Coloring& coloring, const std::vector<uint32_t>& group,
                    const std::vector<YearChange>& change, size_t gone) {
  Legend l;
  l.coloring = coloring;
  l.title = "Color = " + to_string(coloring);
  const size_t n = c.organizations.size();
  switch (coloring.by) {
    case ColorBy::sector: {
      for (SectorId sec = 0; sec < c.profile.sectors.size(); ++sec)
        l.entries.push_back({c.profile.sectors[sec], sector_color(sec), 0, int32_t(sec), c.profile.is_required(sec)});
      l.entry_of.resize(n);
      for (size_t v = 0; v < n; ++v) {
        const SectorId sec = c.organizations[v].sector;
        l.entry_of[v] = uint16_t(std::min<size_t>(sec, l.entries.size() - 1));
        ++l.entries[l.entry_of[v]].organizations;
      }
      break;
    }
    case ColorBy::community: {
      if (group.size() != n) {
        l.note = "measuring the communities...";
        l.entries.push_back({"not measured yet", kOtherColor, uint32_t(n)});
        l.entry_of.assign(n, 0);
        break;
      }
      // Communities are numbered largest first, from 0, as `tablemap metrics` prints them.
      uint32_t count = 0;
      for (uint32_t g : group) count = std::max(count, g + 1);
      for (uint32_t g = 0; g < std::min<uint32_t>(count, kDistinctClasses); ++g)
        l.entries.push_back({"community " + std::to_string(g), class_color(g), 0});
      if (count > kDistinctClasses)
        l.entries.push_back(
            {"communities " + std::to_string(kDistinctClasses) + " to " + std::to_string(count - 1), kOtherColor, 0});
      l.entry_of.resize(n);
      for (size_t v = 0; v < n; ++v) {
        l.entry_of[v] = uint16_t(std::min<uint32_t>(group[v], kDistinctClasses));
        ++l.entries[l.entry_of[v]].organizations;
      }
      break;
    }
    case ColorBy::generation: {
      for (Generation g : kAllGenerations) l.entries.push_back({std::string(to_string(g)), generation_color(g), 0});
      l.entries.push_back({"no people listed", kOtherColor, 0});
      std::vector<std::array<uint32_t, kGenerationCount>> per(n, std::array<uint32_t, kGenerationCount>{});
      for (const Person& p : c.people)
        if (p.organization >= 0 && size_t(p.organization) < n) ++per[size_t(p.organization)][size_t(p.generation)];
      l.entry_of.resize(n);
      for (size_t v = 0; v < n; ++v) {
        // The most common generation of its people; a tie goes to the younger one.
        uint16_t best = uint16_t(kGenerationCount);
        uint32_t most = 0;
        for (size_t g = 0; g < size_t(kGenerationCount); ++g)
          if (per[v][g] > 0 && per[v][g] >= most) most = per[v][g], best = uint16_t(g);
        l.entry_of[v] = best;
        ++l.entries[best].organizations;
      }
      l.note = "the most common generation of each organization's people";
      break;
    }
    case ColorBy::column: {
      const auto& columns = c.organizations.extra_columns();
      const auto it = std::find(columns.begin(), columns.end(), coloring.column);
      const size_t col = size_t(it - columns.begin());
      std::vector<std::string> value(n);
      for (size_t v = 0; v < n; ++v) {
        const auto& extra = c.organizations[v].extra;
        value[v] = col < extra.size() && !extra[col].empty() ? extra[col] : "(blank)";
      }
      by_value(l, value, "other values");
      break;
    }
    case ColorBy::change: {
      for (YearChange k : {YearChange::added, YearChange::joined_table, YearChange::left_table, YearChange::none})
        l.entries.push_back({to_string(k), year_change_color(k), 0});
      auto entry = [](YearChange k) -> uint16_t {
        switch (k) {
          case YearChange::added: return 0;
          case YearChange::joined_table: return 1;
          case YearChange::left_table: return 2;
          case YearChange::none: break;
        }
        return 3;
      };
      l.entry_of.resize(n);
      for (size_t v = 0; v < n; ++v) {
        l.entry_of[v] = entry(v < change.size() ? change[v] : YearChange::none);
        ++l.entries[l.entry_of[v]].organizations;
      }
      const std::string since = std::to_string(coloring.year);
      l.note = change.size() != n ? "choose a year to compare with"
               : gone > 0         ? "dashed circles: organizations gone from the network since " + since
                                  : "no organization left the network since " + since;
      break;
    }
  }
  return l;
}

Color tie_quality_color(float value) {
  if (!(value >= 1)) return kOtherColor;  // NaN: no survey value
  static const Color kSteps[4] = {{158, 202, 225, 255}, {107, 174, 214, 255}, {33, 113, 181, 255}, {8, 48, 107, 255}};
  const float x = std::clamp(value, 1.f, 4.f) - 1.f;
  const int i = std::min(int(x), 2);
  const float t = x - float(i);
  auto mix = [&](uint8_t a, uint8_t b) { return uint8_t(std::lround(a + (b - a) * t)); };
  return {mix(kSteps[i].r, kSteps[i + 1].r), mix(kSteps[i].g, kSteps[i + 1].g), mix(kSteps[i].b, kSteps[i + 1].b), 255};
}

}  // namespace tablemap::viz
