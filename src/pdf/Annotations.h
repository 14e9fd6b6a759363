#pragma once
#include <functional>
#include <string>
#include <vector>
// Link annotations, written as raw dictionaries (PoDoFo 0.9.8's PdfAction
// has no GoTo with a destination, and PdfAnnotation stamps /M with the clock).
//
// A link that spans several lines is ONE annotation: /Rect is the union and
// /QuadPoints has one quadrilateral per line, so viewers that honour
// QuadPoints (PDF 1.6+: poppler, MuPDF, pdf.js, Acrobat) activate only the
// text, and `pdfinfo -url` lists the target once per link rather than once
// per line. Actions are only URI and GoTo; never JavaScript or Launch.
#include <podofo/podofo.h>

#include "base/Diagnostics.h"
#include "frame/Frame.h"
#include "pdf/Destinations.h"
#include "pdf/StructureTree.h"

namespace folio::pdf {

// Adds the page's links to `pageObj`'s /Annots; returns them, for the
// structure tree (which gives each its /StructParent and /Contents).
// With `pending`, a link to an anchor not (yet) in `dests` is written
// without its action and recorded, for resolveLinks at the end (a page
// written as it comes may link forward). Appends to an existing /Annots.
struct PendingLink {
  PoDoFo::PdfObject* annot = nullptr;
  std::string destination;
  size_t page = 0;
  PoDoFo::PdfObject* pageObj = nullptr;
};
std::vector<LinkAnnotation> addLinks(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfObject* pageObj,
                                     const frame::Page& page, const Destinations& dests, Diagnostics& diags,
                                     std::vector<PendingLink>* pending = nullptr, size_t pageIndex = 0);

// Gives each pending link its destination; one whose anchor never came is
// dropped with a warning (taken off its page's /Annots and out of the
// file), and `dropped(page, annot)` told so.
void resolveLinks(PoDoFo::PdfMemDocument& doc, const std::vector<PendingLink>& pending,
                  const Destinations& dests, Diagnostics& diags,
                  const std::function<void(size_t, PoDoFo::PdfObject*)>& dropped);

}  // namespace folio::pdf
