#pragma once
// UTF-8 <-> UTF-32 with validation. Hand-written because it is 40 lines and
// on the hot path; ICU's converters would allocate per call.
#include <cstddef>
#include <string>
#include <string_view>

namespace folio {

// Offset of the first invalid byte, or npos when `s` is valid UTF-8.
size_t findInvalidUtf8(std::string_view s);
// Decodes valid UTF-8 (invalid bytes become U+FFFD).
std::u32string toUtf32(std::string_view s);
void appendUtf8(std::string& out, char32_t cp);
std::string toUtf8(std::u32string_view s);

}  // namespace folio
