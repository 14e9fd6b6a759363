#pragma once
// The `markdown` block: CommonMark parsed by cmark at block level into
// Folio blocks. Inline content goes through the same walker as inline text.
#include <functional>
#include <string>
#include <vector>

#include "content/Document.h"

namespace folio::content {

// Paragraphs, headings (# to ###; deeper levels become 3), bullet and
// ordered lists, block quotes, thematic breaks (rules) and code blocks
// (paragraphs in style "code"). Every block gets position `pos`.
// Pipe tables (GitHub style) become table blocks (PipeTables.h);
// `position`, when given, maps a byte offset of `source` to the file.
std::vector<Block> markdownBlocks(const std::string& source, const SourcePos& pos, Diagnostics& diags,
                                  const std::function<SourcePos(size_t)>& position = nullptr);

}  // namespace folio::content
