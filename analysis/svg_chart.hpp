// The board report's pictures, written as SVG text by hand: a seat chart of
// the table, paired bars (the table against the residents) and the network
// map. Each returns one <svg> element sized in CSS pixels, with a <title>
// for screen readers; they print as vectors. No JavaScript, no fonts to load.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/palette.hpp"

namespace tablemap::svg {

// One sector of the seat chart: filled seats in its color, the seats it
// still needs as dashed empty circles.
struct SeatRow {
  std::string label;     // "business (key)"
  std::string note;      // "missing", "1 of 2", "3 seats"
  Rgb color;
  int64_t seats = 0;
  int64_t needed = 1;    // seats it should have
  bool flagged = false;  // drawn in the warning color (missing or under)
};
// At most `max_circles` circles per row; the rest are written as "+N".
std::string seat_chart(const std::vector<SeatRow>& rows, const std::string& title, int max_circles = 20);

// Two bars per row (say, share of the table and share of the residents).
struct PairedRow {
  std::string label;
  double first = 0;                 // 0..1
  std::optional<double> second;     // 0..1; no bar when unknown
  bool flagged = false;             // label drawn in the warning color
  std::string note;                 // "under", "over"
};
std::string paired_bars(const std::vector<PairedRow>& rows, const std::string& title, const std::string& first_name,
                        const std::string& second_name);

// The network map: positions in any unit (y up, as Graphviz gives them),
// scaled to fit `width` x `height` pixels. Nodes are drawn in order, so put
// the important ones last: they sit on top and get their labels first.
struct MapNode {
  double x = 0, y = 0;
  Rgb fill;
  bool ring = false;     // at the table
  double radius = 4;     // pixels
  std::string title;     // hover text: name and sector ("" for none)
  std::string label;     // drawn beside it when not empty and there is room
};
struct MapLink {
  uint32_t a = 0, b = 0;
  Rgb color;
  double width = 1;
  bool dashed = false;
};
struct LegendEntry {
  Rgb color;
  std::string label;
  bool ring = false;     // a ring sample instead of a filled disc
};
std::string network_map(const std::vector<MapNode>& nodes, const std::vector<MapLink>& links,
                        const std::vector<LegendEntry>& legend, const std::string& title, int width, int height);

// The warning color of the charts (missing seats, contested functions).
inline constexpr Rgb kWarning{192, 57, 43};

}  // namespace tablemap::svg
