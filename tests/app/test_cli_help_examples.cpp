// Every example a command's --help prints runs as printed, from the source
// folder, on the sample it names (the outputs it writes land in a scratch
// folder that links to datasets/). `map` is left out: it needs a display, and
// its examples are exercised by tests/viz. A command with subcommands
// (survey import|report|form) has each subcommand's examples run too.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "support/bundle_fixture.hpp"
#include "support/cli_run.hpp"

using namespace tablemap::testing;

namespace {

// The commands `tablemap --help` lists (with a command: its subcommands, as `tablemap survey --help` lists them).
std::vector<std::string> commands(const std::string& parent = "") {
  const CliRun help = run_cli(parent + " --help", true);
  std::vector<std::string> out;
  std::istringstream in(help.out);
  bool listing = false;
  for (std::string line; std::getline(in, line);) {
    std::string lower;
    for (char ch : line) lower += char(std::tolower(static_cast<unsigned char>(ch)));
    if (lower.find("subcommands") != std::string::npos) {
      listing = true;
      continue;
    }
    // A command's line starts with two spaces and its name; its description continues further in.
    if (!listing || line.size() < 3 || line[0] != ' ' || line[1] != ' ' || line[2] == ' ') continue;
    std::istringstream words(line);
    std::string name;
    words >> name;
    if (!name.empty()) out.push_back(name);
  }
  return out;
}

// "tablemap ..." lines of the Example block of a command's help.
std::vector<std::string> examples(const std::string& command) {
  const CliRun help = run_cli(command + " --help", true);
  std::vector<std::string> out;
  std::istringstream in(help.out);
  bool in_example = false;
  for (std::string line; std::getline(in, line);) {
    const size_t at = line.find("tablemap ");
    const bool starts = line.rfind("Example: ", 0) == 0;
    if (starts) in_example = true;
    else if (in_example && (line.empty() || line[0] != ' ')) in_example = false;
    if (in_example && at != std::string::npos) out.push_back(line.substr(at + 9));
  }
  return out;
}

}  // namespace

TEST_CASE("every --help example runs as printed on the sample it names", "[cli]") {
  TempFolder scratch;
  std::filesystem::create_directory_symlink(std::string(TABLEMAP_SOURCE_DIR) + "/datasets", scratch.file("datasets"));
  const std::vector<std::string> all = commands();
  REQUIRE(all.size() >= 8);
  size_t run = 0;
  for (const std::string& command : all) {
    if (command == "map") continue;
    std::vector<std::string> lines = examples(command);
    INFO("command: " << command);
    CHECK_FALSE(lines.empty());
    for (const std::string& sub : commands(command)) {
      INFO("subcommand: " << sub);
      const std::vector<std::string> more = examples(command + " " + sub);
      CHECK_FALSE(more.empty());
      lines.insert(lines.end(), more.begin(), more.end());
    }
    for (const std::string& args : lines) {
      INFO("example: tablemap " << args);
      const CliRun r = run_cli_in(scratch.path(), args);
      INFO(r.out);
      CHECK(r.code == 0);
      ++run;
    }
  }
  CHECK(run >= 9);
}
