#include "markup/Inline.h"

#include <cmark.h>

#include <memory>

#include "markup/BlockGuard.h"
#include "markup/CmarkInlines.h"
#include "markup/FootnoteMarkers.h"

namespace folio::markup {

namespace {

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

bool isTrimmable(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

InlineText parseMapped(const MappedText& source, const SourcePos& origin, Diagnostics& diags,
                       const InlineOptions& options) {
  // Trim: leading and trailing white space is layout, not content.
  size_t begin = 0, end = source.text.size();
  while (begin < end && isTrimmable(source.text[begin])) ++begin;
  while (end > begin && isTrimmable(source.text[end - 1])) --end;
  if (begin == end) return {};

  MarkedText marked = extractFootnotes(source.slice(begin, end), origin, diags, options.footnotes);
  MappedText guarded = guardInlineSource(marked.mapped, origin, diags);
  std::unique_ptr<cmark_node, CmarkNodeDeleter> document(
      cmark_parse_document(guarded.text.data(), guarded.text.size(), CMARK_OPT_DEFAULT));
  InlineText out;
  if (!document) return out;
  InlineContext context{guarded, marked.markers, origin, diags, kBlockSentinel};
  // The guard leaves one paragraph; should cmark still see several blocks,
  // their text joins with a space rather than being lost.
  for (cmark_node* block = cmark_node_first_child(document.get()); block; block = cmark_node_next(block)) {
    if (block != cmark_node_first_child(document.get())) {
      Inline space;
      space.sourceOffset = out.empty() ? 0 : out.back().sourceOffset;
      appendText(out, " ", space);
    }
    appendInlines(block, context, out);
    context.strip = {};
  }
  return out;
}

InlineText parseInline(const std::string& source, const SourcePos& origin, Diagnostics& diags) {
  return parseInline(source, origin, diags, InlineOptions{});
}

InlineText parseInline(const std::string& source, const SourcePos& origin, Diagnostics& diags,
                       const InlineOptions& options) {
  try {
    return parseMapped(MappedText::identity(source), origin, diags, options);
  } catch (const std::exception& e) {  // out of memory: exceptions must not leave the module
    diags.error(origin, std::string("cannot read inline text: ") + e.what());
    return {};
  }
}

std::string plainText(const InlineText& text) {
  std::string out;
  for (const Inline& run : text) {
    if (run.kind == Inline::Kind::Text) out += run.text;
    if (run.kind == Inline::Kind::HardBreak) out += '\n';
  }
  return out;
}

}  // namespace folio::markup
