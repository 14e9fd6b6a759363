#pragma once
// Fills pages from the flow: greedy, but a page only ends where the flow
// allows (widows, orphans, keeps); footnotes go to the foot of the page
// where their mark lands, and a note too long for the space left continues
// on the next page.
#include <functional>
#include <vector>

#include "frame/Frame.h"
#include "pagination/Flow.h"
#include "style/Layout.h"

namespace folio::pagination {

// Empties the flow's items as it places them.
std::vector<frame::Page> buildPages(Flow& flow, const style::Layout& layout, size_t maxPages, Diagnostics& diags);
// The same, pulling the flow from `source` as pages fill (its placed items
// and notes are dropped as it goes); with `out`, each page is handed to it
// as soon as the next begins (body only, in order) instead of being kept.
std::vector<frame::Page> buildPages(FlowSource& source, const style::Layout& layout, size_t maxPages,
                                    Diagnostics& diags,
                                    const std::function<void(frame::Page&&)>* out = nullptr,
                                    size_t* pageCount = nullptr);

// Where a template's body area is on a page of the layout.
struct BodyArea {
  Sp left = 0, top = 0, width = 0, height = 0;  // top: distance from the page top
};
BodyArea bodyArea(const style::Layout& layout, size_t pageIndex);

// The structure elements of a line's parts (see FlowItem); the default
// makes every part an artifact (page furniture, such as a running head).
struct LineStructure {
  uint32_t item = frame::kArtifact;
  const std::vector<uint32_t>* runs = nullptr;   // per run of the line; null: all `item`
  const std::vector<uint32_t>* links = nullptr;  // per link of the line
  uint32_t marker = frame::kArtifact;            // the extra runs (a list marker)
};
LineStructure structureOf(const FlowItem& item);

// Moves a laid-out line to page coordinates: `x` from the page's left edge,
// `baseline` from the page's bottom (PDF y).
void placeLine(frame::Page& page, const paragraph::Line& line, const std::vector<frame::GlyphRun>& extra, Sp x,
               Sp baseline, const LineStructure& structure = {});
// The same, moving the line's runs to the page instead of copying them.
void placeLine(frame::Page& page, paragraph::Line&& line, std::vector<frame::GlyphRun>&& extra, Sp x,
               Sp baseline, const LineStructure& structure = {});

}  // namespace folio::pagination
