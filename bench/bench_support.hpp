// What the benchmarks share: the wall time of a piece of work, and a run
// of a reference script (python3-igraph) that prints "name value" lines.
#pragma once

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

namespace tablemap::bench {

template <class F>
double seconds_of(F&& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// "/usr/bin/python3 <this folder>/SCRIPT": igraph is installed for Debian's
// python3, not for other interpreters earlier on PATH.
inline std::string reference_command(const std::string& script) {
  return std::string("/usr/bin/python3 ") + TABLEMAP_BENCH_DIR + "/" + script;
}

// Runs `command` and reads the "name value" lines it prints.
inline std::map<std::string, double> run_reference(const std::string& command) {
  std::map<std::string, double> out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char name[64];
  double value;
  while (std::fscanf(pipe, "%63s %lf", name, &value) == 2) out[name] = value;
  pclose(pipe);
  return out;
}

}  // namespace tablemap::bench
