#pragma once
// A minimal structure tree, so that images keep their alternative text
// (/Alt) for assistive technology: a Document element whose children are, in
// content order, a Figure per content image and a Div per stretch of other
// body content between them. Each is one marked-content sequence (MCID) on
// its page; the template's items (letterhead, running heads, folios) are
// marked as pagination artifacts. With every piece of content either tagged
// or an artifact, the catalog may say /MarkInfo << /Marked true >>.
// Text is not split into paragraphs and headings: a Div keeps it readable in
// order, which is what a reader of the alt text needs around a figure.
#include <podofo/podofo.h>

#include <string>
#include <vector>

#include "base/Units.h"

namespace folio::pdf {

// What one page's content marks, in order; the MCID of entry i is i.
struct PageTags {
  struct Element {
    bool figure = false;  // else a Div of body content
    std::string alt;      // Figure
    Rect box;             // Figure: where it is drawn, in pt from the bottom left
  };
  std::vector<Element> elements;
};

// Writes the StructTreeRoot, the elements, the ParentTree, each tagged
// page's /StructParents and the catalog's /MarkInfo.
void writeStructureTree(PoDoFo::PdfMemDocument& doc, const std::vector<PoDoFo::PdfObject*>& pages,
                        const std::vector<PageTags>& tags);

}  // namespace folio::pdf
