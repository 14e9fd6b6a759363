// Ragged-right text is broken by Knuth-Plass over the whole paragraph (the
// paper's ragged recipe: a line end may stretch by 3 em, a space never
// does), not first-fit: a line is left shorter when that spares the next
// one a large hole.
#include "ParagraphFixture.h"

namespace folio::paragraph {
namespace {

using testing::Fixture;
using testing::visualText;

TEST(Ragged, EvensLineLengthsRatherThanFillingTheFirst) {
  // Noto Sans Mono at 10 pt: every character and space is 6 pt. Measure:
  // 11 characters. First-fit would set "aaa bbb ccc" (11, full) and leave
  // "dddddd" alone (6: a 5-character hole), then "eeeee". Knuth-Plass ragged
  // (badness 100 (slack / 3 em)^2, 3 em = 5 characters): 0 and 100 there,
  // against 64 and 4 for "aaa bbb" (7) / "ccc dddddd" (10): demerits
  // 100^2 + 200^2 (+ 10000 for a decent line next to a very loose one)
  // against 164^2 + 104^2. The second wins.
  Fixture f;
  f.body.fonts = {"Noto Sans Mono"};
  f.body.align = style::Align::Start;
  f.body.hyphenate = false;
  Paragraph p = f.set("aaa bbb ccc dddddd eeeee", f.options(pt(66.5)));
  ASSERT_EQ(p.lines.size(), 3u);
  EXPECT_EQ(visualText(p.lines[0]), U"aaa bbb");
  EXPECT_EQ(visualText(p.lines[1]), U"ccc dddddd");
  EXPECT_EQ(visualText(p.lines[2]), U"eeeee");
}

}  // namespace
}  // namespace folio::paragraph
