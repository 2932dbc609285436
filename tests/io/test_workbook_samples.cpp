// The samples also ship as workbooks (datasets/NAME.xlsx, written by
// scripts/make-sample-workbooks.sh): each loads, is the same community as its
// folder, and is exactly what the writer writes today (else the script was
// not run after a change).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/load.hpp"
#include "support/bundle_fixture.hpp"

using namespace tablemap;
using namespace tablemap::testing;
namespace fs = std::filesystem;

namespace {

std::string bytes_of(const std::string& path) {
  std::stringstream s;
  s << std::ifstream(path, std::ios::binary).rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every sample folder has a workbook that is the same community", "[workbook]") {
  const fs::path datasets = fs::path(TABLEMAP_SOURCE_DIR) / "datasets";
  size_t samples = 0;
  TempFolder scratch;
  for (const auto& entry : fs::directory_iterator(datasets)) {
    if (!fs::exists(entry.path() / "community.json")) continue;
    const std::string name = entry.path().filename().string();
    INFO(name);
    ++samples;
    const fs::path book = datasets / (name + ".xlsx");
    REQUIRE(fs::exists(book));
    LoadResult folder = load_community(entry.path().string());
    LoadResult workbook = load_community(book.string());
    for (const Problem& p : workbook.problems) UNSCOPED_INFO(p.to_string());
    REQUIRE(folder.ok());
    REQUIRE(workbook.ok());
    CHECK(*workbook.community == *folder.community);
    // Written again from the folder, the workbook is byte for byte the one in datasets/.
    save_community(*folder.community, scratch.file(name + ".xlsx"));
    CHECK(bytes_of(scratch.file(name + ".xlsx")) == bytes_of(book.string()));
  }
  CHECK(samples == 4);  // riverbend, metro-region, shared-backbone, silos
}
