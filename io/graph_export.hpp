// The organization network for other tools: GraphML (igraph, networkx,
// yEd, Cytoscape), GEXF (Gephi) and DOT (Graphviz). One node per
// organization with its id, name, sector, type, at_table (its own flag or one
// of its people at the table) and roles (distinct role kinds, ";"-separated);
// one edge per related pair with kinds (";"-separated tie kinds), strength
// (the strongest tie, 1..3) and directed (true when the ties flow one way; the
// edge then runs from giver to receiver). O(organizations + relationships).
#pragma once

#include <optional>
#include <string>

#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

enum class GraphFormat { graphml, gexf, dot };

// By the file's ending: .graphml, .gexf, .dot or .gv; nullopt otherwise.
std::optional<GraphFormat> graph_format_of_path(const std::string& path);

// The whole file as text. `network` must be built from `community`.
std::string graph_to_text(const Community& community, const Network& network, GraphFormat format);

// Writes the file atomically (temporary file, fsync, rename). Throws SaveError.
void save_graph(const Community& community, const std::string& path, GraphFormat format);

}  // namespace tablemap
