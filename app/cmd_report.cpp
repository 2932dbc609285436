// tablemap report PATH [-o report.html] [--pdf report.pdf] [--profiles]: the
// board report (analysis/board_report.hpp), with the map's layout computed
// here because analysis cannot depend on viz; --pdf prints it with headless
// Chromium.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <future>
#include <thread>

#include "analysis/board_report.hpp"
#include "app/command.hpp"
#include "app/common.hpp"
#include "app/map_positions.hpp"
#include "app/pseudonymize_option.hpp"
#include "core/network.hpp"
#include "io/load.hpp"

extern char** environ;

namespace tablemap::app {
namespace {

struct ReportArgs {
  std::string path;
  std::string out = "report.html";
  std::string pdf;
  std::string survey;
  bool profiles = false;
};

// The first of the browsers Debian and others ship that is on PATH.
std::string find_chromium() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
    size_t at = 0;
    while (at <= dirs.size()) {
      size_t end = dirs.find(':', at);
      if (end == std::string::npos) end = dirs.size();
      const std::string candidate = dirs.substr(at, end - at) + "/" + name;
      if (!dirs.substr(at, end - at).empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
      at = end + 1;
    }
  }
  return "";
}

// Runs Chromium headless to print `html` to `pdf`; "" when it worked, else what went wrong.
std::string print_pdf(const std::string& chromium, const std::string& html, const std::string& pdf) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path profile = fs::temp_directory_path() / ("tablemap-chromium-" + std::to_string(getpid()));
  const fs::path log = profile.string() + ".log";
  const std::string url = "file://" + fs::absolute(html).string();
  const std::string target = fs::absolute(pdf).string();
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--user-data-dir=" + profile.string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + target,
                                   url};
  if (geteuid() == 0) args.insert(args.begin() + 1, "--no-sandbox");  // Chromium refuses to run as root otherwise
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // its own group, so a timeout ends all its processes
  posix_spawnattr_setpgroup(&attr, 0);
  fs::remove(target, ec);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, chromium.c_str(), &files, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) return "could not start " + chromium;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      fs::remove_all(profile, ec);
      return "Chromium did not finish printing within 120 seconds";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  fs::remove_all(profile, ec);
  if (!fs::exists(target) || fs::file_size(target, ec) == 0)
    return "Chromium wrote no PDF (its messages are in " + log.string() + ")";
  fs::remove(log, ec);
  return "";
}

std::string today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%d %B %Y", &tm);
  return buf[0] == '0' ? buf + 1 : buf;
}

CommandRegistration registration{75, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "report",
      "Write the board report: one HTML file (opens in any browser, prints cleanly) with a one-page\n"
      "summary and next steps, the table, backbone roles and the network's structure; with --survey\n"
      "(or ties from survey import) the partner survey's trust, value and response rate.\n"
      "Example: tablemap report datasets/riverbend -o riverbend-report.html --pdf riverbend-report.pdf\n"
      "         tablemap report datasets/silos --survey datasets/silos/survey-2026 -o silos-report.html");
  auto a = std::make_shared<ReportArgs>();
  cmd->add_option("PATH", a->path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_option("-o,--output", a->out, "the HTML file to write (default report.html)");
  cmd->add_option("--pdf", a->pdf, "also print it to this PDF file (needs Chromium: apt-get install chromium)");
  cmd->add_flag("--profiles", a->profiles, "add one page per organization, to hand back to each partner");
  cmd->add_option("--survey", a->survey,
                  "add the partner survey's scores (response rate, trust and value per partner): a survey folder,\n"
                  "workbook or filled forms (docs/survey.md); without it, a community whose ties came from\n"
                  "survey import shows what their survey columns say");
  auto privacy = add_pseudonymize_option(cmd);
  return [a, privacy] {
    auto loaded = load_or_report(a->path);
    if (!loaded) return kBadData;
    // The survey names organizations as the files do, so it is read before any pseudonyms (rows stay in place).
    std::optional<SurveyScores> scores;
    if (!a->survey.empty()) {
      auto survey = survey_or_report(a->survey, *loaded, "no report was written");
      if (!survey) return kBadData;
      const SurveyTies ties = survey_ties(*survey, loaded->organizations.size());
      scores = score_survey(*loaded, *survey, ties);
    }
    auto community = apply_pseudonymize(*privacy, std::move(*loaded));
    if (!community) return kBadUsage;
    Network network(*community);
    BoardReportOptions options;
    options.profiles = a->profiles;
    options.generated = today();
    if (scores) options.survey = &*scores;
    // The picture's layout (Graphviz, most of the time on a large network)
    // runs on one core while the analyses run on the other.
    auto layout = std::async(std::launch::async, [&] { return map_positions(a->path, *community, network); });
    const BoardAnalyses analyses = board_analyses(*community, network);
    for (const GraphPoint& p : layout.get()) options.positions.push_back({p.x, p.y});
    // A project file with a year before the one reported: "Change since".
    if (const int previous = year_before(a->path)) {
      auto before = load_or_report(split_snapshot_path(a->path).file, previous);
      if (!before) return kBadData;
      auto shown_before = apply_pseudonymize(*privacy, std::move(*before));
      if (!shown_before) return kBadUsage;
      options.since_last_year = compare_communities(*shown_before, *community, CompareOptions{});
    }
    try {
      write_file_atomically(a->out, board_report_html(*community, network, analyses.gaps, analyses.roles,
                                                      analyses.metrics, options));
    } catch (const SaveError& e) {
      std::fprintf(stderr, "tablemap: %s\n", e.what());
      return kBadData;
    }
    std::printf("wrote %s: the board report of %s (%zu organizations); open it in a browser\n", a->out.c_str(),
                community->profile.name.c_str(), community->organizations.size());
    if (a->pdf.empty()) return kOk;
    const std::string chromium = find_chromium();
    if (chromium.empty()) {
      std::fprintf(stderr,
                   "tablemap report: no PDF written: printing needs Chromium, which is not installed.\n"
                   "  Install it (sudo apt-get install chromium) and run the command again, or open %s in\n"
                   "  any browser and choose Print > Save as PDF.\n",
                   a->out.c_str());
      return kBadData;
    }
    if (std::string error = print_pdf(chromium, a->out, a->pdf); !error.empty()) {
      std::fprintf(stderr, "tablemap report: no PDF written: %s. Open %s in a browser and choose Print > Save as PDF.\n",
                   error.c_str(), a->out.c_str());
      return kBadData;
    }
    std::printf("wrote %s\n", a->pdf.c_str());
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
