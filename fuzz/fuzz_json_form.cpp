// libFuzzer target: the `.json` form of a whole community.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input_file.hpp"
#include "io/json_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tablemap::load_json_file(fuzz_input_file(data, size, ".json"));
  return 0;
}
