// The workbook form (.xlsx) of a community, written with libxlsxwriter: a
// Community sheet (Field, Value), Issue areas, then one sheet per table with
// the bundle's columns; header rows bold and frozen, columns sized to their
// text, numbers stored as numbers.
#pragma once

#include <string>
#include <vector>

#include "core/community.hpp"

struct lxw_workbook;  // libxlsxwriter's, for writers that add to a sheet
struct lxw_format;

namespace tablemap {

// One sheet to write: a header row, then rows of cell text. A cell that is a
// plain number ("1961", "0.5") is stored as a number unless its column holds
// ids or names.
struct SheetContent {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  bool notes = false;  // a page of text (one wide column, no header styling)
};

// The sheets of the workbook form, in the order a workbook shows them.
std::vector<SheetContent> workbook_sheets(const Community& community);

// The document properties: the title, and a creation date of 1 January of
// `year` rather than the clock's, so that the same community always gives
// the same bytes (the samples in datasets/ stay unchanged in git).
struct WorkbookProperties {
  std::string title;
  int year = 2000;
};

// A workbook being written (libxlsxwriter) into a temporary file, moved to
// `path` only by commit(): a crash or a throw leaves whatever was at `path`.
// For writers that need more than plain sheets (drop-downs, styles).
class XlsxBook {
 public:
  XlsxBook(const std::string& path, const WorkbookProperties& properties);  // throws SaveError
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  ::lxw_workbook* book() { return book_; }
  ::lxw_format* header_format() { return header_; }  // bold on light blue, a line below
  ::lxw_format* wrap_format() { return wrap_; }      // wrapped text, top aligned
  const std::string& path() const { return path_; }
  // A plain sheet: header row styled and frozen, an autofilter, numbers as numbers.
  void add_sheet(const SheetContent& sheet);
  void commit();  // closes the workbook and moves it into place; throws SaveError

 private:
  std::string path_, temp_;
  ::lxw_workbook* book_ = nullptr;
  ::lxw_format* header_ = nullptr;
  ::lxw_format* wrap_ = nullptr;
};

// Writes the sheets as a workbook at `path`, atomically (temporary file,
// fsync, rename). Throws SaveError.
void write_workbook(const std::vector<SheetContent>& sheets, const WorkbookProperties& properties,
                    const std::string& path);

// write_workbook(workbook_sheets(community), path).
void save_workbook(const Community& community, const std::string& path);

}  // namespace tablemap
