#pragma once
// The /Pages tree, built from raw objects. PoDoFo 0.9.8's CreatePage is O(n)
// per call and the PdfPage* it returns is freed by the next CreatePage, so
// the tree is ours: balanced, at most kFanOut kids per node, under the root
// /Pages object the document already has.
#include <vector>

#include "pdf/Document.h"

namespace folio::pdf {

constexpr size_t kPageTreeFanOut = 32;

// Puts the pages (object numbers reserved as they were written; the page
// objects themselves are made later) into the tree, in order: the
// intermediate /Pages nodes are objects of `doc`. Returns each page's /Parent.
std::vector<Ref> attachPageTree(Document& doc, const std::vector<Ref>& pages);

}  // namespace folio::pdf
