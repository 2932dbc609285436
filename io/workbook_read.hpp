// The workbook form (.xlsx) of a community, read: the container with libzip,
// the sheets' XML with pugixml. Every sheet becomes rows of text cells, and
// the Organizations, People, Ties and Roles sheets go to the same decoder as
// the CSV files (io/codec), so a workbook is checked by the same rules with the
// same messages, located as BOOK.xlsx:SHEET:ROW.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/codec.hpp"

namespace tablemap {

// Excel's sheets end at column XFD, the 16,384th: the reader reports a cell
// past it and the writer refuses a wider sheet, both in these words.
constexpr size_t kSheetColumns = 16384;
constexpr std::string_view kSheetColumnsLimit = "a sheet holds at most 16,384 columns (A to XFD), as an Excel sheet does";

// One worksheet as text. Rows without any cell are absent; each row's cells
// start at column A, with trailing empty cells dropped.
struct WorkbookSheet {
  std::string name;                            // as written in the workbook
  std::vector<uint32_t> row_numbers;           // 1-based, as the spreadsheet shows them
  std::vector<std::vector<std::string>> rows;  // cell text, column A first
};

struct Workbook {
  std::string label;  // the path as the user gave it
  std::vector<WorkbookSheet> sheets;

  // The sheet named `name`, matched like a header (case, spaces, _ and - ignored).
  const WorkbookSheet* find(std::string_view name) const;
  // "BOOK.xlsx:Ties", the file part of problems about that sheet.
  std::string label_of(const WorkbookSheet& sheet) const { return label + ":" + sheet.name; }
  std::vector<std::string> sheet_names() const;
};

// Reads every worksheet: shared and inline strings as text, numbers as the
// number they hold (a stored "1961.0" reads "1961"), booleans as TRUE/FALSE,
// formulas as their last computed value. Without a workbook (missing file,
// not a zip, an .xls or .ods, damaged XML) adds a problem that says what to do
// and returns nullopt.
std::optional<Workbook> read_workbook(const std::string& path, Problems& problems);

// The sheet as a table for the decoder: its first non-empty row is the
// header; rows whose cells are all empty are skipped; lines are row numbers.
RowTable sheet_table(const Workbook& book, const WorkbookSheet& sheet);

// A community from a workbook laid out as the bundle format's workbook form.
LoadResult load_workbook(const std::string& path);

// The text a number cell reads as: whole numbers without ".0" ("1961.0" and
// "1.961E3" are "1961"), others with up to 15 significant digits, as a
// spreadsheet shows them in the General format.
std::string number_cell_text(std::string_view stored);

// The key names match by: lower case without spaces, '_' and '-'.
std::string sheet_name_key(std::string_view name);

}  // namespace tablemap
