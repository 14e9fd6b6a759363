#include "text/Unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

namespace folio::text {

std::u32string canonicalDecomposition(std::u32string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err) || !nfd) return std::u32string(text);
  std::u32string out;
  out.reserve(text.size() + 2);
  icu::UnicodeString decomposed;
  for (char32_t c : text) {
    // Per character is enough here (and cheap): the callers pass one
    // cluster, and canonical reordering of marks would change which glyph
    // a character goes with.
    if (!nfd->getDecomposition(static_cast<UChar32>(c), decomposed)) {
      out.push_back(c);
      continue;
    }
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 d = decomposed.char32At(i);
      out.push_back(static_cast<char32_t>(d));
      i += U16_LENGTH(d);
    }
  }
  return out;
}

bool isCommonScript(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &err);
  return U_FAILURE(err) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED;
}

bool isUppercase(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }

Joining joiningOf(char32_t c) {
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_JOINING_TYPE)) {
    case U_JT_TRANSPARENT:
      return Joining::Transparent;
    case U_JT_RIGHT_JOINING:
      return Joining::Right;
    case U_JT_DUAL_JOINING:
      return Joining::Dual;
    case U_JT_JOIN_CAUSING:
      return Joining::Causing;
    default:
      return Joining::None;  // non-joining, and left-joining (not in Arabic)
  }
}

std::u32string toUppercase(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  return out;
}

BidiGroup bidiGroup(char32_t c) {
  switch (u_charDirection(static_cast<UChar32>(c))) {
    case U_LEFT_TO_RIGHT:
      return BidiGroup::Left;
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC:
      return BidiGroup::Right;
    case U_EUROPEAN_NUMBER:
    case U_ARABIC_NUMBER:
    case U_DIR_NON_SPACING_MARK:
    case U_COMMON_NUMBER_SEPARATOR:
    case U_EUROPEAN_NUMBER_SEPARATOR:
    case U_EUROPEAN_NUMBER_TERMINATOR:
    case U_BOUNDARY_NEUTRAL:
      return BidiGroup::Weak;
    default:
      return BidiGroup::Neutral;
  }
}

bool isBidiNumber(char32_t c) {
  const UCharDirection d = u_charDirection(static_cast<UChar32>(c));
  return d == U_EUROPEAN_NUMBER || d == U_ARABIC_NUMBER;
}

}  // namespace folio::text
