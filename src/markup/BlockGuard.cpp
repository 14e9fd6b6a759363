#include "markup/BlockGuard.h"

#include <array>
#include <vector>

#include "markup/HtmlTag.h"

namespace folio::markup {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }
char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithWord(std::string_view line, size_t at, std::string_view word) {
  if (line.size() < at + word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (lowerAscii(line[at + k]) != word[k]) return false;
  }
  return true;
}

// Does an HTML block of CommonMark types 1-6 (the kinds that can interrupt
// a paragraph) start this line?
bool startsHtmlBlock(std::string_view line) {
  if (line.empty() || line[0] != '<') return false;
  if (line.starts_with("<!--") || line.starts_with("<?") || line.starts_with("<![CDATA[")) return true;
  if (line.size() > 2 && line[1] == '!' &&
      ((line[2] >= 'A' && line[2] <= 'Z') || (line[2] >= 'a' && line[2] <= 'z'))) {
    return true;
  }
  auto endsName = [&](size_t at) {
    return at >= line.size() || isBlank(line[at]) || line[at] == '>' || line.substr(at).starts_with("/>");
  };
  for (std::string_view raw : {"script", "pre", "style", "textarea"}) {
    if (startsWithWord(line, 1, raw) && (endsName(1 + raw.size()))) return true;
  }
  static constexpr std::array<std::string_view, 62> kBlockTags{
      "address",  "article",  "aside",    "base",       "basefont", "blockquote", "body",   "caption",
      "center",   "col",      "colgroup", "dd",         "details",  "dialog",     "dir",    "div",
      "dl",       "dt",       "fieldset", "figcaption", "figure",   "footer",     "form",   "frame",
      "frameset", "h1",       "h2",       "h3",         "h4",       "h5",         "h6",     "head",
      "header",   "hr",       "html",     "iframe",     "legend",   "li",         "link",   "main",
      "menu",     "menuitem", "nav",      "noframes",   "ol",       "optgroup",   "option", "p",
      "param",    "section",  "source",   "summary",    "table",    "tbody",      "td",     "tfoot",
      "th",       "thead",    "title",    "tr",         "track",    "ul"};
  size_t nameAt = line.size() > 1 && line[1] == '/' ? 2 : 1;
  for (std::string_view name : kBlockTags) {
    if (startsWithWord(line, nameAt, name) && endsName(nameAt + name.size())) return true;
  }
  return false;
}

// Where to put a backslash so this line (not the first) cannot start a
// block; npos when it starts none.
size_t escapeOffset(std::string_view line) {
  if (line.empty()) return std::string_view::npos;
  char c = line[0];
  auto blankOrEnd = [&](size_t at) { return at >= line.size() || isBlank(line[at]); };
  // ATX heading.
  if (c == '#') {
    size_t n = line.find_first_not_of('#');
    if (n <= 6 && blankOrEnd(n)) return 0;
    if (n == std::string_view::npos && line.size() <= 6) return 0;
  }
  if (c == '>') return 0;  // block quote
  // Thematic break (3+ of - * _) or setext underline (= or -), spaces between.
  if (c == '-' || c == '*' || c == '_' || c == '=') {
    size_t count = 0;
    bool only = true;
    for (char k : line) {
      if (k == c) {
        ++count;
      } else if (!isBlank(k)) {
        only = false;
        break;
      }
    }
    if (only && (count >= 3 || c == '=' || c == '-')) return 0;
  }
  // Bullet list item.
  if ((c == '-' || c == '+' || c == '*') && blankOrEnd(1)) return 0;
  // Ordered list item: the escape goes before the delimiter ("1\. ").
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits >= 1 && digits <= 9 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      blankOrEnd(digits + 1)) {
    return digits;
  }
  // Code fence: ``` with no backtick after it (else it is a code span), or ~~~.
  if (line.starts_with("~~~")) return 0;
  if (line.starts_with("```")) {
    size_t run = line.find_first_not_of('`');
    if (run == std::string_view::npos || line.find('`', run) == std::string_view::npos) return 0;
  }
  if (startsHtmlBlock(line)) return 0;
  return std::string_view::npos;
}

struct Line {
  size_t begin = 0;            // after indentation
  size_t end = 0;              // before the line break
  bool endsParagraph = false;  // a blank line follows
};

// Non-blank lines of `s`, without indentation.
std::vector<Line> splitLines(std::string_view s) {
  std::vector<Line> lines;
  int breaksSinceLast = 0;
  for (size_t start = 0; start <= s.size();) {
    size_t nl = s.find_first_of("\r\n", start);
    size_t end = nl == std::string_view::npos ? s.size() : nl;
    size_t begin = start;
    while (begin < end && isBlank(s[begin])) ++begin;
    if (begin < end) {
      if (!lines.empty() && breaksSinceLast >= 2) lines.back().endsParagraph = true;
      lines.push_back(Line{begin, end, false});
      breaksSinceLast = 0;
    }
    if (nl == std::string_view::npos) break;
    ++breaksSinceLast;
    start = nl + ((s[nl] == '\r' && nl + 1 < s.size() && s[nl + 1] == '\n') ? 2 : 1);
  }
  return lines;
}

}  // namespace

MappedText guardInlineSource(const MappedText& source, const SourcePos& origin, Diagnostics& diags) {
  std::string_view s = source.text;
  std::vector<Line> lines = splitLines(s);
  MappedText out;
  out.endOffset = source.endOffset;
  for (size_t k = 0; k < lines.size(); ++k) {
    Line line = lines[k];
    if (line.endsParagraph) {
      // The paragraph break becomes a space: trailing spaces must not turn
      // into a hard break.
      while (line.end > line.begin && isBlank(s[line.end - 1])) --line.end;
    }
    std::string_view text = s.substr(line.begin, line.end - line.begin);
    uint32_t at = source.sourceOffset(line.begin);
    size_t escape = std::string_view::npos;
    if (k == 0) {
      out.insert(kBlockSentinel, at);
    } else {
      out.insert("\n", at);
      escape = escapeOffset(text);
    }
    if (escape == std::string_view::npos) {
      out.append(source, line.begin, line.end);
    } else {
      if (startsHtmlBlock(text)) {
        // Escaping hides the tag from the walker, so warn here as it would.
        size_t close = text.find('>');
        std::string_view raw = text.substr(0, close == std::string_view::npos ? text.size() : close + 1);
        auto tag = parseHtmlTag(raw);
        diags.warning(origin,
                      unsupportedTagMessage(raw, tag ? std::string_view(tag->name) : std::string_view()));
      }
      out.append(source, line.begin, line.begin + escape);
      out.insert("\\", source.sourceOffset(line.begin + escape));
      out.append(source, line.begin + escape, line.end);
    }
    if (line.endsParagraph) {
      // Likewise a final backslash: double it so it stays a backslash.
      size_t slashes = 0;
      while (slashes < text.size() && text[text.size() - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 1) out.insert("\\", source.sourceOffset(line.end));
    }
  }
  return out;
}

}  // namespace folio::markup
