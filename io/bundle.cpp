#include "io/bundle.hpp"

#include <algorithm>
#include <filesystem>

#include "core/parallel.hpp"
#include "io/atomic_folder.hpp"
#include "io/csv.hpp"
#include "io/load.hpp"

namespace tablemap {

namespace fs = std::filesystem;

namespace {

// The label problems use: the folder as the user typed it, then the file name.
std::string label(const std::string& folder, std::string_view file) {
  std::string f = folder;
  while (f.size() > 1 && f.back() == '/') f.pop_back();
  return f + "/" + std::string(file);
}

// Reads and parses one CSV file; a missing optional file gives no table.
void read_table(const std::string& folder, std::string_view file, bool required, std::optional<RowTable>& out,
                Problems& problems) {
  const std::string path = label(folder, file);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (required) problems.push_back({path, 0, "missing: a bundle needs " + std::string(file)});
    return;
  }
  std::string text;
  if (!read_file(path, text, problems)) return;
  out.emplace();
  parse_csv(std::move(text), path, *out, problems);
}

// An existing folder is replaced by a bundle only when it is empty or holds
// a bundle (its community.json): `convert riverbend ~` must not take a home
// folder for a community.
void refuse_unless_bundle_folder(const std::string& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec) || fs::is_regular_file(label(folder, "community.json"), ec)) return;
  std::vector<std::string> others;
  for (const auto& e : fs::directory_iterator(folder, ec)) others.push_back(e.path().filename().string());
  if (others.empty()) return;
  std::sort(others.begin(), others.end());
  std::string shown;
  for (size_t i = 0; i < others.size() && i < 3; ++i) shown += (i ? ", " : "") + others[i];
  if (others.size() > 3) shown += " and " + std::to_string(others.size() - 3) + " more";
  throw SaveError(folder + " already holds other things (" + shown +
                  ") and no community.json, so it is not a bundle folder: choose a new or empty folder, or add "
                  "--force to write the bundle files into it (what is there stays)");
}

}  // namespace

LoadResult load_bundle(const std::string& folder) {
  LoadResult result;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    result.problems.push_back({folder, 0,
                               fs::exists(folder, ec) ? "not a bundle folder, a .json or a .tablemap file"
                                                      : "no such folder or file"});
    return result;
  }
  RawCommunity raw;
  raw.profile_file = label(folder, "community.json");
  Problems& problems = result.problems;
  if (!fs::exists(raw.profile_file, ec))
    problems.push_back({raw.profile_file, 0, "missing: a bundle needs community.json (the community profile)"});
  else
    read_file(raw.profile_file, raw.profile_text, problems);

  // The two big files are read and parsed side by side.
  std::optional<RowTable> organizations, people, ties, roles;
  Problems tie_problems;
  run_both(
      [&] {
        read_table(folder, "organizations.csv", true, organizations, problems);
        read_table(folder, "people.csv", false, people, problems);
        read_table(folder, "roles.csv", false, roles, problems);
      },
      [&] { read_table(folder, "ties.csv", false, ties, tie_problems); });
  problems.insert(problems.end(), tie_problems.begin(), tie_problems.end());
  if (!problems.empty() || !organizations) return result;

  raw.organizations = std::move(*organizations);
  raw.people = std::move(people);
  raw.ties = std::move(ties);
  raw.roles = std::move(roles);
  return decode_community(raw);
}

std::vector<FolderFile> bundle_files(const Community& community) {
  std::vector<FolderFile> files;
  files.push_back({"community.json", profile_text(community.profile)});
  for (TableName t : kAllTables) {
    // No rows and never read from a file: no file (save_bundle owns the name,
    // so an old one goes rather than being read again).
    if (table_is_absent(community, t)) continue;
    std::string text;
    CsvSink sink(text);
    encode_table(community, t, sink);
    files.push_back({std::string(file_name_of(t)), std::move(text)});
  }
  return files;
}

void save_bundle(const Community& community, const std::string& folder, const SaveOptions& options) {
  const std::vector<FolderFile> files = bundle_files(community);
  // Every file of the bundle is the writer's, also one it no longer writes.
  std::vector<std::string> owned = {"community.json"};
  for (TableName t : kAllTables) owned.emplace_back(file_name_of(t));
  if (!options.replace_any_folder) refuse_unless_bundle_folder(folder);
  write_folder_atomically(folder, files, owned);
}

}  // namespace tablemap
