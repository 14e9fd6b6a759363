#include "markup/HtmlTag.h"

#include "base/Diagnostics.h"

namespace folio::markup {

namespace {

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == ':' || c == '.';
}

}  // namespace

const std::string* HtmlTag::attribute(std::string_view attributeName) const {
  for (const auto& [n, v] : attributes) {
    if (n == attributeName) return &v;
  }
  return nullptr;
}

std::optional<HtmlTag> parseHtmlTag(std::string_view raw) {
  if (raw.size() < 3 || raw.front() != '<' || raw.back() != '>') return std::nullopt;
  size_t i = 1;
  HtmlTag tag;
  if (raw[i] == '/') {
    tag.kind = HtmlTag::Kind::Close;
    ++i;
  }
  size_t nameStart = i;
  while (i < raw.size() && isNameChar(raw[i])) tag.name += lowerAscii(raw[i++]);
  if (i == nameStart) return std::nullopt;  // "<!--", "<?", "<!DOCTYPE"
  size_t end = raw.size() - 1;              // the '>'
  while (i < end) {
    while (i < end && isSpace(raw[i])) ++i;
    if (i >= end) break;
    if (raw[i] == '/') {
      if (tag.kind == HtmlTag::Kind::Open) tag.kind = HtmlTag::Kind::SelfClosing;
      ++i;
      continue;
    }
    std::string name;
    while (i < end && !isSpace(raw[i]) && raw[i] != '=' && raw[i] != '/') name += lowerAscii(raw[i++]);
    while (i < end && isSpace(raw[i])) ++i;
    std::string value;
    if (i < end && raw[i] == '=') {
      ++i;
      while (i < end && isSpace(raw[i])) ++i;
      if (i < end && (raw[i] == '"' || raw[i] == '\'')) {
        char quote = raw[i++];
        while (i < end && raw[i] != quote) value += raw[i++];
        ++i;
      } else {
        while (i < end && !isSpace(raw[i])) value += raw[i++];
      }
    }
    if (!name.empty()) tag.attributes.emplace_back(std::move(name), std::move(value));
  }
  return tag;
}

std::string unsupportedTagMessage(std::string_view raw, std::string_view name) {
  std::string message = "unsupported tag '" + std::string(raw) +
                        "' (kept as text); expected <sup>, <sub>, <span lang=\"..\"> or <br>";
  if (name == "b" || name == "strong") return message + "; write **text** for strong text";
  if (name == "i" || name == "em") return message + "; write *text* for emphasis";
  if (name == "code" || name == "tt") return message + "; write `text` for code";
  if (name == "a") return message + "; write [label](https://...) for a link";
  // Short names ("u", "p") are too close to everything to guess from.
  if (name.size() < 3) return message;
  std::string close = closestMatch(std::string(name), {"sup", "sub", "span", "br"});
  if (!close.empty()) return message + "; did you mean '<" + close + ">'?";
  return message;
}

}  // namespace folio::markup
