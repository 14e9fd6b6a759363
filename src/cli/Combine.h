#pragma once
// --combine: the documents of a batch (a mail merge's letters) as one PDF
// for the print room. Each starts on a recto (a blank page follows a
// document that ends on one), and each has a bookmark; its own bookmarks
// (headings) nest below it.
#include <string>
#include <utility>
#include <vector>

#include "frame/Frame.h"

namespace folio::cli {

struct CombinePart {
  std::string label;  // the bookmark: the document's title, or its output name
  frame::Document* doc;
};

// Moves the parts' pages into one document; anchors and internal links are
// renamed per part so that equal ids in two letters stay apart.
frame::Document combineDocuments(std::vector<CombinePart>& parts);

}  // namespace folio::cli
