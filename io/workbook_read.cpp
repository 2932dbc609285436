// Reading .xlsx: the parts a workbook is made of (ECMA-376 / ISO 29500):
//   _rels/.rels                     -> the workbook part (xl/workbook.xml)
//   xl/workbook.xml                 -> sheet names and their relationship ids
//   xl/_rels/workbook.xml.rels      -> relationship id -> sheet part, shared strings part
//   xl/sharedStrings.xml            -> the text of cells typed t="s"
//   xl/worksheets/sheetN.xml        -> rows of cells
// Element names are compared without their namespace prefix, since some
// writers (the .NET SDK, some exporters) prefix every element.
#include "io/workbook_read.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include <pugixml.hpp>
#include <zip.h>

#include "io/suggest.hpp"
#include "io/workbook_profile.hpp"
#include "io/xml_names.hpp"

namespace tablemap {

namespace {

// The container: entries by name, read whole.
class ZipArchive {
 public:
  ZipArchive() = default;
  ~ZipArchive() {
    if (zip_) zip_discard(zip_);
  }
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Opens `path`; on failure returns libzip's error code.
  int open(const std::string& path) {
    int error = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &error);
    return zip_ ? 0 : error;
  }
  bool has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE) >= 0; }
  // The entry's bytes, or nullopt when absent or unreadable.
  std::optional<std::string> read(const std::string& name) const {
    zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_file_t* file = zip_fopen_index(zip_, zip_uint64_t(index), 0);
    if (!file) return std::nullopt;
    std::string out;
    char buffer[1 << 16];
    zip_int64_t n;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) out.append(buffer, size_t(n));
    zip_fclose(file);
    if (n < 0) return std::nullopt;
    return out;
  }

 private:
  zip_t* zip_ = nullptr;
};

// "xl/worksheets/sheet1.xml" from a relationship target, relative to the part's folder.
std::string resolve_target(std::string_view folder, std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string base(folder);
  while (target.substr(0, 3) == "../") {
    target.remove_prefix(3);
    if (size_t slash = base.find_last_of('/', base.size() >= 2 ? base.size() - 2 : 0); slash != std::string::npos)
      base.resize(slash + 1);
    else
      base.clear();
  }
  return base + std::string(target);
}

std::string folder_of(std::string_view part) {
  size_t slash = part.find_last_of('/');
  return slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
}

std::string rels_of(std::string_view part) {
  return folder_of(part) + "_rels/" + std::string(part.substr(part.find_last_of('/') + 1)) + ".rels";
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Excel writes characters XML cannot hold as _xHHHH_ (a line feed typed in a
// cell as _x000D_, an underscore before such text as _x005F_).
std::string decode_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      uint32_t cp = 0;
      auto [p, ec] = std::from_chars(text.data() + i + 2, text.data() + i + 6, cp, 16);
      if (ec == std::errc() && p == text.data() + i + 6) {
        append_utf8(out, cp);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The text of a string item: <t> directly, or the <t> of each rich-text run
// <r>; phonetic hints (<rPh>) are not part of the text.
std::string string_item_text(pugi::xml_node item) {
  std::string out;
  for (pugi::xml_node c : item.children()) {
    std::string_view n = local_name(c.name());
    if (n == "t")
      out += c.child_value();
    else if (n == "r")
      out += child_named(c, "t").child_value();
  }
  return decode_escapes(out);
}

// Column index (A = 0) of a cell reference such as "AB12"; -1 without letters;
// kSheetColumns for any column past XFD (so that "AAAAAAAAAAAA1" cannot overflow).
int column_of_reference(std::string_view ref) {
  int column = 0;
  size_t i = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i)
    column = std::min(column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1), int(kSheetColumns) + 1);
  return i == 0 ? -1 : column - 1;
}

// The problem of a cell past the last column; `ref` as written, shortened.
Problem beyond_last_column(const std::string& label, uint32_t row, std::string_view ref) {
  const std::string cell = ref.empty() ? "a cell" : "the cell " + std::string(ref.substr(0, 20));
  return {label, row,
          cell + " is beyond column XFD: " + std::string(kSheetColumnsLimit) +
              "; move what is past XFD into columns A to XFD"};
}

struct XmlPart {
  std::string bytes;
  pugi::xml_document doc;
};

// Reads and parses one part; a problem (labelled `label`) when it is damaged.
bool load_part(const ZipArchive& zip, const std::string& name, XmlPart& part, const std::string& label,
               Problems& problems) {
  auto bytes = zip.read(name);
  if (!bytes) return false;
  part.bytes = std::move(*bytes);
  pugi::xml_parse_result r = part.doc.load_buffer_inplace(part.bytes.data(), part.bytes.size());
  if (!r) {
    problems.push_back({label, 0,
                        "the workbook is damaged (" + name + ": " + r.description() +
                            "); open it in your spreadsheet program and save it again"});
    return false;
  }
  return true;
}

struct SheetRef {
  std::string name;
  std::string part;
};

class WorkbookReader {
 public:
  WorkbookReader(const std::string& path, Problems& problems) : path_(path), problems_(problems) {}

  std::optional<Workbook> read() {
    if (!open()) return std::nullopt;
    std::string workbook_part = "xl/workbook.xml";
    XmlPart root_rels;
    if (load_part(zip_, "_rels/.rels", root_rels, path_, problems_))
      for (pugi::xml_node rel : child_named(root_rels.doc, "Relationships").children())
        if (std::string_view(attribute_named(rel, "Type")).ends_with("/officeDocument"))
          workbook_part = resolve_target("", attribute_named(rel, "Target"));
    XmlPart workbook;
    if (!load_part(zip_, workbook_part, workbook, path_, problems_)) {
      if (problems_.empty()) not_a_workbook("it is a zip archive without a workbook inside");
      return std::nullopt;
    }
    std::vector<SheetRef> sheets = sheet_parts(workbook, workbook_part);
    if (!problems_.empty()) return std::nullopt;
    Workbook book;
    book.label = path_;
    for (const SheetRef& ref : sheets) {
      WorkbookSheet sheet;
      sheet.name = ref.name;
      if (!read_sheet(ref, sheet)) continue;
      book.sheets.push_back(std::move(sheet));
    }
    if (!problems_.empty()) return std::nullopt;
    return book;
  }

 private:
  bool open() {
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec)) {
      problems_.push_back({path_, 0, "no such file"});
      return false;
    }
    if (std::filesystem::is_directory(path_, ec)) {
      problems_.push_back({path_, 0, "is a folder, not a workbook; a bundle folder's name does not end in .xlsx"});
      return false;
    }
    const int error = zip_.open(path_);
    if (error == 0) {
      if (zip_.has("mimetype") && !zip_.has("xl/workbook.xml")) {
        not_a_workbook("it is an OpenDocument spreadsheet (.ods)");
        return false;
      }
      return true;
    }
    if (error == ZIP_ER_NOZIP || error == ZIP_ER_INCONS) {
      std::string head(8, '\0');
      std::ifstream(path_, std::ios::binary).read(head.data(), 8);
      if (head == std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        not_a_workbook("it is an Excel 97-2003 file (.xls) or a workbook protected by a password");
      else
        not_a_workbook("it is not a zip archive, as every .xlsx file is");
    } else if (error == ZIP_ER_OPEN || error == ZIP_ER_READ) {
      problems_.push_back({path_, 0, "cannot read this file (check that you may read it)"});
    } else {
      zip_error_t e;
      zip_error_init_with_code(&e, error);
      not_a_workbook(std::string("it cannot be opened as a zip archive: ") + zip_error_strerror(&e));
      zip_error_fini(&e);
    }
    return false;
  }

  void not_a_workbook(const std::string& why) {
    problems_.push_back({path_, 0,
                         "not a workbook (.xlsx): " + why +
                             ". Open it in Excel, LibreOffice or Google Sheets and save or download it as "
                             "\"Excel Workbook (.xlsx)\""});
  }

  std::vector<SheetRef> sheet_parts(const XmlPart& workbook, const std::string& workbook_part) {
    std::vector<std::pair<std::string, std::string>> targets;  // relationship id -> part
    XmlPart rels;
    const std::string folder = folder_of(workbook_part);
    if (load_part(zip_, rels_of(workbook_part), rels, path_, problems_))
      for (pugi::xml_node rel : child_named(rels.doc, "Relationships").children()) {
        std::string_view type = attribute_named(rel, "Type");
        std::string part = resolve_target(folder, attribute_named(rel, "Target"));
        if (type.ends_with("/sharedStrings")) shared_strings_part_ = part;
        if (type.ends_with("/worksheet")) targets.emplace_back(attribute_named(rel, "Id"), part);
      }
    std::vector<SheetRef> sheets;
    for (pugi::xml_node s : child_named(child_named(workbook.doc, "workbook"), "sheets").children()) {
      std::string_view id = attribute_named(s, "id");
      for (const auto& [rid, part] : targets)
        if (rid == id) sheets.push_back({s.attribute("name").value(), part});  // chart sheets have no worksheet
    }
    if (shared_strings_part_.empty() && zip_.has(folder + "sharedStrings.xml"))
      shared_strings_part_ = folder + "sharedStrings.xml";
    return sheets;
  }

  bool load_shared_strings() {
    if (strings_loaded_) return true;
    strings_loaded_ = true;
    if (shared_strings_part_.empty()) return true;
    XmlPart part;
    if (!load_part(zip_, shared_strings_part_, part, path_, problems_)) return problems_.empty();
    for (pugi::xml_node si : child_named(part.doc, "sst").children())
      if (local_name(si.name()) == "si") shared_strings_.push_back(string_item_text(si));
    return true;
  }

  std::string cell_text(pugi::xml_node c, const std::string& label, uint32_t row) {
    std::string_view type = c.attribute("t").value();
    pugi::xml_node v = child_named(c, "v");
    if (type == "inlineStr") return string_item_text(child_named(c, "is"));
    if (type == "s") {
      if (!load_shared_strings()) return "";
      size_t index = 0;
      std::string_view text = v.child_value();
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
      if (ec != std::errc() || index >= shared_strings_.size()) {
        problems_.push_back({label, row,
                             std::string("the cell ") + c.attribute("r").value() +
                                 " refers to a text the workbook does not hold; save the workbook again"});
        return "";
      }
      return shared_strings_[index];
    }
    if (type == "b") return std::string_view(v.child_value()) == "1" ? "TRUE" : "FALSE";
    if (type == "str" || type == "e" || type == "d") return decode_escapes(v.child_value());
    return number_cell_text(v.child_value());  // "n" or no type
  }

  bool read_sheet(const SheetRef& ref, WorkbookSheet& sheet) {
    const std::string label = path_ + ":" + ref.name;
    XmlPart part;
    if (!load_part(zip_, ref.part, part, label, problems_)) {
      if (problems_.empty())
        problems_.push_back({label, 0, "the workbook lists this sheet but does not hold it; save the workbook again"});
      return false;
    }
    pugi::xml_node data = child_named(child_named(part.doc, "worksheet"), "sheetData");
    uint32_t row_number = 0;
    for (pugi::xml_node row : data.children()) {
      if (local_name(row.name()) != "row") continue;
      row_number = row.attribute("r") ? row.attribute("r").as_uint() : row_number + 1;
      std::vector<std::string> cells;
      int column = -1;
      for (pugi::xml_node c : row.children()) {
        if (local_name(c.name()) != "c") continue;
        int at = column_of_reference(c.attribute("r").value());
        column = at >= 0 ? at : column + 1;
        if (column >= int(kSheetColumns)) {
          problems_.push_back(beyond_last_column(label, row_number, c.attribute("r").value()));
          return false;  // one problem for the sheet, not one per cell
        }
        std::string text = cell_text(c, label, row_number);
        if (text.empty()) continue;
        if (cells.size() <= size_t(column)) cells.resize(size_t(column) + 1);
        cells[size_t(column)] = std::move(text);
      }
      if (cells.empty()) continue;
      sheet.row_numbers.push_back(row_number);
      sheet.rows.push_back(std::move(cells));
    }
    return true;
  }

  const std::string& path_;
  Problems& problems_;
  ZipArchive zip_;
  std::string shared_strings_part_;
  bool strings_loaded_ = false;
  std::vector<std::string> shared_strings_;
};

// Problems the decoder words for CSV files, said in the workbook's terms.
void in_workbook_words(Problems& problems) {
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"community.json", "the Community sheet"}, {"organizations.csv", "the Organizations sheet"},
      {"people.csv", "the People sheet"},        {"ties.csv", "the Ties sheet"},
      {"roles.csv", "the Roles sheet"},          {"on line ", "on row "},
  };
  for (Problem& p : problems)
    for (const auto& [from, to] : kWords)
      for (size_t at = p.message.find(from); at != std::string::npos; at = p.message.find(from, at + to.size()))
        p.message.replace(at, from.size(), to);
}

}  // namespace

std::string sheet_name_key(std::string_view name) {
  std::string key;
  for (char c : name)
    if (c != ' ' && c != '_' && c != '-') key += char(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

const WorkbookSheet* Workbook::find(std::string_view name) const {
  const std::string key = sheet_name_key(name);
  for (const auto& s : sheets)
    if (sheet_name_key(trim(s.name)) == key) return &s;
  return nullptr;
}

std::vector<std::string> Workbook::sheet_names() const {
  std::vector<std::string> names;
  for (const auto& s : sheets) names.push_back(s.name);
  return names;
}

std::string number_cell_text(std::string_view stored) {
  double value = 0;
  auto [p, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
  if (ec != std::errc() || p != stored.data() + stored.size() || !std::isfinite(value)) return std::string(stored);
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(int64_t(value));
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", value);
  return text;
}

std::optional<Workbook> read_workbook(const std::string& path, Problems& problems) {
  Problems found;
  auto book = WorkbookReader(path, found).read();
  problems.insert(problems.end(), found.begin(), found.end());
  return book;
}

RowTable sheet_table(const Workbook& book, const WorkbookSheet& sheet) {
  RowTable t;
  t.file = book.label_of(sheet);
  size_t first = 0;
  auto empty_row = [&](size_t r) {
    for (const auto& c : sheet.rows[r])
      if (!trim(c).empty()) return false;
    return true;
  };
  while (first < sheet.rows.size() && empty_row(first)) ++first;
  if (first == sheet.rows.size()) return t;
  size_t width = 0;
  for (size_t r = first; r < sheet.rows.size(); ++r) width = std::max(width, sheet.rows[r].size());
  for (size_t c = 0; c < width; ++c)
    t.header.emplace_back(c < sheet.rows[first].size() ? trim(sheet.rows[first][c]) : std::string_view());
  t.header_line = sheet.row_numbers[first];
  std::vector<RowTable::Span> spans;
  for (size_t r = first + 1; r < sheet.rows.size(); ++r) {
    if (empty_row(r)) continue;
    const auto& row = sheet.rows[r];
    spans.clear();
    for (size_t c = 0; c < width && c < row.size(); ++c) spans.push_back(t.copy(trim(row[c])));
    t.add_row(spans.data(), spans.size(), sheet.row_numbers[r]);
  }
  return t;
}

LoadResult load_workbook(const std::string& path) {
  LoadResult result;
  Problems& problems = result.problems;
  auto book = read_workbook(path, problems);
  if (!book) return result;

  const WorkbookSheet* organizations = book->find("Organizations");
  if (!organizations && book->find("Elements")) {
    problems.push_back({path, 0,
                        "this is a Kumu workbook (Elements and Connections), not a tablemap one; import it with: "
                        "tablemap convert " + path + " NEW.xlsx --sector-column Type (the column that holds the sectors)"});
    return result;
  }
  if (!book->find("Community"))
    problems.push_back({path, 0,
                        "the workbook has no Community sheet (the profile: Field and Value, one row per field); "
                        "its sheets are: " + join_names(book->sheet_names())});
  if (!organizations)
    problems.push_back({path, 0,
                        "the workbook has no Organizations sheet" + did_you_mean("Organizations", book->sheet_names()) +
                            "; its sheets are: " + join_names(book->sheet_names())});
  RawCommunity raw;
  ProfileFromSheets profile = profile_json_from_sheets(*book, problems);
  if (!problems.empty()) return result;

  raw.profile_file = path + ":Community";
  raw.profile_text = profile.text;
  raw.organizations = sheet_table(*book, *organizations);
  if (const auto* s = book->find("People")) raw.people = sheet_table(*book, *s);
  if (const auto* s = book->find("Ties")) raw.ties = sheet_table(*book, *s);
  if (const auto* s = book->find("Roles")) raw.roles = sheet_table(*book, *s);
  result = decode_community(raw);
  locate_profile_problems(result.problems, raw.profile_file, profile);
  in_workbook_words(result.problems);
  sort_problems_by_line(result.problems);
  return result;
}

}  // namespace tablemap
