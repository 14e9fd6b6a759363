// PrintDevice formats PoDoFo's integer formats itself: the bytes must be
// exactly vsnprintf's, and any other format must still reach vsnprintf.
#include <gtest/gtest.h>

#include <climits>
#include <cstdio>
#include <string>

#include "pdf/PrintDevice.h"

namespace folio::pdf {
namespace {

std::string printed(const char* format, auto... args) {
  PoDoFo::PdfRefCountedBuffer buffer;
  PrintDevice device(&buffer);
  device.Print(format, args...);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

std::string reference(const char* format, auto... args) {
  char text[512];
  const int n = std::snprintf(text, sizeof text, format, args...);
  return std::string(text, n);
}

TEST(PrintDevice, IntegerFormatsAsPrintf) {
  for (long v : {0L, 1L, -1L, 9L, 10L, 4096L, -123456789L, LONG_MAX, LONG_MIN}) {
    EXPECT_EQ(printed("%li", v), reference("%li", v));
    EXPECT_EQ(printed("%ld", v), reference("%ld", v));
  }
  for (int v : {0, 7, -7, 65535, INT_MAX, INT_MIN}) {
    EXPECT_EQ(printed("%i %i obj\n", v, 0), reference("%i %i obj\n", v, 0));
    EXPECT_EQ(printed(" %i %hi R", v, static_cast<short>(0)),
              reference(" %i %hi R", v, static_cast<short>(0)));
    EXPECT_EQ(printed("%d", v), reference("%d", v));
  }
  // %hi prints the int argument converted to short, as printf does.
  EXPECT_EQ(printed("%hi", 70000), reference("%hi", 70000));
  EXPECT_EQ(printed("%u|%lu|%llu", 4000000000u, ULONG_MAX, ULLONG_MAX),
            reference("%u|%lu|%llu", 4000000000u, ULONG_MAX, ULLONG_MAX));
  EXPECT_EQ(printed("%lli", LLONG_MIN), reference("%lli", LLONG_MIN));
  EXPECT_EQ(printed("100%% %i", 5), "100% 5");
}

TEST(PrintDevice, LiteralText) {
  EXPECT_EQ(printed("<<"), "<<");
  EXPECT_EQ(printed("true"), "true");
  EXPECT_EQ(printed(""), "");
}

TEST(PrintDevice, OtherFormatsGoToVsnprintf) {
  EXPECT_EQ(printed("%g", 0.5), "0.5");
  EXPECT_EQ(printed("%05i", 42), "00042");
  EXPECT_EQ(printed("%010li 00000 n \n", 1234L), "0000001234 00000 n \n");
  EXPECT_EQ(printed("%s/%i", "name", 3), "name/3");
  EXPECT_EQ(printed("%.3f", 1.0 / 3), "0.333");
  EXPECT_EQ(printed("%x", 255), "ff");
}

TEST(PrintDevice, LongerThanTheFastBuffer) {
  std::string format(300, 'a');
  format += "%i";
  EXPECT_EQ(printed(format.c_str(), 12), std::string(300, 'a') + "12");
}

}  // namespace
}  // namespace folio::pdf
