#pragma once
// Page templates: the letterhead, running heads and footers, drawn on each
// page once the page count is known ({page} of {pages}).
#include <string>
#include <vector>

#include "content/Document.h"
#include "frame/Frame.h"
#include "image/Image.h"
#include "paragraph/Paragraph.h"
#include "style/Layout.h"

namespace folio::pagination {

// Replaces {title}, {author}, {subject}, {date}, {page}, {pages},
// {fields.NAME}. Sets `missing` when a placeholder has no value (the caller
// leaves such a line out).
std::string expandFields(const std::string& pattern, const content::Document& doc, const style::Layout& layout,
                         int page, int pages, bool& missing);

// "2026-03-02" in the layout's date format; "" if the date is not ISO.
std::string formatDate(const std::string& iso, const style::Layout& layout);

void drawTemplates(std::vector<frame::Page>& pages, const content::Document& doc, const style::Layout& layout,
                   const image::Limits& limits, paragraph::Context& context);

}  // namespace folio::pagination
