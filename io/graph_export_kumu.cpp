// A Kumu blueprint (Kumu's JSON import): "elements" with label, type,
// description, tags and fields, "connections" from/to element labels with
// type, direction, tags and fields. The element type is the sector, so
// Kumu's legend groups organizations by sector; the connection type is the
// most binding tie kind. Kumu matches connections to elements by label, so
// two organizations of the same name get their id after the name.
#include <map>

#include <nlohmann/json.hpp>

#include "io/graph_export_facts.hpp"

namespace tablemap::graph_export {

std::string to_kumu(const Community& c, const Network& net, const GraphExportOptions& /*options*/) {
  using json = nlohmann::ordered_json;
  NodeFacts f = node_facts(c);
  std::map<std::string, int> name_count;
  for (const Organization& o : c.organizations) ++name_count[o.name];
  std::vector<std::string> labels;
  labels.reserve(c.organizations.size());
  for (const Organization& o : c.organizations)
    labels.push_back(name_count[o.name] > 1 || o.name.empty() ? o.name + " (" + o.id + ")" : o.name);

  json elements = json::array();
  for (uint32_t i = 0; i < c.organizations.size(); ++i) {
    const Organization& o = c.organizations[i];
    json tags = json::array();
    if (f.at_table[i]) tags.push_back("at the table");
    if (c.profile.is_required(o.sector)) tags.push_back("key sector");
    for (size_t at = 0; at < f.roles[i].size();) {  // the role kinds, ";"-separated
      size_t end = f.roles[i].find(';', at);
      if (end == std::string::npos) end = f.roles[i].size();
      tags.push_back(f.roles[i].substr(at, end - at));
      at = end + 1;
    }
    elements.push_back({{"label", labels[i]},
                        {"type", c.sector_name(o.sector)},
                        {"description", o.name + " (" + std::string(to_string(o.type)) + ", " +
                                            c.sector_name(o.sector) + (f.at_table[i] ? ", at the table" : "") + ")"},
                        {"tags", tags},
                        {"tablemap id", o.id},
                        {"sector", c.sector_name(o.sector)},
                        {"organization type", to_string(o.type)},
                        {"at table", f.at_table[i] ? "yes" : "no"},
                        {"roles", f.roles[i]},
                        {"color", hex(sector_rgb(o.sector))}});
  }
  json connections = json::array();
  for (const Relationship& r : net.relationships()) {
    EdgeFacts e = edge_facts(r);
    json tags = json::array();
    for (int k = 0; k < kTieKindCount; ++k)
      if (r.has(TieKind(k))) tags.push_back(to_string(TieKind(k)));
    if (!e.confirmed) tags.push_back("not confirmed");
    connections.push_back({{"from", labels[e.source]},
                           {"to", labels[e.target]},
                           {"type", to_string(e.main_kind)},
                           {"direction", e.directed ? "directed" : "undirected"},
                           {"tags", tags},
                           {"strength", e.strength},
                           {"kinds", e.kinds},
                           {"confirmed", e.confirmed ? "yes" : "no"}});
  }
  json blueprint = {{"elements", elements}, {"connections", connections}};
  return blueprint.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace tablemap::graph_export
