// libFuzzer target: opening a `.tablemap` project file (SQLite) and reading
// its years and latest snapshot.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_input_file.hpp"
#include "io/project_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = fuzz_input_file(data, size, ".tablemap");
  tablemap::Problems problems;
  tablemap::project_years(path, problems);
  tablemap::load_project(path);
  // SQLite may leave a journal beside a file it found hot.
  ::unlink((path + "-journal").c_str());
  ::unlink((path + "-wal").c_str());
  ::unlink((path + "-shm").c_str());
  return 0;
}
