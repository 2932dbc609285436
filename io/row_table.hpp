// The shape every reader produces and every writer consumes: a table of text
// cells under a header, each row remembering the line it came from.
//
// CSV files, the JSON single-file form and the SQLite project file all turn
// into RowTables, so that one decoder (io/codec) validates them all the same
// way and reports FILE:LINE problems the same way.
//
// A cell is 8 bytes (offset and length) into the file's own text, or into an
// arena for cells that had to be rewritten (a quoted cell with ""): a
// 4,000,000-row ties.csv has 24,000,000 cells, and string_views would double
// the memory.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace tablemap {

struct RowTable {
  struct Span {
    uint32_t offset = 0;  // top bit set: into arena, else into text
    uint32_t length = 0;
  };
  static constexpr uint32_t kArenaBit = 0x80000000u;

  std::string file;                  // label used in problems, e.g. "riverbend/ties.csv"
  std::vector<std::string> header;   // column names as written (trimmed)
  uint32_t header_line = 1;          // line of the header row
  std::vector<Span> cells;           // row-major: rows() x header.size()
  std::vector<uint32_t> lines;       // 1-based source line of each row
  std::string text;                  // the source text cells point into
  std::string arena;                 // rewritten cells
  std::deque<std::string> storage;   // scratch a reader may keep while building

  // How the file was written, for writing it back (see TableLayout). Set by
  // the CSV parser; other readers leave the defaults.
  char separator = ',';
  bool bom = false;
  std::string line_end = "\n";
  std::string header_text;  // skipped lines, the header row, its line end (empty: not from text)
  uint32_t header_begin = 0;  // where the header row starts in header_text
  std::string trailer;      // skipped lines after the last row
  // Rows whose text the CSV writer would not give back from their cells
  // (quotes, spaces, blank lines before them, another line end), with their
  // text in `text`: [begin, end), the row itself from row_begin. Sorted by row.
  struct RawRow {
    uint32_t row, begin, row_begin, end;
  };
  std::vector<RawRow> raw_rows;
  bool from_text() const { return !header_text.empty(); }

  size_t rows() const { return lines.size(); }
  size_t columns() const { return header.size(); }
  std::string_view cell(size_t row, size_t col) const { return view(cells[row * header.size() + col]); }

  std::string_view view(Span s) const {
    return (s.offset & kArenaBit) ? std::string_view(arena).substr(s.offset & ~kArenaBit, s.length)
                                  : std::string_view(text).substr(s.offset, s.length);
  }
  // A span for a view that lies inside `text`.
  Span in_text(std::string_view inside) const {
    return {uint32_t(inside.data() - text.data()), uint32_t(inside.size())};
  }
  // Copies `s` into the arena and returns its span.
  Span copy(std::string_view s) {
    if (s.empty()) return {};
    Span span{uint32_t(arena.size()) | kArenaBit, uint32_t(s.size())};
    arena.append(s);
    return span;
  }
};

// Receives a table row by row (a CSV file, a JSON array, an SQLite table).
// Cells come in the order of the header names. Where a file's text was kept,
// it comes too: a sink writing that file's dialect writes the text as it is.
struct TableLayout;
class RowSink {
 public:
  virtual ~RowSink() = default;
  // `layout`: the table's dialect and header text (a default one for a table not read from a file).
  virtual void header(const std::vector<std::string_view>& names, const TableLayout& layout) = 0;
  // `skipped`: lines skipped before the row in its file; `text`: the row as
  // it was written (with its line end), or empty when it is written from the cells.
  virtual void row(const std::vector<std::string_view>& cells, std::string_view skipped, std::string_view text) = 0;
  // `trailer`: lines skipped after the last row.
  virtual void end(std::string_view /*trailer*/) {}
};

}  // namespace tablemap
