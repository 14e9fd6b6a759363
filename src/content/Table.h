#pragma once
// The `table` block (and a pipe table of a `markdown` block): a grid of
// cells whose spans are already resolved, so every later stage can trust
// that each row covers exactly the table's columns.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "markup/Inline.h"
#include "yaml/ScalarSource.h"

namespace folio::content {

struct Block;

enum class CellAlign : uint8_t { Default, Start, End, Left, Right, Center, Decimal };
enum class VAlign : uint8_t { Default, Top, Middle, Bottom };

struct TableColumn {
  enum class Width : uint8_t { Auto, Length, Percent, Fraction };
  Width width = Width::Auto;
  double value = 0;   // Length: points (or em when `em`); Percent: 0..100; Fraction: > 0
  bool em = false;
  CellAlign align = CellAlign::Default;
  VAlign valign = VAlign::Default;
  SourcePos pos;
};

struct TableCell {
  SourcePos pos;
  markup::InlineText text;                            // inline form
  std::shared_ptr<const yaml::ScalarMap> textSource;  // where its characters were written
  std::vector<Block> blocks;                          // block form (paragraphs, lists, images)
  size_t column = 0;                                  // first grid column it covers
  int rowSpan = 1, colSpan = 1;
  CellAlign align = CellAlign::Default;
  VAlign valign = VAlign::Default;
  bool header = false;  // a header cell outside the header rows (a row's label)
};

struct TableRow {
  SourcePos pos;
  std::vector<TableCell> cells;  // in column order; slots covered by a span from above hold no cell
};

struct Table {
  std::vector<TableColumn> columns;  // as many as the grid is wide
  std::vector<TableRow> rows;        // header rows first, footer rows last
  size_t headerRows = 1, footerRows = 0;
  markup::InlineText caption;
  std::shared_ptr<const yaml::ScalarMap> captionSource;
  markup::InlineText continued;  // the caption's continuation on later pages ("(continued)"); empty: none
};

// Places cells on the grid (row spans from above take their slots) and
// checks that every row fills the table's width: ragged rows, spans past the
// table's edge and overlapping spans are reported at the cell or row.
// `declaredColumns` is 0 when the table gives no `columns`. Returns the
// grid's width (0 after an error).
size_t placeCells(std::vector<TableRow>& rows, size_t declaredColumns, const SourcePos& tablePos,
                  Diagnostics& diags, bool padShortRows = false);

}  // namespace folio::content
