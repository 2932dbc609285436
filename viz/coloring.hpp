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

enum class ColorBy : uint8_t { sector, community, generation, column, change };

struct Coloring {
  ColorBy by = ColorBy::sector;
  std::string column;  // ColorBy::column: the organizations' column
  int year = 0;        // ColorBy::change: the year compared with
  bool operator==(const Coloring&) const = default;
};
// "sector", "community", "generation", the column's name, or "change since 2025".
std::string to_string(const Coloring& c);

// Under a sector legend, on the sidebar and in pictures of the map.
inline constexpr const char* kSectorLegendNote = "* required sector; the number is the organizations of each";

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

// How an organization of the year shown differs from the year compared with
// (ColorBy::change).
enum class YearChange : uint8_t { none, added, joined_table, left_table };
const char* to_string(YearChange c);  // "new in the network", "joined the table", ...
Color year_change_color(YearChange c);

// The legend of `coloring` for community `c`; `group` is the community of
// each organization (empty while not measured) for ColorBy::community, and
// `change` what changed for each since Coloring::year, with `gone` the
// organizations no longer in the network, for ColorBy::change.
Legend build_legend(const Community& c, const Coloring& coloring, const std::vector<uint32_t>& group,
                    const std::vector<YearChange>& change = {}, size_t gone = 0);

}  // namespace tablemap::viz
