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

// Runs `tablemap ARGS`; stderr joins stdout when `with_stderr`, else it is dropped.
// With `folder`, the program runs there (relative paths in ARGS are inside it).
inline CliRun run_cli(const std::string& args, bool with_stderr, const std::string& folder = "") {
  CliRun r;
  const std::string command = (folder.empty() ? "" : "cd '" + folder + "' && ") + std::string(TABLEMAP_BINARY) +
                              " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace tablemap::testing
