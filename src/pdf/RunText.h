#pragma once
// Which text each glyph of a run carries in the PDF, and in which order the
// glyphs are shown, so that text extraction gets words back whole.
//
// Extractors (poppler, MuPDF, pdf.js) build words from glyph positions: a
// combining mark drawn with a vertical offset, or drawn before its base as
// right-to-left shaping orders it, splits the word it belongs to. So:
//  - "attached" glyphs (zero-advance marks, and zero-advance glyphs that
//    carry no text) are shown after all the run's advancing glyphs, and
//    their text is folded into their base's: "b" + U+0308 is one code with
//    the text "b\u0308", and the mark's own code maps to nothing;
//  - in right-to-left runs a glyph's text is stored reversed, in visual
//    order like the glyph stream itself (lam-alef maps to "alef lam", beh
//    with kasra to "kasra beh"): readers that reverse an RTL line character
//    by character (poppler, pdf.js) then get the logical text back, and
//    MuPDF, which prints lines in visual order, shows it like the rest of
//    the line. (Keeping marks after their letter instead makes poppler
//    put every mark in front of its letter.)
// Known reader limits (docs/scripts.md): MuPDF shows U+FFFD for the marks whose text went to
// their base; poppler moves a mark that ends an RTL line (the visually
// leftmost character) to the start of the line.
#include <string>
#include <string_view>
#include <vector>

#include "frame/Frame.h"

namespace folio::pdf {

struct ShownGlyph {
  size_t index = 0;          // into run.glyphs
  std::u32string_view text;  // what its code maps to ("" = nothing); into run.text or RunText's buffer
};

// Valid while the run and this RunText live. Painting plans one run after
// another into the same RunText, so its vectors keep their capacity and a
// page's glyphs cost no allocation (see docs/performance.md).
struct RunText {
  std::vector<ShownGlyph> advancing;  // visual order
  std::vector<ShownGlyph> attached;   // shown after `advancing`, text always ""
  // Text that is not one range of run.text (a base with its marks, reversed
  // right-to-left text); a vector, whose buffer survives moves (views point into it).
  std::vector<char32_t> buffer;
  // Scratch of planRunText, kept for its capacity.
  std::vector<char> isAttached;
  std::vector<std::pair<size_t, size_t>> members, ranges, spans;
};

void planRunText(const frame::GlyphRun& run, RunText& out);
RunText planRunText(const frame::GlyphRun& run);

}  // namespace folio::pdf
