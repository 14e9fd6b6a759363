#pragma once
// A page's content stream, written by hand from the frame items: text as
// BT/Tf/Tm/TJ with hex codes, fills as `re f`, strokes as `m l S`, images as
// `q cm Do Q`. PoDoFo's PdfPainter is not used: it cannot show glyph ids, and
// writing the operators directly keeps the bytes under our control.
#include <map>
#include <string>

#include "base/Diagnostics.h"
#include "frame/Frame.h"
#include "pdf/ColorSpaces.h"
#include "pdf/Document.h"
#include "pdf/FontEmbedder.h"
#include "pdf/Images.h"
#include "pdf/StructureTree.h"

namespace folio::pdf {

// What a page's content refers to, by resource name (sorted: deterministic).
struct PageResources {
  std::map<std::string, Ref> fonts, xobjects, colorSpaces;
  Dictionary dictionary() const;
};

// The shared writers a page draws with.
struct Painters {
  FontEmbedder& fonts;
  ImageXObjects& images;
  ColorSpaces& colors;
  // PDF/UA-1: a run whose glyphs, in drawing order, do not spell its text in
  // logical order (right-to-left text, reordered Indic vowel signs) carries
  // its text as /ActualText, so the structure tree reads it as written.
  bool actualText = false;
};

// The page's operators; fills `resources` with what they use. With
// `itemStructure` (parallel to page.items; see frame/Structure.h) each run
// of items of one element is a marked-content sequence with an MCID,
// recorded in `tags`, and items of no element are artifacts; without it
// (--no-tags) nothing is marked. `roles[e]` is element e's structure type.
std::string pageContent(const frame::Page& page, Painters& painters, PageResources& resources,
                        const std::vector<uint32_t>* itemStructure, const std::vector<std::string>& roles,
                        PageTags& tags, Diagnostics& diags);

}  // namespace folio::pdf
