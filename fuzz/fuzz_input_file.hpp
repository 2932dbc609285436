// The fuzz targets for readers that take a path write each input to one file
// in /dev/shm (memory, no disk), named by the process so that parallel fuzz
// jobs do not share it.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

inline std::string fuzz_input_file(const uint8_t* data, size_t size, const char* ending) {
  const std::string path = "/dev/shm/tablemap-fuzz-" + std::to_string(::getpid()) + ending;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  return path;
}
