// Characters that no font has: one warning per character and paragraph,
// with the character, where it is in the source, and the fonts tried.
#include <algorithm>
#include <cstdio>

#include "base/Utf8.h"
#include "paragraph/Internal.h"

namespace folio::paragraph::detail {

namespace {

size_t utf8Length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

// Byte offset of paragraph character `i` in the inline source: the span's
// own offset plus the UTF-8 length of the span's characters before it.
// Exact for text written without escapes or entities.
uint32_t sourceOffsetOf(const Flat& flat, uint32_t i) {
  const Span& span = flat.spans[flat.spanOf[i]];
  uint32_t offset = span.sourceOffset;
  for (uint32_t k = span.begin; k < i; ++k) offset += static_cast<uint32_t>(utf8Length(flat.source[k]));
  return offset;
}

std::string codePoint(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

void reportMissingGlyphs(const Flat& flat, const text::Itemization& items, const Options& options,
                         Diagnostics& diags) {
  std::vector<char32_t> reported;
  for (const text::MissingChar& m : items.missing) {
    if (std::find(reported.begin(), reported.end(), m.cp) != reported.end()) continue;
    reported.push_back(m.cp);
    const size_t times =
        static_cast<size_t>(std::count_if(items.missing.begin(), items.missing.end(),
                                          [&](const text::MissingChar& x) { return x.cp == m.cp; }));
    SourcePos pos = options.pos;
    const Span& span = flat.spans[flat.spanOf[m.offset]];
    if (options.sourcePosition && !span.generated) {
      SourcePos exact = options.sourcePosition(sourceOffsetOf(flat, m.offset));
      if (exact.line > 0) pos = exact;
    }
    std::string msg =
        "no font has the character " + codePoint(m.cp) + " '" + toUtf8(std::u32string(1, m.cp)) + "'";
    if (pos.line == options.pos.line && pos.column == options.pos.column)
      msg += " (character " + std::to_string(m.offset + 1) + " of this text)";
    if (times > 1) msg += ", " + std::to_string(times) + " times";
    msg += "; fonts tried:";
    for (size_t i = 0; i < m.fontsTried.size(); ++i) msg += (i ? ", " : " ") + m.fontsTried[i];
    msg +=
        " and every installed font; expected a font that covers it (install one, or name it in the layout's "
        "style)";
    diags.warning(pos, msg);
  }
}

}  // namespace folio::paragraph::detail
