#include <gtest/gtest.h>

#include "table/Rows.h"

namespace folio::table {
namespace {

TEST(Rows, StackLinesReadsAsOneCellFromTheTop) {
  // Lines of 12 from 4 below the top; rows of 30, 24, 12 (66 in all):
  // tops at 4, 16, 28 (row 0), 40, 52 (row 1: 30..54), 64 (row 2: 54..66), 76.
  std::vector<Sp> lines(7, pt(12));
  SpanPlacement p = stackLines(lines, {pt(30), pt(24), pt(12)}, pt(4), pt(4));
  EXPECT_EQ(p.row, (std::vector<size_t>{0, 0, 0, 1, 1, 2, 2}));
  EXPECT_EQ(p.dy, (std::vector<Sp>{pt(4), pt(16), pt(28), pt(10), pt(22), pt(10), pt(22)}));
  // The last line ends at 88, the bottom padding at 92: the last row grows by 26.
  EXPECT_EQ(p.growth, pt(26));
}

TEST(Rows, StackLinesLeavesNoGapsAndNeverLosesALine) {
  // Short text in a tall span: every line in the first row, no growth.
  SpanPlacement p = stackLines({pt(10), pt(10)}, {pt(40), pt(40), pt(40)}, pt(2), pt(2));
  EXPECT_EQ(p.row, (std::vector<size_t>{0, 0}));
  EXPECT_EQ(p.dy, (std::vector<Sp>{pt(2), pt(12)}));
  EXPECT_EQ(p.growth, 0);
  // Lines taller than any row: still one under the other, the last row grows.
  p = stackLines(std::vector<Sp>(3, pt(20)), {pt(10), pt(10)}, 0, 0);
  EXPECT_EQ(p.row, (std::vector<size_t>{0, 1, 1}));
  EXPECT_EQ(p.dy, (std::vector<Sp>{0, pt(10), pt(30)}));
  EXPECT_EQ(p.growth, pt(40));
  EXPECT_TRUE(stackLines({}, {pt(10)}, 0, 0).row.empty());
}

TEST(Rows, DecimalSeparatorsLineUp) {
  // "1234.5" = 40 + 10, "7.25" = 10 + 15, "12" = 20 + 0 in a 80pt box:
  // widest parts 40 + 15 = 55, start 25; separators at 65.
  std::vector<DecimalParts> parts{{pt(40), pt(10)}, {pt(10), pt(15)}, {pt(20), 0}};
  std::vector<Sp> x = alignDecimals(parts, pt(80));
  ASSERT_EQ(x.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(x[i] + parts[i].before, pt(65));
  EXPECT_EQ(decimalWidth(parts), pt(55));
}

TEST(Rows, VerticalOffsets) {
  EXPECT_EQ(verticalOffset(VAlign::Top, pt(30), pt(10)), 0);
  EXPECT_EQ(verticalOffset(VAlign::Middle, pt(30), pt(10)), pt(10));
  EXPECT_EQ(verticalOffset(VAlign::Bottom, pt(30), pt(10)), pt(20));
  EXPECT_EQ(verticalOffset(VAlign::Bottom, pt(5), pt(10)), 0);
}

}  // namespace
}  // namespace folio::table
