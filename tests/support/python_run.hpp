// Runs a Python script with the system python (/usr/bin/python3, where
// Debian's python3-openpyxl lives), for tests that check our files against
// another program's reading or writing of them.
#pragma once

#include <array>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "support/bundle_fixture.hpp"

namespace tablemap::testing {

// Writes `script` into `folder`, runs it with `args`, requires success and returns its output.
inline std::string run_python(const TempFolder& folder, const std::string& script, const std::string& args) {
  folder.write("script.py", script);
  const std::string command = "/usr/bin/python3 " + folder.file("script.py") + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  INFO(out);
  REQUIRE(status == 0);
  return out;
}

}  // namespace tablemap::testing
