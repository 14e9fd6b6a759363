#pragma once
// Checks that need the whole document: block ids are unique, every `[^id]`
// names a footnote, every "#id" link names a block, link schemes are safe,
// and every footnote is used.
#include "content/Document.h"

namespace folio::content {

void checkReferences(const Document& doc, Diagnostics& diags);

}  // namespace folio::content
