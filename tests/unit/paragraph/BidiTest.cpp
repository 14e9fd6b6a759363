// Bidi: each line reordered visually (UAX #9 L2 over the line's pieces),
// mirrored brackets, numbers where a reader of the paragraph's direction
// expects them, alignment and indents that follow the direction.
#include "ParagraphFixture.h"

namespace folio::paragraph {
namespace {

using testing::extent;
using testing::Fixture;
using testing::u32;
using testing::visualText;

std::string visual(const Paragraph& p, size_t line = 0) { return toUtf8(visualText(p.lines.at(line))); }

// The glyph a run draws for the character at `text` offset (the first one
// that carries it).
const frame::PlacedGlyph* glyphCarrying(const Line& line, char32_t c, const text::Font** font) {
  for (const frame::GlyphRun& r : line.runs)
    for (const frame::PlacedGlyph& g : r.glyphs)
      if (g.textLength == 1 && r.text[g.textBegin] == c) {
        *font = r.font;
        return &g;
      }
  return nullptr;
}

TEST(Bidi, ArabicAndNumberInsideALeftToRightLine) {
  Fixture f;
  f.body.align = style::Align::Start;
  Paragraph p = f.set("Hello عالم 123 world", f.options(pt(400)));
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_FALSE(p.rtl);
  // The Arabic run is reversed as a whole with its number kept left to right.
  EXPECT_EQ(visual(p), "Hello 123 ملاع world");
}

TEST(Bidi, LatinAndBracketsInsideARightToLeftLine) {
  Fixture f;
  f.body.align = style::Align::Start;
  Paragraph p = f.set("שלום (Hello) עולם 2026", f.options(pt(400), "he"));
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_TRUE(p.rtl);
  EXPECT_EQ(visual(p), "2026 םלוע )Hello( םולש");
  // The ")" drawn at the left of "Hello" is mirrored: it shows "(".
  const text::Font* font = nullptr;
  const frame::PlacedGlyph* closing = glyphCarrying(p.lines[0], U')', &font);
  ASSERT_NE(closing, nullptr);
  EXPECT_EQ(closing->gid, font->glyphFor(U'('));
}

TEST(Bidi, GlyphRunsAreLaidOutLeftToRightWithoutOverlap) {
  Fixture f;
  f.body.align = style::Align::Start;
  Paragraph p = f.set("قال «مرحبًا» ثم (Harbour Trust, 2026) وانتهى.", f.options(pt(400), "ar"));
  ASSERT_EQ(p.lines.size(), 1u);
  std::vector<std::pair<Sp, Sp>> spans;
  for (const frame::GlyphRun& r : p.lines[0].runs) {
    Sp w = 0;
    for (const frame::PlacedGlyph& g : r.glyphs) w += g.advance;
    spans.emplace_back(r.origin.x, r.origin.x + w);
  }
  std::sort(spans.begin(), spans.end());
  for (size_t i = 1; i < spans.size(); ++i) EXPECT_LE(spans[i - 1].second, spans[i].first);
  // Glyphs in visual order, each with its characters in logical order (the
  // tanween goes with its letter ب).
  EXPECT_EQ(visual(p), ".ىهتناو )Harbour Trust, 2026( مث »ابًحرم« لاق");
}

TEST(Bidi, EveryLineOfAMixedParagraphIsReorderedOnItsOwn) {
  // Lines are broken in logical order, then each is reordered: the English
  // phrase that starts on one line and ends on the next keeps its words in
  // reading order on both.
  Fixture f;
  f.body.align = style::Align::Start;
  Paragraph p =
      f.set("أعلنت المؤسسة عن برنامج Northern Light Festival الذي يقام في الميناء", f.options(pt(150), "ar"));
  ASSERT_GT(p.lines.size(), 1u);
  std::string all;
  for (const Line& l : p.lines) all += visual(p, &l - p.lines.data()) + "|";
  EXPECT_NE(all.find("Northern"), std::string::npos);
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const std::string v = visual(p, i);
    const size_t n = v.find("Northern"), l = v.find("Light");
    if (n != std::string::npos && l != std::string::npos) { EXPECT_LT(n, l) << v; }
  }
}

TEST(Bidi, AlignmentFollowsTheDirection) {
  Fixture f;
  const Sp width = pt(300);
  struct Case {
    style::Align align;
    bool rtl;
    bool flushRight;
  } cases[] = {{style::Align::Start, false, false}, {style::Align::Start, true, true},
               {style::Align::End, false, true},    {style::Align::End, true, false},
               {style::Align::Left, true, false},   {style::Align::Right, false, true}};
  for (const Case& c : cases) {
    f.body.align = c.align;
    Paragraph p = f.set(c.rtl ? "שלום עולם" : "Hello world", f.options(width, c.rtl ? "he" : "en"));
    ASSERT_EQ(p.lines.size(), 1u);
    const testing::Extent e = extent(p.lines[0]);
    if (c.flushRight)
      EXPECT_EQ(e.right, width);
    else
      EXPECT_EQ(e.left, 0);
  }
}

TEST(Bidi, FirstLineIndentIsOnTheStartSide) {
  Fixture f;
  f.body.align = style::Align::Start;
  Options o = f.options(pt(300), "he");
  o.firstIndent = pt(20);
  Paragraph p = f.set("שלום עולם", o);
  EXPECT_EQ(extent(p.lines[0]).right, pt(280));
  o.language = "en";
  p = f.set("Hello world", o);
  EXPECT_EQ(extent(p.lines[0]).left, pt(20));
}

TEST(Bidi, DirectionFromDirOrTheFirstStrongCharacter) {
  Fixture f;
  Options o = f.options(pt(300), "ar");
  EXPECT_FALSE(f.set("Folio يعمل", o).rtl);  // first strong character is Latin
  o.direction = text::BaseDirection::Rtl;
  EXPECT_TRUE(f.set("Folio يعمل", o).rtl);
  o.direction = text::BaseDirection::Auto;
  EXPECT_TRUE(f.set("2026", o).rtl);  // no strong character: the language's direction
}

TEST(Bidi, ArabicJoinsAcrossStyleRuns) {
  // "بالعربية" with the "ال" in bold: the letters on each side of the
  // boundary keep their joining forms (shaped with the whole paragraph as
  // context), so no glyph is the isolated form of its letter.
  Fixture f;
  markup::InlineText text(3);
  text[0].text = "ب";
  text[1].text = "ال";
  text[1].flags = markup::kStrong;
  text[2].text = "عربية";
  Paragraph p = f.set(text, f.options(pt(300), "ar"));
  ASSERT_EQ(p.lines.size(), 1u);
  for (char32_t c : {U'ب', U'ل', U'ع'}) {
    const text::Font* font = nullptr;
    const frame::PlacedGlyph* g = glyphCarrying(p.lines[0], c, &font);
    ASSERT_NE(g, nullptr);
    EXPECT_NE(g->gid, font->glyphFor(c)) << "isolated form of U+" << std::hex << unsigned(c);
  }
}

}  // namespace
}  // namespace folio::paragraph
