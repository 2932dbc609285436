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
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void header(const std::vector<std::string_view>& names) = 0;
  virtual void row(const std::vector<std::string_view>& cells) = 0;
};

}  // namespace tablemap
