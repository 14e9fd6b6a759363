// Column widths, worked by hand on round numbers (all in pt). Cells carry
// (min-content, max-content) including padding.
#include <gtest/gtest.h>

#include "table/Columns.h"

namespace folio::table {
namespace {

ColumnWidth autoW() { return {}; }
ColumnWidth fixedW(double p) { return {ColumnWidth::Kind::Fixed, pt(p), 0}; }
ColumnWidth percentW(double v) { return {ColumnWidth::Kind::Percent, 0, v}; }
ColumnWidth fr(double v) { return {ColumnWidth::Kind::Fraction, 0, v}; }
CellExtent cell(size_t col, double mn, double mx, size_t span = 1) { return {col, span, pt(mn), pt(mx)}; }

TEST(Columns, AutoColumnsAtMaxContentThenFillTheWidth) {
  // max 100 + 50 = 150 of 300: the 150 left goes 2:1 -> 200, 100.
  Columns c = resolveColumns({autoW(), autoW()}, {cell(0, 20, 100), cell(1, 10, 50)}, pt(300));
  EXPECT_EQ(c.widths[0], pt(200));
  EXPECT_EQ(c.widths[1], pt(100));
  EXPECT_TRUE(c.squeezed.empty());
}

TEST(Columns, AutoColumnsBetweenMinAndMax) {
  // mins 20 + 10 = 30, maxes 200 + 100 = 300, width 120: 90 over the mins,
  // shared by (max - min) = 180 : 90 -> +60, +30.
  Columns c = resolveColumns({autoW(), autoW()}, {cell(0, 20, 200), cell(1, 10, 100)}, pt(120));
  EXPECT_EQ(c.widths[0], pt(80));
  EXPECT_EQ(c.widths[1], pt(40));
  EXPECT_EQ(c.total(), pt(120));
}

TEST(Columns, BelowMinContentSqueezesAndNamesTheCells) {
  // mins 60 + 40 = 100 > 50: both halved, both cells reported.
  Columns c = resolveColumns({autoW(), autoW()}, {cell(0, 60, 80), cell(1, 40, 90), cell(0, 10, 10)}, pt(50));
  EXPECT_EQ(c.widths[0], pt(30));
  EXPECT_EQ(c.widths[1], pt(20));
  EXPECT_EQ(c.squeezed, (std::vector<size_t>{0, 1}));
}

TEST(Columns, FixedAndPercentTakeTheirShareFirst) {
  // 300 wide: 50pt, 20% = 60, the auto column the rest (190).
  Columns c = resolveColumns({fixedW(50), percentW(20), autoW()}, {cell(2, 10, 30)}, pt(300));
  EXPECT_EQ(c.widths[0], pt(50));
  EXPECT_EQ(c.widths[1], pt(60));
  EXPECT_EQ(c.widths[2], pt(190));
}

TEST(Columns, FixedNarrowerThanItsContentIsReported) {
  Columns c = resolveColumns({fixedW(20), autoW()}, {cell(0, 35, 35), cell(1, 5, 5)}, pt(100));
  EXPECT_EQ(c.widths[0], pt(20));
  EXPECT_EQ(c.squeezed, (std::vector<size_t>{0}));
}

TEST(Columns, FractionsShareWhatAutoLeaves) {
  // auto at max 40; 260 left as 1fr : 2fr -> 86.67, 173.33 (rounding to the last).
  Columns c = resolveColumns({autoW(), fr(1), fr(2)}, {cell(0, 10, 40), cell(1, 5, 5), cell(2, 5, 5)}, pt(300));
  EXPECT_EQ(c.widths[0], pt(40));
  EXPECT_NEAR(toPt(c.widths[1]), 86.667, 0.01);
  EXPECT_EQ(c.total(), pt(300));
}

TEST(Columns, AFractionNeverFallsBelowItsMinContent) {
  // 1fr : 9fr of 100 would give the first 10, but it needs 30: 30 and 70.
  Columns c = resolveColumns({fr(1), fr(9)}, {cell(0, 30, 30), cell(1, 5, 5)}, pt(100));
  EXPECT_EQ(c.widths[0], pt(30));
  EXPECT_EQ(c.widths[1], pt(70));
  EXPECT_TRUE(c.squeezed.empty());
}

TEST(Columns, AutoYieldsToFractionMinimums) {
  // The fraction column needs 50; the auto column (max 400) gets 150 of 200.
  Columns c = resolveColumns({autoW(), fr(1)}, {cell(0, 20, 400), cell(1, 50, 50)}, pt(200));
  EXPECT_EQ(c.widths[1], pt(50));
  EXPECT_EQ(c.widths[0], pt(150));
}

TEST(Columns, AFractionIsNotStarvedByAutoColumnsAtTheirWidest) {
  // Both at max would need 200 + 150 > 200: each gets min + (max - min) *
  // 170 / 320 -> 10 + 190 * 0.53125 = 110.94, 20 + 130 * 0.53125 = 89.06.
  Columns c = resolveColumns({autoW(), fr(1)}, {cell(0, 10, 200), cell(1, 20, 150)}, pt(200));
  EXPECT_NEAR(toPt(c.widths[0]), 110.94, 0.01);
  EXPECT_NEAR(toPt(c.widths[1]), 89.06, 0.01);
}

TEST(Columns, SpanningCellWidensItsColumnsByTheirMaxContent) {
  // Alone: 10/30 and 10/10. A span over both needs min 80: the 60 over the
  // summed mins goes 30:10 -> +45, +15; max 120 over 40 -> +60, +20.
  // 300 wide: maxes 90 + 30 = 120, the 180 left 3:1.
  Columns c = resolveColumns({autoW(), autoW()}, {cell(0, 10, 30), cell(1, 10, 10), cell(0, 80, 120, 2)}, pt(300));
  EXPECT_EQ(c.widths[0], pt(90 + 135));
  EXPECT_EQ(c.widths[1], pt(30 + 45));
  EXPECT_TRUE(c.squeezed.empty());
}

TEST(Columns, LinearInCells) {
  // 100,000 cells in 4 columns resolve without trouble (a smoke check; the
  // timing is in bench/).
  std::vector<CellExtent> cells;
  for (size_t r = 0; r < 25000; ++r)
    for (size_t col = 0; col < 4; ++col) cells.push_back(cell(col, 10 + double(r % 7), 50 + double(r % 13)));
  Columns c = resolveColumns({autoW(), autoW(), fr(1), fixedW(40)}, cells, pt(400));
  EXPECT_EQ(c.total(), pt(400));
}

}  // namespace
}  // namespace folio::table
