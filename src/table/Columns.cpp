#include "table/Columns.h"

#include <algorithm>
#include <cstdint>

namespace folio::table {

namespace {

// Spreads `extra` over w[first, first+n) in proportion to `weights` (equal
// shares when they are all zero); the last column takes the rounding rest.
void spread(std::vector<Sp>& w, const std::vector<Sp>& weights, size_t first, size_t n, Sp extra) {
  if (n == 0 || extra <= 0) return;
  int64_t total = 0;
  for (size_t i = first; i < first + n; ++i) total += weights[i];
  Sp given = 0;
  for (size_t i = first; i < first + n; ++i) {
    Sp share = i + 1 == first + n ? extra - given
               : total > 0        ? static_cast<Sp>(int64_t(extra) * weights[i] / total)
                                  : extra / static_cast<Sp>(n);
    w[i] += share;
    given += share;
  }
}

}  // namespace

Columns resolveColumns(const std::vector<ColumnWidth>& columns, const std::vector<CellExtent>& cells,
                       Sp available) {
  const size_t n = columns.size();
  Columns out;
  out.widths.assign(n, 0);
  if (n == 0) return out;

  // 1. Each column's min and max from the cells that span it alone, then
  //    the spanning cells widen their columns where they need more.
  std::vector<Sp> minW(n, 0), maxW(n, 0);
  for (const CellExtent& c : cells) {
    if (c.span != 1 || c.column >= n) continue;
    minW[c.column] = std::max(minW[c.column], c.minContent);
    maxW[c.column] = std::max(maxW[c.column], std::max(c.maxContent, c.minContent));
  }
  for (const CellExtent& c : cells) {
    if (c.span <= 1 || c.column >= n) continue;
    size_t span = std::min(c.span, n - c.column);
    Sp haveMin = 0, haveMax = 0;
    for (size_t i = c.column; i < c.column + span; ++i) haveMin += minW[i], haveMax += maxW[i];
    spread(minW, maxW, c.column, span, c.minContent - haveMin);
    spread(maxW, maxW, c.column, span, std::max(c.maxContent, c.minContent) - haveMax);
  }
  for (size_t i = 0; i < n; ++i) maxW[i] = std::max(maxW[i], minW[i]);

  // 2. Fixed and percentage columns take what they ask for.
  Sp rest = available;
  std::vector<size_t> autos, fractions;
  for (size_t i = 0; i < n; ++i) {
    const ColumnWidth& c = columns[i];
    switch (c.kind) {
      case ColumnWidth::Kind::Fixed: out.widths[i] = c.fixed; break;
      case ColumnWidth::Kind::Percent:
        out.widths[i] = static_cast<Sp>(int64_t(available) * int64_t(c.value * 1000) / 100000);
        break;
      case ColumnWidth::Kind::Auto: autos.push_back(i); break;
      case ColumnWidth::Kind::Fraction: fractions.push_back(i); break;
    }
    rest -= out.widths[i];
  }
  rest = std::max<Sp>(rest, 0);

  // 3. When auto and fraction columns all fit at max-content, auto
  //    columns take it and fraction columns share the rest (4); otherwise
  //    both kinds get min-content plus a share of what is left in
  //    proportion to (max - min), as CSS sizes auto columns, so a fraction
  //    column is not starved by auto columns at their widest.
  std::vector<size_t> flexible = autos;
  flexible.insert(flexible.end(), fractions.begin(), fractions.end());
  int64_t sumMin = 0, sumMax = 0, autoMax = 0;
  for (size_t i : flexible) sumMin += minW[i], sumMax += maxW[i];
  for (size_t i : autos) autoMax += maxW[i];
  if (sumMax <= rest) {
    for (size_t i : autos) out.widths[i] = maxW[i];
    Sp frRest = static_cast<Sp>(rest - autoMax);
    if (!fractions.empty()) {
      // 4. Fractions share the remainder; one whose share falls below its
      //    min-content takes its minimum and leaves the sharing.
      std::vector<size_t> open = fractions;
      for (bool again = true; again && !open.empty();) {
        again = false;
        double sum = 0;
        for (size_t i : open) sum += columns[i].value;
        for (auto it = open.begin(); it != open.end(); ++it)
          if (static_cast<Sp>(frRest * (columns[*it].value / sum)) < minW[*it]) {
            out.widths[*it] = minW[*it];
            frRest = std::max<Sp>(frRest - minW[*it], 0);
            open.erase(it);
            again = true;
            break;
          }
        if (!again) {
          Sp given = 0;
          for (size_t k = 0; k < open.size(); ++k) {
            Sp share = k + 1 == open.size() ? frRest - given : static_cast<Sp>(frRest * (columns[open[k]].value / sum));
            out.widths[open[k]] = share;
            given += share;
          }
        }
      }
    } else if (!autos.empty() && frRest > 0) {
      // 5. No fractions: the table fills its width, auto columns growing
      //    in proportion to their max-content.
      std::vector<Sp> weights(n, 0);
      for (size_t i : autos) weights[i] = maxW[i];
      int64_t total = 0;
      for (size_t i : autos) total += weights[i];
      Sp given = 0;
      for (size_t k = 0; k < autos.size(); ++k) {
        size_t i = autos[k];
        Sp share = k + 1 == autos.size() ? frRest - given
                   : total > 0           ? static_cast<Sp>(int64_t(frRest) * weights[i] / total)
                                         : frRest / static_cast<Sp>(autos.size());
        out.widths[i] += share;
        given += share;
      }
    }
  } else if (sumMin <= rest) {
    for (size_t i : flexible)
      out.widths[i] = minW[i] + static_cast<Sp>((int64_t(maxW[i] - minW[i]) * (rest - sumMin)) / (sumMax - sumMin));
  } else if (sumMin > 0) {
    // Narrower than min-content: every column shrinks alike (reported below).
    for (size_t i : flexible) out.widths[i] = static_cast<Sp>(int64_t(minW[i]) * rest / sumMin);
  }

  // 6. Which cells did not get their min-content?
  for (size_t k = 0; k < cells.size(); ++k) {
    const CellExtent& c = cells[k];
    if (c.column >= n) continue;
    Sp have = 0;
    for (size_t i = c.column; i < std::min(n, c.column + c.span); ++i) have += out.widths[i];
    if (c.minContent > have) out.squeezed.push_back(k);
  }
  return out;
}

}  // namespace folio::table
