// DOT with the map's meaning, so `neato -Tsvg` or `sfdp -Tpng` draws what the
// map draws: fill by sector, a dark ring for the table, a shape per role
// (diamond anchor, square backbone, triangle convener, circle otherwise),
// ties colored by their most binding kind, thicker when stronger, dashed
// when not confirmed, an arrow for one-way ties, and a legend.
#include <algorithm>
#include <cmath>

#include "io/graph_export_facts.hpp"

namespace tablemap::graph_export {
namespace {

const char* dot_shape(Glyph g) {
  switch (g) {
    case Glyph::anchor: return "diamond";
    case Glyph::backbone: return "square";
    case Glyph::convener: return "triangle";
    case Glyph::none: break;
  }
  return "circle";
}

void attribute(std::string& out, const char* name, std::string_view value, bool first = false) {
  if (!first) out += ", ";
  out += name;
  out += '=';
  append_dot(out, value);
}

// A legend row: a colored swatch or a sample shape, then the words ("social_services" as "social services").
void legend_row(std::string& out, std::string_view cell, std::string words) {
  std::replace(words.begin(), words.end(), '_', ' ');
  out += "<TR>";
  out += cell;
  out += "<TD ALIGN=\"LEFT\">";
  append_xml(out, words);
  out += "</TD></TR>";
}

std::string swatch(Rgb c) { return "<TD BGCOLOR=\"" + hex(c) + "\" WIDTH=\"18\" HEIGHT=\"12\"></TD>"; }

// Organization ids have no spaces, so the legend's node name cannot collide.
// An HTML-like label: the same in dot, neato and sfdp, unlike a cluster of
// sample nodes, which only dot keeps together.
std::string legend_label(const Community& c) {
  std::string out = "<<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
  out += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>";
  for (SectorId s = 0; s < c.profile.sectors.size(); ++s)
    legend_row(out, swatch(sector_rgb(s)),
               c.profile.sectors[s] + (c.profile.is_required(s) ? " (key sector)" : ""));
  legend_row(out, "<TD BORDER=\"1\" COLOR=\"" + hex(kAtTableRingRgb) + "\" WIDTH=\"18\"></TD>",
             "dark ring: at the table");
  legend_row(out, "<TD>&#9670;</TD>", "diamond: anchor");
  legend_row(out, "<TD>&#9632;</TD>", "square: backbone");
  legend_row(out, "<TD>&#9650;</TD>", "triangle: convener");
  for (TieKind k : {TieKind::formal_agreement, TieKind::resources, TieKind::joint_programming, TieKind::data_sharing,
                    TieKind::referral, TieKind::information})
    legend_row(out, "<TD><FONT COLOR=\"" + hex(tie_kind_rgb(k)) + "\"><B>&#8212;&#8212;</B></FONT></TD>",
               std::string(to_string(k)) + " tie");
  legend_row(out, "<TD>- - -</TD>", "dashed: not confirmed by both sides; thicker: stronger");
  out += "</TABLE>>";
  return out;
}

}  // namespace

std::string to_dot(const Community& c, const Network& net, const GraphExportOptions& options) {
  NodeFacts f = node_facts(c);
  const bool positions = !options.positions.empty() && options.positions.size() == c.organizations.size();
  std::string out =
      "// Written by tablemap. Node names are organization ids. Draw it with\n"
      "//   neato -Tsvg file.dot > map.svg    (sfdp for large networks; neato -n2 keeps tablemap's positions)\n"
      "// One-way ties have directed=true and an arrow from giver to receiver.\ngraph ";
  append_dot(out, community_label(c));
  out += " {\n  graph [";
  attribute(out, "label", community_label(c) + ": organization network", true);
  // overlap=false removes node overlaps (prism where Graphviz has it); splines
  // route ties around nodes; the components are packed apart from the legend.
  out += ", labelloc=t, fontname=\"Helvetica\", fontsize=16, overlap=false, splines=true, pack=true, "
         "outputorder=edgesfirst, sep=\"+8\"];\n"
         "  node [style=filled, fixedsize=true, fontname=\"Helvetica\", fontsize=10, label=\"\"];\n"
         "  edge [color=\"#999999\"];\n";
  for (uint32_t i = 0; i < c.organizations.size(); ++i) {
    const Organization& o = c.organizations[i];
    const Rgb fill = sector_rgb(o.sector);
    char width[16];
    std::snprintf(width, sizeof width, "%.2f", 0.25 + 0.06 * std::sqrt(double(net.degree(i))));
    out += "  ";
    append_dot(out, o.id);
    out += " [";
    attribute(out, "xlabel", o.name, true);
    attribute(out, "shape", dot_shape(f.glyph[i]));
    attribute(out, "width", width);
    attribute(out, "fillcolor", hex(fill));
    attribute(out, "color", f.at_table[i] ? hex(kAtTableRingRgb) : hex(fill));
    attribute(out, "penwidth", f.at_table[i] ? "3" : "1");
    attribute(out, "tooltip", o.name + " (" + c.sector_name(o.sector) + ")");
    if (positions) attribute(out, "pos", number(options.positions[i].x) + "," + number(options.positions[i].y));
    attribute(out, "id", o.id);
    attribute(out, "name", o.name);
    attribute(out, "sector", c.sector_name(o.sector));
    attribute(out, "type", to_string(o.type));
    attribute(out, "at_table", true_false(f.at_table[i]));
    attribute(out, "roles", f.roles[i]);
    out += "];\n";
  }
  for (const Relationship& r : net.relationships()) {
    EdgeFacts e = edge_facts(r);
    out += "  ";
    append_dot(out, c.org_id(e.source));
    out += " -- ";
    append_dot(out, c.org_id(e.target));
    out += " [";
    const std::string strength = std::to_string(e.strength);
    attribute(out, "kinds", e.kinds, true);
    attribute(out, "strength", strength);
    attribute(out, "directed", true_false(e.directed));
    attribute(out, "confirmed", true_false(e.confirmed));
    attribute(out, "color", hex(tie_kind_rgb(e.main_kind)));
    attribute(out, "penwidth", e.strength == 1 ? "0.8" : e.strength == 2 ? "1.6" : "2.8");
    if (!e.confirmed) attribute(out, "style", "dashed");
    if (e.directed) attribute(out, "dir", "forward");
    out += "];\n";
  }
  out += "  subgraph cluster_legend {\n    graph [label=\"\", color=\"#ffffff\"];\n    \"tablemap legend\" [shape=plaintext, "
         "style=\"\", fixedsize=false, label=";
  out += legend_label(c);
  out += "];\n  }\n}\n";
  return out;
}

}  // namespace tablemap::graph_export
