// What the benchmarks share: the wall time of a piece of work, and a run
// of a reference script (python3-igraph) that prints "name value" lines.
#pragma once

#include <sys/resource.h>

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

// `s` in single quotes for the shell, with any quote in it escaped.
inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Peak resident memory of this process so far, in MB (getrusage).
inline double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}

// Everything `command` prints on standard output; `status` gets pclose's
// status (-1 when the command could not be started).
inline std::string output_of(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    if (status) *status = -1;
    return out;
  }
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int code = pclose(pipe);
  if (status) *status = code;
  return out;
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
