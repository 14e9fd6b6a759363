#pragma once
// Inline text must stay inline: "1. First", "# not a heading" or "> x" are
// sentences, not a list, a heading or a quote. cmark only parses whole
// documents, so before it sees inline text we make sure no line can start a
// block:
//  - the first line is preceded by a sentinel, U+2000 EN QUAD, which cmark
//    treats as Unicode whitespace for emphasis rules (like a line start) but
//    not as indentation, so no block (heading, list, HTML block, link
//    reference definition...) can start there; the walker removes it;
//  - later lines can only start a block that interrupts a paragraph, and
//    those markers are backslash-escaped;
//  - blank lines are dropped (paragraphs join with a space), and leading
//    indentation is dropped (no indented code).
#include <string_view>

#include "base/Diagnostics.h"
#include "markup/MappedText.h"

namespace folio::markup {

inline constexpr std::string_view kBlockSentinel = "\xE2\x80\x80";  // U+2000

MappedText guardInlineSource(const MappedText& source, const SourcePos& origin, Diagnostics& diags);

}  // namespace folio::markup
