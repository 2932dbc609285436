#include "core/palette.hpp"

#include <cmath>
#include <cstdio>

namespace tablemap {

Rgb sector_rgb(SectorId s) {
  static constexpr Rgb palette[12] = {{0, 114, 178},  {213, 94, 0},   {0, 158, 115}, {86, 180, 233},
                                      {204, 121, 167}, {120, 94, 60}, {88, 56, 160}, {44, 160, 44},
                                      {23, 190, 207},  {140, 86, 75}, {127, 127, 40}, {31, 60, 110}};
  return palette[s % 12];
}

Rgb tie_kind_rgb(TieKind k) {
  switch (k) {
    case TieKind::information: return {150, 150, 160};
    case TieKind::resources: return {200, 140, 30};
    case TieKind::joint_programming: return {60, 140, 90};
    case TieKind::data_sharing: return {70, 110, 200};
    case TieKind::referral: return {160, 90, 170};
    case TieKind::formal_agreement: return {60, 60, 60};
  }
  return {128, 128, 128};
}

TieKind main_tie_kind(TieKindSet kinds) {
  static constexpr TieKind order[] = {TieKind::formal_agreement, TieKind::resources, TieKind::joint_programming,
                                      TieKind::data_sharing,     TieKind::referral,  TieKind::information};
  for (TieKind k : order)
    if ((kinds >> int(k)) & 1u) return k;
  return TieKind::information;
}

std::string hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

Rgb text_on(Rgb bg) {
  auto linear = [](uint8_t v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  const double lum = 0.2126 * linear(bg.r) + 0.7152 * linear(bg.g) + 0.0722 * linear(bg.b);
  // Contrast with white (1.05 / (lum + 0.05)) against contrast with black ((lum + 0.05) / 0.05).
  return 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 ? Rgb{255, 255, 255} : Rgb{25, 25, 25};
}

}  // namespace tablemap
