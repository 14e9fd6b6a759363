#pragma once
// Row heights of a table and the two placements inside a row that need
// arithmetic over several cells: a row-spanning cell's lines shared out to
// the rows it covers (so that a page break between those rows continues the
// cell's text on the next page instead of cutting it), and numbers aligned
// on their decimal separator. Pure arithmetic; the caller lays out text.
#include <cstddef>
#include <vector>

#include "base/Units.h"

namespace folio::table {

// A row-spanning cell's lines, top to bottom, shared out to its rows:
// row k takes lines while they fit in `rowHeights[k]` (what the row's other
// cells need), less `padTop` in the first row; the last row takes all that
// remain (it grows). Returns, per row, the number of lines it holds; every
// line lands in some row, in order. O(lines + rows).
std::vector<size_t> shareLines(const std::vector<Sp>& lineHeights, const std::vector<Sp>& rowHeights, Sp padTop);

// Decimal alignment in one column. Each cell gives the width of its text
// before the separator (the whole text when it has none) and after it
// (separator included). Returns each cell's x offset inside a column
// content box of width `width`: the separators line up, and the widest
// entry sits flush with the box's end edge.
struct DecimalParts {
  Sp before = 0, after = 0;
};
std::vector<Sp> alignDecimals(const std::vector<DecimalParts>& cells, Sp width);

// The width a decimal-aligned column needs: the widest integer part plus
// the widest fraction part.
Sp decimalWidth(const std::vector<DecimalParts>& cells);

// Vertical offset of content of height `content` in a box of height `box`.
enum class VAlign : unsigned char { Top, Middle, Bottom };
Sp verticalOffset(VAlign align, Sp box, Sp content);

}  // namespace folio::table
