// The JSON single-file form. Reading streams the file through nlohmann's SAX
// parser into RowTables (a DOM of 1,000,000 rows would take gigabytes), and a
// small layout scanner finds the line where each row object starts, because
// the SAX interface gives no positions. Both run in O(file size).
#include "io/json_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/csv.hpp"
#include "io/json_limits.hpp"
#include "io/load.hpp"

namespace tablemap {
namespace {

constexpr int kJsonVersion = 1;

// ---------------------------------------------------------------- layout scan

// One top-level key of the file and where its value and row objects start.
struct TopEntry {
  std::string key;  // as written between the quotes (escapes left as they are)
  uint32_t key_line = 0;
  size_t value_begin = 0, value_end = 0;
  uint32_t value_line = 0;
  std::vector<uint32_t> element_lines;  // for an array: line of each element
};

// Walks the text of a JSON object (with // and /* */ comments) and records the
// positions SAX cannot give. Never reads past the end and always advances, so
// it is safe on broken files (whose problems the SAX parser reports).
class LayoutScanner {
 public:
  explicit LayoutScanner(std::string_view text) : t_(text) {}

  std::vector<TopEntry> scan() {
    std::vector<TopEntry> entries;
    skip_space();
    if (at_end() || t_[i_] != '{') return entries;
    step();
    while (true) {
      skip_space();
      if (at_end() || t_[i_] == '}') break;
      if (t_[i_] == ',') {
        step();
        continue;
      }
      if (t_[i_] != '"') break;
      TopEntry entry;
      entry.key_line = line_;
      entry.key = read_string();
      skip_space();
      if (at_end() || t_[i_] != ':') break;
      step();
      skip_space();
      if (at_end()) break;
      entry.value_begin = i_;
      entry.value_line = line_;
      if (t_[i_] == '[') {
        step();
        if (!scan_elements(entry.element_lines)) break;
      } else {
        size_t before = i_;
        skip_value();
        if (i_ == before) break;
      }
      entry.value_end = i_;
      entries.push_back(std::move(entry));
    }
    return entries;
  }

 private:
  bool at_end() const { return i_ >= t_.size(); }
  void step() {
    if (t_[i_] == '\n') ++line_;
    ++i_;
  }
  bool comment_ahead() const { return t_[i_] == '/' && i_ + 1 < t_.size() && (t_[i_ + 1] == '/' || t_[i_ + 1] == '*'); }

  void skip_space() {
    while (!at_end()) {
      char c = t_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        step();
      } else if (comment_ahead()) {
        bool line_comment = t_[i_ + 1] == '/';
        step();
        step();
        while (!at_end()) {
          if (line_comment && t_[i_] == '\n') break;
          if (!line_comment && t_[i_] == '*' && i_ + 1 < t_.size() && t_[i_ + 1] == '/') {
            step();
            step();
            break;
          }
          step();
        }
      } else {
        break;
      }
    }
  }

  // At an opening quote: returns the raw text up to the closing quote.
  std::string read_string() {
    step();
    size_t begin = i_;
    while (!at_end() && t_[i_] != '"') {
      if (t_[i_] == '\\' && i_ + 1 < t_.size()) step();
      step();
    }
    std::string s(t_.substr(begin, i_ - begin));
    if (!at_end()) step();
    return s;
  }

  void skip_value() {
    if (at_end()) return;
    char c = t_[i_];
    if (c == '"') {
      read_string();
    } else if (c == '{' || c == '[') {
      int depth = 0;
      while (!at_end()) {
        c = t_[i_];
        if (c == '"') {
          read_string();
          continue;
        }
        if (comment_ahead()) {
          skip_space();
          continue;
        }
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') --depth;
        step();
        if (depth == 0) return;
      }
    } else {
      while (!at_end()) {
        c = t_[i_];
        if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || comment_ahead())
          break;
        step();
      }
    }
  }

  // After '[': records the line of each element; false when the text breaks off.
  bool scan_elements(std::vector<uint32_t>& lines) {
    while (true) {
      skip_space();
      if (at_end()) return false;
      char c = t_[i_];
      if (c == ']') {
        step();
        return true;
      }
      if (c == ',') {
        step();
        continue;
      }
      lines.push_back(line_);
      size_t before = i_;
      skip_value();
      if (i_ == before) return false;
    }
  }

  std::string_view t_;
  size_t i_ = 0;
  uint32_t line_ = 1;
};

// ---------------------------------------------------------------- SAX reader

std::optional<TableName> table_of_key(std::string_view key) {
  for (TableName t : kAllTables)
    if (to_string(t) == key) return t;
  return std::nullopt;
}

// Collects one table: cells of each row keyed by column, laid out row-major at the end.
struct TableBuilder {
  RowTable table;
  struct Cell {
    uint32_t column;
    std::string_view text;
  };
  std::vector<Cell> cells;
  std::vector<size_t> row_begin;  // index into cells
  std::unordered_map<std::string, uint32_t> column_of;
  std::vector<size_t> column_seen_in_row;  // row index + 1 of the last row that set it
  std::string* chunk = nullptr;

  // Copies text into large chunks of the table's storage (one string per cell
  // would cost 32 bytes of overhead each).
  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    if (!chunk || chunk->capacity() - chunk->size() < s.size()) {
      chunk = &table.storage.emplace_back();
      chunk->reserve(std::max<size_t>(s.size(), 1u << 20));
    }
    size_t at = chunk->size();
    chunk->append(s);
    return std::string_view(chunk->data() + at, s.size());
  }

  uint32_t column(const std::string& name) {
    auto [it, inserted] = column_of.emplace(name, uint32_t(table.header.size()));
    if (inserted) {
      table.header.push_back(name);
      column_seen_in_row.push_back(0);
    }
    return it->second;
  }

  void finish() {
    size_t rows = row_begin.size(), cols = table.header.size();
    std::vector<RowTable::Span> row(cols);
    table.packed.reserve(rows * cols);
    table.row_start.reserve(rows);
    for (size_t r = 0; r < rows; ++r) {
      std::fill(row.begin(), row.end(), RowTable::Span{});
      size_t end = r + 1 < rows ? row_begin[r + 1] : cells.size();
      for (size_t k = row_begin[r]; k < end; ++k) row[cells[k].column] = table.copy(cells[k].text);
      table.add_cells(row.data(), cols);  // its line was taken when the row began
    }
    cells.clear();
    cells.shrink_to_fit();
    table.storage.clear();  // every cell now lives in the table's arena
    chunk = nullptr;
  }
};

class SaxReader {
 public:
  using json = nlohmann::json;

  SaxReader(const std::string& file, const std::vector<TopEntry>& layout) : file_(file), layout_(layout) {}

  bool null() { return scalar(""); }
  bool boolean(bool b) { return scalar(b ? "yes" : "no"); }
  bool number_integer(json::number_integer_t v) { return scalar(std::to_string(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(std::to_string(v)); }
  bool number_float(json::number_float_t, const json::string_t& raw) { return scalar(raw); }
  bool binary(json::binary_t&) { return scalar(""); }
  bool string(json::string_t& s) { return scalar(s); }

  bool start_object(std::size_t) {
    if (skipping()) return open();
    if (depth_ == 0) {
      saw_top_object_ = true;
    } else if (depth_ == 1) {
      if (top_key_ == "community") {
        community_entry_ = top_index_;
        skip_from_ = depth_;
      } else {
        if (table_) problem(key_line(), "\"" + top_key_ + "\" must be a list [ ... ] of rows");
        skip_from_ = depth_;
      }
    } else if (depth_ == 2 && table_) {
      start_row();
    } else if (depth_ == 3 && table_) {
      problem(row_line(), "\"" + column_name_ + "\" holds an object { ... }; write the value as text");
      skip_from_ = depth_;
    } else {
      if (depth_ == 4 && in_list_) problem(row_line(), "\"" + column_name_ + "\" holds an object in its list; write text");
      skip_from_ = depth_;
    }
    return open();
  }

  bool end_object() {
    close();
    return true;
  }

  bool start_array(std::size_t) {
    if (skipping()) return open();
    if (depth_ == 0) {
      problem(1, "this is not a tablemap JSON file: it should be one object { \"community\": ..., "
                 "\"organizations\": [...] }, not a list");
      skip_from_ = depth_;
    } else if (depth_ == 1) {
      table_ = table_of_key(top_key_);
      if (table_) {
        if (builders_[int(*table_)]) {
          problem(key_line(), "\"" + top_key_ + "\" appears twice in the file");
          table_.reset();
          skip_from_ = depth_;
        } else {
          builders_[int(*table_)] = std::make_unique<TableBuilder>();
          builder().table.file = file_;
          builder().table.header_line = key_line();
          row_count_ = 0;
        }
      } else {
        if (top_key_ == "community") problem(key_line(), "\"community\" must be an object { ... } (the community profile)");
        skip_from_ = depth_;
      }
    } else if (depth_ == 3 && table_) {
      list_.clear();
      in_list_ = true;
    } else {
      if (depth_ == 4 && in_list_) problem(row_line(), "\"" + column_name_ + "\" holds a nested list; write text");
      skip_from_ = depth_;
    }
    return open();
  }

  bool end_array() {
    bool was_list = !skipping() && in_list_ && depth_ == 4;
    close();
    if (was_list) {
      in_list_ = false;
      add_cell(list_);
    } else if (depth_ == 1) {
      table_.reset();
    }
    return true;
  }

  bool key(json::string_t& k) {
    if (skipping()) return true;
    if (depth_ == 1) {
      top_key_ = k;
      ++top_index_;
      if (top_key_ != "format" && top_key_ != "version" && top_key_ != "community" && !table_of_key(top_key_))
        problem(key_line(), "unknown key \"" + top_key_ +
                                "\"; a tablemap JSON file has format, version, community, organizations, "
                                "people, ties and roles");
      if (top_key_ == "community" && community_seen_++) problem(key_line(), "\"community\" appears twice in the file");
    } else if (depth_ == 3 && table_) {
      column_name_ = k;
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    syntax_error_ = true;
    syntax_position_ = position;
    syntax_message_ = ex.what();
    return false;
  }

  // Results.
  bool syntax_error_ = false;
  size_t syntax_position_ = 0;
  std::string syntax_message_;
  Problems problems;
  bool saw_top_object_ = false;
  int community_entry_ = -1;  // index into the layout
  std::unique_ptr<TableBuilder> builders_[4];

 private:
  bool skipping() const { return skip_from_ >= 0; }
  bool open() {
    ++depth_;
    return true;
  }
  void close() {
    --depth_;
    if (skip_from_ >= 0 && depth_ == skip_from_) skip_from_ = -1;
  }
  TableBuilder& builder() { return *builders_[int(*table_)]; }

  uint32_t key_line() const {
    return top_index_ >= 0 && size_t(top_index_) < layout_.size() ? layout_[top_index_].key_line : 0;
  }
  uint32_t row_line() const {
    if (top_index_ < 0 || size_t(top_index_) >= layout_.size()) return 0;
    const auto& lines = layout_[top_index_].element_lines;
    return row_count_ > 0 && row_count_ <= lines.size() ? lines[row_count_ - 1] : 0;
  }
  void problem(uint32_t line, std::string message) { problems.push_back({file_, line, std::move(message)}); }

  void start_row() {
    TableBuilder& b = builder();
    ++row_count_;
    b.row_begin.push_back(b.cells.size());
    b.table.lines.push_back(row_line());
  }

  bool scalar(std::string_view text) {
    if (skipping()) return true;
    if (depth_ == 1) {
      top_scalar(text);
    } else if (depth_ == 2 && table_) {
      ++row_count_;
      problem(row_line(), "each row of \"" + top_key_ + "\" must be an object { \"column\": \"value\", ... }");
    } else if (depth_ == 3 && table_) {
      add_cell(text);
    } else if (depth_ == 4 && in_list_) {
      if (!list_.empty()) list_ += ';';
      list_ += text;
    }
    return true;
  }

  void top_scalar(std::string_view text) {
    if (top_key_ == "format" && text != "tablemap") {
      problem(key_line(), "this is not a tablemap JSON file: \"format\" is \"" + std::string(text) +
                              "\", expected \"tablemap\"");
    } else if (top_key_ == "version") {
      int version = 0;
      try {
        version = std::stoi(std::string(text));
      } catch (const std::exception&) {
        version = -1;
      }
      if (version > kJsonVersion)
        problem(key_line(), "this file was written by a newer tablemap (JSON version " + std::to_string(version) +
                                "); this version reads up to " + std::to_string(kJsonVersion));
      else if (version < 1)
        problem(key_line(), "\"version\" must be a whole number such as 1");
    } else if (top_key_ == "community") {
      problem(key_line(), "\"community\" must be an object { ... } (the community profile)");
    } else if (table_of_key(top_key_)) {
      problem(key_line(), "\"" + top_key_ + "\" must be a list [ ... ] of rows");
    }
  }

  void add_cell(std::string_view text) {
    TableBuilder& b = builder();
    uint32_t col = b.column(column_name_);
    if (b.column_seen_in_row[col] == row_count_) {
      problem(row_line(), "\"" + column_name_ + "\" appears twice in this row");
      return;
    }
    b.column_seen_in_row[col] = row_count_;
    b.cells.push_back({col, b.store(text)});
  }

  const std::string& file_;
  const std::vector<TopEntry>& layout_;
  int depth_ = 0;
  int skip_from_ = -1;  // depth at which the skipped value started
  int top_index_ = -1;
  int community_seen_ = 0;
  std::string top_key_;
  std::optional<TableName> table_;
  size_t row_count_ = 0;
  std::string column_name_;
  bool in_list_ = false;
  std::string list_;
};

// "... parse error at line 3, column 5: syntax error while parsing ..." -> line 3 and the tail.
Problem syntax_problem(const std::string& file, std::string_view text, const SaxReader& sax) {
  const std::string& what = sax.syntax_message_;
  size_t line = 0;
  std::string detail = what;
  if (auto at = what.find("at line "); at != std::string::npos) line = std::strtoul(what.c_str() + at + 8, nullptr, 10);
  if (auto colon = what.find(": ", what.find("parse error")); colon != std::string::npos) detail = what.substr(colon + 2);
  if (line == 0) {
    size_t end = std::min(sax.syntax_position_, text.size());
    line = 1 + size_t(std::count(text.begin(), text.begin() + long(end), '\n'));
  }
  return {file, line, "this is not valid JSON: " + detail};
}

// ---------------------------------------------------------------- writer

void append_json_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// Writes one row object per line, so that problems can name a row's line.
class JsonRowSink : public RowSink {
 public:
  explicit JsonRowSink(std::string& out) : out_(out) {}
  void header(const std::vector<std::string_view>& names, const TableLayout&) override {
    keys_.clear();
    for (auto name : names) {
      std::string key;
      append_json_string(key, name);
      keys_.push_back(key + ": ");
    }
  }
  // The cells as typed (blank ones too: they keep the columns in their order).
  void row(const std::vector<std::string_view>& cells, std::string_view, std::string_view) override {
    out_ += rows_++ ? ",\n    {" : "\n    {";
    for (size_t i = 0; i < cells.size() && i < keys_.size(); ++i) {
      if (i) out_ += ", ";
      out_ += keys_[i];
      append_json_string(out_, cells[i]);
    }
    out_ += '}';
  }
  size_t rows() const { return rows_; }

 private:
  std::string& out_;
  std::vector<std::string> keys_;
  size_t rows_ = 0;
};

}  // namespace

LoadResult load_json_file(const std::string& path) {
  LoadResult result;
  std::string text;
  if (!read_file(path, text, result.problems)) return result;
  if (!check_json_limits(text, path, result.problems)) return result;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.replace(0, 3, "   ");

  std::vector<TopEntry> layout = LayoutScanner(text).scan();
  SaxReader sax(path, layout);
  nlohmann::json::sax_parse(text.begin(), text.end(), &sax, nlohmann::json::input_format_t::json,
                            /*strict=*/true, /*ignore_comments=*/true);
  if (sax.syntax_error_) {
    result.problems.push_back(syntax_problem(path, text, sax));
    return result;
  }
  if (!sax.saw_top_object_) {
    if (sax.problems.empty())
      result.problems.push_back({path, 1, "this is not a tablemap JSON file: it should be one object { ... }"});
    for (auto& p : sax.problems) result.problems.push_back(std::move(p));
    return result;
  }

  RawCommunity raw;
  raw.profile_file = path;
  bool complete = true;
  if (sax.community_entry_ >= 0 && size_t(sax.community_entry_) < layout.size()) {
    const TopEntry& e = layout[size_t(sax.community_entry_)];
    // Pad with the lines before it so that profile problems name the file's lines.
    raw.profile_text.assign(e.value_line - 1, '\n');
    raw.profile_text.append(text, e.value_begin, e.value_end - e.value_begin);
    // As a community.json file would hold it (the writer drops the final line end).
    raw.profile_source = text.substr(e.value_begin, e.value_end - e.value_begin) + "\n";
  } else if (sax.community_entry_ < 0) {
    sax.problems.push_back({path, 0, "the file has no \"community\": { ... } (the community profile)"});
    complete = false;
  } else {
    complete = false;
  }
  for (TableName t : kAllTables) {
    auto& b = sax.builders_[int(t)];
    if (!b) continue;
    b->finish();
    if (b->table.rows() == 0) {
      // An empty list means no rows, as a missing list does; organizations
      // keep their required columns so that an empty community reads as one.
      if (t != TableName::organizations) continue;
      if (b->table.header.empty()) b->table.header = {"id", "name", "sector"};
    }
    if (t == TableName::organizations) raw.organizations = std::move(b->table);
    if (t == TableName::people) raw.people = std::move(b->table);
    if (t == TableName::ties) raw.ties = std::move(b->table);
    if (t == TableName::roles) raw.roles = std::move(b->table);
  }
  if (!sax.builders_[int(TableName::organizations)]) {
    sax.problems.push_back({path, 0, "the file has no \"organizations\": [ ... ] list"});
    complete = false;
  }
  result.problems = std::move(sax.problems);
  if (!complete) return result;

  // Check the rows even when the file's frame had problems, so every problem shows at once.
  LoadResult decoded = decode_community(raw);
  for (auto& p : decoded.problems) result.problems.push_back(std::move(p));
  if (result.problems.empty()) {
    result.community = std::move(decoded.community);
    result.warnings = std::move(decoded.warnings);
  }
  return result;
}

std::string community_to_json_text(const Community& community) {
  std::string out = "{\n  \"format\": \"tablemap\",\n  \"version\": " + std::to_string(kJsonVersion) + ",\n";
  out += "  \"community\": ";
  std::string profile = profile_text(community.profile);
  while (!profile.empty() && (profile.back() == '\n' || profile.back() == '\r' || profile.back() == ' ')) profile.pop_back();
  if (profile == profile_to_json(community.profile).dump(2)) {
    for (char c : profile) {
      out += c;
      if (c == '\n') out += "  ";
    }
  } else {
    out += profile;  // as it was read, comments included
  }
  for (TableName t : kAllTables) {
    out += ",\n  ";
    append_json_string(out, to_string(t));
    out += ": [";
    JsonRowSink sink(out);
    encode_table(community, t, sink);
    out += sink.rows() ? "\n  ]" : "]";
  }
  out += "\n}\n";
  return out;
}

void save_json_file(const Community& community, const std::string& path) {
  write_file_atomically(path, community_to_json_text(community));
}

}  // namespace tablemap
