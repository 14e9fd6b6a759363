#pragma once
// The /Pages tree, built from raw objects. PoDoFo 0.9.8's CreatePage is O(n)
// per call and the PdfPage* it returns is freed by the next CreatePage, so
// the tree is ours: balanced, at most kFanOut kids per node, under the root
// /Pages object the document already has.
#include <podofo/podofo.h>

#include <vector>

#include "base/Units.h"

namespace folio::pdf {

constexpr size_t kPageTreeFanOut = 32;

// Creates one empty /Page object per media box, in the tree, in order.
std::vector<PoDoFo::PdfObject*> buildPageTree(PoDoFo::PdfMemDocument& doc,
                                              const std::vector<Rect>& mediaBoxes);
// Puts /Page objects made one by one (pages written as they come) into the tree, in order.
void attachPageTree(PoDoFo::PdfMemDocument& doc, const std::vector<PoDoFo::PdfObject*>& pages);

}  // namespace folio::pdf
