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

  // "riverbend/ties.csv:12: tie to unknown organization 'clinc' ..."
  std::string to_string() const {
    return line ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
  }
};

using Problems = std::vector<Problem>;

}  // namespace tablemap
