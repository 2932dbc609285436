// XML text for the exports and the report: the rules live in core/escape.hpp
// (one home, shared with the map's SVG export); this header keeps the name
// the exporters use.
#pragma once

#include <string>
#include <string_view>

#include "core/escape.hpp"

namespace tablemap {

inline void append_xml(std::string& out, std::string_view text) { append_xml_text(out, text); }

}  // namespace tablemap
