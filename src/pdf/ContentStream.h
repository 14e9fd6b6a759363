#pragma once
// A page's content stream, written by hand from the frame items: text as
// BT/Tf/Tm/TJ with hex codes, fills as `re f`, strokes as `m l S`, images as
// `q cm Do Q`. PoDoFo's PdfPainter is not used: it cannot show glyph ids, and
// writing the operators directly keeps the bytes under our control.
#include <podofo/podofo.h>

#include <map>
#include <string>

#include "base/Diagnostics.h"
#include "frame/Frame.h"
#include "pdf/ColorSpaces.h"
#include "pdf/FontEmbedder.h"
#include "pdf/Images.h"
#include "pdf/StructureTree.h"

namespace folio::pdf {

// What a page's content refers to, by resource name (sorted: deterministic).
struct PageResources {
  std::map<std::string, PoDoFo::PdfReference> fonts, xobjects, colorSpaces;
  PoDoFo::PdfDictionary dictionary() const;
};

// The shared writers a page draws with.
struct Painters {
  FontEmbedder& fonts;
  ImageXObjects& images;
  ColorSpaces& colors;
};

// The page's operators; fills `resources` with what they use and `tags`
// with the marked-content sequences (see StructureTree.h).
std::string pageContent(const frame::Page& page, Painters& painters, PageResources& resources, PageTags& tags,
                        Diagnostics& diags);

}  // namespace folio::pdf
