// The colors that mean something on every picture of a community: the map,
// the exported network files (GEXF, GraphML, DOT, Kumu) and the board report
// all color an organization by its primary sector and a tie by its most
// binding kind, so a reader who learnt one picture can read the others.
#pragma once

#include <cstdint>
#include <string>

#include "core/community.hpp"

namespace tablemap {

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

// Qualitative palette for sectors (sector i gets entry i mod 12): Okabe-Ito
// and Tableau hues, none of them the map's selection yellow, highlight
// magenta or removed grey.
Rgb sector_rgb(SectorId s);
Rgb tie_kind_rgb(TieKind k);
inline constexpr Rgb kAtTableRingRgb{30, 30, 30};  // the ring around organizations at the table

// The most binding kind of a relationship: formal agreement, then resources,
// joint programming, data sharing, referral, information.
TieKind main_tie_kind(TieKindSet kinds);

// "#0072b2".
std::string hex(Rgb c);
// Black or white, whichever reads better on `background` (WCAG luminance).
Rgb text_on(Rgb background);

}  // namespace tablemap
