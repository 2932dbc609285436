// Where each organization sits on the map, for the exports and the report:
// the positions a .tablemap project file kept for that year when they cover
// every organization, else a fresh Graphviz layout (viz/layout). Lives in
// app/ because io and analysis cannot depend on viz.
#pragma once

#include <string>
#include <vector>

#include "core/community.hpp"
#include "core/network.hpp"
#include "io/graph_export.hpp"

namespace tablemap::app {

// One point per organization (Graphviz points, y up); empty when the layout failed.
std::vector<GraphPoint> map_positions(const std::string& path, const Community& community, const Network& network);

}  // namespace tablemap::app
