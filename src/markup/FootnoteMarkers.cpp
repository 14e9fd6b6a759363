#include "markup/FootnoteMarkers.h"

#include <map>
#include <set>
#include <vector>

#include "base/Utf8.h"

namespace folio::markup {

namespace {

bool isAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool isIdTerminator(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '[' || c == ']' || c == '\\';
}

size_t runLength(std::string_view s, size_t i, char c) {
  size_t n = 0;
  while (i + n < s.size() && s[i + n] == c) ++n;
  return n;
}

bool blankLineAt(std::string_view s, size_t newline) {
  size_t j = newline + 1;
  while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
  return j >= s.size() || s[j] == '\n';
}

// Code spans and bracket pairs of the whole text, found in linear time so
// hostile input ("^[^[^[..." or thousands of backticks) stays cheap.
class Structure {
 public:
  explicit Structure(std::string_view s) {
    // Code spans (CommonMark): a backtick run closes at the next run of
    // exactly the same length. Right to left, remember the nearest run of
    // each length.
    std::vector<std::pair<size_t, size_t>> runs;  // start, length
    for (size_t i = 0; i < s.size();) {
      if (s[i] == '\\' && i + 1 < s.size()) {
        i += 2;  // an escaped backtick opens nothing (a closing run is not escaped, see below)
        continue;
      }
      if (s[i] == '`') {
        size_t n = runLength(s, i, '`');
        runs.emplace_back(i, n);
        i += n;
        continue;
      }
      ++i;
    }
    std::map<size_t, size_t> nearest;  // length -> start of the nearest run to the right
    std::vector<size_t> closer(runs.size(), std::string_view::npos);
    for (size_t k = runs.size(); k-- > 0;) {
      auto it = nearest.find(runs[k].second);
      if (it != nearest.end()) closer[k] = it->second + runs[k].second;
      nearest[runs[k].second] = runs[k].first;
    }
    for (size_t k = 0; k < runs.size(); ++k) m_codeSpanEnd.emplace(runs[k].first, closer[k]);

    // Brackets, skipping escapes and code spans; a blank line ends them all.
    std::vector<size_t> open;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\\' && i + 1 < s.size() && isAsciiPunctuation(s[i + 1])) {
        ++i;
      } else if (c == '`') {
        size_t end = codeSpanEnd(i);
        i = (end == std::string_view::npos ? i + runLength(s, i, '`') : end) - 1;
      } else if (c == '[') {
        open.push_back(i);
      } else if (c == ']' && !open.empty()) {
        m_close.emplace(open.back(), i);
        open.pop_back();
      } else if (c == '\n' && blankLineAt(s, i)) {
        open.clear();
      }
    }
  }

  // End of the code span opened by the backtick run at i, or npos.
  size_t codeSpanEnd(size_t i) const {
    auto it = m_codeSpanEnd.find(i);
    return it == m_codeSpanEnd.end() ? std::string_view::npos : it->second;
  }
  // The ']' matching the '[' at i, or npos.
  size_t closingBracket(size_t i) const {
    auto it = m_close.find(i);
    return it == m_close.end() ? std::string_view::npos : it->second;
  }

 private:
  std::map<size_t, size_t> m_codeSpanEnd;
  std::map<size_t, size_t> m_close;
};

// Hands out placeholder code points, skipping any the user wrote.
class PlaceholderPool {
 public:
  explicit PlaceholderPool(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (char32_t cp = placeholderAt(text, i)) m_used.insert(cp);
    }
  }
  char32_t next() {
    while (m_used.count(m_next)) ++m_next;
    return m_next++;
  }

 private:
  std::set<char32_t> m_used;
  char32_t m_next = 0xF0000;
};

}  // namespace

char32_t placeholderAt(std::string_view text, size_t i) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if ((b != 0xF3 && b != 0xF4) || i + 4 > text.size()) return 0;
  char32_t cp = b & 0x07;
  for (size_t k = 1; k < 4; ++k) {
    unsigned char c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  return cp >= 0xF0000 && cp <= 0x10FFFF ? cp : 0;
}

MarkedText extractFootnotes(const MappedText& source, const SourcePos& origin, Diagnostics& diags,
                            bool allowFootnotes) {
  std::string_view s = source.text;
  MarkedText out;
  out.mapped.endOffset = source.endOffset;
  PlaceholderPool pool(s);
  Structure structure(s);
  auto addMarker = [&](size_t begin, size_t end, FootnoteMarker marker) {
    char32_t cp = pool.next();
    marker.original = std::string(s.substr(begin, end - begin));
    marker.sourceOffset = source.sourceOffset(begin);
    std::string bytes;
    appendUtf8(bytes, cp);
    out.mapped.insert(bytes, marker.sourceOffset);
    out.markers.emplace(cp, std::move(marker));
  };
  bool refused = false;
  auto refuse = [&](std::string_view written) {
    if (refused) return;  // once is enough; "^[^[^[..." would repeat it endlessly
    refused = true;
    diags.warning(origin,
                  "a footnote inside a footnote ('" + std::string(written) +
                      "') is not supported (kept as text); expected notes without notes of their own");
  };

  size_t copied = 0;  // s[copied, i) is pending a plain copy
  auto flush = [&](size_t upTo) {
    out.mapped.append(source, copied, upTo);
    copied = upTo;
  };
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && isAsciiPunctuation(s[i + 1])) {
      i += 2;  // an escaped '^' or '[' starts no marker; cmark handles the escape
      continue;
    }
    if (c == '`') {
      size_t end = structure.codeSpanEnd(i);
      i = end == std::string_view::npos ? i + runLength(s, i, '`') : end;
      continue;
    }
    if (c == '^' && i + 1 < s.size() && s[i + 1] == '[') {
      size_t close = structure.closingBracket(i + 1);
      if (close != std::string_view::npos && close > i + 2) {
        if (!allowFootnotes) {
          refuse(s.substr(i, close + 1 - i));
          i += 2;
          continue;
        }
        FootnoteMarker marker;
        InlineOptions noteOptions;
        noteOptions.footnotes = false;
        marker.note =
            std::make_shared<InlineText>(parseMapped(source.slice(i + 2, close), origin, diags, noteOptions));
        flush(i);
        addMarker(i, close + 1, std::move(marker));
        i = copied = close + 1;
        continue;
      }
    }
    if (c == '[' && i + 1 < s.size() && s[i + 1] == '^') {
      size_t j = i + 2;
      while (j < s.size() && !isIdTerminator(s[j])) ++j;
      if (j > i + 2 && j < s.size() && s[j] == ']') {
        if (!allowFootnotes) {
          refuse(s.substr(i, j + 1 - i));
          i = j + 1;
          continue;
        }
        FootnoteMarker marker;
        marker.noteId = std::string(s.substr(i + 2, j - i - 2));
        flush(i);
        addMarker(i, j + 1, std::move(marker));
        i = copied = j + 1;
        continue;
      }
    }
    ++i;
  }
  flush(s.size());
  return out;
}

std::string restoreMarkers(std::string_view text, const std::map<char32_t, FootnoteMarker>& markers) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (char32_t cp = placeholderAt(text, i)) {
      if (auto it = markers.find(cp); it != markers.end()) {
        out += it->second.original;
        i += 4;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace folio::markup
