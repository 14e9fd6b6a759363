// roundHalfAway must give std::llround's answer everywhere, or layouts and
// PDF numbers would change: halves, the doubles next to them, negatives,
// values near 2^52 and beyond, and a sweep of ordinary values.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "base/Units.h"

namespace folio {
namespace {

TEST(RoundHalfAway, SameAsLlround) {
  std::vector<double> values = {0.0,
                                -0.0,
                                0.5,
                                -0.5,
                                1.5,
                                -1.5,
                                2.5,
                                -2.5,
                                0.49999999999999994,
                                -0.49999999999999994,
                                4503599627370495.5,
                                -4503599627370495.5,
                                4503599627370496.0,
                                9007199254740993.0,
                                1e18,
                                -1e18,
                                123456.4999,
                                7.0};
  const size_t edges = values.size();
  for (size_t k = 0; k < edges; ++k) {
    values.push_back(std::nextafter(values[k], 1e300));
    values.push_back(std::nextafter(values[k], -1e300));
  }
  std::mt19937_64 rng(15);
  std::uniform_real_distribution<double> wide(-1e7, 1e7);
  for (int i = 0; i < 200000; ++i) values.push_back(wide(rng));
  for (int i = -20000; i <= 20000; ++i) values.push_back(i / 4.0);  // every quarter: halves included
  for (double v : values) EXPECT_EQ(roundHalfAway(v), std::llround(v)) << v;
}

}  // namespace
}  // namespace folio
