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

}  // namespace tablemap
