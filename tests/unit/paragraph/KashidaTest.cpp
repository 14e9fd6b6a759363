// Arabic justification with kashida (`justify-arabic: kashida`): where a
// word may be elongated (Kashida.cpp's ranks), and a justified paragraph
// whose lines are filled with tatweels that carry no text.
#include "ParagraphFixture.h"
#include "paragraph/Internal.h"

namespace folio::paragraph {
namespace {

using testing::extent;
using testing::Fixture;
using testing::u32;
using testing::visualText;

detail::KashidaPoint pointOf(const std::string& word) {
  const std::u32string w = u32(word);
  return detail::kashidaPoint(w, 0, static_cast<uint32_t>(w.size()));
}

TEST(Kashida, AfterSeenAndSadFirst) {
  // سلام: seen-lam is the classic place (rank 6); lam-alef is never split.
  EXPECT_EQ(pointOf("سلام").at, 1u);
  EXPECT_EQ(pointOf("سلام").rank, 6);
  // مدرسة: meem-dal would do (before a final dal, rank 5), seen-taa marbuta wins.
  EXPECT_EQ(pointOf("مدرسة").at, 4u);
  EXPECT_EQ(pointOf("مدرسة").rank, 6);
  // The last seen of a word wins among equals: مستشفى -> after sheen (index 4).
  EXPECT_EQ(pointOf("مستشفى").at, 4u);
}

TEST(Kashida, BeforeFinalForms) {
  // كتاب: kaf-teh (anywhere, 1), teh-alef (before a final alef, 4); alef
  // does not join the beh after it.
  EXPECT_EQ(pointOf("كتاب").at, 2u);
  EXPECT_EQ(pointOf("كتاب").rank, 4);
  // جميلة: before the final taa marbuta (5).
  EXPECT_EQ(pointOf("جميلة").at, 4u);
  EXPECT_EQ(pointOf("جميلة").rank, 5);
  // بحر: before a final raa after a beh-like letter? hah is not: anywhere (1), the last such place.
  EXPECT_EQ(pointOf("بحر").at, 2u);
  EXPECT_EQ(pointOf("بحر").rank, 1);
  // بير-like: beh-yeh-raa -> before the final raa after yeh (3).
  EXPECT_EQ(pointOf("خبير").rank, 3);
  EXPECT_EQ(pointOf("خبير").at, 3u);
}

TEST(Kashida, NeverInsideLamAlefNorAfterTheLastLetterNorBesideATypedTatweel) {
  EXPECT_EQ(pointOf("لا").at, 0u);   // lam-alef
  EXPECT_EQ(pointOf("و").at, 0u);    // one letter
  EXPECT_EQ(pointOf("دار").at, 0u);  // no two letters join: dal and alef join nothing after them
  // Marks ride on their letter: the tatweel goes after the fatha of seen.
  EXPECT_EQ(pointOf("سَلام").at, 2u);
  // A tatweel the author typed is left alone, and none is put beside it.
  EXPECT_EQ(pointOf("كـتاب").at, 3u);
  // Latin has none.
  EXPECT_EQ(pointOf("kashida").at, 0u);
}

// A justified Arabic paragraph with kashida: every line but the last is
// flush on both sides, some lines hold tatweel glyphs, and no tatweel is in
// the text the lines carry (copy and paste).
TEST(Kashida, JustifiedLinesAreFlushAndTatweelsCarryNoText) {
  Fixture f;
  f.body.fonts = {"Noto Naskh Arabic"};
  f.body.kashida = true;
  const std::string text =
      "أعلنت مؤسسة الميناء القديم اليوم برنامج الدورة الثانية عشرة من مهرجان أضواء الميناء الذي يحوّل "
      "الأرصفة القديمة إلى معرض مفتوح للضوء طوال إحدى عشرة ليلة، ويشارك في المهرجان أربعة وثلاثون "
      "فنانًا من تسعة بلدان يعرضون أعمالهم على مسار للمشاة يبلغ طوله نحو أربعة كيلومترات.";
  const Sp width = pt(200);
  Paragraph p = f.set(text, f.options(width, "ar"));
  ASSERT_GT(p.lines.size(), 3u);
  int tatweels = 0;
  std::u32string all;
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const Line& line = p.lines[i];
    for (const frame::GlyphRun& r : line.runs)
      for (const frame::PlacedGlyph& g : r.glyphs)
        if (g.textLength == 0 && g.advance > 0 && r.font && r.text.find(U'\u0640') == std::u32string::npos)
          ++tatweels;
    const std::u32string t = visualText(line);
    EXPECT_EQ(t.find(U'\u0640'), std::u32string::npos) << "line " << i;
    if (i + 1 < p.lines.size()) {
      EXPECT_LE(std::abs(extent(line).right - width), pt(2.5)) << "line " << i;  // hanging marks may protrude
      EXPECT_LE(std::abs(extent(line).left), pt(2.5)) << "line " << i;
    }
  }
  EXPECT_GT(tatweels, 0);

  // Without the option: no tatweel, the spaces take the slack.
  f.body.kashida = false;
  Paragraph plain = f.set(text, f.options(width, "ar"));
  for (const Line& line : plain.lines)
    for (const frame::GlyphRun& r : line.runs)
      for (const frame::PlacedGlyph& g : r.glyphs)
        EXPECT_FALSE(g.textLength == 0 && g.advance > 0 && !r.font->isMark(g.gid));
}

}  // namespace
}  // namespace folio::paragraph
