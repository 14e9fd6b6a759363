#include "cli/Combine.h"

#include <algorithm>

namespace folio::cli {

frame::Document combineDocuments(std::vector<CombinePart>& parts) {
  frame::Document out;
  for (size_t i = 0; i < parts.size(); ++i) {
    frame::Document& d = *parts[i].doc;
    if (d.pages.empty()) continue;
    if (out.pages.empty()) out.metadata = d.metadata;
    // Every document starts on a right-hand page: page 1, 3, 5, ...
    if (out.pages.size() % 2 == 1) {
      frame::Page blank;
      blank.width = out.pages.back().width;
      blank.height = out.pages.back().height;
      blank.boxes = out.pages.back().boxes;
      out.pages.push_back(std::move(blank));
    }
    const std::string prefix = "doc" + std::to_string(i + 1) + ":";
    frame::Page& first = d.pages.front();
    first.anchors.push_back(frame::Anchor{prefix, Point{0, first.height}});
    for (frame::Page& page : d.pages) {
      for (frame::Anchor& a : page.anchors)
        if (a.name != prefix) a.name = prefix + a.name;
      for (frame::Link& l : page.links)
        if (!l.destination.empty()) l.destination = prefix + l.destination;
      out.pages.push_back(std::move(page));
    }
    out.outline.push_back(frame::OutlineEntry{1, parts[i].label, prefix});
    for (frame::OutlineEntry e : d.outline) {
      e.level = std::min(e.level + 1, 3);
      e.anchor = prefix + e.anchor;
      out.outline.push_back(std::move(e));
    }
    d.pages.clear();
  }
  out.metadata.title.clear();  // the batch has no one title; the writer falls back to the file name
  return out;
}

}  // namespace folio::cli
