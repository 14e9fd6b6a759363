#pragma once
// Footnote markers are found in the raw text before cmark sees it: cmark
// would read `^[note with [a link](..)]` as brackets and links, and turns
// `\[^id]` and `[^id]` into the same literal text. Each marker is replaced by
// a private-use placeholder character that cmark treats as a letter; the
// inline walker turns placeholders back into FootnoteRef runs (or, inside
// code, back into the text as written).
#include <map>
#include <memory>
#include <string>

#include "base/Diagnostics.h"
#include "markup/Inline.h"
#include "markup/MappedText.h"

namespace folio::markup {

struct FootnoteMarker {
  std::string noteId;                // `[^id]`
  std::shared_ptr<InlineText> note;  // `^[...]`, already parsed
  std::string original;              // as written, for code spans and code blocks
  uint32_t sourceOffset = 0;
};

struct MarkedText {
  MappedText mapped;                           // placeholders in, markers out
  std::map<char32_t, FootnoteMarker> markers;  // placeholder -> marker
};

// Replaces `[^id]` and `^[...]` outside code spans and backslash escapes.
// With `allowFootnotes` false (inside a note) markers stay text, with a
// warning. Notes are parsed as inline text, reporting at `origin`.
MarkedText extractFootnotes(const MappedText& source, const SourcePos& origin, Diagnostics& diags,
                            bool allowFootnotes);

// `text` with every placeholder replaced by the marker's original text.
std::string restoreMarkers(std::string_view text, const std::map<char32_t, FootnoteMarker>& markers);

// The placeholder code point at text[i] (a 4-byte UTF-8 sequence in planes
// 15-16), or 0.
char32_t placeholderAt(std::string_view text, size_t i);

// Internal entry point shared by parseInline and notes: parses already
// mapped text so runs keep offsets into the outermost source.
InlineText parseMapped(const MappedText& source, const SourcePos& origin, Diagnostics& diags,
                       const InlineOptions& options);

}  // namespace folio::markup
