// A save killed at any moment (SIGKILL: no cleanup runs) must leave a project
// file that opens and holds either the snapshot from before or the new one,
// whole, and every other year untouched. A save is a transaction on the file
// itself: a killed one leaves SQLite's journal beside the file, and the next
// open rolls the half-done save back.
#include <algorithm>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "core/synthetic.hpp"
#include "io/atomic_folder.hpp"
#include "io/bundle.hpp"
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

// Files beside big.tablemap: only SQLite's journal of a save that was cut off.
size_t leftovers_in(const ScratchFolder& scratch) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(scratch.path())) {
    std::string name = e.path().filename();
    if (name != "big.tablemap") {
      CHECK(name == "big.tablemap-journal");
      ++n;
    }
  }
  return n;
}

// Forks a process that runs `save` (in a loop when `repeat`), kills it
// `seconds` after it says it has started (so that the fork itself, slow for a
// big sanitized process, is not counted), and returns whether it was still
// running (it had not finished).
template <class Save>
bool kill_while_saving(double seconds, bool repeat, Save save) {
  int started_pipe[2];
  REQUIRE(pipe(started_pipe) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    try {
      if (write(started_pipe[1], "s", 1) != 1) _exit(4);
      for (int round = 1;; ++round) {
        save(round);
        if (!repeat) _exit(0);
      }
    } catch (...) {
      _exit(3);
    }
  }
  char byte = 0;
  REQUIRE(read(started_pipe[0], &byte, 1) == 1);
  close(started_pipe[0]);
  close(started_pipe[1]);
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  REQUIRE(kill(pid, SIGKILL) == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE((WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));  // killed, or saved; never failed
  return WIFSIGNALED(status);
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
    bool killed = kill_while_saving(moments[child] * save_seconds, true,
                                    [&](int round) { save_project(version_of(base, child, round), path); });
    REQUIRE(killed);  // it was still saving, not failed
    if (leftovers_in(scratch) > 0) ++killed_mid_save;
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

  // The next open rolled the journal back; the next save leaves nothing beside the file.
  save_project(initial, path);
  CHECK(leftovers_in(scratch) == 0);
  CHECK(check_whole(path).name == "initial");
}

TEST_CASE("adding a year killed at any moment leaves the years already held whole", "[project][kill]") {
  ScratchFolder scratch("kill");
  GenerateOptions options;
  options.organizations = 50000;
  options.seed = 12;
  options.year = 2024;
  Community y2024 = generate_community(options);
  options.seed = 13;
  options.year = 2025;
  Community y2025 = generate_community(options);
  const std::string path = scratch / "big.tablemap";
  save_project(y2024, path);
  save_project(y2025, path);

  // Each kill tries to add one new year: 2026, 2027, ...; a year whose save
  // finished is kept, so the file grows by the years that made it.
  options.seed = 14;
  double save_seconds = 0;
  {
    options.year = 2099;  // timed once on a copy, to pace the kills
    ScratchFolder timing("kill-timing");
    std::filesystem::copy_file(path, timing / "big.tablemap");
    Community trial = generate_community(options);
    auto started = std::chrono::steady_clock::now();
    save_project(trial, timing / "big.tablemap");
    save_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }
  INFO("adding one year takes " << save_seconds << " s");

  // Kills within one save's time: each lands mid-save, or just after a save
  // that ran faster than the timed one (then its year is there).
  const double moments[] = {0.1, 0.3, 0.5, 0.7, 0.9};
  std::vector<int> held = {2024, 2025};
  int killed_mid_save = 0, added_before_kill = 0;
  auto check_years_held = [&](const Community& next, bool killed) {
    LoadResult r2024 = load_project(path, 2024);
    REQUIRE(r2024.ok());
    CHECK(*r2024.community == y2024);
    LoadResult r2025 = load_project(path, 2025);
    REQUIRE(r2025.ok());
    CHECK(*r2025.community == y2025);
    Problems problems;
    std::vector<int> years = project_years(path, problems);
    REQUIRE(problems.empty());
    if (years.size() == held.size() + 1) {
      REQUIRE(years.back() == options.year);
      LoadResult now = load_project(path, options.year);
      REQUIRE(now.ok());
      CHECK(*now.community == next);  // the new year is there whole, or not at all
      held = years;
      return true;
    }
    CHECK(killed);
    CHECK(years == held);
    return false;
  };
  for (int i = 0; i < int(std::size(moments)); ++i) {
    options.year = 2026 + i;
    Community next = generate_community(options);
    bool killed = kill_while_saving(moments[i] * save_seconds, false, [&](int) { save_project(next, path); });
    if (leftovers_in(scratch) > 0) ++killed_mid_save;
    if (check_years_held(next, killed)) ++added_before_kill;
  }
  INFO("killed mid-save " << killed_mid_save << " times; a year added before its kill " << added_before_kill
                          << " times");
  CHECK(killed_mid_save >= 2);

  // After the killed saves, a save left to finish rolls their journal back
  // and adds its year; the years before stay whole.
  options.year = 2026 + int(std::size(moments));
  Community last = generate_community(options);
  save_project(last, path);
  CHECK(check_years_held(last, false));
  CHECK(leftovers_in(scratch) == 0);
}

// ---- bundle folders ---------------------------------------------------------

namespace {

using FolderText = std::map<std::string, std::string>;  // file name -> bytes

FolderText folder_text(const std::string& folder) {
  FolderText text;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    text[e.path().filename().string()] = tablemap::test::read_text(e.path().string());
  return text;
}

Community bundle_version(const std::string& name, uint32_t organizations) {
  GenerateOptions options;
  options.organizations = organizations;
  options.seed = 5;
  Community c = generate_community(options);
  c.profile.name = name;
  return c;
}

}  // namespace

TEST_CASE("a bundle save killed at 20 random moments of its writing leaves the old or the new bundle, whole",
          "[bundle][kill]") {
  ScratchFolder scratch("kill-bundle");
  // Two versions that differ in every file: another name, 1,000 more
  // organizations. Encoded before the kills, so that every kill lands while
  // files are written, flushed and swapped in (what save_bundle does after encoding).
  const std::vector<FolderFile> files[2] = {bundle_files(bundle_version("old community", 20000)),
                                            bundle_files(bundle_version("new community", 21000))};
  std::vector<std::string> owned;
  for (const FolderFile& f : files[0]) owned.push_back(f.name);
  FolderText expected[2];
  for (int v = 0; v < 2; ++v)
    for (const FolderFile& f : files[v]) expected[v][f.name] = f.content;

  const std::string folder = scratch / "bundle";
  write_folder_atomically(folder, files[1], owned);
  // A write's length, as the median of three: one write timed alone could be
  // slowed by another test's work (the suite runs two at a time), and kills
  // timed from it would then mostly land after the writes they aim at.
  double times[3];
  for (double& t : times) {
    auto started = std::chrono::steady_clock::now();
    write_folder_atomically(folder, files[0], owned);
    t = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }
  std::sort(std::begin(times), std::end(times));
  const double write_seconds = times[1];
  INFO("one bundle write takes " << write_seconds << " s");
  REQUIRE(folder_text(folder) == expected[0]);

  // Each child writes the other version, then both in turn until killed; it
  // says through a pipe when its first write starts, and the kill lands at a
  // random moment of that write or just after it (seeded, so a failure repeats).
  std::mt19937 random(2026);
  std::uniform_real_distribution<double> moment(0.0, 1.3);
  int mid_write = 0, replaced = 0, current = 0;
  for (int kill_round = 0; kill_round < 20; ++kill_round) {
    int started_pipe[2];
    REQUIRE(pipe(started_pipe) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      try {
        if (write(started_pipe[1], "s", 1) != 1) _exit(4);
        for (int round = 1;; ++round) write_folder_atomically(folder, files[(current + round) % 2], owned);
      } catch (...) {
        _exit(3);
      }
    }
    char byte = 0;
    REQUIRE(read(started_pipe[0], &byte, 1) == 1);
    close(started_pipe[0]);
    close(started_pipe[1]);
    std::this_thread::sleep_for(std::chrono::duration<double>(moment(random) * write_seconds));
    REQUIRE(kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));  // still writing, not failed

    if (!save_leftovers_of(folder).empty()) ++mid_write;
    const FolderText now = folder_text(folder);
    const int which = now == expected[0] ? 0 : now == expected[1] ? 1 : -1;
    INFO("kill " << kill_round << ": the folder holds " << now.size() << " files");
    REQUIRE(which >= 0);  // byte for byte one of the two versions
    if (which != current) ++replaced;
    current = which;
    LoadResult r = load_bundle(folder);
    REQUIRE(r.ok());
    CHECK(r.community->profile.name == (which ? "new community" : "old community"));
  }
  INFO("killed while writing " << mid_write << " times; the folder changed " << replaced << " times");
  CHECK(mid_write >= 8);
  CHECK(replaced >= 1);

  // The next save removes what the killed saves left.
  write_folder_atomically(folder, files[0], owned);
  CHECK(save_leftovers_of(folder).empty());
  CHECK(folder_text(folder) == expected[0]);
}

TEST_CASE("a bundle save that fills the disk leaves the old bundle, whole", "[bundle][kill]") {
  if (geteuid() != 0) {
    WARN("not root: the full-disk test needs to mount a small tmpfs; skipped");
    return;
  }
  ScratchFolder scratch("full-disk");
  const std::string disk = scratch / "disk";
  std::filesystem::create_directory(disk);
  // 2 MB: the small version fits, the big one does not fit beside it.
  if (std::system(("mount -t tmpfs -o size=2m tablemap-test " + disk + " 2>/dev/null").c_str()) != 0) {
    WARN("cannot mount a tmpfs here (a container without the right): full-disk test skipped");
    return;
  }
  struct Unmount {
    std::string at;
    ~Unmount() { (void)std::system(("umount " + at).c_str()); }
  } unmount{disk};

  const Community small = bundle_version("small community", 300), big = bundle_version("big community", 20000);
  const std::string folder = disk + "/bundle";
  save_bundle(small, folder);
  const FolderText before = folder_text(folder);
  try {
    save_bundle(big, folder);
    FAIL("a 20,000-organization bundle fitted in 2 MB");
  } catch (const SaveError& e) {
    CHECK_THAT(e.what(), Catch::Contains("No space left on device") && Catch::Contains("the folder is unchanged"));
  }
  CHECK(folder_text(folder) == before);
  CHECK(save_leftovers_of(folder).empty());
  LoadResult r = load_bundle(folder);
  REQUIRE(r.ok());
  CHECK(r.community->profile.name == "small community");
}
