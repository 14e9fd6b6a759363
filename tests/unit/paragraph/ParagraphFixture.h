#pragma once
// Shared set-up for the paragraph tests: real Noto fonts through a FontStore
// (a missing font fails a test, never skips it), a body style, and helpers
// that read back what a line says: its text in visual order, its extent.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/Utf8.h"
#include "markup/Inline.h"
#include "paragraph/Paragraph.h"

namespace folio::paragraph::testing {

inline text::FontStore& fonts() {
  static text::FontStore store({std::string(FOLIO_SOURCE_DIR) + "/fonts"});
  return store;
}

struct Fixture {
  text::Shaper shaper;
  text::Hyphenator hyphenator;
  Diagnostics diags;
  style::Layout layout;
  style::Style body;
  Context context{fonts(), shaper, hyphenator, diags};

  Fixture() {
    body.name = "body";
    body.fonts = {"Noto Serif"};
    body.size = pt(10);
    body.leading = pt(13);
    body.align = style::Align::Justify;
    layout.styles["body"] = body;
    layout.styles["code"] = body;
  }

  Options options(Sp width, const std::string& language = "en") const {
    Options o;
    o.style = &body;
    o.layout = &layout;
    o.width = width;
    o.language = language;
    return o;
  }

  Paragraph set(const std::string& utf8, const Options& o) {
    markup::InlineText text(1);
    text[0].text = utf8;
    return layoutParagraph(text, o, context);
  }
  Paragraph set(const markup::InlineText& text, const Options& o) {
    return layoutParagraph(text, o, context);
  }
};

// The characters a line carries, in the order its glyphs are drawn (left to
// right): what a text extractor sees before any bidi reordering.
inline std::u32string visualText(const Line& line) {
  std::vector<const frame::GlyphRun*> runs;
  for (const frame::GlyphRun& r : line.runs) runs.push_back(&r);
  std::stable_sort(runs.begin(), runs.end(), [](const frame::GlyphRun* a, const frame::GlyphRun* b) {
    return a->origin.x < b->origin.x;
  });
  std::u32string out;
  for (const frame::GlyphRun* r : runs)
    for (const frame::PlacedGlyph& g : r->glyphs) out.append(r->text, g.textBegin, g.textLength);
  return out;
}

// Left and right end of the ink-free glyph boxes (origins and advances).
struct Extent {
  Sp left = 0, right = 0;
};
inline Extent extent(const Line& line) {
  Extent e{INT32_MAX, INT32_MIN};
  for (const frame::GlyphRun& r : line.runs) {
    Sp x = r.origin.x;
    for (const frame::PlacedGlyph& g : r.glyphs) {
      if (g.advance > 0) {
        e.left = std::min(e.left, x);
        e.right = std::max(e.right, x + g.advance);
      }
      x += g.advance;
    }
  }
  if (e.left > e.right) e = {0, 0};
  return e;
}

inline std::u32string u32(const std::string& s) { return toUtf32(s); }

}  // namespace folio::paragraph::testing
