#include "yaml/ScalarSource.h"

#include <algorithm>

namespace folio::yaml {

namespace {
// (As the parser drops it: offsets are counted without it.)
std::string_view withoutByteOrderMark(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}
size_t utf8Length(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// A double-quoted scalar's escape at file[i] ('\\'): how many file bytes it
// spans and how many value bytes it produced (YAML 1.2, 5.7).
std::pair<size_t, size_t> escapeSize(std::string_view file, size_t i) {
  if (i + 1 >= file.size()) return {1, 0};
  const char c = file[i + 1];
  const size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
  if (digits) {
    uint32_t cp = 0;
    for (size_t k = 0; k < digits && i + 2 + k < file.size(); ++k) {
      const char h = file[i + 2 + k];
      cp = cp * 16 + uint32_t(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    return {2 + digits, utf8Length(cp)};
  }
  if (c == '\n' || c == '\r') {  // an escaped line break: nothing, and the indentation after it
    size_t end = i + 2;
    while (end < file.size() && (file[end] == ' ' || file[end] == '\t' || file[end] == '\n')) ++end;
    return {end - i, 0};
  }
  switch (c) {
    case 'N':
    case '_':
      return {2, 2};  // U+0085, U+00A0
    case 'L':
    case 'P':
      return {2, 3};  // U+2028, U+2029
    default:
      return {2, 1};
  }
}

// What the walk may step over in the file without a value byte: quotes,
// block scalar headers, indentation and line breaks.
bool skippable(char c) {
  return std::string_view(" \t\r\n\"'|>+-0123456789").find(c) != std::string_view::npos;
}

}  // namespace

SourceText::SourceText(std::string file, std::string_view text)
    : m_file(std::move(file)), m_text(withoutByteOrderMark(text)), m_index(m_text) {}

// One forward walk over value and file together: equal bytes advance both;
// a line break in the file that the value folded into a space (or kept as
// a newline) advances both; an escape advances both by what it spans and
// what it produced; quotes, block headers and indentation are stepped over.
// Anything else means the walk lost its way (a comment after a block
// header, a mail-merge field): it stops, and later characters map to the
// last run found.
ScalarMap::ScalarMap(std::shared_ptr<const SourceText> source, uint32_t offset, std::string_view value)
    : m_source(std::move(source)) {
  const std::string_view file = m_source->text();
  const bool doubleQuoted = offset < file.size() && file[offset] == '"';
  size_t i = offset, v = 0;
  bool inRun = false;
  while (v < value.size() && i < file.size()) {
    if (doubleQuoted && file[i] == '\\' && i > offset) {
      auto [spans, produced] = escapeSize(file, i);
      i += spans, v += produced, inRun = false;
    } else if (file[i] == value[v]) {
      if (!inRun) m_runs.push_back({static_cast<uint32_t>(v), static_cast<uint32_t>(i), 0});
      ++m_runs.back().length;
      inRun = true;
      ++i, ++v;
    } else if ((value[v] == ' ' || value[v] == '\n') && (file[i] == '\n' || file[i] == '\r')) {
      if (file[i] == '\r' && i + 1 < file.size() && file[i + 1] == '\n') ++i;
      ++i, ++v, inRun = false;
    } else if (skippable(file[i])) {
      ++i, inRun = false;
    } else {
      break;
    }
  }
  if (m_runs.empty()) m_runs.push_back({0, offset, 0});
}

SourcePos ScalarMap::position(uint32_t valueOffset) const {
  auto it = std::upper_bound(m_runs.begin(), m_runs.end(), valueOffset,
                             [](uint32_t v, const Run& run) { return v < run.value; });
  if (it != m_runs.begin()) --it;
  // Within a run file and value bytes correspond one to one; a byte past
  // its end came from something the walk skipped (an escape): point at the
  // run's last byte rather than guess.
  uint32_t delta = valueOffset >= it->value ? valueOffset - it->value : 0;
  if (it->length > 0) delta = std::min(delta, it->length - 1);
  return m_source->position(std::min<size_t>(size_t(it->file) + delta, m_source->text().size()));
}

}  // namespace folio::yaml
