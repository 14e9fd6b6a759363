#include "table/Rows.h"

#include <algorithm>

namespace folio::table {

SpanPlacement stackLines(const std::vector<Sp>& lineHeights, const std::vector<Sp>& rowHeights, Sp padTop,
                         Sp padBottom) {
  SpanPlacement out;
  if (rowHeights.empty()) return out;
  out.row.reserve(lineHeights.size());
  out.dy.reserve(lineHeights.size());
  size_t r = 0;
  Sp rowTop = 0, y = padTop;  // from the span's top
  for (Sp h : lineHeights) {
    while (r + 1 < rowHeights.size() && y >= rowTop + rowHeights[r]) rowTop += rowHeights[r++];
    out.row.push_back(r);
    out.dy.push_back(y - rowTop);
    y += h;
  }
  Sp total = 0;
  for (Sp h : rowHeights) total += h;
  out.growth = std::max<Sp>(y + padBottom - total, 0);
  return out;
}

Sp decimalWidth(const std::vector<DecimalParts>& cells) {
  Sp before = 0, after = 0;
  for (const DecimalParts& c : cells) before = std::max(before, c.before), after = std::max(after, c.after);
  return before + after;
}

std::vector<Sp> alignDecimals(const std::vector<DecimalParts>& cells, Sp width) {
  Sp before = 0, after = 0;
  for (const DecimalParts& c : cells) before = std::max(before, c.before), after = std::max(after, c.after);
  Sp start = std::max<Sp>(width - before - after, 0);
  std::vector<Sp> x;
  x.reserve(cells.size());
  for (const DecimalParts& c : cells) x.push_back(start + before - c.before);
  return x;
}

Sp verticalOffset(VAlign align, Sp box, Sp content) {
  Sp slack = std::max<Sp>(box - content, 0);
  return align == VAlign::Middle ? slack / 2 : align == VAlign::Bottom ? slack : 0;
}

}  // namespace folio::table
