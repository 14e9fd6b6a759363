#pragma once
// GitHub-style pipe tables inside a `markdown` block.
//
// Debian 12's libcmark-gfm-dev has a table extension, but cmark-gfm is a
// fork that exports the same cmark_* symbols as libcmark, which the markup
// stage uses for inline text: linking both into one program is undefined
// behaviour, and moving the markup stage to the fork changes the inline
// parser every content file goes through. The GFM table syntax is small
// (a header row, a delimiter row of dashes with optional colons, body rows,
// cells split at unescaped pipes), so Folio recognizes it here, before
// cmark sees the rest, and reports ragged rows with their line and column.
#include <string>
#include <functional>
#include <string_view>
#include <vector>

#include "content/Document.h"

namespace folio::content {

// A piece of a markdown source: text for cmark, or a table's lines.
struct MarkdownPiece {
  bool table = false;
  size_t begin = 0, end = 0;  // byte range in the source
};

// Splits `source` at pipe tables (outside fenced code blocks).
std::vector<MarkdownPiece> findPipeTables(std::string_view source);

// The table block of one piece; `position` maps a byte offset of the
// source to the file.
Block pipeTable(std::string_view source, const MarkdownPiece& piece, const SourcePos& blockPos,
                const std::function<SourcePos(size_t)>& position, Diagnostics& diags);

}  // namespace folio::content
