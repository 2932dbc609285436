// Runs the tablemap program as a user would, for the tests in tests/app.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

namespace tablemap::testing {

struct CliRun {
  int code = -1;    // exit status
  std::string out;  // stdout, with stderr when asked for
};

// Runs a shell command line and collects its stdout and exit status.
inline CliRun run_cli_command(const std::string& command) {
  CliRun r;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Runs `tablemap ARGS`; stderr joins stdout when `with_stderr`, else it is dropped.
// With `folder`, the program runs there (relative paths in ARGS are inside it).
inline CliRun run_cli(const std::string& args, bool with_stderr, const std::string& folder = "") {
  return run_cli_command((folder.empty() ? "" : "cd '" + folder + "' && ") + std::string(TABLEMAP_BINARY) + " " +
                         args + (with_stderr ? " 2>&1" : " 2>/dev/null"));
}

// Runs `tablemap ARGS` through the shell from `folder` (for examples that
// name relative paths or redirect their output); stderr joins stdout.
inline CliRun run_cli_in(const std::string& folder, const std::string& args) {
  return run_cli_command("cd '" + folder + "' && " + std::string(TABLEMAP_BINARY) + " " + args + " 2>&1");
}

}  // namespace tablemap::testing
