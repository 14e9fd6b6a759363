#include <gtest/gtest.h>

#include "content/Document.h"
#include "content/Lengths.h"

namespace folio::content {
namespace {

TEST(Length, Units) {
  Length l;
  ASSERT_TRUE(parseLength("12pt", l));
  EXPECT_DOUBLE_EQ(l.value, 12);
  EXPECT_FALSE(l.em);
  ASSERT_TRUE(parseLength("10", l));
  EXPECT_DOUBLE_EQ(l.value, 10);
  ASSERT_TRUE(parseLength("25.4mm", l));
  EXPECT_DOUBLE_EQ(l.value, 72);
  ASSERT_TRUE(parseLength("3 mm", l));
  EXPECT_NEAR(l.value, 8.503937, 1e-6);
  ASSERT_TRUE(parseLength("2.54cm", l));
  EXPECT_DOUBLE_EQ(l.value, 72);
  ASSERT_TRUE(parseLength("1in", l));
  EXPECT_DOUBLE_EQ(l.value, 72);
  ASSERT_TRUE(parseLength("2pc", l));
  EXPECT_DOUBLE_EQ(l.value, 24);
  ASSERT_TRUE(parseLength("1.5em", l));
  EXPECT_DOUBLE_EQ(l.value, 1.5);
  EXPECT_TRUE(l.em);
  EXPECT_EQ(l.resolve(pt(10)), pt(15));
  ASSERT_TRUE(parseLength(" .5 PT ", l));
  EXPECT_DOUBLE_EQ(l.value, 0.5);
  ASSERT_TRUE(parseLength("0", l));
  ASSERT_TRUE(parseLength("+4pt", l));
  ASSERT_TRUE(parseLength("10000pt", l));
}

TEST(Length, Refusals) {
  Length l;
  EXPECT_EQ(readLength("12px", l), LengthError::Malformed);
  EXPECT_EQ(readLength("", l), LengthError::Malformed);
  EXPECT_EQ(readLength("pt", l), LengthError::Malformed);
  EXPECT_EQ(readLength("1e3pt", l), LengthError::Malformed);
  EXPECT_EQ(readLength("inf", l), LengthError::Malformed);
  EXPECT_EQ(readLength("1,5mm", l), LengthError::Malformed);
  EXPECT_EQ(readLength("1.2.3", l), LengthError::Malformed);
  EXPECT_EQ(readLength("-3mm", l), LengthError::Negative);
  EXPECT_EQ(readLength("10001pt", l), LengthError::TooLarge);
  EXPECT_EQ(readLength("4m", l), LengthError::Malformed);
  EXPECT_EQ(readLength("400cm", l), LengthError::TooLarge);
  EXPECT_EQ(readLength("101em", l), LengthError::TooLarge);
  EXPECT_FALSE(parseLength("-1", l));
}

}  // namespace
}  // namespace folio::content
