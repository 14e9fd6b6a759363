#include "table/Rows.h"

#include <algorithm>

namespace folio::table {

std::vector<size_t> shareLines(const std::vector<Sp>& lineHeights, const std::vector<Sp>& rowHeights, Sp padTop) {
  std::vector<size_t> counts(rowHeights.size(), 0);
  if (rowHeights.empty()) return counts;
  size_t line = 0;
  for (size_t r = 0; r + 1 < rowHeights.size(); ++r) {
    Sp room = rowHeights[r] - (r == 0 ? padTop : 0);
    while (line < lineHeights.size() && lineHeights[line] <= room) {
      room -= lineHeights[line++];
      ++counts[r];
    }
  }
  counts.back() = lineHeights.size() - line;
  return counts;
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
