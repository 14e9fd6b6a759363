#include "markup/FootnoteMarkers.h"

#include <set>

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

// End of the code span opened by the backtick run at s[i] (CommonMark: the
// next run of exactly as many backticks), or npos when it is not closed.
size_t codeSpanEnd(std::string_view s, size_t i) {
  size_t open = runLength(s, i, '`');
  for (size_t j = i + open; j < s.size();) {
    if (s[j] != '`') {
      ++j;
      continue;
    }
    size_t n = runLength(s, j, '`');
    if (n == open) return j + n;
    j += n;
  }
  return std::string_view::npos;
}

bool blankLineAt(std::string_view s, size_t newline) {
  size_t j = newline + 1;
  while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
  return j >= s.size() || s[j] == '\n';
}

// Index of the ']' closing the '[' at s[open], skipping escapes and code
// spans; npos if unmatched or if a blank line (a paragraph end) comes first.
size_t matchingBracket(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && isAsciiPunctuation(s[i + 1])) {
      ++i;
    } else if (c == '`') {
      size_t end = codeSpanEnd(s, i);
      if (end == std::string_view::npos) {
        i += runLength(s, i, '`') - 1;
      } else {
        i = end - 1;
      }
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (--depth == 0) return i;
    } else if (c == '\n' && blankLineAt(s, i)) {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

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
  auto addMarker = [&](size_t begin, size_t end, FootnoteMarker marker) {
    char32_t cp = pool.next();
    marker.original = std::string(s.substr(begin, end - begin));
    marker.sourceOffset = source.sourceOffset(begin);
    std::string bytes;
    appendUtf8(bytes, cp);
    out.mapped.insert(bytes, marker.sourceOffset);
    out.markers.emplace(cp, std::move(marker));
  };
  auto refuse = [&](std::string_view written) {
    diags.warning(origin, "a footnote inside a footnote ('" + std::string(written) +
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
      size_t end = codeSpanEnd(s, i);
      i = end == std::string_view::npos ? i + runLength(s, i, '`') : end;
      continue;
    }
    if (c == '^' && i + 1 < s.size() && s[i + 1] == '[') {
      size_t close = matchingBracket(s, i + 1);
      if (close != std::string_view::npos && close > i + 2) {
        if (!allowFootnotes) {
          refuse(s.substr(i, close + 1 - i));
          i += 2;
          continue;
        }
        FootnoteMarker marker;
        InlineOptions noteOptions;
        noteOptions.footnotes = false;
        marker.note = std::make_shared<InlineText>(
            parseMapped(source.slice(i + 2, close), origin, diags, noteOptions));
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
