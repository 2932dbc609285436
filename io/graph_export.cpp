#include "io/graph_export.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "io/graph_export_facts.hpp"
#include "io/load.hpp"

namespace tablemap {
namespace graph_export {

std::string_view to_string(Glyph g) {
  switch (g) {
    case Glyph::none: return "";
    case Glyph::convener: return "convener";
    case Glyph::backbone: return "backbone";
    case Glyph::anchor: return "anchor";
  }
  return "";
}

NodeFacts node_facts(const Community& c) {
  NodeFacts f;
  f.at_table = c.organizations_at_table();
  std::vector<uint8_t> kinds(c.organizations.size(), 0);
  f.glyph.assign(c.organizations.size(), Glyph::none);
  for (const Role& r : c.roles) {
    kinds[r.organization] |= uint8_t(1u << int(r.kind));
    Glyph g = r.kind == RoleKind::anchor     ? Glyph::anchor
              : r.kind == RoleKind::backbone ? Glyph::backbone
              : r.kind == RoleKind::convener ? Glyph::convener
                                             : Glyph::none;
    if (g > f.glyph[r.organization]) f.glyph[r.organization] = g;
  }
  f.roles.resize(c.organizations.size());
  for (size_t i = 0; i < kinds.size(); ++i)
    for (int k = 0; k < kRoleKindCount; ++k)
      if ((kinds[i] >> k) & 1u) {
        if (!f.roles[i].empty()) f.roles[i] += ';';
        f.roles[i] += tablemap::to_string(RoleKind(k));
      }
  return f;
}

EdgeFacts edge_facts(const Relationship& r) {
  EdgeFacts e{r.a, r.b, r.a_to_b != r.b_to_a, r.confirmed, {}, main_tie_kind(r.kinds), r.strength};
  if (r.b_to_a && !r.a_to_b) std::swap(e.source, e.target);
  for (int k = 0; k < kTieKindCount; ++k)
    if (r.has(TieKind(k))) {
      if (!e.kinds.empty()) e.kinds += ';';
      e.kinds += tablemap::to_string(TieKind(k));
    }
  return e;
}

const char* true_false(bool b) { return b ? "true" : "false"; }

std::string community_label(const Community& c) {
  std::string label = c.profile.name;
  if (c.profile.year) label += " (" + std::to_string(c.profile.year) + ")";
  return label;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

void append_dot(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch != '\r' && ch != '\0') {
      out += ch;
    }
  }
  out += '"';
}

}  // namespace graph_export

namespace {

using namespace graph_export;

bool ends_with_ignore_case(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && equals_ignore_case(std::string_view(s).substr(s.size() - suffix.size()), suffix);
}

bool has_positions(const Community& c, const GraphExportOptions& o) {
  return !o.positions.empty() && o.positions.size() == c.organizations.size();
}

// A node's size on the map grows with its ties; the same rule for every format.
double node_size(const Network& net, uint32_t v) { return 8.0 + 3.0 * std::sqrt(double(net.degree(v))); }

// ---- GraphML ---------------------------------------------------------------

void graphml_data(std::string& out, const char* key, std::string_view value) {
  out += "<data key=\"";
  out += key;
  out += "\">";
  append_xml(out, value);
  out += "</data>";
}

const char* yed_shape(Glyph g) {
  switch (g) {
    case Glyph::anchor: return "diamond";
    case Glyph::backbone: return "rectangle";
    case Glyph::convener: return "triangle";
    case Glyph::none: break;
  }
  return "ellipse";
}

std::string to_graphml(const Community& c, const Network& net, const GraphExportOptions& options) {
  NodeFacts f = node_facts(c);
  const bool positions = has_positions(c, options);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xmlns:y=\"http://www.yworks.com/xml/graphml\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <!-- Written by tablemap. Node ids are organization ids. The graph is undirected;\n"
      "       a one-way tie has directed=true and runs from source (giver) to target.\n"
      "       x, y (y up), r, g, b and color are Gephi's node keys; the y: graphics are yEd's. -->\n"
      "  <key id=\"community\" for=\"graph\" attr.name=\"community\" attr.type=\"string\"/>\n"
      "  <key id=\"yed_node\" for=\"node\" yfiles.type=\"nodegraphics\" attr.name=\"yed_graphics\" attr.type=\"string\"/>\n"
      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"sector\" for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"at_table\" for=\"node\" attr.name=\"at_table\" attr.type=\"boolean\"/>\n"
      "  <key id=\"roles\" for=\"node\" attr.name=\"roles\" attr.type=\"string\"/>\n"
      "  <key id=\"color\" for=\"node\" attr.name=\"color\" attr.type=\"string\"/>\n"
      "  <key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>\n"
      "  <key id=\"g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>\n"
      "  <key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>\n"
      "  <key id=\"size\" for=\"node\" attr.name=\"size\" attr.type=\"double\"/>\n";
  if (positions)
    out +=
        "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
        "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n";
  out +=
      "  <key id=\"yed_edge\" for=\"edge\" yfiles.type=\"edgegraphics\" attr.name=\"yed_graphics\" attr.type=\"string\"/>\n"
      "  <key id=\"kinds\" for=\"edge\" attr.name=\"kinds\" attr.type=\"string\"/>\n"
      "  <key id=\"strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"int\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      "  <key id=\"directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>\n"
      "  <key id=\"confirmed\" for=\"edge\" attr.name=\"confirmed\" attr.type=\"boolean\"/>\n"
      "  <key id=\"edge_color\" for=\"edge\" attr.name=\"color\" attr.type=\"string\"/>\n"
      "  <graph id=\"organizations\" edgedefault=\"undirected\">\n    ";
  graphml_data(out, "community", community_label(c));
  out += '\n';
  for (uint32_t i = 0; i < c.organizations.size(); ++i) {
    const Organization& o = c.organizations[i];
    const Rgb fill = sector_rgb(o.sector);
    const double size = node_size(net, i);
    const GraphPoint p = positions ? options.positions[i] : GraphPoint{};
    out += "    <node id=\"";
    append_xml(out, o.id);
    out += "\">";
    // yEd's picture first: networkx reads its x, y and label too, and the plain keys after it win.
    out += "<data key=\"yed_node\"><y:ShapeNode><y:Geometry x=\"" + number(p.x - size / 2) + "\" y=\"" +
           number(-p.y - size / 2) + "\" width=\"" + number(size) + "\" height=\"" + number(size) +
           "\"/><y:Fill color=\"" + hex(fill) + "\" transparent=\"false\"/><y:BorderStyle color=\"" +
           (f.at_table[i] ? hex(kAtTableRingRgb) : hex(fill)) + "\" type=\"line\" width=\"" +
           (f.at_table[i] ? "3.0" : "1.0") + "\"/><y:NodeLabel modelName=\"sides\" modelPosition=\"s\">";
    append_xml(out, o.name);
    out += "</y:NodeLabel><y:Shape type=\"";
    out += yed_shape(f.glyph[i]);
    out += "\"/></y:ShapeNode></data>";
    graphml_data(out, "name", o.name);
    graphml_data(out, "sector", c.sector_name(o.sector));
    graphml_data(out, "type", to_string(o.type));
    graphml_data(out, "at_table", true_false(f.at_table[i]));
    graphml_data(out, "roles", f.roles[i]);
    graphml_data(out, "color", hex(fill));
    graphml_data(out, "r", std::to_string(fill.r));
    graphml_data(out, "g", std::to_string(fill.g));
    graphml_data(out, "b", std::to_string(fill.b));
    graphml_data(out, "size", number(size));
    if (positions) {
      graphml_data(out, "x", number(p.x));
      graphml_data(out, "y", number(p.y));
    }
    out += "</node>\n";
  }
  for (const Relationship& r : net.relationships()) {
    EdgeFacts e = edge_facts(r);
    out += "    <edge source=\"";
    append_xml(out, c.org_id(e.source));
    out += "\" target=\"";
    append_xml(out, c.org_id(e.target));
    out += "\">";
    out += "<data key=\"yed_edge\"><y:PolyLineEdge><y:LineStyle color=\"" + hex(tie_kind_rgb(e.main_kind)) +
           "\" type=\"" + (e.confirmed ? "line" : "dashed") + "\" width=\"" + std::to_string(e.strength) +
           ".0\"/><y:Arrows source=\"none\" target=\"" + (e.directed ? "standard" : "none") +
           "\"/></y:PolyLineEdge></data>";
    graphml_data(out, "kinds", e.kinds);
    graphml_data(out, "strength", std::to_string(e.strength));
    graphml_data(out, "weight", std::to_string(e.strength));
    graphml_data(out, "directed", true_false(e.directed));
    graphml_data(out, "confirmed", true_false(e.confirmed));
    graphml_data(out, "edge_color", hex(tie_kind_rgb(e.main_kind)));
    out += "</edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

// ---- GEXF 1.2draft -----------------------------------------------------------

void gexf_value(std::string& out, const char* key, std::string_view value) {
  out += "<attvalue for=\"";
  out += key;
  out += "\" value=\"";
  append_xml(out, value);
  out += "\"/>";
}

void gexf_color(std::string& out, Rgb c) {
  out += "<viz:color r=\"" + std::to_string(c.r) + "\" g=\"" + std::to_string(c.g) + "\" b=\"" +
         std::to_string(c.b) + "\"/>";
}

// Version 1.2draft: what networkx 2.8 reads (it knows 1.1draft and
// 1.2draft only) and what Gephi reads and writes by default.
std::string to_gexf(const Community& c, const Network& net, const GraphExportOptions& options) {
  NodeFacts f = node_facts(c);
  const bool positions = has_positions(c, options);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
      "version=\"1.2\">\n"
      "  <meta>\n    <creator>tablemap</creator>\n    <description>";
  append_xml(out, "Organization network of " + community_label(c) +
                      "; node ids are organization ids, labels their names. The graph is undirected: a one-way "
                      "tie has directed=true and runs from source (giver) to target.");
  out +=
      "</description>\n  </meta>\n"
      "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n"
      "    <attributes class=\"node\">\n"
      "      <attribute id=\"sector\" title=\"sector\" type=\"string\"/>\n"
      "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
      "      <attribute id=\"at_table\" title=\"at_table\" type=\"boolean\"/>\n"
      "      <attribute id=\"roles\" title=\"roles\" type=\"string\"/>\n"
      "    </attributes>\n"
      "    <attributes class=\"edge\">\n"
      "      <attribute id=\"kinds\" title=\"kinds\" type=\"string\"/>\n"
      "      <attribute id=\"strength\" title=\"strength\" type=\"integer\"/>\n"
      "      <attribute id=\"directed\" title=\"directed\" type=\"boolean\"/>\n"
      "      <attribute id=\"confirmed\" title=\"confirmed\" type=\"boolean\"/>\n"
      "    </attributes>\n"
      "    <nodes>\n";
  for (uint32_t i = 0; i < c.organizations.size(); ++i) {
    const Organization& o = c.organizations[i];
    out += "      <node id=\"";
    append_xml(out, o.id);
    out += "\" label=\"";
    append_xml(out, o.name);
    out += "\"><attvalues>";
    gexf_value(out, "sector", c.sector_name(o.sector));
    gexf_value(out, "type", to_string(o.type));
    gexf_value(out, "at_table", true_false(f.at_table[i]));
    gexf_value(out, "roles", f.roles[i]);
    out += "</attvalues>";
    gexf_color(out, sector_rgb(o.sector));
    if (positions)
      out += "<viz:position x=\"" + number(options.positions[i].x) + "\" y=\"" + number(options.positions[i].y) +
             "\" z=\"0\"/>";
    out += "<viz:size value=\"" + number(node_size(net, i)) + "\"/></node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  size_t id = 0;
  for (const Relationship& r : net.relationships()) {
    EdgeFacts e = edge_facts(r);
    out += "      <edge id=\"" + std::to_string(id++) + "\" source=\"";
    append_xml(out, c.org_id(e.source));
    out += "\" target=\"";
    append_xml(out, c.org_id(e.target));
    out += "\" weight=\"" + std::to_string(e.strength) + "\"><attvalues>";
    gexf_value(out, "kinds", e.kinds);
    gexf_value(out, "strength", std::to_string(e.strength));
    gexf_value(out, "directed", true_false(e.directed));
    gexf_value(out, "confirmed", true_false(e.confirmed));
    out += "</attvalues>";
    gexf_color(out, tie_kind_rgb(e.main_kind));
    out += "<viz:thickness value=\"" + std::to_string(e.strength) + "\"/></edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::optional<GraphFormat> graph_format_of_path(const std::string& path) {
  if (ends_with_ignore_case(path, ".graphml")) return GraphFormat::graphml;
  if (ends_with_ignore_case(path, ".gexf")) return GraphFormat::gexf;
  if (ends_with_ignore_case(path, ".dot") || ends_with_ignore_case(path, ".gv")) return GraphFormat::dot;
  if (ends_with_ignore_case(path, ".kumu.json")) return GraphFormat::kumu;
  return std::nullopt;
}

std::string graph_to_text(const Community& community, const Network& network, GraphFormat format,
                          const GraphExportOptions& options) {
  switch (format) {
    case GraphFormat::graphml: return to_graphml(community, network, options);
    case GraphFormat::gexf: return to_gexf(community, network, options);
    case GraphFormat::dot: return to_dot(community, network, options);
    case GraphFormat::kumu: return to_kumu(community, network, options);
  }
  return {};
}

void save_graph(const Community& community, const Network& network, const std::string& path, GraphFormat format,
                const GraphExportOptions& options) {
  write_file_atomically(path, graph_to_text(community, network, format, options));
}

std::string describe_graph_export(const Community& c, const Network& net, GraphFormat format, bool with_positions) {
  std::string node_fields = "name, sector, type, at the table, role kinds, sector color";
  if (with_positions) node_fields += ", position on the map";
  if (format == GraphFormat::dot) node_fields += "; drawn with a ring for the table, a shape per role and a legend";
  if (format == GraphFormat::kumu) node_fields = "name as label, sector as element type, tags for the table and roles";
  std::string out = "  holds: " + plural(c.organizations.size(), "organization", "organizations") + " (" +
                    node_fields + ")\n         and " +
                    plural(net.relationship_count(), "relationship", "relationships") + " (" +
                    plural(c.ties.size(), "tie row", "tie rows") +
                    " merged per pair: kinds, strongest strength, one-way or not, confirmed)\n";
  out += "  leaves out: ";
  std::vector<std::string> left;
  if (!c.people.empty()) left.push_back(plural(c.people.size(), "person", "people"));
  if (!c.roles.empty())
    left.push_back("the " + plural(c.roles.size(), "role row", "role rows") +
                   " (only each organization's role kinds are kept: no issue areas, functions or statuses)");
  left.push_back("the profile (issue areas, residents, thresholds)");
  left.push_back("secondary sectors, issue areas and generations served of each organization");
  left.push_back("columns tablemap does not know");
  for (size_t i = 0; i < left.size(); ++i) out += (i ? ",\n              " : "") + left[i];
  out += "\n  To keep everything, convert to a .json or .tablemap file.\n";
  return out;
}

}  // namespace tablemap
