#include "app/common.hpp"

#include <cstdio>

#include "io/load.hpp"

namespace tablemap::app {

std::optional<Community> load_or_report(const std::string& path, int year) {
  LoadResult r = load_community(path, year);
  if (r.ok()) return std::move(r.community);
  for (const Problem& p : r.problems) {
    const std::string line = p.to_string() + "\n";  // fwrite, not %s: a NUL in a name must not cut the line
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
  std::fprintf(stderr, "tablemap: %zu problem%s in %s; nothing was loaded. Fix the lines above and try again.\n",
               r.problems.size(), r.problems.size() == 1 ? "" : "s", path.c_str());
  return std::nullopt;
}

void print_json(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

}  // namespace tablemap::app
