// The loose-line rescue's cost (Params::looseSpace, looseDemerits; issue
// 19e), worked by hand. Spacing demerits as in SpacingDemeritsTest: measure
// 100pt, glue 10pt plus 5pt minus 3pt, spaceStretch 5pt, line penalty 10:
// a line costs 100 + 100 rest^2 / (stretch * 5). A space may open to 16pt
// (looseSpace) before the line needs the rescue: a line with one space has
// 6pt of room; what its space would take past that goes to its letters and
// costs looseDemerits * 100 excess^2 / 5^2. At the end, the cost of
// condensed letters (Params::condenseDemerits), on the same scale.
#include <gtest/gtest.h>

#include <vector>

#include "linebreak/KnuthPlass.h"

namespace folio::linebreak {
namespace {

Item glue() { return Item::glue(pt(10), pt(5), pt(3)); }
Item word(double w) { return Item::box(pt(w)); }

Params params(int64_t looseDemerits) {
  Params p;
  p.pretolerance = -1;
  p.tolerance = 1000;     // the rescued line has TeX badness 409
  p.fitnessDemerits = 0;  // the other choice puts a loose line on a tight one
  p.spacingDemerits = 1;
  p.spaceStretch = pt(5);
  p.looseSpace = pt(16);
  p.looseDemerits = looseDemerits;
  return p;
}

// [45] [42|3] [40] [42] [20], where [42|3] is one word that may break
// after its 42pt (a penalty of 14, no hyphen width). Two ways to set it:
//  A: [45 42+3] [40 42] [20]: line 1 is full (100); line 2 is 92pt, its
//     one space must give 8pt (100 + 4 * 64 = 356), 2pt past its 6pt of
//     room: the rescue. Last line 100. Total 556.
//  B: [45 42-] [3 40 42] [20]: line 1 is 97pt, 3pt short (100 + 4 * 9 =
//     136, plus the penalty 14^2 = 196); line 2 is 105pt, its two spaces
//     shrink 5pt: 100 + 100 * 25 / (10 * 5) = 150. Last line 100. Total 582.
// Without the rescue's cost, A is cheaper and the breaker sets the
// letter-spaced line; with looseDemerits 10 it costs 10 * 100 * 2^2 / 5^2
// = 160 more (716), and B, with no rescued line, wins.
std::vector<Item> paragraph() {
  std::vector<Item> items = {word(45), glue(), word(42), Item::penaltyItem(0, 14),
                             word(3),  glue(), word(40), glue(),
                             word(42), glue(), word(20)};
  finishParagraph(items);
  return items;
}

TEST(LooseLine, WithoutTheRescueCostTheLetterSpacedLineIsChosen) {
  const Result r = breakLines(paragraph(), {pt(100)}, params(0));
  EXPECT_EQ(r.breaks, (std::vector<size_t>{5, 9, 13}));
  EXPECT_EQ(r.demerits, 556);
  EXPECT_EQ(r.rescued, 1);
}

TEST(LooseLine, TheBreakerAvoidsTheRescueWhenACheaperWayExists) {
  const Result r = breakLines(paragraph(), {pt(100)}, params(10));
  EXPECT_EQ(r.breaks, (std::vector<size_t>{3, 9, 13}));
  EXPECT_EQ(r.demerits, 582);
  EXPECT_EQ(r.rescued, 0);
}

// The same paragraph with a penalty of 20 (400) makes B cost 786: more
// than A with the rescue's cost (716), so A stays, and its demerits count
// the rescue: the cost steers, it does not forbid.
TEST(LooseLine, TheRescueStaysWhenEveryOtherWayCostsMore) {
  std::vector<Item> items = paragraph();
  items[3].penalty = 20;
  const Result r = breakLines(items, {pt(100)}, params(10));
  EXPECT_EQ(r.breaks, (std::vector<size_t>{5, 9, 13}));
  EXPECT_EQ(r.demerits, 716);
  EXPECT_EQ(r.rescued, 1);
}

// Spaces within their room cost nothing more: with 16pt of room (a space
// may open to 26pt) line 2's 8pt is no rescue, and A costs 556 as before.
TEST(LooseLine, SpacesWithinTheirRoomCostNothingMore) {
  Params p = params(10);
  p.looseSpace = pt(26);
  const Result r = breakLines(paragraph(), {pt(100)}, p);
  EXPECT_EQ(r.breaks, (std::vector<size_t>{5, 9, 13}));
  EXPECT_EQ(r.demerits, 556);
  EXPECT_EQ(r.rescued, 0);
}

}  // namespace
}  // namespace folio::linebreak

namespace folio::linebreak {
namespace {

// Condensed letters (Params::condenseDemerits): boxes that may narrow or
// widen by a tenth of their width (Item::expand), in steps of a quarter.
Item expandable(double w) {
  Item b = Item::box(pt(w));
  b.expand = pt(w / 10);
  return b;
}

Params condense(int64_t k) {
  Params p = params(0);
  p.condenseDemerits = k;
  return p;
}

// [60] [35] | [20]: line 1 is 105pt, 5pt too wide; its letters may give
// 9.5pt: share 5 / 9.5 = 0.53, stepped to 0.5 (4.75pt), and its space the
// last 0.25pt (100 * 0.0625 / 25 = 0.25, rounds to 0). So 100 + 0, and the
// condensed letters add 400 * 0.5^2 = 100. Last line 100.
TEST(CondensedLetters, ALineOfCondensedLettersCostsTheSquareOfItsShare) {
  std::vector<Item> items = {expandable(60), glue(), expandable(35), Item::penaltyItem(0, -kInfinitePenalty),
                             expandable(20)};
  finishParagraph(items);
  EXPECT_EQ(breakLines(items, {pt(100)}, condense(0)).demerits, 200);
  EXPECT_EQ(breakLines(items, {pt(100)}, condense(400)).demerits, 300);
}

// [60] [25]: 95pt, 5pt short: the letters widen by the share 0.5 and
// that costs nothing more. (The space's 0.75pt: 100 * 0.5625 / 25 = 2.)
TEST(CondensedLetters, WidenedLettersCostNothingMore) {
  std::vector<Item> items = {expandable(60), glue(), expandable(25), Item::penaltyItem(0, -kInfinitePenalty),
                             expandable(20)};
  finishParagraph(items);
  EXPECT_EQ(breakLines(items, {pt(100)}, condense(0)).demerits, 202);
  EXPECT_EQ(breakLines(items, {pt(100)}, condense(400)).demerits, 202);
}

}  // namespace
}  // namespace folio::linebreak
