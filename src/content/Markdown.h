#pragma once
// The `markdown` block: CommonMark parsed by cmark at block level into
// Folio blocks. Inline content goes through the same walker as inline text.
#include <string>
#include <vector>

#include "content/Document.h"

namespace folio::content {

// Paragraphs, headings (# to ###; deeper levels become 3), bullet and
// ordered lists, block quotes, thematic breaks (rules) and code blocks
// (paragraphs in style "code"). Every block gets position `pos`.
std::vector<Block> markdownBlocks(const std::string& source, const SourcePos& pos, Diagnostics& diags);

}  // namespace folio::content
