#pragma once
// A compact, readable rendering of InlineText for assertions:
//   plain text as is; styled runs as {em+strong link=URL lang=ar:text};
//   <BR> for a hard break; [^id] and ^[...] for footnote references.
#include <string>

#include "markup/Inline.h"

namespace folio::markup {

inline std::string dump(const InlineText& text) {
  std::string out;
  for (const Inline& run : text) {
    if (run.kind == Inline::Kind::HardBreak) {
      out += "<BR>";
      continue;
    }
    if (run.kind == Inline::Kind::FootnoteRef) {
      out += run.note ? "^[" + dump(*run.note) + "]" : "[^" + run.noteId + "]";
      continue;
    }
    std::string attrs;
    auto flag = [&](uint16_t f, const char* name) {
      if (run.flags & f) attrs += (attrs.empty() ? "" : "+") + std::string(name);
    };
    flag(kEmphasis, "em");
    flag(kStrong, "strong");
    flag(kCode, "code");
    flag(kSuperscript, "sup");
    flag(kSubscript, "sub");
    flag(kAutolink, "auto");
    if (!run.link.empty()) attrs += (attrs.empty() ? "" : " ") + std::string("link=") + run.link;
    if (!run.lang.empty()) attrs += (attrs.empty() ? "" : " ") + std::string("lang=") + run.lang;
    out += attrs.empty() ? run.text : "{" + attrs + ":" + run.text + "}";
  }
  return out;
}

}  // namespace folio::markup
