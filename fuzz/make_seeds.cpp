// Writes the seed corpora for the fuzz targets from sample bundles: each
// CSV file and community.json as it is, each bundle as one bundle-decoder
// input, and each bundle converted to the `.json` form and a `.tablemap`.
// Usage: fuzz_make_seeds OUT_FOLDER BUNDLE_FOLDER...
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/bundle.hpp"
#include "io/json_file.hpp"
#include "io/project_file.hpp"
#include "io/workbook_write.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string seed_name(const fs::path& bundle) { return bundle.parent_path().filename().string() + "-" + bundle.filename().string(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fuzz_make_seeds OUT_FOLDER BUNDLE_FOLDER...\n");
    return 2;
  }
  const fs::path out = argv[1];
  for (const char* t : {"csv", "bundle", "profile", "json_form", "project", "workbook"}) fs::create_directories(out / t);
  int bundles = 0;
  for (int i = 2; i < argc; ++i) {
    const fs::path bundle = fs::absolute(argv[i]).lexically_normal();
    if (!fs::exists(bundle / "community.json")) continue;
    const std::string name = seed_name(bundle);
    std::string joined = read(bundle / "community.json");
    fs::copy_file(bundle / "community.json", out / "profile" / (name + ".json"), fs::copy_options::overwrite_existing);
    for (const char* csv : {"organizations.csv", "people.csv", "ties.csv", "roles.csv"}) {
      joined += '\x1e';
      if (!fs::exists(bundle / csv)) continue;
      joined += read(bundle / csv);
      fs::copy_file(bundle / csv, out / "csv" / (name + "-" + csv), fs::copy_options::overwrite_existing);
    }
    std::ofstream(out / "bundle" / name, std::ios::binary) << joined;
    tablemap::LoadResult r = tablemap::load_bundle(bundle.string());
    if (r.ok()) {
      tablemap::save_json_file(*r.community, (out / "json_form" / (name + ".json")).string());
      const fs::path project = out / "project" / (name + ".tablemap");
      fs::remove(project);
      tablemap::save_project(*r.community, project.string());
      tablemap::save_workbook(*r.community, (out / "workbook" / (name + ".xlsx")).string());
    }
    ++bundles;
  }
  std::printf("seeds from %d bundles in %s\n", bundles, out.c_str());
  return bundles > 0 ? 0 : 1;
}
