#include "fontembed/Hex.h"

namespace folio::fontembed {

std::string hex4(uint32_t code) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string s(4, '0');
  for (int i = 3; i >= 0; --i, code >>= 4) s[static_cast<size_t>(i)] = kDigits[code & 0xF];
  return s;
}

std::string utf16beHex(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    if (c >= 0x10000) {
      uint32_t v = static_cast<uint32_t>(c) - 0x10000;
      out += hex4(0xD800 + (v >> 10));
      out += hex4(0xDC00 + (v & 0x3FF));
    } else {
      out += hex4(static_cast<uint32_t>(c));
    }
  }
  return out;
}

}  // namespace folio::fontembed
