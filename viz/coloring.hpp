// What the color of an organization's disc means, and the legend that says
// so. One home for the palettes: the map, the sidebar's legend, the SVG
// export and the tests all read colors from here.
//
// The map colors by sector (default), by community (the Structure panel's
// measures, numbered from 0 as `tablemap metrics` prints them), by
// generation (the most common generation of the organization's people), or
// by any column of organizations.csv that tablemap does not know (such as
// `neighborhood`). The legend always lists the classes of the current
// coloring, in the order their colors were given, with how many
// organizations each holds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/community.hpp"

namespace tablemap::viz {

struct Color {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
};

// Sectors: the required ("key") sectors come first in a profile, and the
// first six colors are the six most distinct of Okabe and Ito's palette for
// color-blind readers; optional sectors get darker and paler tones after them.
// Sector i gets entry i mod 12.
Color sector_color(SectorId s);
// Classes of the other colorings (communities, column values): 11 distinct
// colors, then kOtherColor for the rest.
Color class_color(size_t k);
inline constexpr size_t kDistinctClasses = 11;
inline constexpr Color kOtherColor{150, 150, 150, 255};
// Generations, oldest to youngest, as a blue-to-red scale.
Color generation_color(Generation g);

// A survey rating or intensity of a tie, 1 to 4, on a light-to-dark blue
// scale (readable by color-blind readers, halves between the steps);
// kOtherColor when the tie has none (NaN).
Color tie_quality_color(float value);

enum class ColorBy : uint8_t { sector, community, generation, column };

struct Coloring {
  ColorBy by = ColorBy::sector;
  std::string column;  // ColorBy::column: the organizations' column
  bool operator==(const Coloring&) const = default;
};
// "sector", "community", "generation", or the column's name.
std::string to_string(const Coloring& c);

struct LegendEntry {
  std::string label;     // "health", "community 0", "millennials", "Eastside"
  Color color;
  uint32_t organizations = 0;
  int32_t sector = -1;   // ColorBy::sector: the sector (the legend doubles as its filter)
  bool key = false;      // a required sector
};

struct Legend {
  Coloring coloring;
  std::string title;                  // "Color = sector"
  std::vector<LegendEntry> entries;
  std::vector<uint16_t> entry_of;     // per organization: its entry
  std::string note;                   // e.g. "measuring the communities..."
};

// The legend of `coloring` for community `c`; `group` is the community of
// each organization (empty while not measured) for ColorBy::community.
Legend build_legend(const Community& c, const Coloring& coloring, const std::vector<uint32_t>& group);

}  // namespace tablemap::viz
