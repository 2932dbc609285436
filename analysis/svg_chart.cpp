#include "analysis/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "core/xml_text.hpp"

namespace tablemap::svg {
namespace {

std::string open_svg(int width, int height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\"><title>{2}</title>",
      width, height, xml_text(title));
}

std::string text(double x, double y, const std::string& s, const char* extra = "") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\"{}>{}</text>", x, y, extra, xml_text(s));
}

const std::string kGrey = "#9a9a9a";

}  // namespace

std::string seat_chart(const std::vector<SeatRow>& rows, const std::string& title, int max_circles) {
  const int label_w = 190, step = 17, row_h = 22, note_w = 150;
  const int width = label_w + max_circles * step + 40 + note_w;
  const int height = int(rows.size()) * row_h + 8;
  std::string out = open_svg(width, height, title);
  for (size_t i = 0; i < rows.size(); ++i) {
    const SeatRow& r = rows[i];
    const double y = 4 + double(i) * row_h + row_h / 2.0;
    out += text(label_w - 8, y + 4, r.label,
                r.flagged ? " text-anchor=\"end\" font-weight=\"bold\" fill=\"#c0392b\"" : " text-anchor=\"end\"");
    const int64_t empty = std::max<int64_t>(0, r.needed - r.seats);
    const int64_t total = r.seats + empty;
    const int64_t drawn = std::min<int64_t>(total, max_circles);
    for (int64_t k = 0; k < drawn; ++k) {
      const double cx = label_w + 8 + double(k) * step;
      if (k < r.seats)
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"7\" fill=\"{}\"/>", cx, y, hex(r.color));
      else
        out += fmt::format(
            "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6.5\" fill=\"#ffffff\" stroke=\"#c0392b\" stroke-width=\"1.5\" "
            "stroke-dasharray=\"3 2\"/>",
            cx, y);
    }
    double after = label_w + 8 + double(drawn) * step;
    if (total > drawn) {
      out += text(after - 4, y + 4, fmt::format("+{}", total - drawn), " fill=\"#555555\"");
      after += 30;
    }
    out += text(std::max(after, double(label_w + 20)), y + 4, r.note,
                r.flagged ? " fill=\"#c0392b\"" : " fill=\"#555555\"");
  }
  out += "</svg>";
  return out;
}

std::string paired_bars(const std::vector<PairedRow>& rows, const std::string& title, const std::string& first_name,
                        const std::string& second_name) {
  const int label_w = 110, bar_w = 300, bar_h = 9, row_h = 28, legend_h = 22;
  const int width = label_w + bar_w + 190, height = legend_h + int(rows.size()) * row_h + 6;
  double top = 0.0001;
  for (const PairedRow& r : rows) top = std::max({top, r.first, r.second.value_or(0)});
  std::string out = open_svg(width, height, title);
  const std::string first_color = "#2b5d8a", second_color = "#c9c9c9";
  out += fmt::format("<rect x=\"{}\" y=\"5\" width=\"12\" height=\"10\" fill=\"{}\"/>", label_w, first_color);
  out += text(label_w + 16, 14, first_name);
  out += fmt::format("<rect x=\"{}\" y=\"5\" width=\"12\" height=\"10\" fill=\"{}\"/>", label_w + 150, second_color);
  out += text(label_w + 166, 14, second_name);
  for (size_t i = 0; i < rows.size(); ++i) {
    const PairedRow& r = rows[i];
    const double y = legend_h + double(i) * row_h + 4;
    out += text(label_w - 8, y + 13, r.label,
                r.flagged ? " text-anchor=\"end\" font-weight=\"bold\" fill=\"#c0392b\"" : " text-anchor=\"end\"");
    const double w1 = bar_w * r.first / top;
    out += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>", label_w, y,
                       std::max(w1, 0.5), bar_h, first_color);
    out += text(label_w + w1 + 4, y + 8.5, fmt::format("{:.0f}%", 100 * r.first), " font-size=\"10\"");
    if (r.second) {
      const double w2 = bar_w * *r.second / top;
      out += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>", label_w,
                         y + bar_h + 1, std::max(w2, 0.5), bar_h, second_color);
      out += text(label_w + w2 + 4, y + bar_h + 9.5, fmt::format("{:.0f}%", 100 * *r.second),
                  " font-size=\"10\" fill=\"#555555\"");
    }
    if (!r.note.empty())
      out += text(label_w + bar_w + 40, y + 13, r.note, r.flagged ? " fill=\"#c0392b\"" : " fill=\"#555555\"");
  }
  out += "</svg>";
  return out;
}

std::string network_map(const std::vector<MapNode>& nodes, const std::vector<MapLink>& links,
                        const std::vector<LegendEntry>& legend, const std::string& title, int width, int height) {
  // The legend sits under the map, in rows of entries 170 pixels wide.
  const int per_row = std::max(1, width / 170);
  const int legend_h = int((legend.size() + size_t(per_row) - 1) / size_t(per_row)) * 18 + 8;
  std::string out = open_svg(width, height + legend_h, title);
  out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#fafaf7\"/>", width, height);
  double min_x = 1e300, max_x = -1e300, min_y = 1e300, max_y = -1e300;
  for (const MapNode& n : nodes) {
    min_x = std::min(min_x, n.x), max_x = std::max(max_x, n.x);
    min_y = std::min(min_y, n.y), max_y = std::max(max_y, n.y);
  }
  const double margin = 24;
  const double span = std::max({max_x - min_x, max_y - min_y, 1e-9});
  const double scale = nodes.empty() ? 1
                                     : std::min((width - 2 * margin) / std::max(max_x - min_x, span * 1e-3),
                                                (height - 2 * margin) / std::max(max_y - min_y, span * 1e-3));
  // Centered; y flipped (the layout's y points up, SVG's down).
  const double off_x = (width - (max_x - min_x) * scale) / 2, off_y = (height - (max_y - min_y) * scale) / 2;
  auto px = [&](const MapNode& n) { return off_x + (n.x - min_x) * scale; };
  auto py = [&](const MapNode& n) { return height - off_y - (n.y - min_y) * scale; };
  out += "<g stroke-linecap=\"round\">";
  for (const MapLink& l : links) {
    const MapNode &a = nodes[l.a], &b = nodes[l.b];
    out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
                       "stroke-width=\"{:.1f}\" stroke-opacity=\"0.6\"{}/>",
                       px(a), py(a), px(b), py(b), hex(l.color), l.width,
                       l.dashed ? " stroke-dasharray=\"4 3\"" : "");
  }
  out += "</g><g>";
  for (const MapNode& n : nodes) {
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\"", px(n), py(n), n.radius,
                       hex(n.fill));
    if (n.ring) out += fmt::format(" stroke=\"{}\" stroke-width=\"2\"", hex(kAtTableRingRgb));
    out += n.title.empty() ? "/>" : "><title>" + xml_text(n.title) + "</title></circle>";
  }
  out += "</g><g font-size=\"10\" fill=\"#222222\">";
  // Labels where they fit, from the last node (drawn on top) to the first.
  std::vector<std::array<double, 4>> boxes;
  for (size_t k = nodes.size(); k-- > 0;) {
    const MapNode& n = nodes[k];
    if (n.label.empty()) continue;
    const double w = 5.6 * double(n.label.size()), lx = px(n) + n.radius + 2, ly = py(n) - 6;
    if (lx + w > width) continue;
    bool free = true;
    for (const auto& b : boxes)
      if (lx < b[2] && lx + w > b[0] && ly < b[3] && ly + 12 > b[1]) free = false;
    if (!free) continue;
    boxes.push_back({lx, ly, lx + w, ly + 12});
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" stroke=\"#fafaf7\" stroke-width=\"3\" paint-order=\"stroke\">",
                       lx, py(n) + 3.5) +
           xml_text(n.label) + "</text>";
  }
  out += "</g>";
  for (size_t i = 0; i < legend.size(); ++i) {
    const double x = 8 + double(i % size_t(per_row)) * 170, y = height + 14 + double(i / size_t(per_row)) * 18;
    if (legend[i].ring)
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"/>",
                         x + 5, y - 4, hex(legend[i].color));
    else
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5.5\" fill=\"{}\"/>", x + 5, y - 4,
                         hex(legend[i].color));
    out += text(x + 15, y, legend[i].label);
  }
  out += "</svg>";
  return out;
}

}  // namespace tablemap::svg
