#include "viz/export.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include <GL/gl.h>
#include <fmt/format.h>
#include <imgui.h>
#include <stb_image_write.h>  // implementation in libstb (pkg-config stb)

#include "analysis/board_report.hpp"
#include "core/escape.hpp"
#include "io/load.hpp"

namespace tablemap::viz {

namespace {

// The pixels of a rectangle of the frame just rendered (window pixels, top
// row first), RGBA and opaque.
std::vector<unsigned char> read_pixels(int x, int y, int w, int h, int framebuffer_height) {
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
  return flipped;
}

}  // namespace

bool save_png(const std::string& path, int x, int y, int w, int h, int framebuffer_height) {
  if (w <= 0 || h <= 0) return false;
  const std::vector<unsigned char> pixels = read_pixels(x, y, w, h, framebuffer_height);
  return stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

bool save_picture_png(const std::string& path, const PictureParts& parts, float scale, int framebuffer_height) {
  auto px = [&](float v) { return int(std::lround(v * scale)); };
  const int mx = px(parts.map.x), my = px(parts.map.y), mw = px(parts.map.w), mh = px(parts.map.h);
  if (!parts.beside) return save_png(path, mx, my, mw, mh, framebuffer_height);
  const int cx = px(parts.card.x), cy = px(parts.card.y), cw = px(parts.card.w), ch = px(parts.card.h);
  if (mw <= 0 || mh <= 0 || cw <= 0 || ch <= 0) return false;
  const std::vector<unsigned char> map = read_pixels(mx, my, mw, mh, framebuffer_height);
  const std::vector<unsigned char> card = read_pixels(cx, cy, cw, ch, framebuffer_height);
  // The map, then the card on its right, on white.
  const int w = mw + cw, h = std::max(mh, ch);
  std::vector<unsigned char> out(size_t(w) * size_t(h) * 4, 255);
  for (int r = 0; r < mh; ++r)
    std::copy_n(&map[size_t(r) * size_t(mw) * 4], size_t(mw) * 4, &out[size_t(r) * size_t(w) * 4]);
  for (int r = 0; r < ch; ++r)
    std::copy_n(&card[size_t(r) * size_t(cw) * 4], size_t(cw) * 4, &out[(size_t(r) * size_t(w) + size_t(mw)) * 4]);
  return stbi_write_png(path.c_str(), w, h, 4, out.data(), w * 4) != 0;
}

namespace {

std::string hex(Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

std::string xml_escape(const std::string& s) { return xml_text(s); }  // rules in core/escape.hpp

// Splits a legend sentence into lines of at most `width` characters, at spaces.
std::vector<std::string> wrap_words(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line, word;
  std::istringstream words(text);
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// Characters on a legend line: the legend column is 270 px of 11 px text.
constexpr size_t kLegendChars = 40;

}  // namespace

std::string picture_title(AppState& s) {
  const Community& c = s.community();
  std::string title = c.profile.name.empty() ? "Community map" : c.profile.name;
  if (c.profile.year) title += " " + std::to_string(c.profile.year);
  return title;
}

std::vector<LegendRow> picture_legend(AppState& s, bool dashed_unconfirmed) {
  const Legend& legend = current_legend(s);
  std::vector<LegendRow> rows;
  auto text = [&](LegendRow::Mark mark, Color color, std::string words) {
    rows.push_back({mark, color, std::move(words)});
  };
  auto note = [&](const std::string& sentence) {
    for (std::string& l : wrap_words(sentence, kLegendChars)) text(LegendRow::Mark::none, {}, std::move(l));
  };
  text(LegendRow::Mark::heading, {}, legend.title.empty() ? "Colors" : legend.title);
  for (const LegendEntry& e : legend.entries)
    text(LegendRow::Mark::disc, e.color, e.label + (e.key ? " *" : "") + "  " + std::to_string(e.organizations));
  if (legend.coloring.by == ColorBy::sector) note(kSectorLegendNote);
  else if (!legend.note.empty()) note(legend.note);
  text(LegendRow::Mark::gap, {}, "");
  if (s.tie_color == TieColorBy::kind || !s.quality.any()) {
    text(LegendRow::Mark::heading, {}, "Ties");
    for (TieKind k : kAllTieKinds)
      if (s.filters.tie_kinds & (1u << int(k))) text(LegendRow::Mark::tie, tie_kind_color(k), std::string(to_string(k)));
  } else {
    // Colored by the partner survey, as on the map.
    text(LegendRow::Mark::heading, {},
         s.tie_color == TieColorBy::intensity ? "Ties by how closely partners work" : "Ties by trust");
    for (int step = 1; step <= 4; ++step)
      text(LegendRow::Mark::tie, tie_quality_color(float(step)), tie_quality_step(s.tie_color, step));
    text(LegendRow::Mark::tie, kOtherColor, "not in the survey");
    if (s.tie_min > 0) note(fmt::format("only ties at {:.1f} or more shown", s.tie_min));
  }
  note(dashed_unconfirmed ? "thicker = stronger; dashed = unconfirmed" : "thicker = stronger; faint = unconfirmed");
  text(LegendRow::Mark::ring, kAtTableRing, "dark ring: at the table");
  return rows;
}

namespace {

// The legend beside the SVG map: picture_legend's rows, 15 px apart.
void write_svg_legend(AppState& s, std::ostream& out, float x, float y) {
  char buf[512];
  out << "<g id=\"legend\" font-size=\"11\" fill=\"#191919\">\n";
  float dy = 0;
  for (const LegendRow& row : picture_legend(s, /*dashed_unconfirmed=*/true)) {
    const float my = y + dy - 4;  // the middle of the row's mark
    switch (row.mark) {
      case LegendRow::Mark::disc:
        std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>\n", x + 5, my,
                      hex(row.color).c_str());
        out << buf;
        break;
      case LegendRow::Mark::tie:
        std::snprintf(buf, sizeof buf,
                      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"/>\n", x,
                      my, x + 12, my, hex(row.color).c_str());
        out << buf;
        break;
      case LegendRow::Mark::ring:
        std::snprintf(buf, sizeof buf,
                      "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                      x + 5, my, hex(row.color).c_str());
        out << buf;
        break;
      default: break;
    }
    if (row.mark == LegendRow::Mark::gap) {
      dy += 8;
      continue;
    }
    const bool marked = row.mark == LegendRow::Mark::disc || row.mark == LegendRow::Mark::tie ||
                        row.mark == LegendRow::Mark::ring;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\"%s>", x + (marked ? 16 : 0), y + dy,
                  row.mark == LegendRow::Mark::heading ? " font-weight=\"bold\"" : "");
    out << buf << xml_escape(row.text) << "</text>\n";
    dy += row.mark == LegendRow::Mark::heading ? 16 : row.mark == LegendRow::Mark::none ? 13 : 15;
  }
  out << "</g>\n";
}

}  // namespace

PictureParts draw_picture_frame(AppState& s) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const std::vector<LegendRow> rows = picture_legend(s, /*dashed_unconfirmed=*/false);
  const std::string title = picture_title(s);
  const float title_size = ImGui::GetFontSize() * 1.4f;
  const float line_h = ImGui::GetTextLineHeight() + 3, pad = 12, mark_w = 18;
  // The card: the title, then the legend's rows.
  float card_w = ImGui::GetFont()->CalcTextSizeA(title_size, FLT_MAX, 0, title.c_str()).x;
  float card_h = 2 * pad + title_size + 10;
  for (const LegendRow& row : rows) {
    const bool marked = row.mark != LegendRow::Mark::none && row.mark != LegendRow::Mark::heading;
    card_w = std::max(card_w, ImGui::CalcTextSize(row.text.c_str()).x + (marked ? mark_w : 0.f));
    card_h += row.mark == LegendRow::Mark::gap ? line_h / 2 : line_h;
  }
  card_w += 2 * pad;
  // Drawn where the window has room beside the map (over the panels or the
  // sidebar, for this one frame), and put beside the map in the picture;
  // else over the map's top-left corner.
  PictureParts parts;
  parts.map = {s.map_x, s.map_y, s.map_w, s.map_h};
  const float right_room = window.x - (s.map_x + s.map_w);
  parts.beside = right_room >= card_w || s.map_x >= card_w;
  const float left = !parts.beside ? s.map_x : right_room >= card_w ? s.map_x + s.map_w : s.map_x - card_w;
  const float top = std::clamp(s.map_y, 0.f, std::max(0.f, window.y - card_h));
  parts.card = {left, top, card_w, std::min(card_h, window.y - top)};
  const ImU32 paper = to_imgui({255, 255, 255, 255}), ink = to_imgui({25, 25, 25, 255});
  const ImU32 heading = to_imgui({40, 55, 100, 255});
  dl->AddRectFilled({left, top}, {left + card_w, top + parts.card.h}, paper);
  dl->AddText(ImGui::GetFont(), title_size, {left + pad, top + pad}, ink, title.c_str());
  float y = top + pad + title_size + 10;
  const float x = left + pad;
  for (const LegendRow& row : rows) {
    if (row.mark == LegendRow::Mark::gap) {
      y += line_h / 2;
      continue;
    }
    const ImVec2 mid{x + 6, y + ImGui::GetTextLineHeight() / 2};
    const ImU32 color = to_imgui(row.color);
    switch (row.mark) {
      case LegendRow::Mark::disc: dl->AddCircleFilled(mid, 5, color); break;
      case LegendRow::Mark::tie: dl->AddLine({x, mid.y}, {x + 12, mid.y}, color, 2.5f); break;
      case LegendRow::Mark::ring:
        dl->AddCircleFilled(mid, 5, paper);
        dl->AddCircle(mid, 5, color, 0, 2);
        break;
      default: break;
    }
    const bool marked = row.mark != LegendRow::Mark::none && row.mark != LegendRow::Mark::heading;
    dl->AddText({x + (marked ? mark_w : 0), y}, row.mark == LegendRow::Mark::heading ? heading : ink, row.text.c_str());
    y += line_h;
  }
  return parts;
}

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
    const TieLook look = tie_look(s, r);
    if (!look.drawn) continue;
    if (s.weak_ties_hidden && r.strength < 2) continue;
    const float ax = sx(r.a), ay = sy(r.a), bx = sx(r.b), by = sy(r.b);
    if (std::max(ax, bx) < 0 || std::min(ax, bx) > W || std::max(ay, by) < 0 || std::min(ay, by) > H) continue;
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"%.2f\" "
                  "stroke-width=\"%.1f\"%s/>\n",
                  ax, ay, bx, by, hex(look.color).c_str(), (70 + 55 * r.strength) / 255.0,
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
  const std::string title = picture_title(s);
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
  // A project file with an earlier year: "Change since", against the map's community as edited.
  if (const int previous = year_before(s.path)) {
    LoadResult before = load_community(split_snapshot_path(s.path).file, previous);
    if (before.community) options.since_last_year = compare_communities(*before.community, c, CompareOptions{});
  }
  try {
    write_file_atomically(path, board_report_html(c, s.network, options));
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace tablemap::viz
