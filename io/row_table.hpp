// The shape every reader produces and every writer consumes: a table of text
// cells under a header, each row remembering the line it came from.
//
// CSV files, the JSON single-file form and the SQLite project file all turn
// into RowTables, so that one decoder (io/codec) validates them all the same
// way and reports FILE:LINE problems the same way.
//
// A cell lies in the file's own text, or in an arena for cells that had to
// be rewritten (a quoted cell with "", every cell of a workbook). A
// 4,000,000-row ties.csv has 24,000,000 cells, so a cell is stored in 4
// bytes: its offset from where its row's cells start and its length (see
// RowTable::Packed). string_views would take 16.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
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

  // How the cells are stored (use cell() and add_row()): per row, where its
  // cells start (top bit: in the arena); per cell, its offset
  // from there and its length. A cell more than 64 KB from its row's start,
  // as long, or in the other buffer is kept whole in `wide`.
  struct Packed {
    uint16_t from = 0, length = 0;
  };
  static constexpr uint16_t kWide = 0xFFFF;  // Packed::length of a cell kept in `wide`
  std::vector<uint32_t> row_start;
  std::vector<Packed> packed;                  // row-major: rows() x columns()
  std::unordered_map<size_t, Span> wide;       // by index into `packed`

  size_t rows() const { return lines.size(); }
  size_t columns() const { return header.size(); }
  std::string_view cell(size_t row, size_t col) const {
    const size_t i = row * header.size() + col;
    const Packed p = packed[i];
    if (p.length == kWide) return view(wide.at(i));
    return view({row_start[row] + p.from, p.length});  // row_start carries the arena bit
  }

  // Adds a row's cells (`count` of them: fewer than the header are padded
  // with empty cells, more are dropped) from line `line`.
  void add_row(const Span* spans, size_t count, uint32_t line) {
    add_cells(spans, count);
    lines.push_back(line);
  }
  // The same for a reader that has pushed the row's line already.
  void add_cells(const Span* spans, size_t count) {
    const size_t width = header.size(), first = packed.size();
    count = std::min(count, width);
    // Where the row starts: the lowest offset among its non-empty cells in the
    // buffer of the first one (a JSON row's cells may come in another order).
    uint32_t start = 0;
    bool found = false;
    for (size_t c = 0; c < count; ++c) {
      const Span s = spans[c];
      if (s.length == 0) continue;
      if (!found) start = s.offset;
      else if ((s.offset & kArenaBit) == (start & kArenaBit)) start = std::min(start, s.offset);
      found = true;
    }
    packed.resize(first + width);
    for (size_t c = 0; c < count; ++c) {
      const Span s = spans[c];
      if (s.length == 0) continue;
      // In start's buffer, a cell lies at or after it (start is the lowest).
      const bool same_buffer = (s.offset & kArenaBit) == (start & kArenaBit);
      if (same_buffer && s.offset - start < kWide && s.length < kWide) {
        packed[first + c] = {uint16_t(s.offset - start), uint16_t(s.length)};
      } else {
        packed[first + c] = {0, kWide};
        wide.emplace(first + c, s);
      }
    }
    row_start.push_back(start);
  }

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
