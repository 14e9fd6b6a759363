#pragma once
// Flows a document's blocks into pages: page templates (letterhead, running
// heads, footers), footnotes at the foot of the page that cites them, keeps,
// widows and orphans. Produces the finished frame::Document.
#include "content/Document.h"
#include "frame/Frame.h"
#include "image/Image.h"
#include "paragraph/Paragraph.h"
#include "style/Layout.h"

namespace folio::pagination {

struct Options {
  image::Limits imageLimits;
  size_t maxPages = 100000;
  std::string pdfDate;  // "D:YYYYMMDDHHmmSSZ" for the metadata, "" for none
  // Put pages on a sheet with trim and bleed boxes even without a bleed or
  // marks in the layout (PDF/X needs a TrimBox on every page).
  bool pageBoxes = false;
  std::string jobName;  // the output file's name, for the slug line
  // Threads that lay out paragraphs ahead of the flow builder (-j N on one
  // document); the pages are the same for any number.
  unsigned layoutHelpers = 0;
};

frame::Document paginate(const content::Document& doc, const style::Layout& layout, const Options& options,
                         paragraph::Context& context);

}  // namespace folio::pagination
