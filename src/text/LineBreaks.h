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

// Grapheme cluster boundaries: result[i] true if a cluster starts at text[i].
std::vector<bool> graphemeStarts(const std::u32string& text);

}  // namespace folio::text
