// One writer at a time: two processes saving into one project file both get
// their snapshots in, a writer that waits too long is told who holds the
// file, and a change by another program since opening is noticed.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "core/synthetic.hpp"
#include "io/bundle.hpp"
#include "io/file_lock.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"
#include "io/sample_community.hpp"

using namespace tablemap;
using tablemap::test::ScratchFolder;
using tablemap::test::write_text;
namespace fs = std::filesystem;

TEST_CASE("two processes adding snapshots to one project file: every snapshot reported written is there",
          "[lock]") {
  ScratchFolder scratch("lock");
  const std::string path = scratch / "shared.tablemap";
  GenerateOptions options;
  options.organizations = 800;
  Community base = generate_community(options);
  save_community(base, path);  // year 2026

  // Writer w saves the years 2100+w*100 .. +19; each year it reports as
  // written goes into its own log once save_community returned.
  pid_t writers[2];
  int failed = 0;
  for (int w = 0; w < 2; ++w) {
    writers[w] = fork();
    REQUIRE(writers[w] >= 0);
    if (writers[w] == 0) {
      std::ofstream log(scratch / ("written-" + std::to_string(w)));
      int failed = 0;
      for (int i = 0; i < 20; ++i) {
        Community c = base;
        c.profile.year = 2100 + w * 100 + i;
        try {
          save_community(c, path);
          log << c.profile.year << std::endl;
        } catch (const SaveError& e) {
          std::ofstream(scratch / ("failed-" + std::to_string(w)), std::ios::app) << e.what() << "\n";
          ++failed;
        }
      }
      _exit(failed);
    }
  }
  for (pid_t pid : writers) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    failed += WEXITSTATUS(status);
  }
  // A writer may give up after its 5 s wait on a busy machine; then it says
  // so and reports nothing as written.
  for (int w = 0; w < 2; ++w) {
    std::ifstream messages(scratch / ("failed-" + std::to_string(w)));
    for (std::string line; std::getline(messages, line);) CHECK_THAT(line, Catch::Contains("another program is saving it"));
  }
  CHECK(failed <= 4);
  Problems problems;
  const std::vector<int> years = project_years(path, problems);
  REQUIRE(problems.empty());
  const std::set<int> stored(years.begin(), years.end());
  size_t reported = 0;
  for (int w = 0; w < 2; ++w) {
    std::ifstream log(scratch / ("written-" + std::to_string(w)));
    for (int year; log >> year; ++reported) CHECK(stored.count(year) == 1);
  }
  CHECK(reported + size_t(failed) == 40);
  CHECK(stored.size() == reported + 1);  // what was reported, and 2026
  CHECK_FALSE(fs::exists(WriteLock::lock_path_for(path)));
}

TEST_CASE("a second writer waits, then is told another program is saving", "[lock]") {
  ScratchFolder scratch("lock");
  const std::string path = scratch / "held.json";
  WriteLock first(path);
  const auto started = std::chrono::steady_clock::now();
  try {
    WriteLock second(path, std::chrono::milliseconds(300));
    FAIL("two writers held one lock");
  } catch (const SaveError& e) {
    CHECK_THAT(e.what(), Catch::Contains("another program is saving it") &&
                             Catch::Contains("process " + std::to_string(getpid())) &&
                             Catch::Contains("nothing was written"));
  }
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(300));
  // The lock file is hidden beside the target, not in a bundle folder.
  CHECK(WriteLock::lock_path_for(scratch / "bundle/") == (scratch.path() / ".bundle.lock").string());
}

TEST_CASE("a lock is released when its writer ends", "[lock]") {
  ScratchFolder scratch("lock");
  const std::string path = scratch / "b.tablemap";
  {
    WriteLock first(path);
    CHECK(fs::exists(WriteLock::lock_path_for(path)));
  }
  CHECK_FALSE(fs::exists(WriteLock::lock_path_for(path)));  // no lock file is left beside the target
  WriteLock again(path, std::chrono::milliseconds(0));
  SUCCEED("taken at once");
}

TEST_CASE("a file or folder changed on disk since it was opened is noticed", "[lock]") {
  ScratchFolder scratch("stamp");
  const std::string folder = scratch / "bundle";
  tablemap::test::write_sample_bundle(folder);
  const DiskStamp opened = disk_stamp_of(folder);
  CHECK(changed_on_disk_since(opened, folder).empty());
  // A spreadsheet's lock file beside the open CSV is no change.
  write_text(folder + "/.~lock.organizations.csv#", "someone");
  CHECK(changed_on_disk_since(opened, folder).empty());

  // Another tablemap saved the bundle (a new folder swapped in).
  LoadResult r = load_bundle(folder);
  REQUIRE(r.ok());
  save_bundle(*r.community, folder);
  CHECK_THAT(changed_on_disk_since(opened, folder), Catch::Contains("saved by another program since you opened it"));

  // A file edited in place keeps its identity but not its size.
  const std::string file = scratch / "one.json";
  write_text(file, "{}");
  const DiskStamp file_opened = disk_stamp_of(file);
  write_text(file, "{ }");
  CHECK_FALSE(changed_on_disk_since(file_opened, file).empty());
  // Nothing recorded (a new file): nothing to compare.
  CHECK(changed_on_disk_since(DiskStamp{}, file).empty());
}
