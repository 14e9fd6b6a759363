// Character protrusion (hanging punctuation) in the line breaker: a line is
// as wide as the measure plus what its first box may hang at its start and
// its last box (or hyphen) at its end. Worked by hand on constant widths,
// measure 100pt, glue 10pt plus 5pt minus 3pt.
#include <gtest/gtest.h>

#include <vector>

#include "linebreak/KnuthPlass.h"

namespace folio::linebreak {
namespace {

Item glue() { return Item::glue(pt(10), pt(5), pt(3)); }
Item hanging(double w, double start, double end) {
  Item b = Item::box(pt(w));
  b.protrudeStart = pt(start);
  b.protrudeEnd = pt(end);
  return b;
}

Params strict() {
  Params p;
  p.pretolerance = -1;  // one pass with tolerance 200, no emergency stretch
  return p;
}

// [45] [50.] [40]: "45 + 10 + 50" = 105 is 5pt too wide for 100pt, and the
// glue shrinks only 3pt; "45" alone is underfull with nothing to stretch.
// When the second box's final period may hang 5pt, the line is 105pt wide:
// natural width, badness 0, break at the second glue (index 3).
TEST(Protrusion, LineEndHangGivesTheLineItsWidth) {
  std::vector<Item> items = {Item::box(pt(45)), glue(), hanging(50, 0, 5), glue(), Item::box(pt(40))};
  finishParagraph(items);
  Result r = breakLines(items, {pt(100)}, strict());
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0], 3u);
  EXPECT_FALSE(r.overfull);
  EXPECT_DOUBLE_EQ(r.ratios[0], 0.0);
  EXPECT_EQ(r.startHangs[0], 0);
  EXPECT_EQ(r.endHangs[0], pt(5));

  // The same items without the hang: no feasible first line, so the only
  // way out is an overfull one.
  items[2].protrudeEnd = 0;
  Result plain = breakLines(items, {pt(100)}, strict());
  EXPECT_TRUE(plain.overfull);
}

// [100] [“50] [44] [30]: line 2 "50 + 10 + 44" = 104 fits exactly when the
// opening quote of its first box hangs 4pt into the start margin.
TEST(Protrusion, LineStartHangGivesTheLineItsWidth) {
  std::vector<Item> items = {Item::box(pt(100)), glue(), hanging(50, 4, 0), glue(),
                             Item::box(pt(44)),  glue(), Item::box(pt(30))};
  finishParagraph(items);
  Result r = breakLines(items, {pt(100)}, strict());
  ASSERT_EQ(r.breaks.size(), 3u);
  EXPECT_EQ(r.breaks[0], 1u);
  EXPECT_EQ(r.breaks[1], 5u);
  EXPECT_FALSE(r.overfull);
  EXPECT_DOUBLE_EQ(r.ratios[1], 0.0);
  EXPECT_EQ(r.startHangs[1], pt(4));
  EXPECT_EQ(r.endHangs[1], 0);
}

// A hyphen that ends a line hangs by its own protrusion, not by that of
// the box before it: [45] [47|-] [x]: "45 + 10 + 47 + hyphen 3" = 105,
// which fits when the hyphen hangs 5pt (the box's own 9pt does not count).
TEST(Protrusion, HyphenHangsByItsOwnAmount) {
  Item hyphen = Item::penaltyItem(pt(3), 50, true);
  hyphen.protrudeEnd = pt(5);
  std::vector<Item> items = {Item::box(pt(45)), glue(), hanging(47, 0, 9), hyphen, Item::box(pt(20))};
  finishParagraph(items);
  Result r = breakLines(items, {pt(100)}, strict());
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0], 3u);
  EXPECT_EQ(r.endHangs[0], pt(5));
  EXPECT_DOUBLE_EQ(r.ratios[0], 0.0);
}

}  // namespace
}  // namespace folio::linebreak
