#pragma once
// Text that has been rewritten before cmark parses it (footnote markers
// swapped for placeholders, block markers escaped) while remembering, for
// every byte, where it came from in the user's string: runs report their
// offset in what the user wrote, not in our rewrite.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio::markup {

struct MappedText {
  std::string text;
  std::vector<uint32_t> offsets;  // offsets[i]: source offset of text[i]
  uint32_t endOffset = 0;         // source offset just past the text

  // `s` unchanged, its first byte at source offset `base`.
  static MappedText identity(std::string_view s, uint32_t base = 0);

  // Source offset of text[i]; i == text.size() gives endOffset.
  uint32_t sourceOffset(size_t i) const { return i < offsets.size() ? offsets[i] : endOffset; }
  // Copies from.text[begin, end) with its offsets.
  void append(const MappedText& from, size_t begin, size_t end);
  // Adds bytes that were not in the source, attributed to offset `at`.
  void insert(std::string_view s, uint32_t at);
  MappedText slice(size_t begin, size_t end) const;
};

}  // namespace folio::markup
