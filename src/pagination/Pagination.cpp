#include "pagination/Pagination.h"

#include "pagination/Flow.h"
#include "pagination/PageBuilder.h"
#include "pagination/PrintSheet.h"
#include "pagination/Templates.h"

namespace folio::pagination {

frame::Document paginate(const content::Document& doc, const style::Layout& layout, const Options& options,
                         paragraph::Context& context) {
  BodyArea area = bodyArea(layout, 0);
  Flow flow = buildFlow(doc, layout, area.width, options.imageLimits, context);
  frame::Document out;
  out.pages = buildPages(flow, layout, options.maxPages, context.diags);
  drawTemplates(out.pages, doc, layout, options.imageLimits, context);
  if (layout.print.any() || options.pageBoxes) placeOnSheets(out.pages, doc, layout, options.jobName, context);
  out.outline = std::move(flow.outline);
  out.structure = std::move(flow.structure);
  out.metadata = frame::Metadata{doc.title, doc.author, doc.subject, doc.keywords, doc.language, "Folio", options.pdfDate};
  return out;
}

}  // namespace folio::pagination
