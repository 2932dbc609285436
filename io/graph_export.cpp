#include "io/graph_export.hpp"

#include <string_view>
#include <vector>

#include "core/escape.hpp"
#include "io/load.hpp"

namespace tablemap {
namespace {

bool ends_with_ignore_case(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && equals_ignore_case(std::string_view(s).substr(s.size() - suffix.size()), suffix);
}

// The rules live in core/escape.hpp, shared with the map's SVG export.
void append_xml(std::string& out, std::string_view s) { append_xml_text(out, s); }
void append_dot(std::string& out, std::string_view s) { append_dot_string(out, s); }

// What each node and edge says, computed once for all three formats.
struct NodeFacts {
  std::vector<bool> at_table;
  std::vector<std::string> roles;
};

NodeFacts node_facts(const Community& c) {
  NodeFacts f;
  f.at_table = c.organizations_at_table();
  std::vector<uint8_t> kinds(c.organizations.size(), 0);
  for (const Role& r : c.roles) kinds[r.organization] |= uint8_t(1u << int(r.kind));
  f.roles.resize(c.organizations.size());
  for (size_t i = 0; i < kinds.size(); ++i)
    for (int k = 0; k < kRoleKindCount; ++k)
      if ((kinds[i] >> k) & 1u) {
        if (!f.roles[i].empty()) f.roles[i] += ';';
        f.roles[i] += to_string(RoleKind(k));
      }
  return f;
}

struct EdgeFacts {
  uint32_t source, target;
  bool directed;
  std::string kinds;
  int strength;
};

EdgeFacts edge_facts(const Relationship& r) {
  EdgeFacts e{r.a, r.b, r.a_to_b != r.b_to_a, {}, r.strength};
  if (r.b_to_a && !r.a_to_b) std::swap(e.source, e.target);  // one-way edges run from giver to receiver
  for (int k = 0; k < kTieKindCount; ++k)
    if (r.has(TieKind(k))) {
      if (!e.kinds.empty()) e.kinds += ';';
      e.kinds += to_string(TieKind(k));
    }
  return e;
}

const char* true_false(bool b) { return b ? "true" : "false"; }

std::string community_label(const Community& c) {
  std::string label = c.profile.name;
  if (c.profile.year) label += " (" + std::to_string(c.profile.year) + ")";
  return label;
}

void graphml_data(std::string& out, const char* key, std::string_view value) {
  out += "<data key=\"";
  out += key;
  out += "\">";
  append_xml(out, value);
  out += "</data>";
}

std::string to_graphml(const Community& c, const Network& net) {
  NodeFacts f = node_facts(c);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <!-- Written by tablemap. Node ids are organization ids. -->\n"
      "  <key id=\"community\" for=\"graph\" attr.name=\"community\" attr.type=\"string\"/>\n"
      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"sector\" for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"at_table\" for=\"node\" attr.name=\"at_table\" attr.type=\"boolean\"/>\n"
      "  <key id=\"roles\" for=\"node\" attr.name=\"roles\" attr.type=\"string\"/>\n"
      "  <key id=\"kinds\" for=\"edge\" attr.name=\"kinds\" attr.type=\"string\"/>\n"
      "  <key id=\"strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"int\"/>\n"
      "  <key id=\"directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>\n"
      "  <graph id=\"organizations\" edgedefault=\"undirected\">\n    ";
  graphml_data(out, "community", community_label(c));
  out += '\n';
  for (size_t i = 0; i < c.organizations.size(); ++i) {
    const Organization& o = c.organizations[i];
    out += "    <node id=\"";
    append_xml(out, o.id);
    out += "\">";
    graphml_data(out, "name", o.name);
    graphml_data(out, "sector", c.sector_name(o.sector));
    graphml_data(out, "type", to_string(o.type));
    graphml_data(out, "at_table", true_false(f.at_table[i]));
    graphml_data(out, "roles", f.roles[i]);
    out += "</node>\n";
  }
  for (const Relationship& r : net.relationships()) {
    EdgeFacts e = edge_facts(r);
    out += "    <edge source=\"";
    append_xml(out, c.org_id(e.source));
    out += "\" target=\"";
    append_xml(out, c.org_id(e.target));
    out += "\">";
    graphml_data(out, "kinds", e.kinds);
    graphml_data(out, "strength", std::to_string(e.strength));
    graphml_data(out, "directed", true_false(e.directed));
    out += "</edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

void gexf_value(std::string& out, const char* key, std::string_view value) {
  out += "<attvalue for=\"";
  out += key;
  out += "\" value=\"";
  append_xml(out, value);
  out += "\"/>";
}

std::string to_gexf(const Community& c, const Network& net) {
  NodeFacts f = node_facts(c);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
      "  <meta>\n    <creator>tablemap</creator>\n    <description>";
  append_xml(out, "Organization network of " + community_label(c) + "; node ids are organization ids, labels their names");
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
      "    </attributes>\n"
      "    <nodes>\n";
  for (size_t i = 0; i < c.organizations.size(); ++i) {
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
    out += "</attvalues></node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  size_t id = 0;
  for (const Relationship& r : net.relationships()) {
    EdgeFacts e = edge_facts(r);
    out += "      <edge id=\"" + std::to_string(id++) + "\" source=\"";
    append_xml(out, c.org_id(e.source));
    out += "\" target=\"";
    append_xml(out, c.org_id(e.target));
    out += "\" type=\"";
    out += e.directed ? "directed" : "undirected";
    out += "\" weight=\"" + std::to_string(e.strength) + "\"><attvalues>";
    gexf_value(out, "kinds", e.kinds);
    gexf_value(out, "strength", std::to_string(e.strength));
    gexf_value(out, "directed", true_false(e.directed));
    out += "</attvalues></edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

void dot_attribute(std::string& out, const char* name, std::string_view value, bool first = false) {
  if (!first) out += ", ";
  out += name;
  out += '=';
  append_dot(out, value);
}

std::string to_dot(const Community& c, const Network& net) {
  NodeFacts f = node_facts(c);
  std::string out = "// Written by tablemap. Node names are organization ids.\ngraph ";
  append_dot(out, community_label(c));
  out += " {\n";
  for (size_t i = 0; i < c.organizations.size(); ++i) {
    const Organization& o = c.organizations[i];
    out += "  ";
    append_dot(out, o.id);
    out += " [";
    dot_attribute(out, "label", o.name, true);
    dot_attribute(out, "id", o.id);
    dot_attribute(out, "name", o.name);
    dot_attribute(out, "sector", c.sector_name(o.sector));
    dot_attribute(out, "type", to_string(o.type));
    dot_attribute(out, "at_table", true_false(f.at_table[i]));
    dot_attribute(out, "roles", f.roles[i]);
    out += "];\n";
  }
  for (const Relationship& r : net.relationships()) {
    EdgeFacts e = edge_facts(r);
    out += "  ";
    append_dot(out, c.org_id(e.source));
    out += " -- ";
    append_dot(out, c.org_id(e.target));
    out += " [";
    std::string strength = std::to_string(e.strength);
    dot_attribute(out, "kinds", e.kinds, true);
    dot_attribute(out, "strength", strength);
    dot_attribute(out, "directed", true_false(e.directed));
    dot_attribute(out, "penwidth", strength);  // Graphviz draws stronger ties thicker
    if (e.directed) dot_attribute(out, "dir", "forward");
    out += "];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace

std::optional<GraphFormat> graph_format_of_path(const std::string& path) {
  if (ends_with_ignore_case(path, ".graphml")) return GraphFormat::graphml;
  if (ends_with_ignore_case(path, ".gexf")) return GraphFormat::gexf;
  if (ends_with_ignore_case(path, ".dot") || ends_with_ignore_case(path, ".gv")) return GraphFormat::dot;
  return std::nullopt;
}

std::string graph_to_text(const Community& community, const Network& network, GraphFormat format) {
  switch (format) {
    case GraphFormat::graphml: return to_graphml(community, network);
    case GraphFormat::gexf: return to_gexf(community, network);
    case GraphFormat::dot: return to_dot(community, network);
  }
  return {};
}

void save_graph(const Community& community, const std::string& path, GraphFormat format) {
  Network network(community);
  write_file_atomically(path, graph_to_text(community, network, format));
}

}  // namespace tablemap
