// Spacing demerits (Params::spacingDemerits, issue 19 fourth round), worked
// by hand: a line costs linePenalty^2 + K * 100 rest^2 / (stretch *
// spaceStretch), with rest what its spaces give after the letters' stepped
// expansion. Measure 100pt, glue 10pt plus 5pt minus 3pt, spaceStretch 5pt,
// line penalty 10 (TeX's): a line with no other cost costs 100.
#include <gtest/gtest.h>

#include <vector>

#include "linebreak/KnuthPlass.h"

namespace folio::linebreak {
namespace {

Item glue() { return Item::glue(pt(10), pt(5), pt(3)); }
Item word(double w, bool expandable = false) {
  Item b = Item::box(pt(w));
  if (expandable) b.expand = pt(w * 0.02);
  return b;
}

Params spacing(int64_t k) {
  Params p;
  p.pretolerance = -1;
  p.spacingDemerits = k;
  p.spaceStretch = pt(5);
  return p;
}

// [40] [46] [20]: the first line is 96pt, 4pt short; its one space takes
// it all: 100 * 4^2 / (5 * 5) = 64, so 100 + 64. The last line has fil
// glue: 100. TeX's badness of line 1 is 51 (loose), the last line's 0
// (decent): adjacent classes, no \adjdemerits. Total 264.
TEST(SpacingDemerits, ALineCostsWhatItsSpacesGive) {
  std::vector<Item> items = {word(40), glue(), word(46), glue(), word(20)};
  finishParagraph(items);
  Result r = breakLines(items, {pt(100)}, spacing(1));
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0], 3u);
  EXPECT_EQ(r.demerits, 264);
  // TeX's demerits for the same breaks: (10 + 51)^2 + (10 + 0)^2.
  Result tex = breakLines(items, {pt(100)}, spacing(0));
  ASSERT_EQ(tex.breaks, r.breaks);
  EXPECT_EQ(tex.demerits, 61 * 61 + 100);
}

// [40] [52] [20]: the first line is 2pt too wide and its space shrinks by
// 2pt. The deviation is weighed against the space's stretch (5pt), as for
// a loose line: 100 * 2^2 / (5 * 5) = 16, not 100 * 4 / (3 * 5) = 26.7, so
// a space 2pt narrower costs what one 2pt wider does. Total 116 + 100.
TEST(SpacingDemerits, ATightLineWeighsLikeALooseOne) {
  std::vector<Item> items = {word(40), glue(), word(52), glue(), word(20)};
  finishParagraph(items);
  Result r = breakLines(items, {pt(100)}, spacing(1));
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0], 3u);
  EXPECT_EQ(r.demerits, 216);
}

// [60] [29] expandable by 2 % (1.2pt + 0.58pt), then [20]: the first line
// is 1pt short. The letters take 1 / 1.78 = 0.56 of their limit, rounded
// to a step of 4: 0.5 (0.89pt); the space takes the other 0.11pt:
// 1000 * 100 * 0.11^2 / 25 = 48.4, so 100 + 48. The last line: 100.
TEST(SpacingDemerits, TheSpacesPayOnlyWhatTheLettersLeave) {
  std::vector<Item> items = {word(60, true), glue(), word(29, true), glue(), word(20)};
  finishParagraph(items);
  Params p = spacing(1000);
  p.expansionFirst = true;
  Result r = breakLines(items, {pt(100)}, p);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0], 3u);
  ASSERT_EQ(r.expansions.size(), 2u);
  EXPECT_DOUBLE_EQ(r.expansions[0], 0.5);
  EXPECT_NEAR(static_cast<double>(r.demerits), 248.0, 1.0);
  EXPECT_NEAR(r.ratios[0], 0.11 / 5.0, 1e-3);
}

}  // namespace
}  // namespace folio::linebreak
