// Bounds on what a JSON file may hold before it is parsed: nesting depth and
// numbers a double can hold. The parser and the code that copies and prints
// values recurse once per level, so a file of 100,000 '[' would overflow the
// stack; `1e999` makes nlohmann throw without saying where.
#pragma once

#include <string>
#include <string_view>

#include "core/problem.hpp"

namespace tablemap {

// Deeper than any tablemap file needs (a community.json is at most 4 deep).
inline constexpr size_t kMaxJsonDepth = 64;

// One linear pass over `text` (JSON with // and /* */ comments): adds a
// FILE:LINE problem for the first value nested deeper than kMaxJsonDepth and
// for each number too large for a double; returns false if it added any.
bool check_json_limits(std::string_view text, const std::string& file, Problems& problems);

}  // namespace tablemap
