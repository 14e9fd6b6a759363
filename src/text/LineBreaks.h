#pragma once
// Line-break opportunities by ICU's line BreakIterator with the paragraph's
// locale (UAX #14 plus dictionaries for Thai, Lao, Khmer, Burmese; CJK
// kinsoku rules), never inside a grapheme cluster, and never inside a
// Korean word (breaks at spaces, as CSS's word-break: keep-all).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio::text {

enum class BreakKind : uint8_t { None, Allowed, Mandatory };

// result[i] says whether a line may (must) break before text[i];
// result.size() == text.size() + 1, result[0] = None.
std::vector<BreakKind> lineBreaks(const std::u32string& text, std::string_view locale);

// lineBreaks' answers inside words: for every i with text[i - 1] and
// text[i] both other than U+0020 (and result[text.size()] = Mandatory);
// None at every other place (around a space, where a line breaks at the
// space itself). UAX #14 decides a break inside a run of non-space
// characters from that run alone (its rules that reach across spaces,
// LB14-LB17 and LB8, decide the break right after the spaces), so each
// word is broken on its own and remembered per thread and locale: prose
// repeats its words.
std::vector<BreakKind> wordBreaks(const std::u32string& text, std::string_view locale);

// Grapheme cluster boundaries: result[i] true if a cluster starts at text[i].
std::vector<bool> graphemeStarts(const std::u32string& text);

}  // namespace folio::text
