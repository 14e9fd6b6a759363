#pragma once
// UTF-32 <-> UTF-16 index mapping for the ICU calls of this module (ICU works
// on UTF-16; Folio's paragraphs are UTF-32). Internal to src/text.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio::text {

struct Utf16Text {
  std::u16string units;
  std::vector<uint32_t> unitOf;  // UTF-32 index -> UTF-16 index; size = text.size() + 1
  std::vector<uint32_t> charOf;  // UTF-16 index -> UTF-32 index; size = units.size() + 1

  explicit Utf16Text(std::u32string_view text) {
    units.reserve(text.size());
    unitOf.resize(text.size() + 1);
    for (size_t i = 0; i < text.size(); ++i) {
      unitOf[i] = static_cast<uint32_t>(units.size());
      char32_t c = text[i];
      // Invalid scalars (surrogates, > U+10FFFF) become U+FFFD so ICU sees well-formed text.
      if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
      if (c >= 0x10000) {
        units.push_back(static_cast<char16_t>(0xD7C0 + (c >> 10)));
        units.push_back(static_cast<char16_t>(0xDC00 | (c & 0x3FF)));
      } else {
        units.push_back(static_cast<char16_t>(c));
      }
    }
    unitOf[text.size()] = static_cast<uint32_t>(units.size());
    charOf.assign(units.size() + 1, 0);
    for (size_t i = 0; i < text.size(); ++i) {
      for (uint32_t u = unitOf[i]; u < unitOf[i + 1]; ++u) charOf[u] = static_cast<uint32_t>(i);
    }
    charOf[units.size()] = static_cast<uint32_t>(text.size());
  }
  const char16_t* data() const { return units.data(); }
  int32_t length() const { return static_cast<int32_t>(units.size()); }
};

}  // namespace folio::text
