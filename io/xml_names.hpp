// Finding XML elements and attributes by their local name, without the
// namespace prefix: workbooks from some writers (the .NET SDK) prefix every
// element ("x:row"), GraphML from yEd mixes "y:" elements in, and the readers
// of both must not care.
#pragma once

#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace tablemap {

inline std::string_view local_name(const char* name) {
  std::string_view s(name);
  size_t colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

inline pugi::xml_node child_named(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (local_name(c.name()) == name) return c;
  return {};
}

inline std::vector<pugi::xml_node> children_named(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : node.children())
    if (local_name(c.name()) == name) out.push_back(c);
  return out;
}

// An attribute by local name ("r:id" and "id" under another prefix alike); "" when absent.
inline const char* attribute_named(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes())
    if (local_name(a.name()) == name) return a.value();
  return "";
}

}  // namespace tablemap
