#include "app/common.hpp"

#include <cstdio>

#include "io/load.hpp"

namespace tablemap::app {

std::optional<Community> load_or_report(const std::string& path, int year) {
  LoadResult r = load_community(path, year);
  // Written whole (fwrite, not %s): a message quoting a cell keeps every byte, even after a NUL.
  auto print = [](const Problem& p) {
    const std::string line = p.to_string() + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
  };
  for (const Problem& p : r.warnings) print(p);
  if (r.ok()) return std::move(r.community);
  for (const Problem& p : r.problems) print(p);
  if (r.wrong_path) throw UsageError("");
  bool any_line = false;
  for (const Problem& p : r.problems) any_line = any_line || p.line != 0;
  std::fprintf(stderr, "tablemap: %zu problem%s in %s; nothing was loaded. %s\n", r.problems.size(),
               r.problems.size() == 1 ? "" : "s", path.c_str(),
               any_line ? "Fix the lines above and try again." : "Fix this and try again.");
  return std::nullopt;
}

void print_json(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

}  // namespace tablemap::app
