// The shape every reader produces and every writer consumes: a table of text
// cells under a header, each row remembering the line it came from.
//
// CSV files, the JSON single-file form and the SQLite project file all turn
// into RowTables, so that one decoder (io/codec) validates them all the same
// way and reports FILE:LINE problems the same way.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace tablemap {

struct RowTable {
  std::string file;                  // label used in problems, e.g. "riverbend/ties.csv"
  std::vector<std::string> header;   // column names as written (trimmed)
  uint32_t header_line = 1;          // line of the header row
  std::vector<std::string_view> cells;  // row-major: rows() x header.size()
  std::vector<uint32_t> lines;       // 1-based source line of each row
  std::deque<std::string> storage;   // owns the text the cells point into

  size_t rows() const { return lines.size(); }
  size_t columns() const { return header.size(); }
  std::string_view cell(size_t row, size_t col) const { return cells[row * header.size() + col]; }
  // Keeps a string alive for as long as the table and returns a view of it.
  std::string_view keep(std::string s) { return storage.emplace_back(std::move(s)); }
};

// Receives a table row by row (a CSV file, a JSON array, an SQLite table).
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void header(const std::vector<std::string_view>& names) = 0;
  virtual void row(const std::vector<std::string_view>& cells) = 0;
};

}  // namespace tablemap
