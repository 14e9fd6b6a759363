#include "yaml/TextCheck.h"

#include <algorithm>
#include <cstdio>

#include "base/Utf8.h"

namespace folio::yaml {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0.
size_t sequenceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  return findInvalidUtf8(s.substr(i, n)) == std::string_view::npos ? n : 0;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  m_lineStarts.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    // CR LF, LF and a lone CR are one line break each (as for the parser).
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      m_lineStarts.push_back(i + 1);
    }
  }
}

SourcePos LineIndex::position(size_t offset, const std::string& file) const {
  offset = std::min(offset, m_text.size());
  auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
  size_t line = static_cast<size_t>(it - m_lineStarts.begin());  // 1-based
  size_t from = m_lineStarts[line - 1];
  int column = 1;
  if (m_cachedLine == line && m_cachedOffset <= offset) {
    from = m_cachedOffset;
    column = m_cachedColumn;
  }
  // One column per code point; each byte of a broken sequence counts as one.
  for (size_t i = from; i < offset; ++column) {
    size_t n = sequenceLength(m_text, i);
    i += n == 0 ? 1 : n;
  }
  m_cachedLine = line;
  m_cachedOffset = offset;
  m_cachedColumn = column;
  return SourcePos{file, static_cast<int>(line), column};
}

std::string LineIndex::lineColumn(const SourcePos& pos) {
  return std::to_string(pos.line) + ':' + std::to_string(pos.column);
}

namespace {

std::string hexByte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

std::string codePointName(unsigned cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

}  // namespace

std::optional<Diagnostic> checkText(std::string_view text, const LineIndex& index, const std::string& file) {
  auto fail = [&](size_t offset, std::string message) {
    return Diagnostic{Severity::Error, index.position(offset, file), std::move(message)};
  };
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    return fail(0, "the file is UTF-16 encoded; expected UTF-8 (save it as UTF-8)");
  }
  // NUL first: a binary file would otherwise be reported as bad UTF-8, which
  // suggests the wrong fix.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return fail(nul, "NUL byte; this looks like a binary file, expected UTF-8 YAML text");
  }
  if (size_t bad = findInvalidUtf8(text); bad != std::string_view::npos) {
    return fail(bad, "invalid UTF-8 (byte " + hexByte(static_cast<unsigned char>(text[bad])) +
                         "); expected UTF-8 text (was the file saved as Latin-1 or Windows-1252?)");
  }
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    unsigned cp = 0;
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
      cp = b;
    } else if (b == 0xC2 && i + 1 < text.size()) {
      unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) cp = next;  // C1 controls: usually mis-decoded text
    }
    if (cp != 0) {
      return fail(i, "control character " + codePointName(cp) +
                         " is not allowed; expected text (tab, line feed and carriage return are the only "
                         "control characters allowed)");
    }
  }
  return std::nullopt;
}

}  // namespace folio::yaml
