#pragma once
// Hex digits of 16-bit codes and UTF-16BE text, as CMaps and content
// streams write them (<0041>).
#include <cstdint>
#include <string>
#include <string_view>

namespace folio::fontembed {

// "0041" per UTF-16 code unit of each code point (surrogate pairs for > U+FFFF).
std::string utf16beHex(std::u32string_view s);
// "<0041>"-style 4-digit uppercase hex of a 16-bit code.
std::string hex4(uint32_t code);

}  // namespace folio::fontembed
