#pragma once
// Walks the inline nodes cmark produced for one block and turns them into
// styled runs. Shared by parseInline (inline strings) and the content
// module's `markdown` block, so both read inline syntax the same way.
#include <string_view>

#include "base/Diagnostics.h"
#include "markup/FootnoteMarkers.h"
#include "markup/Inline.h"

struct cmark_node;

namespace folio::markup {

struct InlineContext {
  const MappedText& source;  // exactly the text cmark parsed
  const std::map<char32_t, FootnoteMarker>& markers;
  SourcePos origin;  // where diagnostics point
  Diagnostics& diags;
  // Bytes to drop from the start of the first text run (the block sentinel).
  std::string_view strip;
};

// Appends the runs of `block`'s inline children (a paragraph or a heading)
// to `out`. Iterative: deeply nested emphasis cannot exhaust the stack.
void appendInlines(cmark_node* block, InlineContext& context, InlineText& out);

// Adds a text run, merging it with the previous run when the style matches.
void appendText(InlineText& out, std::string_view text, const Inline& style);

}  // namespace folio::markup
