#include "core/xml_text.hpp"

namespace tablemap {

void append_xml(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;  // kept in attribute values, which XML would turn into spaces
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: {
        const auto u = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
        if (u(i) < 0x20) break;  // not allowed in XML 1.0, even escaped
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
        if (u(i) == 0xEF && i + 2 < s.size() && u(i + 1) == 0xBF && (u(i + 2) == 0xBE || u(i + 2) == 0xBF)) {
          i += 2;
          break;
        }
        out += ch;
      }
    }
  }
}

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_xml(out, text);
  return out;
}

}  // namespace tablemap
