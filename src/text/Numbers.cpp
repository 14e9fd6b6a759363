#include "text/Numbers.h"

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>

namespace folio::text {

std::u32string decimalSeparator(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  if (U_FAILURE(status)) return U".";
  icu::DecimalFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return U".";
  const icu::UnicodeString& sep = symbols.getConstSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol);
  std::u32string out;
  for (int32_t i = 0; i < sep.length();) {
    UChar32 c = sep.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out.empty() ? U"." : out;
}

}  // namespace folio::text
