#pragma once
// Page templates: the letterhead, running heads and footers, drawn on each
// page once the page count is known ({page} of {pages}).
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/Document.h"
#include "frame/Frame.h"
#include "image/Image.h"
#include "pagination/TextBox.h"
#include "paragraph/Paragraph.h"
#include "style/Layout.h"

namespace folio::pagination {

// Replaces {title}, {author}, {subject}, {date}, {page}, {pages},
// {fields.NAME}. Sets `missing` when a placeholder has no value (the caller
// leaves such a line out).
// {words.NAME} is the layout's or the language's template word.
// `missingNames` (optional) collects the placeholders that had no value.
std::string expandFields(const std::string& pattern, const content::Document& doc, const style::Layout& layout,
                         int page, int pages, bool& missing, std::vector<std::string>* missingNames = nullptr);

// One template line as printed, or nullopt when its missing-field policy
// leaves it out; `missingNames` collects the placeholders without a value.
std::optional<std::string> composeLine(const style::TemplateLine& line, const content::Document& doc,
                                       const style::Layout& layout, int page, int pages,
                                       std::vector<std::string>& missingNames);

// "2026-03-02" in the layout's date format, or without one in the
// language's long form (ICU); the text as written if the date is not ISO.
std::string formatDate(const std::string& iso, const style::Layout& layout, const std::string& language = "en");

// Draws each page's template beneath its body. Returns, for page 1, the
// item ranges [first, second) of each text item of the first-page template
// that is real content (the letterhead's sender block, the address, the
// date): every text item but one that shows {page} or {pages} (a folio).
std::vector<std::pair<size_t, size_t>> drawTemplates(std::vector<frame::Page>& pages,
                                                     const content::Document& doc,
                                                     const style::Layout& layout, const image::Limits& limits,
                                                     paragraph::Context& context,
                                                     TextBoxCache* boxes = nullptr);

// The same templates for pages handed on one by one (streamed pagination,
// pages of the layout's size), drawn once the count is known: page i's
// template as drawTemplates puts it beneath page i's body (items, all
// artifacts in itemStructure, links, anchors). Call in page order.
class TemplatePages {
 public:
  TemplatePages(const content::Document& doc, const style::Layout& layout, const image::Limits& limits,
                paragraph::Context& context, size_t count, TextBoxCache* boxes = nullptr);
  ~TemplatePages();
  frame::Page draw(size_t i);
  // After draw(0): what drawTemplates returns.
  const std::vector<std::pair<size_t, size_t>>& firstPageContent() const;

 private:
  struct Drawer;
  const style::Layout& m_layout;
  size_t m_count;
  std::unique_ptr<Drawer> m_drawer;
};

}  // namespace folio::pagination
