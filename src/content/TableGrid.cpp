// Grid placement of a table's cells and the checks that come with it.
#include <algorithm>

#include "content/Document.h"

namespace folio::content {

size_t placeCells(std::vector<TableRow>& rows, size_t declaredColumns, const SourcePos& tablePos,
                  Diagnostics& diags, bool padShortRows) {
  if (rows.empty()) {
    diags.error(tablePos, "the table has no rows; expected a sequence of rows under 'table'");
    return 0;
  }
  // The width: declared, else the first row's (its cells and column spans).
  size_t width = declaredColumns;
  if (width == 0)
    for (const TableCell& c : rows[0].cells) width += static_cast<size_t>(c.colSpan);
  if (width == 0) {
    diags.error(rows[0].pos, "the first row of the table is empty; expected at least one cell");
    return 0;
  }
  bool ok = true;
  // Rows still covered in each column by a row span from above.
  std::vector<int> covered(width, 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    TableRow& row = rows[r];
    size_t col = 0;
    auto skipCovered = [&] {
      while (col < width && covered[col] > 0) ++col;
    };
    bool rowOk = true;
    for (TableCell& cell : row.cells) {
      skipCovered();
      if (col + static_cast<size_t>(cell.colSpan) > width) {
        diags.error(cell.pos, "row " + std::to_string(r + 1) + " has more cells than the table's " +
                                  std::to_string(width) + " columns; expected " + std::to_string(width) +
                                  " columns in every row (counting spans)");
        rowOk = false;
        break;
      }
      // A span must not run into a slot taken by a row span from above.
      for (size_t k = col; k < col + static_cast<size_t>(cell.colSpan); ++k)
        if (covered[k] > 0) {
          diags.error(cell.pos, "this cell's colspan runs into a cell spanning rows from above; expected a "
                                "smaller colspan");
          rowOk = false;
        }
      if (!rowOk) break;
      if (r + static_cast<size_t>(cell.rowSpan) > rows.size()) {
        diags.error(cell.pos, "rowspan " + std::to_string(cell.rowSpan) + " runs past the last row of the table; "
                              "expected at most " + std::to_string(rows.size() - r));
        cell.rowSpan = static_cast<int>(rows.size() - r);
        ok = false;
      }
      cell.column = col;
      for (size_t k = col; k < col + static_cast<size_t>(cell.colSpan); ++k) covered[k] = cell.rowSpan;
      col += static_cast<size_t>(cell.colSpan);
    }
    if (rowOk) {
      skipCovered();
      size_t filled = col;
      for (size_t k = col; k < width; ++k)
        if (covered[k] > 0) ++filled;
      if (filled < width) {
        if (padShortRows) {
          diags.warning(row.pos, "row " + std::to_string(r + 1) + " has " + std::to_string(filled) + " of the table's " +
                                     std::to_string(width) + " columns; the rest are left empty");
          while (col < width) {
            skipCovered();
            if (col >= width) break;
            TableCell empty;
            empty.pos = row.pos;
            empty.column = col;
            covered[col] = 1;
            row.cells.push_back(std::move(empty));
            ++col;
          }
        } else {
          diags.error(row.pos, "row " + std::to_string(r + 1) + " has " + std::to_string(filled) +
                                   " columns (counting spans); expected " + std::to_string(width) +
                                   " like the " + (declaredColumns ? std::string("table's 'columns'") : "first row") +
                                   " (add empty cells as \"\")");
          rowOk = false;
        }
      }
    }
    ok = ok && rowOk;
    for (int& c : covered)
      if (c > 0) --c;
  }
  return ok ? width : 0;
}

}  // namespace folio::content
