#pragma once
// Number conventions of a language, from ICU's locale data.
#include <string>

namespace folio::text {

// The decimal separator of `language` (BCP 47) with its default digits:
// "." for en, "," for de and fr, U+066B for ar. Thread-safe.
std::u32string decimalSeparator(const std::string& language);

}  // namespace folio::text
