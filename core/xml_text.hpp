// Text inside XML, SVG and HTML (content and attribute values), for every
// writer of markup: the GraphML and GEXF exports, the SVG charts and the
// board report. Characters XML 1.0 forbids even as references (NUL and the
// other C0 controls but tab and line breaks, U+FFFE, U+FFFF) are dropped;
// line breaks and tabs become character references, so attribute values
// keep them. The one XML escape of tablemap.
#pragma once

#include <string>
#include <string_view>

namespace tablemap {

void append_xml(std::string& out, std::string_view text);
std::string xml_text(std::string_view text);

}  // namespace tablemap
