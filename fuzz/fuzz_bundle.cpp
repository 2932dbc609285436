// libFuzzer target: the bundle decoder. The input is community.json and the
// four CSV files one after the other, separated by the byte 0x1E (ASCII's
// record separator); missing parts are missing files.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/codec.hpp"
#include "io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tablemap;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  for (size_t start = 0; parts.size() < 5;) {
    const size_t end = input.find('\x1e', start);
    parts.emplace_back(input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  RawCommunity raw;
  raw.profile_file = "community.json";
  raw.profile_text = parts[0];
  Problems problems;
  static const char* const kFiles[] = {"organizations.csv", "people.csv", "ties.csv", "roles.csv"};
  std::optional<RowTable> tables[4];
  for (size_t i = 1; i < parts.size(); ++i) {
    tables[i - 1].emplace();
    parse_csv(parts[i], kFiles[i - 1], *tables[i - 1], problems);
  }
  if (!problems.empty()) return 0;
  if (tables[0]) raw.organizations = std::move(*tables[0]);
  raw.people = std::move(tables[1]);
  raw.ties = std::move(tables[2]);
  raw.roles = std::move(tables[3]);
  decode_community(raw);
  return 0;
}
