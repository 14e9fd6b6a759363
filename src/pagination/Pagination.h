#pragma once
// Flows a document's blocks into pages: page templates (letterhead, running
// heads, footers), footnotes at the foot of the page that cites them, keeps,
// widows and orphans. Produces the finished frame::Document.
#include <memory>

#include "content/Document.h"
#include "frame/Frame.h"
#include "image/Image.h"
#include "paragraph/Paragraph.h"
#include "style/Layout.h"

namespace folio::pagination {

class TextBoxCache;  // TextBox.h

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
  // Template text set before in this batch (TextBox.h), or nullptr.
  std::shared_ptr<TextBoxCache> textBoxes;
};

frame::Document paginate(const content::Document& doc, const style::Layout& layout, const Options& options,
                         paragraph::Context& context);

// Streamed pagination (docs/performance.md, "Streaming pages"): what it
// hands on, in this order.
class PageSink {
 public:
  virtual ~PageSink() = default;
  // The structure elements the pages refer to; it grows as pages fill.
  virtual void begin(const std::vector<frame::StructElement>* structure, int topHeadingLevel) = 0;
  // Each page's body, as soon as it is full.
  virtual void page(frame::Page&& body) = 0;
  // Once the count is known: the final structure, into which the first
  // page's letterhead text put k elements after the root (every index the
  // pages hold that is >= 1 moves up by k)...
  virtual void letterhead(const std::vector<frame::StructElement>* structure, uint32_t k) = 0;
  // ...then each page's template, beneath its body, in page order.
  virtual void furniture(size_t page, frame::Page&& furniture) = 0;
};

// Whether the pages of this layout can be streamed: they stay as built
// (not placed on print sheets).
bool canStream(const style::Layout& layout, const Options& options);

// The same pages as paginate, handed to `sink` as they fill, the flow laid
// out as they need it: a long document never holds all its lines or pages.
// `rest` gets the rest of the document (structure, outline, metadata).
// `doc.body` is used up: each top-level block is released once laid out.
void paginate(content::Document& doc, const style::Layout& layout, const Options& options,
              paragraph::Context& context, PageSink& sink, frame::Document& rest);

}  // namespace folio::pagination
