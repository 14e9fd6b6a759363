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
  // The line's direction: the one most of its glyphs are set in (a line of
  // a right-to-left paragraph is mostly right-to-left text, even with
  // numbers and names in it).
  // The paragraph's direction where the runs know it (a line of a
  // right-to-left paragraph may be mostly a URL), else the one most of the
  // line's glyphs are set in.
  size_t rtlGlyphs = 0, ltrGlyphs = 0, rtlParagraph = 0, ltrParagraph = 0;
  for (size_t i : line) {
    const frame::GlyphRun& run = *runAt(page, i);
    (run.rtl ? rtlGlyphs : ltrGlyphs) += run.glyphs.size();
    if (run.paragraphRtl) (*run.paragraphRtl ? rtlParagraph : ltrParagraph) += run.glyphs.size();
  }
  const bool rtlLine = rtlParagraph + ltrParagraph > 0 ? rtlParagraph > ltrParagraph : rtlGlyphs > ltrGlyphs;
  std::stable_sort(line.begin(), line.end(), [&](size_t a, size_t b) {
    const Sp xa = runAt(page, a)->origin.x, xb = runAt(page, b)->origin.x;
    return rtlLine ? xa > xb : xa < xb;
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
      while (j < n && runAt(page, j) && runAt(page, j)->origin.y == run->origin.y &&
             (j < page.templateItems) == inTemplate)
        ++j;
      if (j - i > 1) orderLine(page, i, j, order);
    }
    i = j;
  }
  return order;
}

}  // namespace folio::pdf
