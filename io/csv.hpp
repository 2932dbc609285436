// RFC 4180 CSV as spreadsheet programs write it: UTF-8 with an optional BOM;
// `,`, `;` or tab between cells (detected from the header line); quoted
// cells with "" for a quote; CRLF, LF or CR alone at line ends; empty lines
// and rows of empty cells ignored. The parser also records how the file was
// written (RowTable's dialect fields), so that the writer can give it back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/community.hpp"

#include "core/problem.hpp"
#include "io/row_table.hpp"

namespace tablemap {

// Parses `text` (the whole file) into `out`, labelled `file` in problems.
// Every problem is appended to `problems` (invalid UTF-8, an unterminated
// quote, text after a closing quote, a row with more cells than the header);
// returns false when there was any. Rows shorter than the header are padded
// with empty cells, as spreadsheets drop trailing empty cells. Runs in time
// and memory linear in the file: the cells of padded rows are bounded by a
// multiple of the file's size.
bool parse_csv(std::string text, const std::string& file, RowTable& out, Problems& problems);

// The cells of one row's text (as kept in a RowText), unquoted and trimmed.
std::vector<std::string> split_csv_row(std::string_view text, char separator);

// True when the writer quotes this cell.
bool csv_needs_quotes(std::string_view cell, char separator = ',');

// Reads a file into a string; false (and a problem) when it cannot be read.
bool read_file(const std::string& path, std::string& out, Problems& problems);

// Quotes a cell when it needs quoting.
void append_csv_cell(std::string& out, std::string_view cell, char separator = ',');
// Cells joined by the separator, then the line end.
void append_csv_row(std::string& out, const std::vector<std::string_view>& cells, char separator,
                    std::string_view line_end);

// Writes a table as CSV text into a string, in the dialect of its layout:
// a table read from a file comes back byte for byte where it was not edited.
class CsvSink : public RowSink {
 public:
  explicit CsvSink(std::string& out) : out_(out) {}
  void header(const std::vector<std::string_view>& names, const TableLayout& layout) override;
  void row(const std::vector<std::string_view>& cells, std::string_view skipped, std::string_view text) override;
  void end(std::string_view trailer) override { out_.append(trailer); }

 private:
  std::string& out_;
  char separator_ = ',';
  std::string line_end_ = "\n";
};

// Byte offset of the first invalid UTF-8 sequence, or npos.
size_t find_invalid_utf8(std::string_view text, size_t from = 0);

}  // namespace tablemap
