#pragma once
// Lengths as users write them: "12pt", "3 mm", "1.5em", "10" (points).
#include <string_view>

namespace folio {

struct ParsedLength {
  double value = 0;  // in points, or in em when `em` is set
  bool em = false;
};

// False when `s` is not a number followed by an optional unit
// (pt, mm, cm, in, pc, em). Locale-independent.
bool parseLength(std::string_view s, ParsedLength& out);

}  // namespace folio
