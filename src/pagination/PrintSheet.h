#pragma once
// Print output: each finished page is placed on a larger sheet with room for
// the bleed and the printer's marks around the trim (docs/layout-format.md,
// "Print"). Only called when the layout asks for a bleed or marks, or the
// output standard needs page boxes; otherwise pages stay exactly as built.
#include <string>
#include <vector>

#include "content/Document.h"
#include "frame/Frame.h"
#include "paragraph/Paragraph.h"
#include "style/Layout.h"

namespace folio::pagination {

// Distances of the marks from the trim edge (print-shop conventions).
struct MarkGeometry {
  Sp offset = 0;  // where crop marks begin: outside the bleed, with a gap
  Sp length = 0;  // of each crop mark line
  Sp margin = 0;  // sheet edge to trim edge
  Sp width = 0;   // line width of every mark
};
MarkGeometry markGeometry(const style::PrintSetup& print);

// Moves every page's content onto its sheet, sets the trim and bleed boxes,
// and draws the marks. `jobName` (the output file's name) goes in the slug.
void placeOnSheets(std::vector<frame::Page>& pages, const content::Document& doc, const style::Layout& layout,
                   const std::string& jobName, paragraph::Context& context);

}  // namespace folio::pagination
