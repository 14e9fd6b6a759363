#pragma once
// Small Unicode services (ICU) for the stages that may not use ICU directly.
#include <cstdint>
#include <string>
#include <string_view>

namespace folio::text {

// The canonical decomposition (NFD) of `text`: "ো" (U+09CB) -> U+09C7 U+09BE.
// Canonically equivalent to the input, so NFC gives the input back.
std::u32string canonicalDecomposition(std::u32string_view text);

// True for characters whose script is Common or Inherited (punctuation,
// digits, spaces, combining marks shared by scripts).
bool isCommonScript(char32_t c);

// Upper case as Unicode defines it (ICU u_isupper): Latin, Greek, Cyrillic,
// Armenian, Georgian Mtavruli ... The one test the paragraph stage uses
// (initials, sentence ends, words in capitals).
bool isUppercase(char32_t c);

// Each character's simple upper-case mapping (ICU u_toupper): one
// character for one, so the text keeps its length ("ß" stays "ß").
std::u32string toUppercase(std::u32string_view text);

// Cursive joining (Unicode's Joining_Type, ICU): how a character of Arabic
// and its kin joins its neighbours, for kashida justification.
enum class Joining : uint8_t { None, Transparent, Right, Dual, Causing };
Joining joiningOf(char32_t c);

// Bidi_Class (UAX #9) of a character, in the groups that text extractors'
// own simplified bidi passes use (pdf/BidiHints): strong left-to-right (L),
// strong right-to-left (R, AL), weak (EN, AN, NSM, CS, ES, ET, BN), the rest.
enum class BidiGroup { Left, Right, Weak, Neutral };
BidiGroup bidiGroup(char32_t c);
// True for characters whose bidi class is certainly neither R nor AL
// (bidiGroup != Right), by range and without a look-up: everything below
// Hebrew (U+0590) and U+2000..U+2BFF (punctuation, symbols) but the
// right-to-left mark. False means "ask bidiGroup".
constexpr bool neverRightToLeft(char32_t c) {
  return c < 0x0590 || (c >= 0x2000 && c <= 0x2BFF && c != 0x200F);
}
// European or Arabic digits (Bidi_Class EN or AN).
bool isBidiNumber(char32_t c);

}  // namespace folio::text
