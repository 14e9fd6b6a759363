#pragma once
// Where the characters of a scalar were written. A warning about one
// character of a paragraph (a glyph no font has) should point at that
// character in the editor, not at the start of the paragraph; the value
// the parser hands over has lost its quotes, escapes, indentation and line
// folding, so the value is aligned with the file text once to recover that.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/Diagnostics.h"
#include "yaml/TextCheck.h"

namespace folio::yaml {

// A YAML file's text (without a byte order mark, as the parser saw it) and
// its line index. Not thread-safe (the index caches its last answer): one
// document is rendered by one thread.
class SourceText {
 public:
  SourceText(std::string file, std::string_view text);
  SourceText(const SourceText&) = delete;
  SourceText& operator=(const SourceText&) = delete;

  const std::string& file() const { return m_file; }
  std::string_view text() const { return m_text; }
  const LineIndex& index() const { return m_index; }
  SourcePos position(size_t offset) const { return m_index.position(offset, m_file); }

 private:
  std::string m_file;
  std::string m_text;
  LineIndex m_index;  // views m_text
};

// Value byte offset -> file position for one scalar.
class ScalarMap {
 public:
  // `offset`: where the scalar starts in the file (Node::offset).
  ScalarMap(std::shared_ptr<const SourceText> source, uint32_t offset, std::string_view value);
  // Exact for characters written as themselves; a character produced by an
  // escape (\u00e9) maps to the escape's neighbourhood.
  SourcePos position(uint32_t valueOffset) const;

 private:
  std::shared_ptr<const SourceText> m_source;
  // Runs of bytes copied verbatim from the file, sorted by both offsets.
  struct Run {
    uint32_t value, file, length;
  };
  std::vector<Run> m_runs;
};

}  // namespace folio::yaml
