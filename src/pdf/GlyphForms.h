#pragma once
// Glyphs drawn as filled outlines instead of text: one Form XObject per
// (font, glyph), written at first use and placed with `cm ... Do`.
//
// A glyph whose characters its base glyph carries (an Arabic haraka, a Thai
// tone mark, a Devanagari vowel sign above) has no text of its own. Shown as
// text, it is a code that maps to nothing, and readers disagree on what that
// is: MuPDF 1.21 shows U+FFFD (it reads no /ActualText), PDFium and pdf.js
// the code itself. As a path it is no text at all, in every reader, and it
// looks the same: the form is the font's own outline
// (fontembed/GlyphOutline.h), filled with the current fill colour.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "pdf/Document.h"
#include "text/Font.h"

namespace folio::pdf {

class GlyphForms {
 public:
  GlyphForms(Document& doc, int compressionLevel) : m_doc(doc), m_level(compressionLevel) {}

  struct Form {
    std::string resourceName;  // "Gl1"
    Ref ref;
  };
  // The form drawing `gid` of `font` in 1/1000 em (glyph space, as text is
  // drawn: placed with `size/1000 0 0 size/1000 x y cm`), its origin at the
  // glyph's; nullptr for a glyph without outline (nothing to draw).
  const Form* use(const text::Font* font, uint32_t gid);

 private:
  Document& m_doc;
  int m_level;
  size_t m_count = 0;
  // (font id << 32 | gid) -> form; an empty name: no outline.
  std::unordered_map<uint64_t, Form> m_written;
};

}  // namespace folio::pdf
