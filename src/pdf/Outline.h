#pragma once
// The document outline (bookmarks), built from raw dictionaries because
// PoDoFo 0.9.8's outline items never write /Count. Entries nest by level (a
// deeper level after a shallower one becomes its child, however many levels
// it skips); every item is open, so /Count is the positive number of its
// visible descendants. The catalog gets /PageMode /UseOutlines.
#include <vector>

#include "base/Diagnostics.h"
#include "frame/Frame.h"
#include "pdf/Destinations.h"
#include "pdf/Document.h"

namespace folio::pdf {

// Each item is written through `out` as soon as it is made.
class ObjectWriter;
void writeOutline(Document& doc, ObjectWriter& out, const std::vector<frame::OutlineEntry>& entries,
                  const Destinations& dests, Diagnostics& diags);

}  // namespace folio::pdf
