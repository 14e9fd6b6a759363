// Where an Arabic word may be elongated with kashida (tatweel, U+0640) when
// a justified line is filled (`justify-arabic: kashida`). The rules are the
// common ones of Arabic (Naskh) typography, as Microsoft's Arabic
// justification and most Arabic typesetters apply them: the tatweel goes
// between two joined letters, after one that joins to the next (initial or
// medial form) and before one that joins back; never inside lam-alef and
// never after the last letter. One place per word, the best by rank:
//   6  after the seen and sad families (س ش ص ض), the classic place;
//   5  before a final taa marbuta, haa or dal (ة ه د ذ);
//   4  before a final alef, tah, zah, lam, kaf or gaf;
//   3  before a final raa, waw, yaa or alef maqsura, after beh-like letters;
//   2  before a final waw, ain, qaf or feh;
//   1  anywhere else between two joined letters.
// Among places of the same rank the last one in the word wins (closest to
// its end, where the eye expects the stretch).
#include "paragraph/Internal.h"
#include "text/Unicode.h"

namespace folio::paragraph::detail {

namespace {

using text::Joining;

// Harakat and other marks ride on their letter: transparent to joining.
bool transparent(char32_t c) { return text::joiningOf(c) == Joining::Transparent; }

bool joinsNext(char32_t c) {
  const Joining j = text::joiningOf(c);
  return j == Joining::Dual || j == Joining::Causing;
}
bool joinsPrevious(char32_t c) {
  const Joining j = text::joiningOf(c);
  return j == Joining::Dual || j == Joining::Right || j == Joining::Causing;
}

bool isOneOf(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

int rank(char32_t before, char32_t after, bool afterIsFinal) {
  if (isOneOf(before, U"\u0633\u0634\u0635\u0636")) return 6;  // seen, sheen, sad, dad
  if (afterIsFinal) {
    if (isOneOf(after, U"\u0629\u0647\u062F\u0630")) return 5;  // taa marbuta, haa, dal, thal
    if (isOneOf(after, U"\u0627\u0623\u0625\u0622\u0637\u0638\u0644\u0643\u06A9\u06AF")) return 4;
    if (isOneOf(after, U"\u0631\u0632\u0648\u064A\u0649\u06CC") &&
        isOneOf(before, U"\u0628\u062A\u062B\u0646\u064A\u0626\u06CC"))
      return 3;
    if (isOneOf(after, U"\u0648\u0639\u063A\u0642\u0641")) return 2;
  }
  return 1;
}

}  // namespace

KashidaPoint kashidaPoint(std::u32string_view text, uint32_t begin, uint32_t end) {
  KashidaPoint best;
  uint32_t prev = UINT32_MAX;  // index of the previous letter
  uint32_t last = UINT32_MAX;  // index of the last letter
  for (uint32_t i = begin; i < end; ++i)
    if (!transparent(text[i])) last = i;
  for (uint32_t i = begin; i < end; ++i) {
    const char32_t c = text[i];
    if (transparent(c)) continue;
    if (prev != UINT32_MAX) {
      const char32_t p = text[prev];
      const bool lamAlef = p == 0x0644 && isOneOf(c, U"\u0627\u0623\u0625\u0622");
      // Not next to a tatweel the author typed, and not inside lam-alef.
      if (joinsNext(p) && joinsPrevious(c) && !lamAlef && p != 0x0640 && c != 0x0640) {
        // The letter after the place is in its final form when it ends
        // the word or does not join the next letter (alef, dal, raa, waw).
        const bool final = i == last || !joinsNext(c);
        const int r = rank(p, c, final);
        if (r >= best.rank) {
          best.rank = r;
          best.at = i;  // after the letter before and its marks
        }
      }
    }
    prev = i;
  }
  return best;
}

}  // namespace folio::paragraph::detail
