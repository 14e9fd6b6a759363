#include "render/Accessibility.h"

#include <algorithm>
#include <climits>
#include <string>

namespace folio::render {

namespace {

struct Heading {
  int level;
  SourcePos pos;
};

void collect(const std::vector<content::Block>& blocks, std::vector<Heading>& headings,
             std::vector<const content::Image*>& images) {
  content::forEachBlock(blocks, [&](const content::Block& b) {
    if (const auto* h = std::get_if<content::Heading>(&b)) headings.push_back({h->level, h->pos});
    if (const auto* img = std::get_if<content::Image>(&b)) images.push_back(img);
  });
}

}  // namespace

void checkAccessibility(const content::Document& doc, Diagnostics& diags) {
  if (doc.title.empty())
    diags.error({doc.path, 1, 1},
                "pdf/ua-1 needs the document's title (shown in the title bar, dc:title); "
                "expected 'title:' in the content");
  std::vector<Heading> headings;
  std::vector<const content::Image*> images;
  collect(doc.body, headings, images);
  for (const content::Image* img : images)
    if (std::all_of(img->alt.begin(), img->alt.end(),
                    [](char c) { return c == ' ' || c == '\t' || c == '\n'; }))
      diags.error(img->pos, "image '" + img->path.substr(img->path.find_last_of('/') + 1) +
                                "' has no alternative text, which pdf/ua-1 requires; expected 'alt:' "
                                "describing the image for readers who cannot see it");
  if (headings.empty()) return;
  // The tree counts levels from the document's top heading level (a letter
  // whose only heading is level 2 gets an H1), so only order matters here.
  int top = INT_MAX;
  for (const Heading& h : headings) top = std::min(top, h.level);
  if (headings.front().level != top)
    diags.error(headings.front().pos,
                "the first heading is level " + std::to_string(headings.front().level) +
                    " but a later one is level " + std::to_string(top) +
                    "; pdf/ua-1 expects the document to begin with its top heading level");
  int previous = top;
  for (const Heading& h : headings) {
    if (h.level > previous + 1)
      diags.error(h.pos, "heading level " + std::to_string(h.level) + " follows level " +
                             std::to_string(previous) +
                             ", skipping a level, which pdf/ua-1 does not allow; "
                             "expected level " +
                             std::to_string(previous + 1) + " or less");
    previous = h.level;
  }
}

}  // namespace folio::render
