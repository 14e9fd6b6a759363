#pragma once
#include <cstdint>
// The structure tree of a tagged PDF (ISO 32000-1, 14.7-14.8; PDF/UA-1),
// written from the structure that pagination records with the frames
// (frame::Document::structure, Page::itemStructure, Link::structure; see
// frame/Structure.h). Each run of page items that belongs to one element is
// one marked-content sequence with an MCID (pdf/ContentStream.cpp); page
// furniture is an /Artifact. This file turns those sequences into
// StructElem objects: H1-H6, P, L/LI/Lbl/LBody with /ListNumbering,
// Table/THead/TBody/TFoot/TR/TH/TD with /Scope, /ID, /Headers, /RowSpan and
// /ColSpan, Link with an OBJR to its annotation (whose /Contents it sets),
// Note with /ID, Reference, Figure with /Alt and a /BBox, Caption,
// BlockQuote, Span, and /Lang wherever an element's language differs.
//
// An element's kids are its own marked content and its child elements in
// the order they are painted (content order is what a reader and a text
// extractor both follow); elements without content keep their place after
// their previous sibling. Heading levels are counted from the document's
// top heading level, so a letter whose only heading is level 2 gets an H1
// (PDF/UA-1 wants H1 first; the content's level chooses the style).
#include <string>
#include <vector>

#include "base/Units.h"
#include "frame/Frame.h"
#include "pdf/Document.h"

namespace folio::pdf {

// What one page's content marks, in order: MCID i belongs to elements[i].
struct PageTags {
  std::vector<uint32_t> elements;
  // MCIDs from this one on are painted before the others: the page's
  // template, drawn once the page count was known, in the content stream
  // that comes first in /Contents (pdf::PageStream).
  size_t paintedFirst = SIZE_MAX;
  // Where each figure's images are drawn (for its /BBox), in pt from the bottom left.
  std::vector<std::pair<uint32_t, Rect>> figureBoxes;
};

// A link annotation written on a page, and the link it came from.
struct LinkAnnotation {
  uint32_t element = frame::kArtifact;  // frame::Link::structure
  Ref annot;
  int64_t key = -1;  // its /StructParent, given when it was made (-1: none)
};

// The structure of a document whose pagination recorded none (frames built
// by hand): the Document root, template items as artifacts, images as
// Figures and everything else as one P per page.
struct FallbackStructure {
  std::vector<frame::StructElement> structure;
  std::vector<std::vector<uint32_t>> itemStructure;  // per page, parallel to its items
};
FallbackStructure fallbackStructure(const frame::Document& doc);

// Writes the StructTreeRoot, its elements and the ParentTree through `out`,
// one element at a time (a long document has hundreds of thousands; they
// never exist as objects all at once), and the catalog's /MarkInfo.
// `pageKeys[i]` is page i's /StructParents (the page object sets it when
// it has tags), `links[i]` are page i's annotations, whose /StructParent
// was given when they were made; `nextKey` is one past the last key given.
// A link whose element is not a Link gets one, under the root.
class ObjectWriter;
void writeStructureTree(Document& doc, ObjectWriter& out, const std::vector<frame::StructElement>& structure,
                        const std::vector<Ref>& pages, const std::vector<PageTags>& tags,
                        const std::vector<int64_t>& pageKeys,
                        const std::vector<std::vector<LinkAnnotation>>& links, int64_t nextKey);

// What a link annotation's /Contents says for a screen reader (PDF/UA-1
// 7.18.5): the content's words for it (its Link element's alt), else its target.
std::string linkContents(const std::vector<frame::StructElement>& structure, uint32_t element,
                         const std::string& target);

// The standard structure type an element is written as ("P", "H2", "Sect").
std::string structureType(const frame::StructElement& e, int topHeadingLevel);

}  // namespace folio::pdf
