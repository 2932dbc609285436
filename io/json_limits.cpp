#include "io/json_limits.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace tablemap {

bool check_json_limits(std::string_view text, const std::string& file, Problems& problems) {
  const size_t before = problems.size();
  size_t line = 1, depth = 0;
  bool too_deep = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (c == '"') {  // a string: skip to its closing quote
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '\n') ++line;  // invalid JSON, but keep the count right
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      // Where nlohmann's reader ends a // comment: a line end, or a NUL byte
      // (what follows a NUL is read as JSON again, so it is checked too).
      while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r' && text[i + 1] != '\0') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      for (i += 2; i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/'); ++i)
        if (text[i] == '\n') ++line;
      ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth && !too_deep) {
        too_deep = true;
        problems.push_back({file, line, "values are nested more than " + std::to_string(kMaxJsonDepth) +
                                            " levels deep here; a tablemap file never needs that many [ or {"});
      }
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = i;
      while (end < text.size() && (std::isdigit((unsigned char)text[end]) || text[end] == '-' || text[end] == '+' ||
                                   text[end] == '.' || text[end] == 'e' || text[end] == 'E'))
        ++end;
      const std::string number(text.substr(i, end - i));
      const double value = std::strtod(number.c_str(), nullptr);
      if (std::isinf(value))
        problems.push_back({file, line, "the number " + (number.size() > 24 ? number.substr(0, 20) + "..." : number) +
                                            " is too large; write the real figure"});
      i = end - 1;
    }
  }
  return problems.size() == before;
}

}  // namespace tablemap
