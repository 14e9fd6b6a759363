#include "pagination/Pagination.h"

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
void tagFirstPageTemplate(frame::Document& doc, const std::vector<std::pair<size_t, size_t>>& ranges) {
  if (ranges.empty() || doc.structure.empty() || doc.pages.empty()) return;
  const uint32_t k = static_cast<uint32_t>(ranges.size());
  auto shift = [k](uint32_t& e) {
    if (e != frame::kArtifact && e >= 1) e += k;
  };
  for (frame::StructElement& e : doc.structure) {
    shift(e.parent);
    for (uint32_t& h : e.headers) shift(h);
  }
  for (frame::Page& page : doc.pages) {
    for (uint32_t& e : page.itemStructure) shift(e);
    for (frame::Link& l : page.links) shift(l.structure);
  }
  std::vector<frame::StructElement> added(k);
  for (frame::StructElement& e : added) {
    e.role = frame::Role::P;
    e.parent = 0;
  }
  doc.structure.insert(doc.structure.begin() + 1, added.begin(), added.end());
  frame::Page& first = doc.pages.front();
  for (uint32_t j = 0; j < k; ++j)
    for (size_t i = ranges[j].first; i < ranges[j].second && i < first.itemStructure.size(); ++i)
      first.itemStructure[i] = 1 + j;
}

}  // namespace

frame::Document paginate(const content::Document& doc, const style::Layout& layout, const Options& options,
                         paragraph::Context& context) {
  BodyArea area = bodyArea(layout, 0);
  std::optional<content::Document> letter = withLetterParts(doc, layout);
  Flow flow = buildFlow(letter ? *letter : doc, layout, area.width, options.imageLimits, context,
                        options.layoutHelpers);
  frame::Document out;
  out.pages = buildPages(flow, layout, options.maxPages, context.diags);
  // The pages own the lines now: free what is left of the flow before the
  // templates add to every page.
  std::vector<FlowItem>().swap(flow.items);
  std::vector<Footnote>().swap(flow.notes);
  std::vector<std::pair<size_t, size_t>> letterhead = drawTemplates(out.pages, doc, layout, options.imageLimits, context);
  out.structure = std::move(flow.structure);
  tagFirstPageTemplate(out, letterhead);
  if (layout.print.any() || options.pageBoxes) placeOnSheets(out.pages, doc, layout, options.jobName, context);
  out.outline = std::move(flow.outline);
  out.metadata = frame::Metadata{doc.title, doc.author, doc.subject, doc.keywords, doc.language, "Folio", options.pdfDate};
  return out;
}

}  // namespace folio::pagination
