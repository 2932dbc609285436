// The organization network for other tools, each file opening there as it
// is: GraphML (igraph, networkx, yEd, Gephi, Cytoscape), GEXF 1.2draft
// (Gephi, networkx), DOT (Graphviz) and a Kumu blueprint (.kumu.json).
//
// One node per organization with its id, name, sector, type, at_table (its
// own flag or one of its people at the table) and roles (distinct role
// kinds, ";"-separated); one edge per related pair with kinds (";"-separated
// tie kinds), strength (the strongest tie, 1..3), confirmed and directed
// (true when the ties flow one way; the edge then runs from giver to
// receiver). Every graph is undirected, so no reader meets directed and
// undirected edges mixed; the direction of one-way ties lives in `directed`
// plus the edge's order (DOT also draws their arrow). Nodes carry the map's
// sector color and, when given, the layout's position. docs/exchange.md
// lists what each format holds. O(organizations + relationships).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

enum class GraphFormat { graphml, gexf, dot, kumu };

// By the file's ending: .graphml, .gexf, .dot or .gv, .kumu.json; nullopt otherwise.
std::optional<GraphFormat> graph_format_of_path(const std::string& path);

struct GraphPoint {
  double x = 0, y = 0;  // Graphviz points, y up
};

struct GraphExportOptions {
  // One per organization (a layout, e.g. viz/layout), or empty for none: io
  // cannot run the layout itself, the caller passes its result.
  std::vector<GraphPoint> positions;
};

// The whole file as text. `network` must be built from `community`.
std::string graph_to_text(const Community& community, const Network& network, GraphFormat format,
                          const GraphExportOptions& options = {});

// Writes the file atomically (temporary file, fsync, rename). Throws SaveError.
void save_graph(const Community& community, const Network& network, const std::string& path, GraphFormat format,
                const GraphExportOptions& options = {});

// What the file holds and what it leaves out, in a few lines for `convert`:
// "holds: 18 organizations (...) and 25 relationships (...)" / "leaves out: ...".
std::string describe_graph_export(const Community& community, const Network& network, GraphFormat format,
                                  bool with_positions);

}  // namespace tablemap
