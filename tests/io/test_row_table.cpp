// RowTable keeps each cell in 4 bytes (its offset from its row's first
// non-empty cell and its length) and a cell that does not fit whole apart.
// Every cell must come back exactly as read, wherever it is kept.
#include <catch2/catch.hpp>

#include <string>

#include "io/csv.hpp"
#include "io/row_table.hpp"

using namespace tablemap;

static_assert(sizeof(RowTable::Packed) == 4);

TEST_CASE("cells come back as read, packed or kept whole") {
  const std::string long_cell(70000, 'l');       // longer than a packed length holds
  const std::string longest_packed(65534, 'p');  // the longest that packs
  const std::string first_too_long(65535, 'w');  // one more: kept whole
  std::string text = "a,b,c\n";
  text += "x,,z\n";                              // row 0: a blank cell in the middle
  text += ",y,\n";                               // row 1: the first cell blank
  text += "\"q\"\"uote\",plain,\"quoted\"\n";    // row 2: the first cell rewritten (arena), the others in the text
  text += long_cell + ",tail,\n";                // row 3: a long cell, and one far from the row's start
  text += longest_packed + ",,\n";               // row 4
  text += first_too_long + ",,\n";               // row 5
  RowTable t;
  Problems problems;
  REQUIRE(parse_csv(text, "cells.csv", t, problems));
  REQUIRE(t.rows() == 6);
  CHECK(t.cell(0, 0) == "x");
  CHECK(t.cell(0, 1) == "");
  CHECK(t.cell(0, 2) == "z");
  CHECK(t.cell(1, 0) == "");
  CHECK(t.cell(1, 1) == "y");
  CHECK(t.cell(1, 2) == "");
  CHECK(t.cell(2, 0) == "q\"uote");
  CHECK(t.cell(2, 1) == "plain");
  CHECK(t.cell(2, 2) == "quoted");
  CHECK(t.cell(3, 0) == long_cell);
  CHECK(t.cell(3, 1) == "tail");
  CHECK(t.cell(4, 0) == longest_packed);
  CHECK(t.cell(5, 0) == first_too_long);
  CHECK(t.lines == std::vector<uint32_t>{2, 3, 4, 5, 6, 7});
  // Kept whole, counted by hand: row 2's two text cells (its row starts in
  // the arena), row 3's long cell and "tail" (70,001 bytes from the row's
  // start), row 5's cell of 65,535 bytes.
  CHECK(t.wide.size() == 5);
  CHECK(t.packed.size() == 6 * 3);
}

TEST_CASE("a row of cells added by a reader is padded to the header, or cut to it") {
  RowTable t;
  t.header = {"id", "name", "sector"};
  const RowTable::Span one[] = {t.copy("clinic")};
  t.add_row(one, 1, 4);
  const RowTable::Span four[] = {t.copy("bank"), t.copy("Valley Bank"), t.copy("business"), t.copy("extra")};
  t.add_row(four, 4, 9);
  REQUIRE(t.rows() == 2);
  CHECK(t.cell(0, 0) == "clinic");
  CHECK(t.cell(0, 1) == "");
  CHECK(t.cell(0, 2) == "");
  CHECK(t.cell(1, 1) == "Valley Bank");
  CHECK(t.cell(1, 2) == "business");
  CHECK(t.lines == std::vector<uint32_t>{4, 9});
  CHECK(t.wide.empty());
}

TEST_CASE("a row whose cells were copied out of column order still packs") {
  // The .json form copies a row's cells in the order of its keys, which
  // need not be the header's: the row starts at its lowest offset.
  RowTable t;
  t.header = {"id", "name"};
  const RowTable::Span name = t.copy("Hollow Family Clinic");  // "name" came first in the row
  const RowTable::Span id = t.copy("clinic");
  const RowTable::Span row[] = {id, name};
  t.add_row(row, 2, 3);
  CHECK(t.cell(0, 0) == "clinic");
  CHECK(t.cell(0, 1) == "Hollow Family Clinic");
  CHECK(t.wide.empty());
}
