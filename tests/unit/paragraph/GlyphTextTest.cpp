// Which glyph carries which characters (ToUnicode) and in which order the
// glyphs are written: checked on real HarfBuzz output for the cases that
// break text extraction (reordered Indic vowels, split vowels, marks, RTL
// ligatures).
#include <gtest/gtest.h>

#include "ParagraphFixture.h"
#include "paragraph/GlyphText.h"

namespace folio::paragraph::detail {
namespace {

using testing::u32;

struct Shaped1 {
  std::u32string text;
  std::vector<text::Glyph> glyphs;
};

Shaped1 shape(const char* family, const char* utf8, uint32_t script, const char* lang, bool rtl) {
  text::FontRequest req;
  req.families = {family};
  const text::Font* font = testing::fonts().match(req);
  EXPECT_NE(font, nullptr) << family;
  Shaped1 s{u32(utf8), {}};
  text::Shaper shaper;
  text::ShapeRequest r;
  r.font = font;
  r.size = pt(10);
  r.rtl = rtl;
  r.script = script;
  r.language = lang;
  shaper.shape(s.text, 0, static_cast<uint32_t>(s.text.size()), r, s.glyphs);
  return s;
}

constexpr uint32_t tag(const char (&t)[5]) {
  return (uint32_t(uint8_t(t[0])) << 24) | (uint32_t(uint8_t(t[1])) << 16) | (uint32_t(uint8_t(t[2])) << 8) |
         uint32_t(uint8_t(t[3]));
}

// The characters in writing order, and checks that every glyph with an
// advance carries some text (no holes for extractors).
std::u32string carried(const Shaped1& s, bool rtl, GlyphTexts& out) {
  assignGlyphText(s.glyphs, 0, static_cast<uint32_t>(s.glyphs.size()), 0,
                  static_cast<uint32_t>(s.text.size()), rtl, s.text, out);
  std::u32string all;
  for (const GlyphText& g : out.glyphs) {
    if (s.glyphs[g.glyph].advance != 0) {
      EXPECT_GT(g.textEnd, g.textBegin) << "glyph " << g.glyph << " carries nothing";
    }
    all.append(out.text, g.textBegin, g.textEnd - g.textBegin);
  }
  return all;
}

// Right-to-left: HarfBuzz's visual order, each glyph's text logical; read
// from the last glyph to the first, the texts give the word back.
std::u32string logicalRtl(const Shaped1& s, GlyphTexts& out) {
  carried(s, true, out);
  std::u32string all;
  for (auto it = out.glyphs.rbegin(); it != out.glyphs.rend(); ++it)
    all.append(out.text, it->textBegin, it->textEnd - it->textBegin);
  return all;
}

TEST(GlyphText, ArabicLamAlefAndMarksGoWithTheirLetters) {
  Shaped1 s = shape("Noto Naskh Arabic", "الإعلامي فنانًا مُحَمَّد", tag("Arab"), "ar", true);
  GlyphTexts out;
  EXPECT_EQ(toUtf8(logicalRtl(s, out)), "الإعلامي فنانًا مُحَمَّد");
  for (const GlyphText& g : out.glyphs)
    if (s.glyphs[g.glyph].advance == 0) { EXPECT_EQ(g.textBegin, g.textEnd) << "a mark carries text"; }
}

TEST(GlyphText, DevanagariPrebaseVowelSharesItsCluster) {
  // कि and त्रि are drawn vowel sign first: both glyphs carry text, in order.
  Shaped1 s = shape("Noto Serif Devanagari", "हिन्दी क्षत्रिय संख्या श्रीमती धर्म", tag("Deva"), "hi", false);
  GlyphTexts out;
  EXPECT_EQ(toUtf8(carried(s, false, out)), "हिन्दी क्षत्रिय संख्या श्रीमती धर्म");
}

TEST(GlyphText, BengaliSplitVowelUsesTheDecomposition) {
  // কো is drawn ে + ক + া: three spacing glyphs for two characters.
  Shaped1 s = shape("Noto Serif Bengali", "কোন লোক কৌশল", tag("Beng"), "bn", false);
  GlyphTexts out;
  std::u32string text = carried(s, false, out);
  EXPECT_EQ(toUtf8(text), "কোন লোক কৌশল");  // NFD of the input
}

TEST(GlyphText, ThaiMarksGoWithTheirBase) {
  Shaped1 s = shape("Noto Serif Thai", "ที่นี่ น้ำ ผู้ใหญ่", tag("Thai"), "th", false);
  GlyphTexts out;
  EXPECT_EQ(toUtf8(carried(s, false, out)), "ที่นี่ น้ำ ผู้ใหญ่");
}

TEST(GlyphText, LatinLigatureCarriesAllItsLetters) {
  Shaped1 s = shape("Noto Serif", "office affluent", tag("Latn"), "en", false);
  GlyphTexts out;
  EXPECT_EQ(toUtf8(carried(s, false, out)), "office affluent");
  EXPECT_LT(s.glyphs.size(), s.text.size()) << "expected ligatures (ffi, ffl)";
}

}  // namespace
}  // namespace folio::paragraph::detail
