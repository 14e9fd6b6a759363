#pragma once
// A syntax check for BCP 47 language tags ("en", "en-GB", "sr-Latn-RS",
// "zh-Hant", "de-CH-1996", "x-private"). It does not consult the IANA
// registry; it refuses what is certainly a mistake: "english", "en_US", "e".
#include <string>
#include <string_view>

namespace folio::markup {

bool isPlausibleLanguageTag(std::string_view tag);

// A tag the user probably meant ("en_US" -> "en-US", "English" -> "en"), or
// "" when there is no good guess.
std::string suggestLanguageTag(std::string_view tag);

}  // namespace folio::markup
