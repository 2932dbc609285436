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

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

bool parse_csv(std::string text, const std::string& file, RowTable& out, Problems& problems) {
  const size_t problems_before = problems.size();
  out.file = file;

  // Not UTF-8: report every line that has a bad byte (up to ten), parse nothing.
  if (size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    size_t reported = 0, line = 1, counted_to = 0;
    while (bad != std::string_view::npos && reported < 10) {
      for (; counted_to < bad; ++counted_to) line += text[counted_to] == '\n';
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
  // One cell slot per header column per line, reserved up front: growing a
  // vector of 24,000,000 cells by doubling would copy it again and again.
  {
    size_t newlines = 1, commas_in_first_line = 0;
    for (const char* p = s.data(); (p = static_cast<const char*>(std::memchr(p, '\n', size_t(s.data() + s.size() - p)))); ++p)
      ++newlines;
    const size_t first_end = std::min(s.find('\n'), s.size());
    for (size_t i = 0; i < first_end; ++i) commas_in_first_line += s[i] == ',';
    out.cells.reserve(newlines * (commas_in_first_line + 1));
    out.lines.reserve(newlines);
  }
  size_t pos = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // byte-order mark
  const size_t n = s.size();
  size_t line = 1;
  std::vector<RowTable::Span> row;
  bool have_header = false;

  while (pos < n) {
    const size_t record_line = line;
    row.clear();
    bool any_quoted = false;
    bool record_ok = true;
    // One record: fields separated by commas, ended by a newline or the end.
    while (true) {
      while (pos < n && is_blank(s[pos])) ++pos;
      if (pos < n && s[pos] == '"') {
        any_quoted = true;
        const size_t open_line = line;
        ++pos;
        // A quoted cell without "" inside is verbatim in the text; only one
        // with "" is rewritten into the arena.
        std::string value;
        bool rewritten = false, closed = false;
        const size_t begin = pos;
        size_t chunk = pos;
        while (pos < n) {
          char c = s[pos];
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
          if (c == '\n') ++line;
          ++pos;
        }
        const size_t verbatim_end = pos - 1;
        if (!closed) {
          problems.push_back({file, open_line,
                              "a quoted cell is never closed: a \" is missing (the rest of the file was "
                              "read as part of this cell)"});
          return false;
        }
        while (pos < n && is_blank(s[pos])) ++pos;
        if (pos < n && s[pos] != ',' && s[pos] != '\n' && s[pos] != '\r') {
          problems.push_back({file, line,
                              "text after a closing quote; a quote inside a quoted cell must be written "
                              "twice (\"\")"});
          record_ok = false;
          while (pos < n && s[pos] != ',' && s[pos] != '\n') ++pos;
        }
        row.push_back(rewritten ? out.copy(value) : out.in_text(s.substr(begin, verbatim_end - begin)));
      } else {
        const size_t begin = pos;
        while (pos < n && s[pos] != ',' && s[pos] != '\n' && s[pos] != '\r') ++pos;
        row.push_back(out.in_text(trim(s.substr(begin, pos - begin))));
      }
      if (pos < n && s[pos] == ',') { ++pos; continue; }
      if (pos < n && s[pos] == '\r') ++pos;
      if (pos < n && s[pos] == '\n') { ++pos; ++line; }
      break;
    }
    if (!any_quoted && row.size() == 1 && row[0].length == 0) continue;  // empty line
    if (!have_header) {
      for (auto h : row) out.header.emplace_back(out.view(h));
      out.header_line = uint32_t(record_line);
      have_header = true;
      continue;
    }
    const size_t width = out.header.size();
    if (row.size() > width) {
      bool extra_empty = true;
      for (size_t i = width; i < row.size(); ++i) extra_empty = extra_empty && row[i].length == 0;
      if (!extra_empty) {
        problems.push_back({file, record_line,
                            "this row has " + std::to_string(row.size()) + " cells but the header has " +
                                std::to_string(width) + " columns (a comma too many, or a cell that needs quotes?)"});
        record_ok = false;
      }
    }
    if (!record_ok) continue;
    row.resize(width);
    out.cells.insert(out.cells.end(), row.begin(), row.end());
    out.lines.push_back(uint32_t(record_line));
  }
  if (!have_header) problems.push_back({file, 0, "the file is empty; it needs a header row"});
  return problems.size() == problems_before;
}

void append_csv_cell(std::string& out, std::string_view cell) {
  bool needs_quotes = cell.find_first_of(",\"\r\n") != std::string_view::npos ||
                      (!cell.empty() && (is_blank(cell.front()) || is_blank(cell.back())));
  if (!needs_quotes) {
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

void CsvSink::row(const std::vector<std::string_view>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out_.push_back(',');
    append_csv_cell(out_, cells[i]);
  }
  out_.push_back('\n');
}

}  // namespace tablemap
