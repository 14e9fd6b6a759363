#pragma once
// Checks that run on the raw bytes before the YAML parser sees them, and the map
// from byte offsets to the line:column users see in their editor.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Diagnostics.h"

namespace folio::yaml {

// Byte offset -> 1-based line and column. Columns count code points, not
// bytes, so a position in Arabic or CJK text matches what an editor shows.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // `offset` may equal text.size() (end of input). Queries mostly move
  // forward through the text, so the last answer is cached: positions on a
  // single 10 MB line (a long flow sequence) must not cost a scan each.
  SourcePos position(size_t offset, const std::string& file) const;
  // "3:7", for messages that cite a second position.
  static std::string lineColumn(const SourcePos& pos);

 private:
  std::string_view m_text;
  std::vector<size_t> m_lineStarts;  // offset of the first byte of each line
  // Not thread-safe, like the parse that owns it.
  mutable size_t m_cachedLine = 0;  // 1-based; 0 = nothing cached
  mutable size_t m_cachedOffset = 0;
  mutable int m_cachedColumn = 1;
};

// The first reason `text` cannot be YAML text (wrong encoding, NUL bytes,
// control characters), as a diagnostic; nullopt when the text is clean.
std::optional<Diagnostic> checkText(std::string_view text, const LineIndex& index, const std::string& file);

}  // namespace folio::yaml
