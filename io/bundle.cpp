#include "io/bundle.hpp"

#include <filesystem>
#include <thread>

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
  std::thread tie_reader([&] { read_table(folder, "ties.csv", false, ties, tie_problems); });
  read_table(folder, "organizations.csv", true, organizations, problems);
  read_table(folder, "people.csv", false, people, problems);
  read_table(folder, "roles.csv", false, roles, problems);
  tie_reader.join();
  problems.insert(problems.end(), tie_problems.begin(), tie_problems.end());
  if (!problems.empty() || !organizations) return result;

  raw.organizations = std::move(*organizations);
  raw.people = std::move(people);
  raw.ties = std::move(ties);
  raw.roles = std::move(roles);
  return decode_community(raw);
}

void save_bundle(const Community& community, const std::string& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw SaveError("cannot create the folder " + folder + ": " + ec.message());
  write_file_atomically(label(folder, "community.json"), profile_text(community.profile));
  for (TableName t : kAllTables) {
    const std::string path = label(folder, file_name_of(t));
    if (t != TableName::organizations && table_is_absent(community, t)) {
      // No rows and never read from a file: no file (an old one would be read again).
      fs::remove(path, ec);
      continue;
    }
    std::string text;
    CsvSink sink(text);
    encode_table(community, t, sink);
    write_file_atomically(path, text);
  }
}

}  // namespace tablemap
