// libFuzzer target: community.json, the community profile.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tablemap::Problems problems;
  tablemap::parse_profile(std::string_view(reinterpret_cast<const char*>(data), size), "community.json", problems);
  return 0;
}
