#include "core/problem.hpp"

#include <unordered_map>

#include "core/vocabulary.hpp"

namespace tablemap {

namespace {

// What makes problems one group: their file and kind (error or warning) and
// their group's words; without words, the whole line.
std::string group_key(const Problem& p, const std::string& line) {
  if (p.group.empty()) return "=" + line;
  return std::string(p.warning ? "w" : "e") + p.file + '\0' + p.group;
}

}  // namespace

std::string problem_lines(const Problems& problems, size_t shown) {
  std::unordered_map<std::string, size_t> total, listed;
  for (const Problem& p : problems) ++total[group_key(p, p.to_string())];
  std::string out;
  for (const Problem& p : problems) {
    const std::string line = p.to_string();
    const std::string key = group_key(p, line);
    const size_t n = ++listed[key], of = total[key];
    // A line counting one problem would be no shorter than the problem itself.
    if (n <= shown || of == shown + 1) {
      out += line + "\n";
    } else if (n == shown + 1) {
      // The first problem not listed stands for the rest, at its FILE:LINE.
      const std::string rest = thousands(int64_t(of - shown));
      Problem more{p.file, p.line, "", p.warning};
      more.message =
          p.group.empty() ? "... and the same problem " + rest + " more times" : "... and " + rest + " more " + p.group;
      out += more.to_string() + "\n";
    }
  }
  return out;
}

}  // namespace tablemap
