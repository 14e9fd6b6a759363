#pragma once
// Lengths as users write them ("12pt", "3 mm", "1.5em", "10"), with the
// reason a value is refused so the message can say what to change.
#include <string>
#include <string_view>

#include "content/Document.h"

namespace folio::content {

inline constexpr double kMaxLengthPt = 10000;  // larger than any page: surely a mistake
inline constexpr double kMaxLengthEm = 100;

enum class LengthError : uint8_t { None, Malformed, Negative, TooLarge };

LengthError readLength(std::string_view s, Length& out);

// "width '12px' is not a length; expected ..." for `attribute` as written.
std::string lengthErrorMessage(LengthError error, const std::string& attribute, const std::string& written);

}  // namespace folio::content
