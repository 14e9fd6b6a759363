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
    // Each document's structure becomes a section of the combined one.
    if (out.structure.empty()) {
      frame::StructElement root;
      root.role = frame::Role::Document;
      out.structure.push_back(d.structure.empty() ? root : d.structure[0]);
    }
    const uint32_t section = static_cast<uint32_t>(out.structure.size());
    frame::StructElement sectionElement;
    sectionElement.role = frame::Role::Section;
    out.structure.push_back(sectionElement);
    const uint32_t base = static_cast<uint32_t>(out.structure.size());
    auto remap = [&](uint32_t e) { return e == frame::kArtifact ? e : e == 0 ? section : base + e - 1; };
    for (size_t e = 1; e < d.structure.size(); ++e) {
      frame::StructElement element = d.structure[e];
      element.parent = remap(element.parent);
      if (frame::StructExtras* x = element.extras())
        for (uint32_t& h : x->headers) h = remap(h);
      out.structure.push_back(std::move(element));
    }
    for (frame::Page& page : d.pages) {
      for (uint32_t& e : page.itemStructure) e = remap(e);
      for (frame::Link& l : page.links) l.structure = remap(l.structure);
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
