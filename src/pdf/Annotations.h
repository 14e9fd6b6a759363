#pragma once
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
std::vector<LinkAnnotation> addLinks(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfObject* pageObj,
                                     const frame::Page& page, const Destinations& dests, Diagnostics& diags);

}  // namespace folio::pdf
