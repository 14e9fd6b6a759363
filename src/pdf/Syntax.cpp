#include "pdf/Syntax.h"

#include <charconv>
#include <cmath>

#include "base/Units.h"
#include "base/Utf8.h"

namespace folio::pdf {

std::string formatNumber(double v, int decimals) {
  int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  int64_t n = roundHalfAway(v * static_cast<double>(scale));
  // Built in a stack buffer: numbers are written per glyph, and the result
  // fits std::string's short-string buffer, so nothing is allocated.
  char buf[64];
  char* p = buf;
  char* const end = buf + sizeof buf;
  if (n < 0) {
    *p++ = '-';
    n = -n;
  }
  p = std::to_chars(p, end, n / scale).ptr;
  int64_t frac = n % scale;
  if (frac != 0) {
    *p++ = '.';
    char digits[24];
    char* d = std::to_chars(digits, digits + sizeof digits, frac).ptr;
    for (int64_t k = d - digits; k < decimals; ++k) *p++ = '0';  // leading zeros of the fraction
    while (d > digits && d[-1] == '0') --d;                      // no trailing zeros
    for (const char* c = digits; c < d; ++c) *p++ = *c;
  }
  if (p - buf == 2 && buf[0] == '-' && buf[1] == '0') return "0";
  return std::string(buf, p);
}

std::string utf16beWithBom(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  auto unit = [&out](uint32_t u) {
    out += static_cast<char>(u >> 8);
    out += static_cast<char>(u & 0xFF);
  };
  for (char32_t c : toUtf32(utf8)) {
    if (c >= 0x10000) {
      uint32_t v = static_cast<uint32_t>(c) - 0x10000;
      unit(0xD800 + (v >> 10));
      unit(0xDC00 + (v & 0x3FF));
    } else {
      unit(static_cast<uint32_t>(c));
    }
  }
  return out;
}

bool isPlainAscii(std::string_view utf8) {
  for (char c : utf8)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) return false;
  return true;
}

std::string xmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters are not allowed in XML 1.0; drop them.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

}  // namespace folio::pdf
