#include "viz/export.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <vector>

#include <GL/gl.h>
#include <stb_image_write.h>  // implementation in libstb (pkg-config stb)

#include "core/escape.hpp"

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

}  // namespace

bool save_svg(AppState& s, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return false;
  const Community& c = s.community();
  const uint32_t n = s.organization_count();
  if (s.pos.size() != n) return false;
  const float W = s.map_w, H = s.map_h;
  auto sx = [&](uint32_t i) { return screen_x(s, s.pos[i].x) - s.map_x; };
  auto sy = [&](uint32_t i) { return screen_y(s, s.pos[i].y) - s.map_y; };
  auto shown = [&](uint32_t i) { return s.visible.size() != n || s.visible[i]; };
  auto inside = [&](float x, float y, float m) { return x >= -m && y >= -m && x <= W + m && y <= H + m; };
  char buf[512];
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::snprintf(buf, sizeof buf,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                "font-family=\"sans-serif\" font-size=\"12\">\n",
                W, H, W, H);
  out << buf;
  out << "<title>" << xml_escape(c.profile.name) << "</title>\n";
  out << "<rect width=\"100%\" height=\"100%\" fill=\"" << hex(kMapBackground) << "\"/>\n<g id=\"ties\">\n";
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
    out << buf;
  }
  out << "</g>\n<g id=\"organizations\">\n";
  for (uint32_t i = 0; i < n; ++i) {
    if (!shown(i)) continue;
    const float x = sx(i), y = sy(i), r = screen_radius(s, i);
    if (!inside(x, y, r)) continue;
    const Organization& o = c.organizations[i];
    const Color fill = node_fill(s, i);
    std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"", x, y, r, hex(fill).c_str());
    out << buf;
    if (s.at_table[i] && !s.removed[i]) out << " stroke=\"" << hex(kAtTableRing) << "\" stroke-width=\"2\"";
    out << "><title>" << xml_escape(o.name) << " (" << xml_escape(c.sector_name(o.sector)) << ")</title></circle>\n";
    if (int32_t(i) == s.selected) {
      std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"%s\" "
                    "stroke-width=\"4\"/>\n", x, y, r + 5, hex(kSelectedColor).c_str());
      out << buf;
    }
  }
  out << "</g>\n<g id=\"names\" fill=\"#191919\">\n";
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
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\">", lx, y + 4);
    out << buf << xml_escape(name) << "</text>\n";
    ++placed;
  }
  out << "</g>\n</svg>\n";
  return bool(out);
}

}  // namespace tablemap::viz
