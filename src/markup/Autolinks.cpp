// GFM extended autolinks (github.github.com/gfm, "Autolinks (extension)"),
// written by hand after cmark-gfm's extensions/autolink.c rather than taken
// from Debian's libcmark-gfm-extensions: that extension only runs inside
// cmark-gfm's own parser, and cmark-gfm exports the same symbol names as the
// libcmark 0.30 Folio parses with (cmark_parse_document, cmark_node_new, ...),
// so the two cannot be linked into one program; moving the markup module to
// cmark-gfm would mean an older CommonMark (0.29) for every inline text for
// the sake of this one pass. The rules below are the extension's:
//  - www.DOMAIN after the start of the text, white space, or one of * _ ~ (
//  - http:// or https:// and a DOMAIN, not right after a letter
//  - LOCAL@DOMAIN for e-mail (LOCAL: letters, digits, . + - _), optionally
//    written with mailto:
//  - then everything up to white space or '<'; trailing ? ! . , : * _ ~ ' "
//    are dropped, as is a trailing ')' without its '(' and a trailing
//    entity-like "&name;".
// A DOMAIN is segments of letters, digits, '-' and '_' joined by dots, with
// no '_' in its last two segments. Beyond GFM, punctuation of other scripts
// (Arabic comma, CJK full stop, guillemets, ...) is trailing punctuation too:
// "اقرأ www.example.org،" must not link the comma.
#include "markup/Autolinks.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace folio::markup {

namespace {

bool isAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiAlnum(unsigned char c) { return isAsciiAlpha(c) || (c >= '0' && c <= '9'); }
bool isAsciiSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// One code point at `i` (its length in `len`); invalid bytes count as one.
char32_t decodeAt(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) return c;
  size_t extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (extra == 0 || i + extra >= s.size()) return 0xFFFD;  // a lone or cut-off byte
  char32_t cp = c & (0x3Fu >> extra);
  for (size_t k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  len = extra + 1;
  return cp;
}

// White space beyond ASCII: no-break and typographic spaces end a URL too.
bool isUnicodeSpace(char32_t cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Punctuation of other scripts that ends a sentence or quotes a word.
bool isOtherPunctuation(char32_t cp) {
  return (cp >= 0x00A1 && cp <= 0x00BF) || (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x303F) ||
         cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 || cp == 0x0964 || cp == 0x0965 ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || cp == 0xFF5E || cp == 0xFF61;
}

// Letters and digits of any script may make a host name (IDN); ASCII
// punctuation other than '-' and '_' and the punctuation above may not.
size_t hostCharLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return isAsciiAlnum(c) || c == '-' || c == '_' ? 1 : 0;
  size_t len = 0;
  char32_t cp = decodeAt(s, i, len);
  if (cp == 0xFFFD || isUnicodeSpace(cp) || isOtherPunctuation(cp)) return 0;
  return len;
}

// Length of a valid domain starting at `i` (0 if none). `needDot`: www. and
// e-mail domains need a dot, http:// ones ("http://localhost") do not.
size_t domainLength(std::string_view s, size_t i, bool needDot) {
  size_t end = i;
  int dots = 0;
  int underscoresLast = 0, underscoresBefore = 0;
  while (end < s.size()) {
    char c = s[end];
    if (c == '.') {
      // A dot must be followed by another segment.
      if (end + 1 >= s.size() || hostCharLength(s, end + 1) == 0) break;
      underscoresBefore = underscoresLast;
      underscoresLast = 0;
      ++dots;
      ++end;
      continue;
    }
    size_t len = hostCharLength(s, end);
    if (len == 0) break;
    if (c == '_') ++underscoresLast;
    end += len;
  }
  if (end == i || underscoresLast > 0 || underscoresBefore > 0) return 0;
  if (needDot && dots == 0) return 0;
  return end - i;
}

// Everything up to white space or '<'.
size_t pathEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (isAsciiSpace(c) || c == '<') break;
      ++i;
      continue;
    }
    size_t len = 0;
    if (isUnicodeSpace(decodeAt(s, i, len))) break;
    i += len;
  }
  return i;
}

// The last code point before `end` (and where it starts).
char32_t lastCodePoint(std::string_view s, size_t begin, size_t end, size_t& at) {
  at = end - 1;
  while (at > begin && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  size_t len = 0;
  return decodeAt(s, at, len);
}

// GFM's trailing-punctuation rules, applied until none matches.
size_t trimTrailing(std::string_view s, size_t begin, size_t end) {
  while (end > begin) {
    size_t at = 0;
    char32_t last = lastCodePoint(s, begin, end, at);
    if (last < 0x80 && std::string_view("?!.,:*_~'\"").find(static_cast<char>(last)) != std::string_view::npos) {
      end = at;
    } else if (last != 0xFFFD && last >= 0x80 && isOtherPunctuation(last)) {
      end = at;
    } else if (last == ';') {
      // "&amp;"-like endings are an entity, not part of the URL.
      size_t k = end - 1;
      while (k > begin && isAsciiAlnum(static_cast<unsigned char>(s[k - 1]))) --k;
      if (k > begin && k < end - 1 && s[k - 1] == '&') end = k - 1;
      else end = end - 1;
    } else if (last == ')') {
      int open = 0, close = 0;
      for (size_t k = begin; k < end; ++k) {
        if (s[k] == '(') ++open;
        if (s[k] == ')') ++close;
      }
      if (close <= open) break;
      end = end - 1;
    } else {
      break;
    }
  }
  return end;
}

bool startsWith(std::string_view s, size_t i, std::string_view prefix) {
  if (i + prefix.size() > s.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char a = s[i + k];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[k]) return false;
  }
  return true;
}

struct Match {
  size_t begin = 0, end = 0;
  std::string url;
};

// `prev` is the character before `i` (0 at the start of the text).
bool matchWww(std::string_view s, size_t i, unsigned char prev, Match& m) {
  if (prev != 0 && !isAsciiSpace(prev) && std::string_view("*_~(").find(static_cast<char>(prev)) == std::string_view::npos)
    return false;
  if (!startsWith(s, i, "www.")) return false;
  size_t domain = domainLength(s, i, true);
  if (domain == 0) return false;
  size_t end = trimTrailing(s, i, pathEnd(s, i + domain));
  if (end <= i + 4) return false;
  m = {i, end, "http://" + std::string(s.substr(i, end - i))};
  return true;
}

bool matchUrl(std::string_view s, size_t i, unsigned char prev, Match& m) {
  if (isAsciiAlpha(prev)) return false;  // "xhttps://" is no URL
  size_t scheme = startsWith(s, i, "https://") ? 8 : startsWith(s, i, "http://") ? 7 : 0;
  if (scheme == 0) return false;
  size_t domain = domainLength(s, i + scheme, false);
  if (domain == 0) return false;
  size_t end = trimTrailing(s, i, pathEnd(s, i + scheme + domain));
  if (end <= i + scheme) return false;
  m = {i, end, std::string(s.substr(i, end - i))};
  return true;
}

bool isLocalChar(unsigned char c) { return isAsciiAlnum(c) || c == '.' || c == '+' || c == '-' || c == '_'; }

bool matchEmail(std::string_view s, size_t i, unsigned char prev, Match& m) {
  if (isLocalChar(prev) || prev == '/') return false;  // "/name@host" is a path, not an address
  size_t begin = i;
  bool written = startsWith(s, i, "mailto:");
  if (written) i += 7;
  size_t at = i;
  while (at < s.size() && isLocalChar(static_cast<unsigned char>(s[at]))) ++at;
  if (at == i || at >= s.size() || s[at] != '@') return false;
  // The domain: letters and digits, '-' and '_', dots between them.
  size_t end = at + 1;
  int dots = 0;
  while (end < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[end]);
    if (isAsciiAlnum(c) || c == '-' || c == '_') ++end;
    else if (c == '.' && end + 1 < s.size() && isAsciiAlnum(static_cast<unsigned char>(s[end + 1]))) ++end, ++dots;
    else break;
  }
  if (dots == 0 || end == at + 1) return false;
  unsigned char last = static_cast<unsigned char>(s[end - 1]);
  if (!isAsciiAlpha(last)) return false;  // GFM: not after '-', '_' or a digit
  std::string address(s.substr(i, end - i));
  m = {begin, end, "mailto:" + address};
  return true;
}

// Every bare link in one run's text, left to right. `before` is the
// character before the run (0 at the start of the text).
std::vector<Match> findLinks(std::string_view s, unsigned char before) {
  std::vector<Match> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char prev = i == 0 ? before : static_cast<unsigned char>(s[i - 1]);
    // "[label](https://exa mple.org)" is broken link syntax that the content
    // check reports; linking half of it would hide that.
    bool afterBrokenLink = i >= 2 && s[i - 1] == '(' && s[i - 2] == ']';
    Match m;
    if (!afterBrokenLink && (matchUrl(s, i, prev, m) || matchWww(s, i, prev, m) || matchEmail(s, i, prev, m))) {
      out.push_back(m);
      i = m.end;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace

void linkBareUrls(InlineText& text, size_t from, uint32_t endOffset) {
  InlineText out(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min(from, text.size())));
  for (size_t r = out.size(); r < text.size(); ++r) {
    Inline& run = text[r];
    bool plain = run.kind == Inline::Kind::Text && run.link.empty() && !(run.flags & kCode);
    unsigned char before = 0;
    if (!out.empty() && out.back().kind == Inline::Kind::Text && !out.back().text.empty())
      before = static_cast<unsigned char>(out.back().text.back());
    std::vector<Match> links = plain ? findLinks(run.text, before) : std::vector<Match>{};
    if (links.empty()) {
      out.push_back(std::move(run));
      continue;
    }
    // A run's bytes need not map one to one onto the source (escapes,
    // entities, merged nodes): a part's offset is estimated, and kept
    // before the next run's and the text's end.
    uint32_t limit = r + 1 < text.size() ? text[r + 1].sourceOffset : endOffset;
    limit = std::max(limit, run.sourceOffset);
    size_t at = 0;
    auto piece = [&](size_t begin, size_t end, const std::string* url) {
      if (end <= begin) return;
      Inline part = run;
      part.text = run.text.substr(begin, end - begin);
      part.sourceOffset = std::min<uint32_t>(run.sourceOffset + static_cast<uint32_t>(begin), limit);
      if (url) {
        part.link = *url;
        part.flags |= kAutolink;
      }
      out.push_back(std::move(part));
    };
    for (const Match& m : links) {
      piece(at, m.begin, nullptr);
      piece(m.begin, m.end, &m.url);
      at = m.end;
    }
    piece(at, run.text.size(), nullptr);
  }
  text = std::move(out);
}

}  // namespace folio::markup
