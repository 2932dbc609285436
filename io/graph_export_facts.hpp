// Inside io/graph_export: what each node and edge says, computed once for
// every format, and the escaping of XML and DOT text. Not for other callers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.hpp"
#include "core/network.hpp"
#include "core/palette.hpp"
#include "core/xml_text.hpp"  // append_xml
#include "io/graph_export.hpp"

namespace tablemap::graph_export {

// The role that gives an organization its shape, strongest first (the map's glyphs).
enum class Glyph : uint8_t { none, convener, backbone, anchor };
std::string_view to_string(Glyph g);  // "", "convener", "backbone", "anchor"

struct NodeFacts {
  std::vector<bool> at_table;
  std::vector<std::string> roles;  // distinct role kinds, ";"-separated
  std::vector<Glyph> glyph;
};
NodeFacts node_facts(const Community& c);

struct EdgeFacts {
  uint32_t source, target;  // a one-way edge runs from giver to receiver
  bool directed;
  bool confirmed;
  std::string kinds;        // ";"-separated
  TieKind main_kind;        // the most binding kind, which gives the color
  int strength;
};
EdgeFacts edge_facts(const Relationship& r);

const char* true_false(bool b);
// "Millbrook Valley (2025)".
std::string community_label(const Community& c);
// "12.5" with at most two decimals, no trailing zeros, for coordinates.
std::string number(double v);

// A DOT double-quoted string ("\"" and "\\" escaped, line breaks as \n, NUL dropped).
void append_dot(std::string& out, std::string_view s);

std::string to_dot(const Community& c, const Network& net, const GraphExportOptions& options);
std::string to_kumu(const Community& c, const Network& net, const GraphExportOptions& options);

}  // namespace tablemap::graph_export
