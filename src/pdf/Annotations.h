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
#include "base/Diagnostics.h"
#include "frame/Frame.h"
#include "pdf/Destinations.h"
#include "pdf/Document.h"
#include "pdf/StructureTree.h"

namespace folio::pdf {

// Makes the page's link annotations (objects of `doc`, not yet on the page:
// the caller lists them in the page's /Annots). With `allowPending`, a link to
// an anchor not (yet) in `dests` is made without its action and marked
// pending, for resolveLinks at the end (a page written as it comes may link
// forward); without, it is dropped with a warning.
struct MadeLink {
  uint32_t element = frame::kArtifact;  // frame::Link::structure
  DocObject* annot = nullptr;
  std::string target;  // the URI or the anchor: the fallback /Contents
  bool pending = false;
};
std::vector<MadeLink> addLinks(Document& doc, const Ref& pageRef, const frame::Page& page,
                               const Destinations& dests, Diagnostics& diags, bool allowPending = false);

// A link whose anchor had not come when it was made.
struct PendingLink {
  DocObject* annot = nullptr;
  std::string destination;
  size_t page = 0;
};
// Gives each pending link its destination; one whose anchor never came
// gets a warning and `dropped(link)` is told (the caller takes it off its
// page and out of the file).
void resolveLinks(const std::vector<PendingLink>& pending, const Destinations& dests, Diagnostics& diags,
                  const std::function<void(const PendingLink&)>& dropped);

}  // namespace folio::pdf
