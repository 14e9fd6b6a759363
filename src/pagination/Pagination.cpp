#include "pagination/Pagination.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <optional>

#include "content/LetterParts.h"
#include "pagination/Flow.h"
#include "pagination/PageBuilder.h"
#include "pagination/PrintSheet.h"
#include "pagination/Templates.h"
#include "style/Words.h"

namespace folio::pagination {

namespace {

bool templatesUse(const style::Layout& layout, const std::string& placeholder) {
  for (const style::PageTemplate* t : {&layout.first, &layout.later})
    for (const style::TemplateItem& item : t->items)
      for (const style::TemplateLine& line : item.lines)
        for (const std::string& segment : line.segments)
          if (segment.find(placeholder) != std::string::npos) return true;
  return false;
}

// The document with the letter parts that travel in the flow around its
// body; nullopt when there are none (a version 1 document is set as it was).
std::optional<content::Document> withLetterParts(const content::Document& doc, const style::Layout& layout) {
  if (doc.letter.empty() && !(layout.letter.subject && !doc.subject.empty()) && layout.letter.dateLine.empty())
    return std::nullopt;
  content::LetterFlowOptions o;
  o.recipient = !templatesUse(layout, "{recipient}");
  o.reference = !templatesUse(layout, "{reference}") && !templatesUse(layout, "{fields.reference}");
  o.yourReference = !templatesUse(layout, "{your-reference}");
  o.subject = layout.letter.subject && !templatesUse(layout, "{subject}");
  if (!layout.letter.dateLine.empty()) {
    bool missing = false;
    std::string line = expandFields(layout.letter.dateLine, doc, layout, 1, 1, missing);
    if (!missing) o.dateLine = line;
  }
  // The layout's words, else those of the document's language.
  auto word = [&](const std::string& own, const char* name, const char* after) {
    return !own.empty() ? own : style::templateWord(layout, doc.language, name) + after;
  };
  o.yourReferenceWord = word(layout.letter.yourReference, "your-reference", ":");
  o.referenceWord = word(layout.letter.reference, "our-reference", ":");
  o.enclosuresWord = word(layout.letter.enclosures, "enclosures", "");
  o.ccWord = word(layout.letter.cc, "copy-to", "");
  content::LetterBlocks parts =
      content::letterBlocks(doc, o, [&](const std::string& name) { return layout.styles.count(name) > 0; });
  if (parts.before.empty() && parts.after.empty()) return std::nullopt;
  content::Document out = doc;
  out.body.insert(out.body.begin(), parts.before.begin(), parts.before.end());
  out.body.insert(out.body.end(), parts.after.begin(), parts.after.end());
  return out;
}

// Page 1's letterhead text (sender, address, date) is real content, read
// before the body: one P per template item, inserted right after the
// Document root so that the tree's order is reading order; every element
// index after it moves up. Where the letterhead repeats (later pages' own
// templates) it stays an artifact (/Pagination).
void shiftElement(uint32_t& e, uint32_t k) {
  if (e != frame::kArtifact && e >= 1) e += k;
}

// Inserts the k P elements after the root; every index after moves up.
void insertLetterheadElements(std::vector<frame::StructElement>& structure, uint32_t k) {
  for (frame::StructElement& e : structure) {
    shiftElement(e.parent, k);
    if (frame::StructExtras* x = e.extras())
      for (uint32_t& h : x->headers) shiftElement(h, k);
  }
  std::vector<frame::StructElement> added(k);
  for (frame::StructElement& e : added) {
    e.role = frame::Role::P;
    e.parent = 0;
  }
  structure.insert(structure.begin() + 1, added.begin(), added.end());
}

// Page 1's template items of the ranges belong to the letterhead's elements.
void tagLetterheadItems(frame::Page& first, const std::vector<std::pair<size_t, size_t>>& ranges) {
  for (uint32_t j = 0; j < ranges.size(); ++j)
    for (size_t i = ranges[j].first; i < ranges[j].second && i < first.itemStructure.size(); ++i)
      first.itemStructure[i] = 1 + j;
}

void tagFirstPageTemplate(frame::Document& doc, const std::vector<std::pair<size_t, size_t>>& ranges) {
  if (ranges.empty() || doc.structure.empty() || doc.pages.empty()) return;
  const uint32_t k = static_cast<uint32_t>(ranges.size());
  insertLetterheadElements(doc.structure, k);
  for (frame::Page& page : doc.pages) {
    for (uint32_t& e : page.itemStructure) shiftElement(e, k);
    for (frame::Link& l : page.links) shiftElement(l.structure, k);
  }
  tagLetterheadItems(doc.pages.front(), ranges);
}

// The document's top heading level: heading levels in the structure count from it.
int topHeadingLevel(const content::Document& doc) {
  int top = INT_MAX;
  content::forEachBlock(doc.body, [&](const content::Block& b) {
    if (const auto* h = std::get_if<content::Heading>(&static_cast<const content::BlockVariant&>(b)))
      top = std::min(top, h->level);
  });
  return top == INT_MAX ? 1 : top;
}

}  // namespace

frame::Document paginate(const content::Document& doc, const style::Layout& layout, const Options& options,
                         paragraph::Context& context) {
  BodyArea area = bodyArea(layout, 0);
  std::optional<content::Document> letter = withLetterParts(doc, layout);
  // Laid out as the pages fill: the flow never holds the whole document.
  FlowSource source(letter ? *letter : doc, layout, area.width, options.imageLimits, context,
                    options.layoutHelpers);
  Flow& flow = source.flow();
  frame::Document out;
  out.pages = buildPages(source, layout, options.maxPages, context.diags);
  // The pages own the lines now: free what is left of the flow before the
  // templates add to every page.
  std::vector<FlowItem>().swap(flow.items);
  std::vector<Footnote>().swap(flow.notes);
  std::vector<std::pair<size_t, size_t>> letterhead =
      drawTemplates(out.pages, doc, layout, options.imageLimits, context, options.textBoxes.get());
  out.structure = std::move(flow.structure);
  tagFirstPageTemplate(out, letterhead);
  if (layout.print.any() || options.pageBoxes) placeOnSheets(out.pages, doc, layout, options.jobName, context);
  out.outline = std::move(flow.outline);
  out.metadata = frame::Metadata{doc.title, doc.author, doc.subject, doc.keywords, doc.language, "Folio", options.pdfDate};
  return out;
}

bool canStream(const style::Layout& layout, const Options& options) {
  return !layout.print.any() && !options.pageBoxes;
}

void paginate(content::Document& doc, const style::Layout& layout, const Options& options,
              paragraph::Context& context, PageSink& sink, frame::Document& rest) {
  BodyArea area = bodyArea(layout, 0);
  std::optional<content::Document> letter = withLetterParts(doc, layout);
  if (letter) std::vector<content::Block>().swap(doc.body);  // the letter holds a copy
  content::Document& body = letter ? *letter : doc;
  const int top = topHeadingLevel(body);
  FlowSource source(body, FlowSource::Consume{}, layout, area.width, options.imageLimits, context,
                    options.layoutHelpers);
  Flow& flow = source.flow();
  sink.begin(&flow.structure, top);
  size_t count = 0;
  const std::function<void(frame::Page &&)> out = [&](frame::Page&& page) { sink.page(std::move(page)); };
  buildPages(source, layout, options.maxPages, context.diags, &out, &count);
  std::vector<Footnote>().swap(flow.notes);
  rest.structure = std::move(flow.structure);
  rest.outline = std::move(flow.outline);
  rest.metadata = frame::Metadata{doc.title,    doc.author, doc.subject,    doc.keywords,
                                  doc.language, "Folio",    options.pdfDate};
  // The templates, now that the count is known; page 1's letterhead text
  // gets its elements first (see tagFirstPageTemplate).
  TemplatePages templates(doc, layout, options.imageLimits, context, count, options.textBoxes.get());
  for (size_t i = 0; i < count; ++i) {
    frame::Page t = templates.draw(i);
    if (i == 0) {
      const auto& ranges = templates.firstPageContent();
      const uint32_t k = rest.structure.empty() ? 0 : static_cast<uint32_t>(ranges.size());
      if (k > 0) {
        insertLetterheadElements(rest.structure, k);
        tagLetterheadItems(t, ranges);
      }
      sink.letterhead(&rest.structure, k);
    }
    sink.furniture(i, std::move(t));
  }
}

}  // namespace folio::pagination
