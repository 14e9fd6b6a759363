// Font expansion (pdfTeX's hz) in the line breaker, worked by hand: a box's
// Item::expand is its width times the limit (2 % here); a line's shrink and
// stretch include its boxes' expansion; the letters take the line's ratio
// over glue and letters together, rounded to a step (4 steps: 0.5 %), and
// the glue takes the rest. Measure 100pt, glue 10pt plus 5pt minus 3pt.
#include <gtest/gtest.h>

#include <vector>

#include "linebreak/KnuthPlass.h"

namespace folio::linebreak {
namespace {

Item glue() { return Item::glue(pt(10), pt(5), pt(3)); }
Item word(double w, bool expandable = true) {
  Item b = Item::box(pt(w));
  if (expandable) b.expand = pt(w * 0.02);
  return b;
}

Params strict() {
  Params p;
  p.pretolerance = -1;  // one pass with tolerance 200, no emergency stretch
  return p;
}

// [60] [34] [20]: "60 + 10 + 34" = 104 is 4pt too wide and the glue
// shrinks 3pt only, so without expansion the first line is overfull. The
// letters give 1.2pt + 0.68pt more: shrink 4.88pt, badness 100 (4/4.88)^3
// = 55, feasible. Break at the second glue (index 3). The line's ratio over
// glue and letters is -4/4.88 = -0.82, rounded to the nearest quarter:
// -0.75, the letters 1.5 % narrower (-1.41pt); the glue shrinks the other
// 2.59pt, a ratio of -0.863. The last line has fil glue: no expansion.
TEST(Expansion, ShrinkingLettersLetATightLineFit) {
  std::vector<Item> items = {word(60), glue(), word(34), glue(), word(20)};
  finishParagraph(items);
  Result r = breakLines(items, {pt(100)}, strict());
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0], 3u);
  EXPECT_FALSE(r.overfull);
  ASSERT_EQ(r.expansions.size(), 2u);
  EXPECT_DOUBLE_EQ(r.expansions[0], -0.75);
  EXPECT_DOUBLE_EQ(r.expansions[1], 0.0);
  EXPECT_NEAR(r.ratios[0], -(4.0 - 0.75 * 1.88) / 3.0, 1e-4);

  // Continuous expansion (no steps): the letters take the ratio itself.
  Params continuous = strict();
  continuous.expansionSteps = 0;
  Result c = breakLines(items, {pt(100)}, continuous);
  ASSERT_EQ(c.breaks.size(), 2u);
  EXPECT_NEAR(c.expansions[0], -4.0 / 4.88, 1e-4);
  EXPECT_NEAR(c.ratios[0], -4.0 / 4.88, 1e-4);  // glue and letters at the same ratio, as pdfTeX

  // Letters first (Folio's paragraphs): they shrink to their limit, -2 %
  // (-1.88pt), and the glue takes the other 2.12pt (ratio -0.707).
  Params first = strict();
  first.expansionFirst = true;
  Result f = breakLines(items, {pt(100)}, first);
  ASSERT_EQ(f.breaks.size(), 2u);
  EXPECT_EQ(f.breaks[0], 3u);
  EXPECT_DOUBLE_EQ(f.expansions[0], -1.0);
  EXPECT_NEAR(f.ratios[0], -(4.0 - 1.88) / 3.0, 1e-4);

  // Without expansion (monospace, Arabic, `expansion: 0`) the same words
  // cannot be set without an overfull line.
  std::vector<Item> plain = {word(60, false), glue(), word(34, false), glue(), word(20, false)};
  finishParagraph(plain);
  Result p = breakLines(plain, {pt(100)}, strict());
  EXPECT_TRUE(p.overfull);
  EXPECT_DOUBLE_EQ(p.expansions[0], 0.0);
}

// [40] [45] [40] [20]: "40 + 10 + 45" = 95, 5pt short. The glue stretches
// 5pt and the letters 1.7pt: badness 100 (5/6.7)^3 = 41 (TeX's integer
// approximation: 42), against "40 10 45 10 40" = 145, far overfull. The
// ratio 5/6.7 = 0.746 rounds to 0.75: the letters 1.5 % wider (+1.275pt),
// the glue the other 3.725pt (ratio 0.745). Line 2 "40 10 20" is the last.
TEST(Expansion, StretchingLettersTakeTheirShareOfALooseLine) {
  std::vector<Item> items = {word(40), glue(), word(45), glue(), word(40), glue(), word(20)};
  finishParagraph(items);
  Result r = breakLines(items, {pt(100)}, strict());
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0], 3u);
  EXPECT_DOUBLE_EQ(r.expansions[0], 0.75);
  EXPECT_NEAR(r.ratios[0], (5.0 - 0.75 * 1.7) / 5.0, 1e-4);
  EXPECT_DOUBLE_EQ(r.expansions[1], 0.0);
}

// A runt: [25] [25] [30] [8], glue 10pt plus 40pt minus 3pt. Best without
// the rule: "25 25 30" = 100pt (badness 0), then "8" alone. That last line
// holds no word of 4 letters and is narrower than lastLineMin, so with the
// rule it costs runtDemerits, and the breaker takes the looser "25 25"
// (40pt short, stretch 40pt + 1pt of letters: badness 93) and sets "30 8"
// last.
TEST(Runt, LastLineKeepsAWordOfFourLetters) {
  auto wide = [] { return Item::glue(pt(10), pt(40), pt(3)); };
  std::vector<Item> items = {word(25), wide(), word(25), wide(), word(30), wide(), word(8)};
  finishParagraph(items);
  Params p = strict();
  Result free = breakLines(items, {pt(100)}, p);
  ASSERT_EQ(free.breaks.size(), 2u);
  EXPECT_EQ(free.breaks[0], 5u);
  p.runtAfter = 4;  // the paragraph's last word of 4 letters starts at item 4
  p.lastLineMin = pt(15);
  p.runtDemerits = 1000000;
  Result ruled = breakLines(items, {pt(100)}, p);
  ASSERT_EQ(ruled.breaks.size(), 2u);
  EXPECT_EQ(ruled.breaks[0], 3u);
}

}  // namespace
}  // namespace folio::linebreak
