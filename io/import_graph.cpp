// GraphML and GEXF as Gephi and yEd write them.
//   GraphML: <key id attr.name for> declares attributes (yEd adds keys with
//   yfiles.type="nodegraphics" whose <y:NodeLabel> holds the label, and nests
//   the nodes of a group in a <graph> inside its <node>); <node id> holds
//   <data key>; <edge source target [directed]>; <graph edgedefault>.
//   GEXF 1.2/1.3: <attributes class="node|edge"><attribute id title>;
//   <node id label><attvalues><attvalue for value>; <edge source target
//   weight type label>; <graph defaultedgetype>.
// Element names are compared without a namespace prefix.
#include <algorithm>

#include <pugixml.hpp>

#include "io/csv.hpp"
#include "io/import_network.hpp"
#include "io/workbook_read.hpp"
#include "io/xml_names.hpp"

namespace tablemap {

namespace {

// The first descendant named `name` (yEd's label sits a few levels down).
pugi::xml_node descendant_named(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (local_name(c.name()) == name) return c;
    if (pugi::xml_node d = descendant_named(c, name)) return d;
  }
  return {};
}

// An XML document and a way from an element to its line.
struct XmlFile {
  std::string text;
  pugi::xml_document doc;
  std::vector<size_t> line_starts;

  bool load(const std::string& path, Problems& problems, std::string_view what) {
    if (!read_file(path, text, problems)) return false;
    pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size());
    line_starts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts.push_back(i + 1);
    if (!r) {
      problems.push_back({path, line_of(size_t(r.offset)),
                          "not a readable " + std::string(what) + " file: " + r.description()});
      return false;
    }
    return true;
  }
  size_t line_of(size_t offset) const {
    return size_t(std::upper_bound(line_starts.begin(), line_starts.end(), offset) - line_starts.begin());
  }
  size_t line_of(pugi::xml_node n) const { return n.offset_debug() < 0 ? 0 : line_of(size_t(n.offset_debug())); }
};

std::optional<bool> directed_of(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return text == "true" || text == "directed";
}

struct GraphmlKey {
  std::string id, name, domain;
  bool node_graphics = false;
};

void collect_graphml(pugi::xml_node graph, const std::vector<GraphmlKey>& keys, const XmlFile& file,
                     ImportedNetwork& n) {
  const std::optional<bool> default_directed = directed_of(graph.attribute("edgedefault").value());
  for (pugi::xml_node c : graph.children()) {
    const std::string_view name = local_name(c.name());
    if (name == "node") {
      ImportedNode node;
      node.key = c.attribute("id").value();
      node.line = file.line_of(c);
      for (pugi::xml_node d : children_named(c, "data")) {
        for (const GraphmlKey& k : keys) {
          if (k.id != d.attribute("key").value()) continue;
          if (k.node_graphics) {
            if (pugi::xml_node label = descendant_named(d, "NodeLabel"); label && node.label.empty())
              node.label = trim(label.text().get());
          } else if (sheet_name_key(k.name) == "label" && node.label.empty()) {
            node.label = trim(d.text().get());
          } else if (!k.name.empty()) {
            node.attributes.emplace_back(k.name, trim(d.text().get()));
          }
        }
      }
      if (node.label.empty()) node.label = node.key;
      n.nodes.push_back(std::move(node));
      if (pugi::xml_node inner = child_named(c, "graph")) collect_graphml(inner, keys, file, n);  // a yEd group
    } else if (name == "edge") {
      ImportedLink link;
      link.from = c.attribute("source").value();
      link.to = c.attribute("target").value();
      link.line = file.line_of(c);
      link.directed = c.attribute("directed") ? directed_of(c.attribute("directed").value()) : default_directed;
      for (pugi::xml_node d : children_named(c, "data"))
        for (const GraphmlKey& k : keys)
          if (k.id == d.attribute("key").value() && !k.name.empty())
            link.attributes.emplace_back(k.name, trim(d.text().get()));
      n.links.push_back(std::move(link));
    }
  }
}

}  // namespace

std::optional<ImportedNetwork> read_graphml(const std::string& path, Problems& problems) {
  XmlFile file;
  if (!file.load(path, problems, "GraphML")) return std::nullopt;
  pugi::xml_node root = file.doc.document_element();
  if (local_name(root.name()) != "graphml") {
    problems.push_back({path, 1, "not a GraphML file: it does not start with <graphml>"});
    return std::nullopt;
  }
  std::vector<GraphmlKey> keys;
  for (pugi::xml_node k : children_named(root, "key")) {
    GraphmlKey key{k.attribute("id").value(), k.attribute("attr.name").value(), k.attribute("for").value()};
    key.node_graphics = std::string_view(k.attribute("yfiles.type").value()) == "nodegraphics";
    keys.push_back(key);
  }
  ImportedNetwork n;
  n.tool = "GraphML";
  n.node_file = path;
  n.link_file = path;
  for (pugi::xml_node graph : children_named(root, "graph")) collect_graphml(graph, keys, file, n);
  return n;
}

std::optional<ImportedNetwork> read_gexf(const std::string& path, Problems& problems) {
  XmlFile file;
  if (!file.load(path, problems, "GEXF")) return std::nullopt;
  pugi::xml_node root = file.doc.document_element();
  pugi::xml_node graph = child_named(root, "graph");
  if (local_name(root.name()) != "gexf" || !graph) {
    problems.push_back({path, 1, "not a GEXF file: it does not start with <gexf> holding a <graph>"});
    return std::nullopt;
  }
  // Attribute ids -> titles, per class.
  std::vector<std::pair<std::string, std::string>> node_titles, edge_titles;
  for (pugi::xml_node attributes : children_named(graph, "attributes")) {
    auto& titles = std::string_view(attributes.attribute("class").value()) == "edge" ? edge_titles : node_titles;
    for (pugi::xml_node a : children_named(attributes, "attribute"))
      titles.emplace_back(a.attribute("id").value(), a.attribute("title").value());
  }
  auto values = [](pugi::xml_node element, const std::vector<std::pair<std::string, std::string>>& titles,
                   Attributes& out) {
    for (pugi::xml_node v : children_named(child_named(element, "attvalues"), "attvalue")) {
      const char* id = v.attribute("for") ? v.attribute("for").value() : v.attribute("id").value();  // GEXF 1.0: id
      for (const auto& [aid, title] : titles)
        if (aid == id) out.emplace_back(title, trim(v.attribute("value").value()));
    }
  };
  ImportedNetwork n;
  n.tool = "GEXF";
  n.node_file = path;
  n.link_file = path;
  for (pugi::xml_node node_element : children_named(child_named(graph, "nodes"), "node")) {
    ImportedNode node;
    node.key = node_element.attribute("id").value();
    node.label = trim(node_element.attribute("label").value());
    if (node.label.empty()) node.label = node.key;
    node.line = file.line_of(node_element);
    values(node_element, node_titles, node.attributes);
    n.nodes.push_back(std::move(node));
  }
  const std::optional<bool> default_directed = directed_of(graph.attribute("defaultedgetype").value());
  for (pugi::xml_node edge : children_named(child_named(graph, "edges"), "edge")) {
    ImportedLink link;
    link.from = edge.attribute("source").value();
    link.to = edge.attribute("target").value();
    link.line = file.line_of(edge);
    link.directed = edge.attribute("type") ? directed_of(edge.attribute("type").value()) : default_directed;
    if (edge.attribute("weight")) link.attributes.emplace_back("weight", edge.attribute("weight").value());
    if (edge.attribute("label")) link.attributes.emplace_back("label", edge.attribute("label").value());
    values(edge, edge_titles, link.attributes);
    n.links.push_back(std::move(link));
  }
  return n;
}

}  // namespace tablemap
