#pragma once
// Inline text after parsing: a flat list of runs, each with the styling that
// applies to it. Nested markup (a link inside strong) becomes flags on runs.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/Diagnostics.h"

namespace folio::markup {

enum InlineFlags : uint16_t {
  kEmphasis = 1 << 0,
  kStrong = 1 << 1,
  kCode = 1 << 2,
  kSuperscript = 1 << 3,
  kSubscript = 1 << 4,
  kAutolink = 1 << 5,  // the link is a bare URL or address in the text (GFM autolink)
};

struct Inline {
  enum class Kind : uint8_t {
    Text,         // `text` is set as written
    HardBreak,    // forced line break
    FootnoteRef,  // `[^id]` (noteId set) or `^[...]` (note set, noteId empty)
  };
  Kind kind = Kind::Text;
  uint16_t flags = 0;                         // InlineFlags
  std::string text;                           // UTF-8
  std::string link;                           // target URL or "#id" when inside a link; "" otherwise
  std::string lang;                           // from <span lang="..">, "" = inherit
  std::string noteId;                         // FootnoteRef by id
  std::shared_ptr<std::vector<Inline>> note;  // FootnoteRef inline: the note's own text
  uint32_t sourceOffset = 0;                  // byte offset of this run in the source string
};

using InlineText = std::vector<Inline>;

// Parses CommonMark inline syntax plus <sup>, <sub>, <span lang>, ^[note],
// [^id] and hard breaks. `origin` is the position of the first character of
// `source` in its file (for diagnostics such as an unknown tag).
InlineText parseInline(const std::string& source, const SourcePos& origin, Diagnostics& diags);

struct InlineOptions {
  // False for text that is itself a footnote: `^[..]` and `[^id]` then stay
  // literal text, with a warning.
  bool footnotes = true;
};
InlineText parseInline(const std::string& source, const SourcePos& origin, Diagnostics& diags,
                       const InlineOptions& options);

// Concatenated plain text (for bookmarks, metadata, tests): hard breaks
// become "\n", footnote references add nothing.
std::string plainText(const InlineText& text);

}  // namespace folio::markup
