#include <gtest/gtest.h>

#include "table/Rows.h"

namespace folio::table {
namespace {

TEST(Rows, ShareLinesFillsEachRowThenTheLast) {
  // Lines of 12; rows need 30 (less 4 padding: two lines), 24 (two), 12.
  std::vector<Sp> lines(7, pt(12));
  std::vector<size_t> n = shareLines(lines, {pt(30), pt(24), pt(12)}, pt(4));
  EXPECT_EQ(n, (std::vector<size_t>{2, 2, 3}));
}

TEST(Rows, ShareLinesNeverLosesALine) {
  std::vector<Sp> lines(3, pt(20));
  std::vector<size_t> n = shareLines(lines, {pt(10), pt(10)}, 0);  // no row holds one: all in the last
  EXPECT_EQ(n, (std::vector<size_t>{0, 3}));
  EXPECT_EQ(shareLines({}, {pt(10)}, 0), (std::vector<size_t>{0}));
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
