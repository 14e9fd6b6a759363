#pragma once
// Integer geometry: every length inside Folio is a count of scaled points
// (1 pt = 65536 sp, as in TeX). Integers make line breaking exact and
// layouts reproducible across machines; conversion to double happens only
// at the PDF boundary.
#include <cmath>
#include <cstdint>

namespace folio {

using Sp = int32_t;  // scaled points; +-32767 pt is ample for any page
constexpr Sp kSpPerPt = 65536;

constexpr Sp pt(double points) { return static_cast<Sp>(points * kSpPerPt + (points >= 0 ? 0.5 : -0.5)); }
constexpr double toPt(Sp sp) { return static_cast<double>(sp) / kSpPerPt; }
constexpr Sp mm(double v) { return pt(v * 72.0 / 25.4); }

// std::llround (half away from zero), inlined: the libm call was 1% of a
// long document (a glyph advance per line, a demerit per break tried).
// Below 2^52 a double's integer part is exact, and so is x minus it.
inline int64_t roundHalfAway(double x) {
  if (!(std::fabs(x) < 4503599627370496.0)) return std::llround(x);  // also NaN
  int64_t i = static_cast<int64_t>(x);                               // toward zero
  const double f = x - static_cast<double>(i);
  if (f >= 0.5)
    ++i;
  else if (f <= -0.5)
    --i;
  return i;
}

struct Point {
  Sp x = 0;
  Sp y = 0;
  bool operator==(const Point&) const = default;
};

// A rectangle in page coordinates: origin bottom-left, y up (PDF's convention).
struct Rect {
  Sp x = 0;
  Sp y = 0;
  Sp width = 0;
  Sp height = 0;
  Sp right() const { return x + width; }
  Sp top() const { return y + height; }
  bool operator==(const Rect&) const = default;
};

}  // namespace folio
