// The board report of a 10,000-organization generated community, timed as a
// user meets it: `tablemap report` (load, layout, the three analyses, the
// HTML) must take under 5 s, and headless Chromium must open it (render a
// screenshot) and print it in under 10 s each. No reference tool writes such a
// report, so the figures are printed against those targets.
//   bench_report [ORGANIZATIONS]   (default 10000; run under nice -n 19)
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench_support.hpp"

namespace fs = std::filesystem;
using tablemap::bench::seconds_of;

int main(int argc, char** argv) {
  const std::string orgs = argc > 1 ? argv[1] : "10000";
  const fs::path here = fs::absolute(fs::path(argv[0])).parent_path();
  const std::string tablemap = (here.parent_path() / "app" / "tablemap").string();
  const fs::path dir = fs::temp_directory_path() / ("tablemap-bench-report-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string community = (dir / "county").string(), html = (dir / "report.html").string();
  auto run = [](const std::string& cmd) { return std::system((cmd + " >/dev/null 2>&1").c_str()) == 0; };
  if (!run(tablemap + " generate --orgs " + orgs + " --seed 7 " + community)) {
    std::fprintf(stderr, "bench_report: could not run %s generate\n", tablemap.c_str());
    return 1;
  }
  bool ok = true;
  const double write = seconds_of([&] { ok = run(tablemap + " report " + community + " -o " + html) && ok; });
  const std::string chromium = "timeout 300 chromium --headless --no-sandbox --disable-gpu --no-first-run "
                               "--user-data-dir=" + (dir / "profile").string() + " ";
  const double open = seconds_of([&] {
    ok = run(chromium + "--window-size=1280,900 --screenshot=" + (dir / "r.png").string() + " file://" + html) && ok;
  });
  const double print = seconds_of([&] {
    ok = run(chromium + "--no-pdf-header-footer --print-to-pdf=" + (dir / "r.pdf").string() + " file://" + html) && ok;
  });
  std::printf("report of %s organizations: %.2f MB of HTML\n", orgs.c_str(),
              double(fs::file_size(html)) / 1e6);
  std::printf("  tablemap report      %6.2f s   (target < 5 s)   %s\n", write, write < 5 ? "ok" : "SLOW");
  std::printf("  chromium screenshot  %6.2f s   (target < 10 s)  %s\n", open, open < 10 ? "ok" : "SLOW");
  std::printf("  chromium print PDF   %6.2f s   (target < 10 s)  %s\n", print, print < 10 ? "ok" : "SLOW");
  std::error_code ec;
  fs::remove_all(dir, ec);
  return ok ? 0 : 1;
}
