// The text-box keys of a template item: how its lines fit the box that
// `width` and `height` (or `max-lines`) give it (docs/layout-format.md,
// "Text boxes").
#include <string>
#include <vector>

#include "style/Layout.h"
#include "style/LayoutReader.h"

namespace folio::style {

namespace {

// A scalar that must be one of `words`; its index, or -1 with an error.
int oneOf(const yaml::Node& n, LayoutReader& read, const std::vector<std::string>& words, const char* key) {
  for (size_t i = 0; i < words.size(); ++i)
    if (n.isScalar() && n.scalar == words[i]) return static_cast<int>(i);
  std::string list;
  for (size_t i = 0; i < words.size(); ++i) list += (i ? (i + 1 == words.size() ? " or " : ", ") : "") + words[i];
  read.error(n, std::string("bad ") + key + " '" + n.scalar + "'; expected " + list);
  return -1;
}

}  // namespace

void readTextBoxKeys(const yaml::Node& n, LayoutReader& read, TemplateItem& item) {
  const bool text = item.kind == TemplateItem::Kind::Text;
  for (const char* key : {"max-lines", "anchor", "fit", "min-size", "balance"})
    if (const yaml::Node* v = n.find(key); v && !text)
      read.error(*v, std::string("'") + key + "' is for text items; expected it beside 'text'");
  if (const yaml::Node* v = n.find("max-lines"); v && text) read.integer(*v, item.maxLines, 1, 100, "max-lines");
  if (const yaml::Node* v = n.find("anchor"); v && text) {
    int i = oneOf(*v, read, {"top", "middle", "bottom"}, "anchor");
    if (i >= 0) item.anchor = static_cast<TemplateItem::Anchor>(i);
  }
  if (const yaml::Node* v = n.find("fit"); v && text) {
    int i = oneOf(*v, read, {"wrap", "shrink", "clip-error", "ellipsis"}, "fit");
    if (i >= 0) item.fit = static_cast<TemplateItem::Fit>(i);
  }
  if (const yaml::Node* v = n.find("min-size"); v && text) {
    if (read.length(*v, item.minSize) && item.minSize < pt(4))
      read.error(*v, "min-size '" + v->scalar + "' is too small to read; expected at least 4pt");
  }
  if (const yaml::Node* v = n.find("balance"); v && text) read.boolean(*v, item.balance);
  if (const yaml::Node* v = n.find("overlap")) {
    int i = oneOf(*v, read, {"check", "allow"}, "overlap");
    item.overlapAllowed = i == 1;
  }
}

}  // namespace folio::style
