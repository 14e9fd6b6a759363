#include "pdf/PaintOrder.h"

#include <algorithm>

namespace folio::pdf {

namespace {

const frame::GlyphRun* runAt(const frame::Page& page, size_t i) {
  return std::get_if<frame::GlyphRun>(&page.items[i]);
}

// A line's runs [first, last) in logical order.
void orderLine(const frame::Page& page, size_t first, size_t last, std::vector<size_t>& order) {
  std::vector<size_t> line(order.begin() + static_cast<std::ptrdiff_t>(first),
                           order.begin() + static_cast<std::ptrdiff_t>(last));
  // Every run carries its bidi level (set by the paragraph engine): undo
  // UAX #9's rule L2 exactly. Left to right by position, then reverse each
  // maximal stretch of runs at level k or higher, for k = 1 up to the
  // highest level ("ج-أ/2026/088" in a left-to-right line is R, EN, R, EN
  // at levels 1 2 1 2: read logically only this way).
  bool levels = true;
  uint8_t top = 0;
  for (size_t i : line) {
    const frame::GlyphRun* r = runAt(page, i);
    levels = levels && r->level != frame::GlyphRun::kNoLevel && bool(r->level & 1) == r->rtl;
    if (levels) top = std::max(top, r->level);
  }
  if (levels) {
    std::stable_sort(line.begin(), line.end(), [&](size_t a, size_t b) {
      const Sp xa = runAt(page, a)->origin.x, xb = runAt(page, b)->origin.x;
      return xa < xb || (xa == xb && a < b);
    });
    for (uint8_t k = 1; k <= top; ++k)
      for (size_t s = 0; s < line.size();) {
        if (runAt(page, line[s])->level < k) {
          ++s;
          continue;
        }
        size_t e = s;
        while (e < line.size() && runAt(page, line[e])->level >= k) ++e;
        std::reverse(line.begin() + static_cast<std::ptrdiff_t>(s), line.begin() + static_cast<std::ptrdiff_t>(e));
        s = e;
      }
    std::copy(line.begin(), line.end(), order.begin() + static_cast<std::ptrdiff_t>(first));
    return;
  }
  // Otherwise (a list marker, set apart; runs without levels) the line's
  // direction: its paragraph's where the runs know it (a line of a
  // right-to-left paragraph may be mostly a URL), else the one most of the
  // line's glyphs are set in (cells of a table row side by side).
  size_t rtlGlyphs = 0, ltrGlyphs = 0, rtlParagraph = 0, ltrParagraph = 0;
  for (size_t i : line) {
    const frame::GlyphRun& run = *runAt(page, i);
    (run.rtl ? rtlGlyphs : ltrGlyphs) += run.glyphs.size();
    if (run.paragraphRtl) (*run.paragraphRtl ? rtlParagraph : ltrParagraph) += run.glyphs.size();
  }
  const bool rtlLine = rtlParagraph + ltrParagraph > 0 ? rtlParagraph > ltrParagraph : rtlGlyphs > ltrGlyphs;
  std::stable_sort(line.begin(), line.end(), [&](size_t a, size_t b) {
    const Sp xa = runAt(page, a)->origin.x, xb = runAt(page, b)->origin.x;
    // Zero-width runs at one x (an isolate's closing mark beside its
    // number) keep their order in the line's direction: visual order
    // reversed in a right-to-left line.
    return rtlLine ? xa > xb || (xa == xb && a > b) : xa < xb;
  });
  // Stretches against the line's direction read the other way.
  for (size_t k = 0; k < line.size();) {
    size_t e = k;
    while (e < line.size() && runAt(page, line[e])->rtl != rtlLine) ++e;
    std::reverse(line.begin() + static_cast<std::ptrdiff_t>(k),
                 line.begin() + static_cast<std::ptrdiff_t>(e));
    k = e == k ? k + 1 : e;
  }
  std::copy(line.begin(), line.end(), order.begin() + static_cast<std::ptrdiff_t>(first));
}

}  // namespace

std::vector<size_t> paintOrder(const frame::Page& page) {
  const size_t n = page.items.size();
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  for (size_t i = 0; i < n;) {
    const frame::GlyphRun* run = runAt(page, i);
    size_t j = i + 1;
    if (run) {
      const bool inTemplate = i < page.templateItems;
      // In the template, a text item that is content (page 1's sender
      // block, address, telephone: one element each) is a line of its own,
      // even where another item shares its baseline.
      auto element = [&](size_t k) { return k < page.itemStructure.size() ? page.itemStructure[k] : frame::kArtifact; };
      while (j < n && runAt(page, j) && runAt(page, j)->origin.y == run->origin.y &&
             (j < page.templateItems) == inTemplate && (!inTemplate || element(j) == element(i)))
        ++j;
      if (j - i > 1) orderLine(page, i, j, order);
    }
    i = j;
  }
  return order;
}

}  // namespace folio::pdf
