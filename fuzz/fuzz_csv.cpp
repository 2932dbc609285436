// libFuzzer target: the CSV reader on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tablemap::RowTable table;
  tablemap::Problems problems;
  tablemap::parse_csv(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv", table, problems);
  return 0;
}
