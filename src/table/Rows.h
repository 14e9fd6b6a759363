#pragma once
// Row heights of a table and the two placements inside a row that need
// arithmetic over several cells: a row-spanning cell's lines stacked from
// the top of its span over the rows it covers, and numbers aligned on their
// decimal separator. Pure arithmetic; the caller lays out text.
#include <cstddef>
#include <vector>

#include "base/Units.h"

namespace folio::table {

// A row-spanning cell's lines, set one under the other from the top of its
// span (`padTop` below the first row's top), as a reader expects one cell
// to read: for each line, the row its top falls in and its offset from that
// row's top. A line may run on past its row's bottom into the next row (the
// rows of a span are one box on the page; a page break between them moves
// the lines that would cross it overleaf, see pagination/PageBuilder).
// `growth` is how much the last row must grow for the last line and
// `padBottom` to fit. Every line is placed, in order. O(lines + rows).
struct SpanPlacement {
  std::vector<size_t> row;
  std::vector<Sp> dy;
  Sp growth = 0;
};
SpanPlacement stackLines(const std::vector<Sp>& lineHeights, const std::vector<Sp>& rowHeights, Sp padTop,
                         Sp padBottom);

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
