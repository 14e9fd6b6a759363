#pragma once
// PDF syntax pieces written by hand: numbers, hex strings, UTF-16BE. Hand-
// written because printf's %f/%g follow LC_NUMERIC and %g switches to
// exponent notation (invalid PDF) for small values; these never do either.
#include <cstdint>
#include <string>
#include <string_view>

#include "base/Units.h"
#include "fontembed/Hex.h"

namespace folio::pdf {

// Shortest decimal for `v` rounded to `decimals` places: "12", "-0.5", "595.2756".
std::string formatNumber(double v, int decimals = 4);
// A length in scaled points as PDF user units (pt).
inline std::string formatPt(Sp sp) { return formatNumber(toPt(sp), 4); }

// Raw UTF-16BE bytes with a byte-order mark, for PDF text strings.
std::string utf16beWithBom(std::string_view utf8);
// hex4 and utf16beHex: the font program's (CMaps) and the content stream's.
using fontembed::hex4;
using fontembed::utf16beHex;

// True when `utf8` is printable ASCII and can be a literal PDF string as is.
bool isPlainAscii(std::string_view utf8);

// XML text/attribute escaping for the XMP packet.
std::string xmlEscape(std::string_view s);

}  // namespace folio::pdf
