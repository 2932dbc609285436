#include "io/csv.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/vocabulary.hpp"

namespace tablemap {

size_t find_invalid_utf8(std::string_view text, size_t from) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = from;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

bool read_file(const std::string& path, std::string& out, Problems& problems) {
  // A folder (or a device, a pipe) where the file belongs: it would read as
  // endless or enormous.
  if (struct stat st {}; ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    problems.push_back({path, 0, S_ISDIR(st.st_mode) ? "this is a folder, where a file belongs: rename or move it"
                                                     : "this is not a plain file: replace it with the file"});
    return false;
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    problems.push_back({path, 0, std::string("cannot open the file: ") + std::strerror(errno)});
    return false;
  }
  out.clear();
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    if (size > 0) out.reserve(size_t(size));
    std::fseek(f, 0, SEEK_SET);
  }
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, got);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) {
    problems.push_back({path, 0, "cannot read the file"});
    return false;
  }
  return true;
}

namespace {

// The separator of the header line: the most frequent of , ; tab outside
// quotes (a comma when there is none, or on a tie).
char detect_separator(std::string_view s, size_t pos) {
  size_t counts[3] = {0, 0, 0};
  bool quoted = false;
  for (; pos < s.size(); ++pos) {
    const char c = s[pos];
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) {
      if (counts[0] + counts[1] + counts[2] > 0) break;  // skip leading empty lines
    } else if (!quoted) {
      counts[0] += c == ',';
      counts[1] += c == ';';
      counts[2] += c == '\t';
    }
  }
  if (counts[1] > counts[0] && counts[1] >= counts[2]) return ';';
  if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
  return ',';
}

struct Cell {
  RowTable::Span span;
  bool canonical;  // written exactly as append_csv_cell writes its content
};

}  // namespace

bool csv_needs_quotes(std::string_view cell, char separator) {
  for (char c : cell)
    if (c == separator || c == '"' || c == '\r' || c == '\n') return true;
  return !cell.empty() && (cell.front() == ' ' || cell.front() == '\t' || cell.back() == ' ' || cell.back() == '\t');
}

namespace {
bool parse_csv_as(std::string text, const std::string& file, RowTable& out, Problems& problems, char forced);
}

bool parse_csv(std::string text, const std::string& file, RowTable& out, Problems& problems) {
  return parse_csv_as(std::move(text), file, out, problems, 0);
}

namespace {

// `forced`: the separator to use, or 0 to detect it from the header line.
bool parse_csv_as(std::string text, const std::string& file, RowTable& out, Problems& problems, char forced) {
  const size_t problems_before = problems.size();
  out.file = file;

  // Not UTF-8: report every line that has a bad byte (up to ten), parse nothing.
  if (size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    size_t reported = 0, line = 1, counted_to = 0;
    while (bad != std::string_view::npos && reported < 10) {
      for (; counted_to < bad; ++counted_to)
        line += text[counted_to] == '\n' || (text[counted_to] == '\r' && (counted_to + 1 == text.size() || text[counted_to + 1] != '\n'));
      problems.push_back({file, line, "this line is not valid UTF-8 text; save the file as \"CSV UTF-8\""});
      ++reported;
      size_t next_line = text.find('\n', bad);
      if (next_line == std::string::npos) break;
      bad = find_invalid_utf8(text, next_line);
    }
    return false;
  }

  if (text.size() >= RowTable::kArenaBit) {
    problems.push_back({file, 0, "the file is larger than 2 GB; split it"});
    return false;
  }
  out.text = std::move(text);
  const std::string_view s = out.text;
  const size_t n = s.size();
  size_t pos = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") {  // byte-order mark (Excel's "CSV UTF-8")
    pos = 3;
    out.bom = true;
  }
  const char sep = forced ? forced : detect_separator(s, pos);
  out.separator = sep;
  auto is_blank = [sep](char c) { return c == ' ' || (c == '\t' && sep != '\t'); };

  // Reserved up front, bounded by the file's size: growing a vector of
  // 24,000,000 cells by doubling would copy it again and again, but a wide
  // header over empty lines must not reserve gigabytes either.
  size_t header_width = 1;
  {
    size_t newlines = 1;
    for (const char* p = s.data(); (p = static_cast<const char*>(std::memchr(p, '\n', size_t(s.data() + n - p)))); ++p)
      ++newlines;
    const size_t first_end = std::min(s.find_first_of("\r\n", pos), n);
    for (size_t i = pos; i < first_end; ++i) header_width += s[i] == sep;
    out.packed.reserve(std::min(newlines * header_width, n / 2 + header_width));
    out.row_start.reserve(std::min(newlines, n / 2 + 1));
    out.lines.reserve(std::min(newlines, n / 2 + 1));
  }
  // Padding short rows may not make the cells outgrow the text by more than this.
  const size_t cell_limit = 8 * n + 2 * header_width + 64;

  size_t line = 1;
  std::vector<Cell> row;
  std::vector<RowTable::Span> spans;  // the row's cells as the table takes them
  bool have_header = false;
  size_t pending = pos;  // start of the lines skipped since the last record

  while (pos < n) {
    const size_t record_line = line;
    const size_t record_begin = pos;
    row.clear();
    bool record_ok = true;
    std::string_view terminator;
    // One record: cells separated by `sep`, ended by a line end or the end.
    while (true) {
      const size_t cell_begin = pos;
      while (pos < n && is_blank(s[pos])) ++pos;
      if (pos < n && s[pos] == '"') {
        const bool blank_before = pos != cell_begin;
        const size_t open_line = line;
        ++pos;
        // A quoted cell without "" inside is verbatim in the text; only one
        // with "" is rewritten into the arena.
        std::string value;
        bool rewritten = false, closed = false;
        const size_t begin = pos;
        size_t chunk = pos;
        while (pos < n) {
          const char c = s[pos];
          if (c == '"') {
            if (pos + 1 < n && s[pos + 1] == '"') {
              value.append(s.data() + chunk, pos + 1 - chunk);
              rewritten = true;
              pos += 2;
              chunk = pos;
              continue;
            }
            value.append(s.data() + chunk, pos - chunk);
            ++pos;
            closed = true;
            break;
          }
          if (c == '\n' || (c == '\r' && (pos + 1 == n || s[pos + 1] != '\n'))) ++line;
          ++pos;
        }
        const size_t verbatim_end = pos - 1;
        if (!closed) {
          problems.push_back({file, open_line,
                              "a quoted cell is never closed: a \" is missing (the rest of the file was "
                              "read as part of this cell)"});
          return false;
        }
        const size_t after_quote = pos;
        while (pos < n && is_blank(s[pos])) ++pos;
        bool canonical = !blank_before && pos == after_quote;
        if (pos < n && s[pos] != sep && s[pos] != '\n' && s[pos] != '\r') {
          problems.push_back({file, line,
                              "text after a closing quote; a quote inside a quoted cell must be written "
                              "twice (\"\")"});
          record_ok = false;
          canonical = false;
          while (pos < n && s[pos] != sep && s[pos] != '\n' && s[pos] != '\r') ++pos;
        }
        const RowTable::Span span = rewritten ? out.copy(value) : out.in_text(s.substr(begin, verbatim_end - begin));
        row.push_back({span, canonical && csv_needs_quotes(out.view(span), sep)});
      } else {
        const size_t begin = pos;
        while (pos < n && s[pos] != sep && s[pos] != '\n' && s[pos] != '\r') ++pos;
        const std::string_view raw = s.substr(cell_begin, pos - cell_begin);
        std::string_view value = s.substr(begin, pos - begin);
        while (!value.empty() && is_blank(value.back())) value.remove_suffix(1);
        row.push_back({out.in_text(value), value.size() == raw.size() && !csv_needs_quotes(value, sep)});
      }
      if (pos < n && s[pos] == sep) {
        ++pos;
        continue;
      }
      const size_t term_begin = pos;
      if (pos < n && s[pos] == '\r') ++pos;
      if (pos < n && s[pos] == '\n') ++pos;
      if (pos != term_begin) ++line;  // CRLF, LF, or CR alone
      terminator = s.substr(term_begin, pos - term_begin);
      break;
    }
    bool all_empty = true;
    for (const Cell& c : row) all_empty = all_empty && c.span.length == 0;
    if (all_empty) continue;  // an empty line, or a row of empty cells: skipped, kept as text
    if (!have_header) {
      for (const Cell& h : row) out.header.emplace_back(out.view(h.span));
      out.header_line = uint32_t(record_line);
      out.line_end = terminator.empty() ? std::string("\n") : std::string(terminator);
      out.header_text = std::string(s.substr(pending, pos - pending));
      out.header_begin = uint32_t(record_begin - pending);
      pending = pos;
      have_header = true;
      continue;
    }
    const size_t width = out.header.size();
    if (row.size() > width) {
      bool extra_empty = true;
      for (size_t i = width; i < row.size(); ++i) extra_empty = extra_empty && row[i].span.length == 0;
      if (!extra_empty) {
        problems.push_back({file, record_line,
                            "this row has " + std::to_string(row.size()) + " cells but the header has " +
                                std::to_string(width) + " columns (a " + (sep == '\t' ? std::string("tab") : std::string(1, sep)) +
                                " too many, or a cell that needs quotes?)"});
        record_ok = false;
      }
    }
    if (!record_ok) {
      pending = pos;
      continue;
    }
    if (out.packed.size() + width > cell_limit) {
      problems.push_back({file, record_line,
                          "the rows are far shorter than the header (" + std::to_string(width) +
                              " columns): is the first row really the header?"});
      return false;
    }
    bool canonical = row.size() == width && pending == record_begin && terminator == out.line_end;
    for (const Cell& c : row) canonical = canonical && c.canonical;
    if (!canonical)
      out.raw_rows.push_back({uint32_t(out.lines.size()), uint32_t(pending), uint32_t(record_begin), uint32_t(pos)});
    pending = pos;
    spans.clear();
    for (const Cell& c : row) spans.push_back(c.span);
    out.add_row(spans.data(), spans.size(), uint32_t(record_line));
  }
  if (!have_header) {
    problems.push_back({file, 0, "the file is empty; it needs a header row"});
  } else {
    out.trailer = std::string(s.substr(pending));
  }
  return problems.size() == problems_before;
}

}  // namespace

std::vector<std::string> split_csv_row(std::string_view text, char separator) {
  RowTable t;
  Problems ignored;
  parse_csv_as(std::string(text), "", t, ignored, separator);
  return t.header;
}

void append_csv_cell(std::string& out, std::string_view cell, char separator) {
  if (!csv_needs_quotes(cell, separator)) {
    out.append(cell);
    return;
  }
  out.push_back('"');
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append_csv_row(std::string& out, const std::vector<std::string_view>& cells, char separator,
                    std::string_view line_end) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out.push_back(separator);
    append_csv_cell(out, cells[i], separator);
  }
  out.append(line_end);
}

void CsvSink::header(const std::vector<std::string_view>& names, const TableLayout& layout) {
  separator_ = layout.separator;
  line_end_ = layout.line_end;
  if (layout.bom) out_ += "\xEF\xBB\xBF";
  if (!layout.header_text.empty()) out_ += layout.header_text;
  else append_csv_row(out_, names, separator_, line_end_);
}

void CsvSink::row(const std::vector<std::string_view>& cells, std::string_view skipped, std::string_view text) {
  // A file whose last line had no line end gets one before a row added after it.
  if (!out_.empty() && out_.back() != '\n' && out_.back() != '\r') out_ += line_end_;
  out_.append(skipped);
  if (!text.empty()) out_.append(text);
  else append_csv_row(out_, cells, separator_, line_end_);
}

}  // namespace tablemap
