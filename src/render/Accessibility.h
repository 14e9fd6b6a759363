#pragma once
// What PDF/UA-1 asks of the content itself, checked before layout so that
// each problem points at the line that causes it (docs/accessibility.md):
// every image has alternative text (Matterhorn 13-004), heading levels do
// not skip (14-003) and the first heading is the top level (14-002), and
// the document has a title for the title bar and dc:title (06-003, 07-001).
#include "base/Diagnostics.h"
#include "content/Document.h"

namespace folio::render {

// Reports each problem as an error; the writer turns heading levels into
// H1..H6 counted from the document's top level (see pdf/StructureTree.h).
void checkAccessibility(const content::Document& doc, Diagnostics& diags);

}  // namespace folio::render
