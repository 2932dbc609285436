// libFuzzer target: opening a `.xlsx` workbook (a zip of XML sheets).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input_file.hpp"
#include "io/workbook_read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tablemap::load_workbook(fuzz_input_file(data, size, ".xlsx"));
  return 0;
}
