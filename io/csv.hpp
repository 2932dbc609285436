// RFC 4180 CSV, as the bundle format asks: UTF-8 with an optional BOM,
// comma-separated, quoted fields with "" for a quote, empty lines ignored.
#pragma once

#include <string>
#include <string_view>

#include "core/problem.hpp"
#include "io/row_table.hpp"

namespace tablemap {

// Parses `text` (the whole file) into `out`, labelled `file` in problems.
// Every problem is appended to `problems` (invalid UTF-8, an unterminated
// quote, text after a closing quote, a row with more cells than the header);
// returns false when there was any. Rows shorter than the header are padded
// with empty cells, as spreadsheets drop trailing empty cells.
bool parse_csv(std::string text, const std::string& file, RowTable& out, Problems& problems);

// Reads a file into a string; false (and a problem) when it cannot be read.
bool read_file(const std::string& path, std::string& out, Problems& problems);

// Quotes a cell when it needs quoting.
void append_csv_cell(std::string& out, std::string_view cell);

// Writes rows as CSV text into a string (one header row, then the rows).
class CsvSink : public RowSink {
 public:
  explicit CsvSink(std::string& out) : out_(out) {}
  void header(const std::vector<std::string_view>& names) override { row(names); }
  void row(const std::vector<std::string_view>& cells) override;

 private:
  std::string& out_;
};

// Byte offset of the first invalid UTF-8 sequence, or npos.
size_t find_invalid_utf8(std::string_view text, size_t from = 0);

}  // namespace tablemap
