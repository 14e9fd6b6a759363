#pragma once
// A glyph's outline as PDF path operators, for glyphs drawn as paths rather
// than shown as text (pdf/GlyphForms.h).
#include <cstdint>
#include <string>

#include "text/Font.h"

namespace folio::fontembed {

struct GlyphOutline {
  // m, l, c, h operators in 1/1000 em (PDF glyph space), ending in f
  // (non-zero winding, as TrueType and CFF fill); "" when the glyph has no
  // outline (a space).
  std::string path;
  // The outline's extents in 1/1000 em, rounded outwards.
  int64_t left = 0, bottom = 0, right = 0, top = 0;
};

// From HarfBuzz's glyph shape; TrueType's quadratic curves are raised to
// cubic ones, which draw the same curve.
GlyphOutline glyphOutline(const text::Font& font, uint32_t gid);

}  // namespace folio::fontembed
