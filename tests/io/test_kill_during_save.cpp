// A save killed at any moment (SIGKILL: no cleanup runs) must leave a project
// file that opens and holds either the snapshot from before or the new one,
// whole; a temporary file left behind is never taken for the project.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "core/synthetic.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"
#include "io/sample_community.hpp"

using namespace tablemap;
using tablemap::test::ScratchFolder;

namespace {

// Version `round` of the community: the name says which child wrote it, the
// first and last organizations repeat it, and odd rounds have one more
// organization, so a snapshot mixed from two saves shows at once.
Community version_of(const Community& base, int child, int round) {
  Community c = base;
  std::string tag = "child " + std::to_string(child) + " round " + std::to_string(round);
  c.profile.name = tag;
  auto& orgs = c.organizations.edit();
  if (round % 2) {
    Organization extra = orgs.back();
    extra.id = "extra-organization";
    orgs.push_back(extra);
  }
  orgs.front().name = "first of " + tag;
  orgs.back().name = "last of " + tag;
  return c;
}

struct Seen {
  std::string name;
  size_t organizations = 0;
};

// Checks that the file opens and holds one whole version; returns what it holds.
Seen check_whole(const std::string& path) {
  LoadResult r = load_project(path);
  std::string problems;
  for (const auto& p : r.problems) problems += p.to_string() + "\n";
  INFO(problems);
  REQUIRE(r.ok());
  const Community& c = *r.community;
  Seen seen{c.profile.name, c.organizations.size()};
  if (seen.name == "initial") return seen;
  CHECK(c.organizations.rows().front().name == "first of " + seen.name);
  CHECK(c.organizations.rows().back().name == "last of " + seen.name);
  int round = std::stoi(seen.name.substr(seen.name.rfind(' ') + 1));
  CHECK(seen.organizations == 50000u + size_t(round % 2));
  return seen;
}

size_t temporaries_in(const ScratchFolder& scratch) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(scratch.path())) {
    std::string name = e.path().filename();
    if (name != "big.tablemap") {
      CHECK(name.rfind(".big.tablemap.saving-", 0) == 0);  // nothing else, e.g. no journal beside the file
      ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("a save killed at any moment leaves the old or the new snapshot, whole", "[project][kill]") {
  ScratchFolder scratch("kill");
  GenerateOptions options;
  options.organizations = 50000;
  options.seed = 11;
  options.year = 2026;
  Community base = generate_community(options);
  const std::string path = scratch / "big.tablemap";

  Community initial = base;
  initial.profile.name = "initial";
  auto started = std::chrono::steady_clock::now();
  save_project(initial, path);
  double save_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  INFO("one save takes " << save_seconds << " s");

  // Kill moments as fractions of one save, so that a busy machine still sees
  // kills early in a save, late in a save, and between saves.
  const double moments[] = {0.05, 0.25, 0.5, 0.75, 0.95, 1.2, 1.6, 2.1, 2.7, 3.4};
  Seen before = check_whole(path);
  int killed_mid_save = 0, replaced = 0;
  for (int child = 0; child < int(std::size(moments)); ++child) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      try {
        for (int round = 1;; ++round) save_project(version_of(base, child, round), path);
      } catch (...) {
        _exit(3);
      }
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(moments[child] * save_seconds));
    REQUIRE(kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));  // it was still saving, not failed

    if (temporaries_in(scratch) > 0) ++killed_mid_save;
    Seen now = check_whole(path);
    if (now.name != before.name) {
      ++replaced;
      CHECK(now.name.rfind("child " + std::to_string(child) + " round ", 0) == 0);
    }
    before = now;
  }
  INFO("killed mid-save " << killed_mid_save << " times; file replaced " << replaced << " times");
  CHECK(killed_mid_save >= 3);
  CHECK(replaced >= 1);

  // The next save clears the temporaries of the killed saves.
  save_project(initial, path);
  CHECK(temporaries_in(scratch) == 0);
  CHECK(check_whole(path).name == "initial");
}
