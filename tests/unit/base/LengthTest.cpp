// base/Length is the one parser of lengths (content and layouts use it).
#include <gtest/gtest.h>

#include "base/Length.h"

namespace folio {
namespace {

TEST(Length, UnitsInAnyCase) {
  ParsedLength l;
  ASSERT_TRUE(parseLength("15PT", l));
  EXPECT_DOUBLE_EQ(l.value, 15);
  ASSERT_TRUE(parseLength(" 1 In ", l));
  EXPECT_DOUBLE_EQ(l.value, 72);
  ASSERT_TRUE(parseLength("1.5EM", l));
  EXPECT_TRUE(l.em);
  EXPECT_DOUBLE_EQ(l.value, 1.5);
  ASSERT_TRUE(parseLength("-2mm", l));
  EXPECT_NEAR(l.value, -2 * 72 / 25.4, 1e-9);
  ASSERT_TRUE(parseLength(".5", l));
  EXPECT_DOUBLE_EQ(l.value, 0.5);
}

TEST(Length, NotFiniteOrNotANumberIsRefused) {
  ParsedLength l;
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "infinity", "1e3pt", "1e400", "0x10", "", "pt", "12px",
                          "12 pt pt", "1.2.3", "+", "."})
    EXPECT_FALSE(parseLength(bad, l)) << bad;
}

}  // namespace
}  // namespace folio
