// text::neverRightToLeft is a range shortcut for "bidiGroup is not Right":
// checked against ICU's data for every character it claims, so an ICU
// update that made one of them right to left fails here, not in a PDF.
#include <gtest/gtest.h>

#include "text/Unicode.h"

namespace folio::text {
namespace {

TEST(BidiGroup, NeverRightToLeftAgreesWithIcu) {
  size_t claimed = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (!neverRightToLeft(c)) continue;
    ++claimed;
    EXPECT_NE(bidiGroup(c), BidiGroup::Right) << std::hex << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(claimed, 0x0590u + (0x2C00u - 0x2000u) - 1u);
  EXPECT_FALSE(neverRightToLeft(0x05D0));  // Hebrew alef
  EXPECT_FALSE(neverRightToLeft(0x0627));  // Arabic alef
  EXPECT_FALSE(neverRightToLeft(0x200F));  // right-to-left mark
  EXPECT_EQ(bidiGroup(0x200F), BidiGroup::Right);
}

}  // namespace
}  // namespace folio::text
