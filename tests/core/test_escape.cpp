// Text from the user's files made safe for the terminal, XML and DOT. Each
// expectation is written out by hand from the rule in core/escape.hpp.
#include <catch2/catch.hpp>
#include <string>

#include "core/escape.hpp"

using namespace tablemap;
using namespace std::string_literals;

TEST_CASE("the terminal sees control characters shown, not obeyed", "[escape]") {
  // ESC [2J clears the screen; ESC ] 0 ; ... BEL retitles the window.
  CHECK(escape_for_terminal("Bakery\x1b[2J") == "Bakery\\x1b[2J");
  CHECK(escape_for_terminal("x\x1b]0;owned\x07y") == "x\\x1b]0;owned\\x07y");
  CHECK(escape_for_terminal("a\0b"s) == "a\\x00b");
  CHECK(escape_for_terminal("a\rb") == "a\\x0db");
  CHECK(escape_for_terminal("DEL\x7f") == "DEL\\u007f");
  // U+009B (UTF-8 C2 9B) is a one-byte CSI for some terminals.
  CHECK(escape_for_terminal("csi\xC2\x9B" "2J") == "csi\\u009b2J");
  // Tab, line breaks and ordinary UTF-8 (including C2 A0, no-break space) stay.
  CHECK(escape_for_terminal("Caf\xC3\xA9\tA\xC2\xA0" "B\n") == "Caf\xC3\xA9\tA\xC2\xA0" "B\n");
}

TEST_CASE("XML text holds only what XML 1.0 allows", "[escape]") {
  CHECK(xml_text("Tom & Jerry's <shop> \"x\"") == "Tom &amp; Jerry&apos;s &lt;shop&gt; &quot;x&quot;");
  CHECK(xml_text("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
  // U+FFFE (EF BF BE), U+FFFF (EF BF BF), a control character, a stray byte,
  // a NUL: none is an XML 1.0 character, each is dropped.
  CHECK(xml_text("a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c\x01" "d\xFF") == "abcd");
  CHECK(xml_text("nul\0!"s) == "nul!");
  // Characters above the BMP and just below U+FFFE pass.
  CHECK(xml_text("\xF0\x9F\x8C\xB3 \xEF\xBF\xBD") == "\xF0\x9F\x8C\xB3 \xEF\xBF\xBD");
}

TEST_CASE("DOT strings keep quotes, backslashes and line breaks readable for dot", "[escape]") {
  std::string out;
  append_dot_string(out, "say \"hi\" \\ bye\nnext");
  CHECK(out == "\"say \\\"hi\\\" \\\\ bye\\nnext\"");
  out.clear();
  append_dot_string(out, "a\0b\x01" "c\r"s);
  CHECK(out == "\"ab\x01" "c\"");
}
