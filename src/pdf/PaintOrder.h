#pragma once
// The order in which a page's items are written to its content stream.
//
// Positions say where glyphs are drawn; the stream order is what some text
// extractors read as the reading order. pdf.js (Firefox) returns a page's
// text runs in stream order, turning each run's glyphs from visual to
// logical order on its own; PDFium, poppler and pdfminer sort a line's runs
// by position. So the runs of one line are written in logical order: right
// to left in a right-to-left line (with left-to-right stretches, such as
// numbers and Latin names, left to right inside it), left to right in a
// left-to-right line (right-to-left stretches right to left); when every run
// carries its bidi level, exactly by UAX #9's L2 undone (numbers inside
// Arabic inside an English line). The glyphs of
// each run stay in visual order (see RunText.h), and nothing moves on the page.
//
// Measured (tests/e2e/test_copypaste.sh): drawing the glyphs themselves in
// logical order instead makes PDFium and pdf.js reverse every right-to-left
// word, as both treat a run's glyph order as visual.
#include <cstddef>
#include <vector>

#include "frame/Frame.h"

namespace folio::pdf {

// A permutation of page.items' indices. Only consecutive glyph runs on one
// baseline (a line, with its list marker) are reordered, never across
// page.templateItems (the template's items come first). Structure elements
// do not bound a line: a link or a list label is part of its line's order
// (measured: bounding lines by element cost pdf.js two paragraphs of the
// mixed sample); the content stream opens a marked-content sequence at each
// change of element, in whatever order.
std::vector<size_t> paintOrder(const frame::Page& page);

}  // namespace folio::pdf
