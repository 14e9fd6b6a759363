#pragma once
// Which glyph of a shaped word carries which characters, in logical order
// (frame::PlacedGlyph::textBegin/textLength, from which the PDF writer makes
// its ToUnicode map and decides the extractor-specific details: the order of
// right-to-left text, where marks are shown; see src/pdf/RunText.h).
//
// Text extractors (poppler, pdf.js, Acrobat) rebuild words from glyph boxes:
// a glyph that maps to no text leaves a hole that reads as a space. So:
//  - a mark (a glyph with no advance) carries no text: its characters go
//    with the spacing glyph of its base;
//  - every spacing glyph of a cluster carries some of the cluster's text, in
//    logical order ("कि" drawn as ि + क: the first carries क, the second ि),
//    using the canonical decomposition when the cluster has more spacing
//    glyphs than characters (Bengali "কো" drawn as ে + ক + া).
#include <cstdint>
#include <string>
#include <vector>

#include "text/Font.h"
#include "text/Shaper.h"

namespace folio::paragraph::detail {

struct GlyphText {
  uint32_t glyph = 0;                   // index into the shaped glyphs
  uint32_t textBegin = 0, textEnd = 0;  // into GlyphTexts::text; empty: carries nothing
};

// Reusable buffers (no allocation per word once warm).
struct GlyphTexts {
  std::vector<GlyphText> glyphs;   // one per glyph, in visual order
  std::u32string text;             // the characters the glyphs carry
  std::u32string chars;            // scratch
  std::vector<uint32_t> carriers;  // scratch
};

// Glyphs [g0, g1) of a word shaped from paragraph[textBegin, textEnd), in
// visual order as HarfBuzz returns them; `source` is what copy and paste
// must return (same indexing as the shaped text).
void assignGlyphText(const std::vector<text::Glyph>& glyphs, uint32_t g0, uint32_t g1, uint32_t textBegin,
                     uint32_t textEnd, bool rtl, const std::u32string& source, GlyphTexts& out);

}  // namespace folio::paragraph::detail
