// Text from the user's files, made safe for each place it is written to.
// One home for these rules: the CLI's output filter, the GraphML/GEXF/DOT
// exports and the map's SVG export all call them.
#pragma once

#include <string>
#include <string_view>

namespace tablemap {

// For a terminal: control characters are shown, not obeyed. C0 controls
// other than tab and line break become "\x1b"; DEL and the C1 controls
// (UTF-8 C2 80..C2 9F, which some terminals take as ESC [) become "\u009b",
// a form that stays valid inside a JSON string. Everything else is kept.
std::string escape_for_terminal(std::string_view text);

// Appends `text` for XML 1.0 content or an attribute value: & < > " ' as
// entities, tab and line breaks as character references; what XML 1.0
// cannot hold at all (other control characters, U+FFFE, U+FFFF, invalid
// UTF-8) is dropped.
void append_xml_text(std::string& out, std::string_view text);
std::string xml_text(std::string_view text);

// Appends `text` as a DOT double-quoted string, quotes included: " and \ are
// escaped, a line break is \n; NUL (which ends a string in Graphviz's
// reader) and CR are dropped, other control characters kept (dot reads them).
void append_dot_string(std::string& out, std::string_view text);

}  // namespace tablemap
