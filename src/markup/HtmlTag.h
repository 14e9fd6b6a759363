#pragma once
// The few HTML tags inline text may use. cmark has already checked that a
// raw HTML span is well formed; this reads its name and attributes.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::markup {

struct HtmlTag {
  enum class Kind : uint8_t { Open, Close, SelfClosing };
  Kind kind = Kind::Open;
  std::string name;                                             // lower case
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case, values unquoted

  const std::string* attribute(std::string_view attributeName) const;
};

// nullopt for what is not an element tag: comments, processing instructions,
// declarations, CDATA.
std::optional<HtmlTag> parseHtmlTag(std::string_view raw);

// Shared wording for a tag Folio does not support, with a hint such as
// "did you mean '<sup>'?" or "write **text** for strong".
std::string unsupportedTagMessage(std::string_view raw, std::string_view name);

}  // namespace folio::markup
