#pragma once
// Dates in a language's own long form ("2 mars 2026", "2 марта 2026 г.",
// "٢ مارس ٢٠٢٦"), from ICU's locale data.
#include <string>

namespace folio::text {

// The date (Gregorian calendar) in `language`'s long format; "" when ICU
// cannot format it.
std::string longDate(int year, int month, int day, const std::string& language);

}  // namespace folio::text
