#pragma once
// Column widths of a table, as CSS's automatic table layout computes them:
// pure arithmetic on the cells' min-content and max-content widths (the
// caller measures those with the paragraph engine), fixed lengths,
// percentages of the table's width and fractions (`1fr 2fr`) of what is left.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/Units.h"

namespace folio::table {

struct ColumnWidth {
  enum class Kind : uint8_t { Auto, Fixed, Percent, Fraction };
  Kind kind = Kind::Auto;
  Sp fixed = 0;      // Fixed
  double value = 0;  // Percent: 0..100 of the table's width; Fraction: its share (> 0)
};

// A cell as the column computation sees it. Widths include the cell's
// horizontal padding.
struct CellExtent {
  size_t column = 0;  // first column it covers
  size_t span = 1;    // columns it covers
  Sp minContent = 0;  // the longest piece that cannot break (hyphenation considered)
  Sp maxContent = 0;  // the whole content on one line
};

struct Columns {
  std::vector<Sp> widths;
  // Cells (indices into the input) whose columns are narrower than their
  // min-content: their words will be broken, and the caller warns.
  std::vector<size_t> squeezed;
  Sp total() const {
    Sp t = 0;
    for (Sp w : widths) t += w;
    return t;
  }
};

// `available` is the table's width. Auto and fraction columns share what
// fixed and percentage columns leave: when all of them fit at max-content,
// auto columns get it and fraction columns take the remainder by their
// fractions (never less than their min-content), or, with no fraction
// column, auto columns grow in proportion to their max-content so the
// table fills `available`; otherwise each gets its min-content plus a
// share of the rest proportional to (max - min), as CSS does.
// Cost: O(cells + columns), memory O(columns).
Columns resolveColumns(const std::vector<ColumnWidth>& columns, const std::vector<CellExtent>& cells,
                       Sp available);

}  // namespace folio::table
