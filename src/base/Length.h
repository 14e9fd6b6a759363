#pragma once
// Lengths as users write them: "12pt", "3 mm", "1.5em", "10" (points). The
// one parser of lengths: content (content/Lengths.cpp) and layouts
// (style/LayoutReader.cpp) both read through it, and add only their own
// ranges, so the same text is accepted or refused the same way in both.
#include <string_view>

namespace folio {

struct ParsedLength {
  double value = 0;  // in points, or in em when `em` is set
  bool em = false;
};

// False when `s` is not a number followed by an optional unit (pt, mm, cm,
// in, pc, em; in any case, so "15PT" is 15pt). The number is digits with an
// optional sign and decimal point: no exponent, "inf" or "nan" (a length
// must be a finite amount). Locale-independent.
bool parseLength(std::string_view s, ParsedLength& out);

}  // namespace folio
