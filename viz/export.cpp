#include "viz/export.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include <GL/gl.h>
#include <stb_image_write.h>  // implementation in libstb (pkg-config stb)

#include "analysis/board_report.hpp"
#include "core/escape.hpp"
#include "io/load.hpp"

namespace tablemap::viz {

bool save_png(const std::string& path, int x, int y, int w, int h, int framebuffer_height) {
  if (w <= 0 || h <= 0) return false;
  std::vector<unsigned char> pixels(size_t(w) * size_t(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  // OpenGL counts rows from the bottom.
  glReadPixels(x, framebuffer_height - y - h, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  std::vector<unsigned char> flipped(pixels.size());
  const size_t row = size_t(w) * 4;
  for (int r = 0; r < h; ++r)
    std::copy_n(&pixels[size_t(h - 1 - r) * row], row, &flipped[size_t(r) * row]);
  for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // the window is opaque
  return stbi_write_png(path.c_str(), w, h, 4, flipped.data(), int(row)) != 0;
}

namespace {

std::string hex(Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

std::string xml_escape(const std::string& s) { return xml_text(s); }  // rules in core/escape.hpp

// The title over the picture: the community, its year, what the colors are.
std::string svg_title(AppState& s) {
  const Community& c = s.community();
  std::string title = c.profile.name.empty() ? "Community map" : c.profile.name;
  if (c.profile.year) title += " " + std::to_string(c.profile.year);
  return title;
}

// The legend beside the map, as the sidebar shows it: the coloring's entries
// with their counts, the tie kinds drawn, and what a ring and a dashed tie mean.
void write_svg_legend(AppState& s, std::ostream& out, float x, float y) {
  const Legend& legend = current_legend(s);
  char buf[512];
  out << "<g id=\"legend\" font-size=\"11\" fill=\"#191919\">\n";
  auto line = [&](const std::string& text, float dy, bool bold = false) {
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\"%s>", x, y + dy, bold ? " font-weight=\"bold\"" : "");
    out << buf << xml_escape(text) << "</text>\n";
  };
  float dy = 0;
  line(legend.title.empty() ? "Colors" : legend.title, dy, true);
  dy += 16;
  for (const LegendEntry& e : legend.entries) {
    std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>\n", x + 5, y + dy - 4,
                  hex(e.color).c_str());
    out << buf;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\">", x + 16, y + dy);
    out << buf << xml_escape(e.label + (e.key ? " *" : "") + "  " + std::to_string(e.organizations)) << "</text>\n";
    dy += 15;
  }
  if (legend.coloring.by == ColorBy::sector) {
    line("* required sector; the number is", dy);
    line("the organizations of each", dy + 13);
    dy += 30;
  }
  dy += 8;
  line("Ties", dy, true);
  dy += 16;
  for (TieKind k : kAllTieKinds) {
    if (!(s.filters.tie_kinds & (1u << int(k)))) continue;
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"/>\n", x,
                  y + dy - 4, x + 12, y + dy - 4, hex(tie_kind_color(k)).c_str());
    out << buf;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\">", x + 16, y + dy);
    out << buf << xml_escape(std::string(to_string(k))) << "</text>\n";
    dy += 15;
  }
  line("thicker = stronger; dashed = unconfirmed", dy + 2);
  dy += 22;
  std::snprintf(buf, sizeof buf,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                x + 5, y + dy - 4, hex(kAtTableRing).c_str());
  out << buf;
  std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\">", x + 16, y + dy);
  out << buf << "dark ring: at the table</text>\n</g>\n";
}

}  // namespace

bool save_svg(AppState& s, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return false;
  const Community& c = s.community();
  const uint32_t n = s.organization_count();
  if (s.pos.size() != n) return false;
  // The map (W x H) under a title strip, with the legend in a column on its right.
  const float W = s.map_w, H = s.map_h;
  constexpr float kTitleH = 36, kLegendW = 270;
  auto sx = [&](uint32_t i) { return screen_x(s, s.pos[i].x) - s.map_x; };
  auto sy = [&](uint32_t i) { return screen_y(s, s.pos[i].y) - s.map_y; };
  auto shown = [&](uint32_t i) { return s.visible.size() != n || s.visible[i]; };
  auto inside = [&](float x, float y, float m) { return x >= -m && y >= -m && x <= W + m && y <= H + m; };
  char buf[512];
  // The map first, into its own text: the names of organizations near its
  // right edge run past it, and the legend goes right of the last one.
  std::ostringstream map;
  float right = W;
  map << "<g id=\"ties\">\n";

  for (const Relationship& r : s.network.relationships()) {
    if (!shown(r.a) || !shown(r.b) || s.removed[r.a] || s.removed[r.b] || !(r.kinds & s.filters.tie_kinds)) continue;
    if (s.weak_ties_hidden && r.strength < 2) continue;
    const float ax = sx(r.a), ay = sy(r.a), bx = sx(r.b), by = sy(r.b);
    if (std::max(ax, bx) < 0 || std::min(ax, bx) > W || std::max(ay, by) < 0 || std::min(ay, by) > H) continue;
    TieKind kind = TieKind::information;
    for (int k = kTieKindCount - 1; k >= 0; --k)
      if ((r.kinds >> k) & 1u) {
        kind = TieKind(k);
        break;
      }
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"%.2f\" "
                  "stroke-width=\"%.1f\"%s/>\n",
                  ax, ay, bx, by, hex(tie_kind_color(kind)).c_str(), (70 + 55 * r.strength) / 255.0,
                  0.6 + 0.8 * r.strength, r.confirmed ? "" : " stroke-dasharray=\"4 3\"");
    map << buf;
  }
  map << "</g>\n<g id=\"organizations\">\n";
  for (uint32_t i = 0; i < n; ++i) {
    if (!shown(i)) continue;
    const float x = sx(i), y = sy(i), r = screen_radius(s, i);
    if (!inside(x, y, r)) continue;
    const Organization& o = c.organizations[i];
    const Color fill = node_fill(s, i);
    std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"", x, y, r, hex(fill).c_str());
    map << buf;
    if (s.at_table[i] && !s.removed[i]) map << " stroke=\"" << hex(kAtTableRing) << "\" stroke-width=\"2\"";
    map << "><title>" << xml_escape(o.name) << " (" << xml_escape(c.sector_name(o.sector)) << ")</title></circle>\n";
    if (int32_t(i) == s.selected) {
      std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"%s\" "
                    "stroke-width=\"4\"/>\n", x, y, r + 5, hex(kSelectedColor).c_str());
      map << buf;
    }
  }
  map << "</g>\n<g id=\"names\" fill=\"#191919\">\n";
  // Names of the organizations big enough to be labelled on screen, biggest first, without overlap.
  std::vector<std::array<float, 4>> boxes;
  int placed = 0;
  for (uint32_t i : s.by_size) {
    if (placed >= 250) break;
    if (!shown(i)) continue;
    const float x = sx(i), y = sy(i), r = screen_radius(s, i);
    if (!inside(x, y, 0) || (r < 3.5f && int32_t(i) != s.selected)) continue;
    const std::string& name = c.organizations[i].name;
    const float w = 7.f * float(name.size()), lx = x + r + 3, ly = y - 7;
    bool free = true;
    for (const auto& b : boxes)
      if (lx < b[2] && lx + w > b[0] && ly < b[3] && ly + 14 > b[1]) free = false;
    if (!free) continue;
    boxes.push_back({lx, ly, lx + w, ly + 14});
    right = std::max(right, lx + w);
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\">", lx, y + 4);
    map << buf << xml_escape(name) << "</text>\n";
    ++placed;
  }
  map << "</g>\n";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::snprintf(buf, sizeof buf,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                "font-family=\"sans-serif\" font-size=\"12\">\n",
                right + kLegendW, H + kTitleH, right + kLegendW, H + kTitleH);
  out << buf;
  const std::string title = svg_title(s);
  out << "<title>" << xml_escape(title) << "</title>\n";
  out << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  std::snprintf(buf, sizeof buf, "<text x=\"12\" y=\"24\" font-size=\"17\" font-weight=\"bold\" fill=\"#191919\">");
  out << buf << xml_escape(title) << "</text>\n";
  write_svg_legend(s, out, right + 14, kTitleH + 16);
  std::snprintf(buf, sizeof buf, "<g id=\"map\" transform=\"translate(0 %.0f)\">\n", kTitleH);
  out << buf;
  std::snprintf(buf, sizeof buf, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"%s\"/>\n", right, H,
                hex(kMapBackground).c_str());
  out << buf << map.str();
  out << "</g>\n</svg>\n";
  return bool(out);
}

std::string save_report(AppState& s, const std::string& path) {
  refresh(s);
  const Community& c = s.community();
  if (c.organizations.empty()) return "open a community first";
  BoardReportOptions options;
  if (s.have_positions && s.pos.size() == c.organizations.size())
    for (const auto& p : s.pos) options.positions.push_back({p.x, p.y});  // layout points, y up, as the report reads them
  try {
    write_file_atomically(path, board_report_html(c, s.network, options));
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace tablemap::viz
