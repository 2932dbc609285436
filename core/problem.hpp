// A problem found in the user's data, reported as FILE:LINE: message.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tablemap {

struct Problem {
  std::string file;   // as the user named it, e.g. "riverbend/ties.csv"
  size_t line = 0;    // 1-based; 0 when the problem concerns the whole file
  std::string message;
  bool warning = false;  // printed marked `warning:`; does not stop a load
  // Problems that can come by the thousand (a header repeating one name
  // 20,000 times) share a group: the words that count the ones not listed,
  // "columns named 'x' repeated" (problem_lines).
  std::string group = {};

  // "riverbend/ties.csv:12: tie to unknown organization 'clinc' ..."
  // Keeps every byte of the message (a cell may hold a NUL): print it with
  // fwrite or a stream, never with %s.
  std::string to_string() const {
    std::string out = file;
    if (line) out += ":" + std::to_string(line);
    out += warning ? ": warning: " : ": ";
    out += message;
    return out;
  }
};

using Problems = std::vector<Problem>;

// The one way problems are listed for a reader: a FILE:LINE: message line per
// problem, each ending in a newline, except that of the problems of one group
// (the same `group` in one file, or the same whole line) only the first
// `shown` are listed (or one more, rather than a line counting one), and then
// one line counts the rest:
// "organizations.csv:1: ... and 19,994 more columns named 'x' repeated".
std::string problem_lines(const Problems& problems, size_t shown = 5);

}  // namespace tablemap
