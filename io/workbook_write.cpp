#include "io/workbook_write.hpp"

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <xlsxwriter.h>

#include "io/codec.hpp"
#include "io/load.hpp"
#include "io/workbook_profile.hpp"

namespace tablemap {

namespace {

// Rows of one table as the CSV writer would give them.
class SheetSink : public RowSink {
 public:
  explicit SheetSink(SheetContent& sheet) : sheet_(sheet) {}
  void header(const std::vector<std::string_view>& names, const TableLayout&) override {
    sheet_.header.assign(names.begin(), names.end());
  }
  // The cells as typed; a row's CSV text (how its file spelled it) has no place in a sheet.
  void row(const std::vector<std::string_view>& cells, std::string_view, std::string_view) override {
    sheet_.rows.emplace_back(cells.begin(), cells.end());
  }

 private:
  SheetContent& sheet_;
};

// Text that reads back as exactly itself when stored as a number: no leading
// zeros or '+', at most 15 significant digits (what a double holds).
bool plain_number(std::string_view s) {
  size_t i = s.starts_with('-') ? 1 : 0;
  const size_t digits_begin = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  const size_t whole = i - digits_begin;
  if (whole == 0 || (whole > 1 && s[digits_begin] == '0')) return false;
  size_t fraction = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++fraction;
    if (fraction == 0 || s.back() == '0') return false;
  }
  return i == s.size() && whole + fraction <= 15 && s != "-0";
}

// Columns that hold ids and names stay text even when they look like numbers.
bool text_column(std::string_view header) {
  for (std::string_view c : {"id", "name", "organization", "source", "target", "field", "ID", "Name"})
    if (header == c) return true;
  return false;
}

double column_width(const SheetContent& sheet, size_t column) {
  size_t longest = column < sheet.header.size() ? sheet.header[column].size() + 2 : 0;
  for (const auto& row : sheet.rows)
    if (column < row.size()) longest = std::max(longest, row[column].size());
  return double(std::clamp<size_t>(longest + 2, 8, sheet.notes ? 110 : 45));
}

std::string temporary_path() {
  std::random_device rd;
  return (std::filesystem::temp_directory_path() / ("tablemap-" + std::to_string(rd()) + std::to_string(rd()) + ".xlsx"))
      .string();
}

void check(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR) throw SaveError(what + ": " + lxw_strerror(error));
}

void write_sheet(lxw_workbook* book, const SheetContent& sheet, lxw_format* header_format, lxw_format* wrap,
                 const std::string& path) {
  size_t widest = sheet.header.size();
  for (const auto& row : sheet.rows) widest = std::max(widest, row.size());
  if (widest > kSheetColumns)
    throw SaveError("cannot write " + path + ": the " + sheet.name + " sheet would have " + thousands(int64_t(widest)) +
                    " columns, but " + std::string(kSheetColumnsLimit) +
                    "; keep this community as a bundle folder of CSV files or a .tablemap file");
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.c_str());
  if (!ws) throw SaveError("cannot write " + path + ": the sheet name '" + sheet.name + "' is not allowed");
  const std::string where = "cannot write " + path + " (sheet " + sheet.name + ")";
  const size_t columns = std::max(sheet.header.size(), size_t(1));
  for (size_t c = 0; c < columns; ++c)
    worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), column_width(sheet, c), sheet.notes ? wrap : nullptr);
  for (size_t c = 0; c < sheet.header.size(); ++c)
    check(worksheet_write_string(ws, 0, lxw_col_t(c), sheet.header[c].c_str(), sheet.notes ? nullptr : header_format),
          where);
  for (size_t r = 0; r < sheet.rows.size(); ++r)
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const std::string& cell = sheet.rows[r][c];
      if (cell.empty()) continue;
      const auto row = lxw_row_t(r + 1);
      const bool as_number = !sheet.notes && plain_number(cell) && !(c < sheet.header.size() && text_column(sheet.header[c]));
      if (as_number)
        check(worksheet_write_number(ws, row, lxw_col_t(c), std::stod(cell), nullptr), where);
      else
        check(worksheet_write_string(ws, row, lxw_col_t(c), cell.c_str(), nullptr), where);
    }
  if (!sheet.notes) {
    worksheet_freeze_panes(ws, 1, 0);
    if (!sheet.header.empty())
      worksheet_autofilter(ws, 0, 0, lxw_row_t(sheet.rows.size()), lxw_col_t(sheet.header.size() - 1));
  }
}

}  // namespace

std::vector<SheetContent> workbook_sheets(const Community& community) {
  std::vector<SheetContent> sheets;
  SheetContent profile{"Community", kCommunitySheetHeader, {}};
  for (auto& [field, value] : community_sheet_rows(community.profile)) profile.rows.push_back({field, value});
  sheets.push_back(std::move(profile));
  SheetContent areas{"Issue areas", kIssueAreaSheetHeader, {}};
  for (const IssueArea& a : community.profile.issue_areas) {
    std::string outcomes;
    for (const auto& o : a.outcomes) outcomes += (outcomes.empty() ? "" : "; ") + o;
    areas.rows.push_back({a.id, a.name, outcomes});
  }
  sheets.push_back(std::move(areas));
  static const char* kNames[] = {"Organizations", "People", "Ties", "Roles"};
  for (TableName t : kAllTables) {
    SheetContent sheet{kNames[size_t(t)], {}, {}};
    SheetSink sink(sheet);
    encode_table(community, t, sink);
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

XlsxBook::XlsxBook(const std::string& path, const WorkbookProperties& properties)
    : path_(path), temp_(temporary_path()) {
  book_ = workbook_new(temp_.c_str());
  if (!book_) throw SaveError("cannot write " + path + ": no room for a temporary file in " + temp_);
  std::tm january{};
  january.tm_year = std::max(properties.year, 1980) - 1900;
  january.tm_mday = 1;
  lxw_doc_properties doc{};
  std::string title = properties.title;
  doc.title = title.data();
  doc.created = timegm(&january);
  workbook_set_properties(book_, &doc);
  header_ = workbook_add_format(book_);
  format_set_bold(header_);
  format_set_bg_color(header_, 0xDDEBF7);
  format_set_bottom(header_, LXW_BORDER_THIN);
  wrap_ = workbook_add_format(book_);
  format_set_text_wrap(wrap_);
  format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
}

XlsxBook::~XlsxBook() {
  if (!book_) return;
  workbook_close(book_);
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

void XlsxBook::add_sheet(const SheetContent& sheet) { write_sheet(book_, sheet, header_, wrap_, path_); }

void XlsxBook::commit() {
  const lxw_error closed = workbook_close(book_);
  book_ = nullptr;
  std::error_code ec;
  if (closed != LXW_NO_ERROR) {
    std::filesystem::remove(temp_, ec);
    throw SaveError("cannot write " + path_ + ": " + lxw_strerror(closed));
  }
  // The workbook goes through the one atomic writer, so a crash mid-save leaves the old file.
  std::stringstream bytes;
  bytes << std::ifstream(temp_, std::ios::binary).rdbuf();
  std::filesystem::remove(temp_, ec);
  write_file_atomically(path_, bytes.str());
}

void write_workbook(const std::vector<SheetContent>& sheets, const WorkbookProperties& properties,
                    const std::string& path) {
  XlsxBook book(path, properties);
  for (const SheetContent& sheet : sheets) book.add_sheet(sheet);
  book.commit();
}

void save_workbook(const Community& community, const std::string& path) {
  write_workbook(workbook_sheets(community), {community.profile.name, community.profile.year}, path);
}

}  // namespace tablemap
