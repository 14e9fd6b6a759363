#include "pdf/BidiHints.h"

#include <algorithm>

#include "text/Unicode.h"

namespace folio::pdf {

namespace {

const frame::GlyphRun* runAt(const frame::Page& page, size_t i) {
  return i < page.items.size() ? std::get_if<frame::GlyphRun>(&page.items[i]) : nullptr;
}

// PDFium's "weak left-to-right" class (fxcrt/fx_bidi.cpp, CFX_BidiChar).
bool weak(char32_t c) { return text::bidiGroup(c) == text::BidiGroup::Weak; }

// A run's text in logical order. run.text holds the glyphs' texts in drawing
// order (each cluster's own characters in logical order).
std::u32string logicalText(const frame::GlyphRun& run) {
  if (!run.rtl) return run.text;
  std::u32string out;
  out.reserve(run.text.size());
  for (size_t k = run.glyphs.size(); k-- > 0;) {
    const frame::PlacedGlyph& g = run.glyphs[k];
    if (g.textBegin < run.text.size())
      out.append(run.text, g.textBegin, std::min<size_t>(g.textLength, run.text.size() - g.textBegin));
  }
  return out;
}

bool digit(char32_t c) { return text::isBidiNumber(c); }

// A right-to-left line's runs [first, last) of `order`, in logical order.
// Where a left-to-right run that ends in a digit is followed by a
// right-to-left run that starts with weak characters, both are drawn next
// to each other, the weak ones to the left: PDFium reads them as one weak
// run in drawing order. The number's run then says the weak characters
// after its own, and the other run only the rest.
void hintLine(const frame::Page& page, const std::vector<size_t>& order, size_t first, size_t last,
              std::vector<std::optional<std::u32string>>& hints) {
  for (size_t k = first; k + 1 < last; ++k) {
    const size_t a = order[k], b = order[k + 1];
    const frame::GlyphRun *ra = runAt(page, a), *rb = runAt(page, b);
    if (ra->rtl || !rb->rtl || ra->text.empty() || !digit(ra->text.back()) || hints[b]) continue;
    const std::u32string after = logicalText(*rb);
    size_t n = 0;
    while (n < after.size() && weak(after[n])) ++n;
    if (n == 0) continue;
    std::u32string& number = hints[a] ? *hints[a] : hints[a].emplace(ra->text);
    number.append(after, 0, n);
    std::u32string rest(after, n);
    std::reverse(rest.begin(), rest.end());  // visual order
    hints[b] = rest.empty() ? std::u32string(1, kSkipText) : rest;
  }
}

}  // namespace

std::vector<std::optional<std::u32string>> bidiHints(const frame::Page& page, const std::vector<size_t>& order) {
  std::vector<std::optional<std::u32string>> hints(page.items.size());
  // Lines as paintOrder groups them: consecutive runs on one baseline.
  for (size_t i = 0; i < order.size();) {
    const frame::GlyphRun* run = runAt(page, order[i]);
    size_t j = i + 1;
    if (!run) {
      i = j;
      continue;
    }
    size_t rtlGlyphs = 0, ltrGlyphs = 0;
    (run->rtl ? rtlGlyphs : ltrGlyphs) += run->glyphs.size();
    while (j < order.size() && runAt(page, order[j]) && runAt(page, order[j])->origin.y == run->origin.y) {
      (runAt(page, order[j])->rtl ? rtlGlyphs : ltrGlyphs) += runAt(page, order[j])->glyphs.size();
      ++j;
    }
    if (rtlGlyphs > ltrGlyphs) hintLine(page, order, i, j, hints);
    i = j;
  }
  return hints;
}

}  // namespace folio::pdf
