#pragma once
// Facts about languages that several stages need.
#include <string>
#include <string_view>

namespace folio {

// Is `tag` (BCP 47) a language written right to left: ar, he, fa, ur, ...?
inline bool isRightToLeftLanguage(std::string_view tag) {
  std::string lang(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : lang) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (std::string_view r : {"ar", "he", "fa", "ur", "ps", "yi", "dv", "ug", "sd", "ckb", "syr", "arc"})
    if (lang == r) return true;
  return false;
}

}  // namespace folio
