// Turns tables of text cells into the model and back. Every reader (bundle
// folder, JSON file, SQLite project file) ends here, so all of them check the
// same rules and report problems the same way: FILE:LINE: message, every
// problem at once, and no Community unless there was none.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/community.hpp"
#include "core/problem.hpp"
#include "io/row_table.hpp"

namespace tablemap {

struct LoadResult {
  std::optional<Community> community;  // set only when problems is empty
  Problems problems;
  bool ok() const { return community.has_value(); }
};

// The raw content of one community before validation.
struct RawCommunity {
  std::string profile_file;   // label for problems in the profile
  std::string profile_text;   // community.json text (// comments allowed)
  RowTable organizations;     // required
  std::optional<RowTable> people, ties, roles;  // absent file = no rows
};

// Validates and builds the model. Consumes `raw`: its tables are freed as
// soon as they are decoded, so that a large bundle is not held twice. `current_year` bounds birth years (0 = the
// profile's year, or this calendar year when the profile gives none).
LoadResult decode_community(RawCommunity& raw);

// Orders problems by line within each file, files in the order first reported.
void sort_problems_by_line(Problems& problems);

// Parses community.json text into a profile; problems go to `problems`.
std::optional<Profile> parse_profile(std::string_view text, const std::string& file, Problems& problems);
nlohmann::json profile_to_json(const Profile& profile);

// Where each known column sits in a RowTable, and which columns are unknown.
// Header names match the known names by the bundle format's header rule; a
// missing required column and a column named twice are problems.
struct ColumnMap {
  std::vector<int> position;        // per known column: index in the table, or -1
  std::vector<size_t> extra;        // table indexes of unknown columns
  std::vector<std::string> extra_names;
  bool has(size_t known) const { return position[known] >= 0; }
  std::string_view get(const RowTable& t, size_t row, size_t known) const {
    return position[known] < 0 ? std::string_view() : t.cell(row, size_t(position[known]));
  }
};
ColumnMap map_columns(const RowTable& t, const std::vector<std::string>& known,
                      const std::vector<std::string>& required, Problems& problems);

enum class TableName { organizations, people, ties, roles };
inline constexpr TableName kAllTables[] = {TableName::organizations, TableName::people, TableName::ties,
                                           TableName::roles};
std::string_view file_name_of(TableName t);  // "organizations.csv", ...
std::string_view to_string(TableName t);     // "organizations", ...

// Writes one table of the community (header first, then one row per row),
// unknown columns last and kept as they were read.
void encode_table(const Community& community, TableName table, RowSink& sink);

}  // namespace tablemap
