// The profile in a workbook: the Community sheet (Field, Value: one row per
// profile field) and the Issue areas sheet (ID, Name, Outcomes).
//
// Reading turns the two sheets into community.json text, one key per line,
// and remembers the sheet row of each line: parse_profile then checks the
// profile with the very rules of community.json, and its problems are moved
// to the rows they came from.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/community.hpp"
#include "core/problem.hpp"
#include "io/workbook_read.hpp"

namespace tablemap {

struct ProfileFromSheets {
  std::string text;  // community.json text
  // Per line of `text` (index = line - 1): the sheet label and row it came from (row 0: the whole sheet).
  std::vector<std::pair<std::string, size_t>> origin;
};

// Builds the profile text; problems the sheets' layout has (no Field/Value
// header, a misspelled field) go to `problems`, located at their rows.
ProfileFromSheets profile_json_from_sheets(const Workbook& book, Problems& problems);

// Moves problems reported in `profile_file` (the profile text) to the sheet
// rows recorded in `from`.
void locate_profile_problems(Problems& problems, const std::string& profile_file, const ProfileFromSheets& from);

// The Community sheet of a profile: (field, value) rows in the order the
// workbook shows them; lists are "; "-separated. Fields at their default are
// written too, so that a lead sees what can be set.
std::vector<std::pair<std::string, std::string>> community_sheet_rows(const Profile& profile);

// Column headers of the two profile sheets.
inline const std::vector<std::string> kCommunitySheetHeader = {"Field", "Value"};
inline const std::vector<std::string> kIssueAreaSheetHeader = {"ID", "Name", "Outcomes"};

}  // namespace tablemap
