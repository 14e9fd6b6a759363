#pragma once
// GitHub Flavored Markdown's extended autolinks: bare http(s):// URLs,
// www. addresses and e-mail addresses in text become links, the text kept
// exactly as written.
#include <cstddef>
#include <cstdint>

#include "markup/Inline.h"

namespace folio::markup {

// Splits the plain text runs of `text` from index `from` on (not code, not
// already inside a link) around bare URLs, www. addresses and e-mail
// addresses; those parts get a link (www. → http://, e-mail → mailto:) and
// the kAutolink flag, so a style with `autolink: false` can drop it again.
// `endOffset` is the source offset just past the text (parts' offsets stay
// before it).
void linkBareUrls(InlineText& text, size_t from, uint32_t endOffset);

}  // namespace folio::markup
