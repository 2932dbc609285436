#include "app/common.hpp"

#include <cstdio>

#include "io/load.hpp"

namespace tablemap::app {

std::optional<Community> load_or_report(const std::string& path, int year) {
  return community_or_report(load_community(path, year), path);
}

std::optional<Community> community_or_report(LoadResult r, const std::string& path) {
  if (r.ok()) return std::move(r.community);
  for (const Problem& p : r.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
  std::fprintf(stderr, "tablemap: %zu problem%s in %s; nothing was loaded. Fix the lines above and try again.\n",
               r.problems.size(), r.problems.size() == 1 ? "" : "s", path.c_str());
  return std::nullopt;
}

void print_json(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

}  // namespace tablemap::app
