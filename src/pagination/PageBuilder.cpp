#include "pagination/PageBuilder.h"

#include <algorithm>
#include <functional>
#include <set>
#include <type_traits>
#include <utility>

#include "table/Rows.h"

namespace folio::pagination {

BodyArea bodyArea(const style::Layout& layout, size_t pageIndex) {
  const style::PageTemplate& t = layout.templateFor(pageIndex);
  return BodyArea{t.marginLeft, t.marginTop, layout.pageWidth - t.marginLeft - t.marginRight,
                  layout.pageHeight - t.marginTop - t.marginBottom};
}

namespace {

// Both placeLine overloads: a const line is copied, a non-const one gives up
// its runs (glyph and text buffers move to the page, nothing is copied).
template <class L, class R>
void placeLineImpl(frame::Page& page, L& line, R& extra, Sp x, Sp baseline, const LineStructure& st) {
  constexpr bool take = !std::is_const_v<L>;
  for (auto* runs : {&line.runs, &extra})
    for (size_t i = 0; i < runs->size(); ++i) {
      auto& r = (*runs)[i];
      if (runs == &extra) page.itemStructure.push_back(st.marker);
      else page.itemStructure.push_back(st.runs && i < st.runs->size() ? (*st.runs)[i] : st.item);
      frame::GlyphRun run;
      if constexpr (take)
        run = std::move(r);
      else
        run = r;
      run.origin.x += x;
      run.origin.y += baseline;
      page.items.push_back(std::move(run));
    }
  for (const frame::Fill& f : line.fills) {
    frame::Fill fill = f;
    fill.rect.x += x;
    fill.rect.y += baseline;
    page.items.push_back(fill);
    page.itemStructure.push_back(frame::kArtifact);  // underlines are decoration
  }
  for (size_t i = 0; i < line.links.size(); ++i) {
    const paragraph::LineLink& l = line.links[i];
    frame::Link link;
    link.rects.push_back(Rect{l.rect.x + x, l.rect.y + baseline, l.rect.width, l.rect.height});
    if (!l.target.empty() && l.target[0] == '#') link.destination = l.target.substr(1);
    else link.uri = l.target;
    link.structure = st.links && i < st.links->size() ? (*st.links)[i] : frame::kArtifact;
    // A link broken over lines: consecutive lines add rectangles to one link.
    if (!page.links.empty() && page.links.back().uri == link.uri && page.links.back().destination == link.destination &&
        page.links.back().rects.back().y != link.rects[0].y && !link.uri.empty())
      page.links.back().rects.push_back(link.rects[0]);
    else page.links.push_back(std::move(link));
  }
  for (const frame::Anchor& a : line.anchors)
    page.anchors.push_back(frame::Anchor{a.name, Point{a.at.x + x, a.at.y + baseline}});
  if constexpr (take) {
    // The flow item is placed once: release what the page now owns.
    std::vector<frame::GlyphRun>().swap(line.runs);
    std::vector<frame::GlyphRun>().swap(extra);
  }
}

}  // namespace

void placeLine(frame::Page& page, const paragraph::Line& line, const std::vector<frame::GlyphRun>& extra,
               Sp x, Sp baseline, const LineStructure& structure) {
  placeLineImpl(page, line, extra, x, baseline, structure);
}

void placeLine(frame::Page& page, paragraph::Line&& line, std::vector<frame::GlyphRun>&& extra, Sp x,
               Sp baseline, const LineStructure& structure) {
  placeLineImpl(page, line, extra, x, baseline, structure);
}

LineStructure structureOf(const FlowItem& item) {
  return LineStructure{item.structure, item.runStructure.empty() ? nullptr : &item.runStructure,
                       &item.linkStructure, item.markerStructure};
}

namespace {

class PageFiller {
public:
  PageFiller(Flow& flow, FlowSource* source, const style::Layout& layout, Diagnostics& diags,
             const std::function<void(frame::Page&&)>* out)
      : m_flow(flow), m_source(source), m_layout(layout), m_diags(diags), m_out(out) {}

  std::vector<frame::Page> run(size_t maxPages) {
    size_t i = 0;
    while (has(i) || !m_carry.empty()) {
      if (m_count >= maxPages) {
        // At the block that would start the page over the limit.
        SourcePos at = m_flow.items.empty() ? SourcePos{} : item(std::min(i, end() - 1)).pos;
        m_diags.error(at, "the document needs more than " + std::to_string(maxPages) +
                              " pages; expected fewer (raise the limit with --max-pages)");
        break;
      }
      i = fillPage(i);
      release(i);
    }
    if (m_count == 0) newPage();
    finishPage();
    return std::move(m_pages);
  }

  size_t pageCount() const { return m_count; }

private:
  // Flow items before the page being filled are placed and done with: what
  // they still own (source path, tags, anchors) is freed as pages are
  // filled, so the page items made next can reuse the memory. The last one
  // stays whole for the page-limit message.
  void release(size_t upTo) {
    for (; m_released + 1 < upTo; ++m_released) item(m_released) = FlowItem{};
    // Laid out on demand: drop the released items from the window's front
    // once they are most of it (moving the rest down is then cheap).
    const size_t dead = m_released - m_flow.first;
    if (m_source && dead >= 64 && dead * 2 >= m_flow.items.size()) {
      m_flow.items.erase(m_flow.items.begin(), m_flow.items.begin() + static_cast<std::ptrdiff_t>(dead));
      m_flow.first = m_released;
    }
  }

  // Flow item `i` (a number in the whole flow) and the end of what is laid
  // out so far; has(i) lays out more blocks until item `i` exists or the
  // flow is done. Only the filling loop pulls (a pull may move the items):
  // elsewhere avail() looks only at what is there, which suffices because a
  // table, the only thing looked ahead into, is laid out whole.
  FlowItem& item(size_t i) { return m_flow.items[i - m_flow.first]; }
  size_t end() const { return m_flow.first + m_flow.items.size(); }
  bool avail(size_t i) const { return i < end(); }
  bool has(size_t i) {
    while (i >= end())
      if (!m_source || !m_source->pull()) return false;
    return true;
  }

  struct Placed {
    size_t item;
    Sp top;  // from the top of the body area
  };
  struct NoteLine {
    FlowItem* line;  // non-const: emit() moves its runs to the page
    size_t owner;  // flow index of the line that cites it
    bool rtl = false;  // the note's paragraph runs right to left
    int note = 0;      // its number
  };

  // A streamed page goes out when the next one starts (or at the end).
  frame::Page& newPage() {
    finishPage();
    frame::Page p;
    p.width = m_layout.pageWidth;
    p.height = m_layout.pageHeight;
    m_pages.push_back(std::move(p));
    ++m_count;
    return m_pages.back();
  }
  void finishPage() {
    if (!m_out || m_pages.empty()) return;
    (*m_out)(std::move(m_pages.back()));
    m_pages.clear();
  }

  // The lines of notes placed whole are done with (a split note's rest
  // waits in m_carry).
  void releaseNotes(const std::set<int>& placed) {
    for (int n : placed) {
      if (n < 1 || size_t(n) > m_flow.notes.size()) continue;
      bool carried = false;
      for (const NoteLine& c : m_carry) carried |= c.note == n;
      if (!carried) std::vector<FlowItem>().swap(m_flow.notes[size_t(n) - 1].lines);
    }
  }

  Sp notesHeight(const std::vector<NoteLine>& lines) const {
    if (lines.empty()) return 0;
    Sp h = m_layout.footnoteGap;
    for (const NoteLine& l : lines) h += l.line->height;
    return h;
  }

  // Fills one page starting at flow item `i`; returns where the next starts.
  size_t fillPage(size_t i) {
    BodyArea area = bodyArea(m_layout, m_count);
    std::vector<Placed> placed;
    std::vector<NoteLine> notes = std::move(m_carry);
    m_carry.clear();
    std::set<int> placedHere;
    size_t lastBreak = SIZE_MAX;
    bool frozen = false;         // a note was split: the footnote area is full
    size_t partialAt = SIZE_MAX;  // the line whose note was split
    Sp y = 0;
    // Skip discardable space at the top of the page.
    while (has(i) && item(i).discardable) ++i;
    // A table that runs onto this page repeats its header first.
    int repeat = -1;
    if (has(i) && item(i).tableBody && m_tableStarted.count(item(i).table)) {
      repeat = item(i).table;
      y = m_flow.tables[size_t(repeat)].height;
    }
    for (; has(i); ++i) {
      const FlowItem& it = item(i);
      if (it.kind == FlowItem::Kind::PageBreak) {
        ++i;
        if (!placed.empty() || !notes.empty()) break;
        continue;
      }
      std::vector<NoteLine> mine;
      for (int n : it.line.notes)
        if (!m_notePlaced.count(n) && !placedHere.count(n) && n - 1 < int(m_flow.notes.size()))
          for (FlowItem& nl : m_flow.notes[n - 1].lines) mine.push_back(NoteLine{&nl, i, m_flow.notes[n - 1].rtl, n});
      std::vector<NoteLine> all = notes;
      all.insert(all.end(), mine.begin(), mine.end());
      // A body row leaves room for the footer rows its table repeats at the
      // foot of a page it leaves.
      const Sp footer = it.tableBody ? m_flow.tables[size_t(it.table)].footerHeight : 0;
      bool fits = y + it.height + footer + notesHeight(all) <= area.height && !(frozen && !mine.empty());
      if (fits) {
        if (it.table >= 0) m_tableStarted.insert(it.table);
        placed.push_back(Placed{i, y});
        y += it.height;
        notes = std::move(all);
        for (int n : it.line.notes) placedHere.insert(n);
        if (it.breakAfter) lastBreak = i;
        continue;
      }
      // The line fits with the start of its note: the rest of the note
      // continues overleaf, and no later note can join this page.
      if (!mine.empty() && !frozen) {
        std::vector<NoteLine> part = notes;
        size_t k = 0;
        while (k < mine.size()) {
          part.push_back(mine[k]);
          if (y + it.height + footer + notesHeight(part) > area.height) {
            part.pop_back();
            break;
          }
          ++k;
        }
        if (k > 0) {
          if (it.table >= 0) m_tableStarted.insert(it.table);
          placed.push_back(Placed{i, y});
          y += it.height;
          notes = std::move(part);
          m_carry.assign(mine.begin() + k, mine.end());
          for (int n : it.line.notes) placedHere.insert(n);
          frozen = true;
          partialAt = i;
          if (it.breakAfter) lastBreak = i;
          continue;
        }
      }
      if (placed.empty()) {  // nothing fits on an empty page: place it anyway
        if (it.table >= 0) m_tableStarted.insert(it.table);
        placed.push_back(Placed{i, y});
        y += it.height;
        notes = std::move(all);
        for (int n : it.line.notes) placedHere.insert(n);
        if (it.height > area.height)
          m_diags.warning({}, "an item taller than the text area was cut off on page " +
                                  std::to_string(m_count + 1));
        ++i;
        break;
      }
      if (lastBreak != SIZE_MAX && lastBreak + 1 < i) {
        // Back up to the last place the page may end.
        while (!placed.empty() && placed.back().item > lastBreak) placed.pop_back();
        std::vector<NoteLine> kept;
        for (const NoteLine& nl : notes)
          if (nl.owner <= lastBreak || nl.owner == SIZE_MAX) kept.push_back(nl);
        notes = std::move(kept);
        placedHere.clear();
        for (const Placed& p : placed)
          for (int n : item(p.item).line.notes) placedHere.insert(n);
        i = lastBreak + 1;
        if (partialAt != SIZE_MAX && partialAt > lastBreak) m_carry.clear();  // that line moves on: its note with it
      }
      break;
    }
    continueCutSpans(placed, i, notes, placedHere);
    for (int n : placedHere) m_notePlaced.insert(n);
    emit(area, placed, notes, repeat);
    if (m_source) releaseNotes(placedHere);
    return i;
  }

  // A page break between two rows of a row-spanning cell: the cell's lines
  // that would run past the page's last row (they are stacked from the top
  // of the span, table::stackLines) go on at the top of the next row,
  // stacked again over the rows the span has left; its last row grows if it
  // must. Their notes go with them. Nothing is cut.
  void continueCutSpans(const std::vector<Placed>& placed, size_t next, std::vector<NoteLine>& notes,
                        std::set<int>& placedHere) {
    if (placed.empty() || !avail(next)) return;
    const FlowItem& last = item(placed.back().item);
    const FlowItem& first = item(next);
    if (last.kind != FlowItem::Kind::Group || first.kind != FlowItem::Kind::Group || first.table != last.table ||
        last.table < 0)
      return;
    const Sp bottom = placed.back().top + last.height;  // the table's bottom on this page
    const Sp padY = m_flow.tables[size_t(last.table)].padY;
    auto covers = [](const FlowItem& g, int span) {
      return std::find(g.spans.begin(), g.spans.end(), span) != g.spans.end();
    };
    // Takes the parts of `g` for which `take` holds, in order, with their notes.
    auto extract = [](FlowItem& g, auto take, std::vector<FlowItem>& out, std::vector<int>& movedNotes) {
      std::vector<FlowItem> keep;
      for (FlowItem& p : g.parts) {
        if (!take(p)) {
          keep.push_back(std::move(p));
          continue;
        }
        for (int n : p.line.notes) {
          auto at = std::find(g.line.notes.begin(), g.line.notes.end(), n);
          if (at != g.line.notes.end()) g.line.notes.erase(at);
          movedNotes.push_back(n);
        }
        out.push_back(std::move(p));
      }
      g.parts = std::move(keep);
    };
    for (int span : last.spans) {
      if (!covers(first, span)) continue;  // the span ends on this page
      std::vector<FlowItem> lines;
      std::vector<int> leaving;  // notes cited by lines that leave this page
      // This page's rows of the span, top down.
      size_t from = placed.size();
      while (from > 0) {
        const FlowItem& g = item(placed[from - 1].item);
        if (g.kind != FlowItem::Kind::Group || g.table != last.table || !covers(g, span)) break;
        --from;
      }
      for (size_t k = from; k < placed.size(); ++k) {
        FlowItem& g = item(placed[k].item);
        const Sp top = placed[k].top;
        extract(g, [&](const FlowItem& p) { return p.span == span && top + p.dy + p.height > bottom; }, lines, leaving);
      }
      std::vector<int> staying;
      std::vector<size_t> rows;  // the span's rows on later pages
      for (size_t k = next; avail(k); ++k) {
        FlowItem& g = item(k);
        if (g.kind != FlowItem::Kind::Group || g.table != last.table || !covers(g, span)) break;
        rows.push_back(k);
        extract(g, [&](const FlowItem& p) { return p.span == span; }, lines, staying);
      }
      if (lines.empty() || rows.empty()) continue;
      std::vector<Sp> lineHeights, rowHeights;
      for (const FlowItem& l : lines) lineHeights.push_back(l.height);
      for (size_t k : rows) rowHeights.push_back(item(k).height);
      table::SpanPlacement at = table::stackLines(lineHeights, rowHeights, padY, padY);
      FlowItem& endRow = item(rows.back());
      for (frame::Fill& f : endRow.fills)
        if (f.rect.y + f.rect.height == endRow.height) f.rect.height += at.growth;
      endRow.height += at.growth;
      for (size_t j = 0; j < lines.size(); ++j) {
        FlowItem& g = item(rows[at.row[j]]);
        lines[j].dy = at.dy[j];
        g.line.notes.insert(g.line.notes.end(), lines[j].line.notes.begin(), lines[j].line.notes.end());
        g.parts.push_back(std::move(lines[j]));
      }
      // Notes cited by lines that left go with them.
      for (int n : leaving) {
        placedHere.erase(n);
        if (n < 1 || size_t(n) > m_flow.notes.size()) continue;
        const std::vector<FlowItem>& noteLines = m_flow.notes[size_t(n) - 1].lines;
        auto mine = [&](const NoteLine& nl) {
          return !noteLines.empty() && nl.line >= &noteLines.front() && nl.line <= &noteLines.back();
        };
        notes.erase(std::remove_if(notes.begin(), notes.end(), mine), notes.end());
        m_carry.erase(std::remove_if(m_carry.begin(), m_carry.end(), mine), m_carry.end());
      }
    }
  }

  // Places a flow item whose slot starts at `slotTop` (PDF y); a const
  // item is copied (a repeated table header), a non-const one gives up its
  // runs to the page.
  template <class I>
  void placeItem(frame::Page& page, I& it, Sp x, Sp slotTop) {
    switch (it.kind) {
      // A repeated table header (const) is page furniture: an artifact.
      case FlowItem::Kind::Line:
        if constexpr (std::is_const_v<I>)
          placeLine(page, it.line, it.extraRuns, x, slotTop - it.baseline);
        else
          placeLine(page, std::move(it.line), std::move(it.extraRuns), x, slotTop - it.baseline, structureOf(it));
        break;
      case FlowItem::Kind::Image:
        page.items.push_back(frame::ImagePlacement{it.image, Rect{x, slotTop - it.height, it.width, it.height}, it.alt});
        page.itemStructure.push_back(std::is_const_v<I> ? frame::kArtifact : it.structure);
        break;
      case FlowItem::Kind::Rule:
        page.items.push_back(frame::Fill{Rect{x, slotTop - it.height, it.width, it.height}, it.color});
        page.itemStructure.push_back(std::is_const_v<I> ? frame::kArtifact : it.structure);
        break;
      case FlowItem::Kind::Group:
        // Its fills (stripes) were painted first, under every rule (paintBackgrounds).
        for (auto& part : it.parts) {
          Sp px = x + part.x;
          for (const frame::Anchor& a : part.anchors) page.anchors.push_back(frame::Anchor{a.name, Point{px, slotTop - part.dy}});
          for (const frame::OutlineEntry& o : part.outline) m_outline.push_back(o);
          placeItem(page, part, px, slotTop - part.dy);
        }
        break;
      case FlowItem::Kind::Space:
      case FlowItem::Kind::PageBreak:
        break;  // space only (a page break ended the page in fillPage)
    }
  }

  // A table row's fills (zebra stripes) under everything else on the
  // page: a stripe painted after the rule above its row would cover the
  // rule's pixels where a renderer rounds both to one pixel row.
  void paintBackgrounds(frame::Page& page, const BodyArea& area, const std::vector<Placed>& placed, int repeat) {
    const Sp top = m_layout.pageHeight - area.top;
    auto paint = [&](const FlowItem& it, Sp slotTop) {
      if (it.kind != FlowItem::Kind::Group) return;
      const Sp x = area.left + it.x;
      for (const frame::Fill& f : it.fills) {
        page.items.push_back(frame::Fill{Rect{x + f.rect.x, slotTop - f.rect.y - f.rect.height, f.rect.width, f.rect.height}, f.color});
        page.itemStructure.push_back(frame::kArtifact);  // stripes
      }
    };
    if (repeat >= 0) {
      Sp y = top;
      for (const FlowItem& it : m_flow.tables[size_t(repeat)].items) {
        paint(it, y);
        y -= it.height;
      }
    }
    for (const Placed& p : placed) paint(item(p.item), top - p.top);
  }

  void emit(const BodyArea& area, const std::vector<Placed>& placed, const std::vector<NoteLine>& notes, int repeat) {
    frame::Page& page = newPage();
    Sp top = m_layout.pageHeight - area.top;  // PDF y of the body's top edge
    paintBackgrounds(page, area, placed, repeat);
    if (repeat >= 0) {
      Sp y = top;
      for (const FlowItem& it : std::as_const(m_flow.tables[size_t(repeat)].items)) {
        placeItem(page, it, area.left + it.x, y);
        y -= it.height;
      }
    }
    // Each flow item is emitted once (a page's items are final here), so
    // its runs move to the page: the flow shrinks as the pages grow.
    for (const Placed& p : placed) {
      FlowItem& it = item(p.item);
      Sp x = area.left + it.x;
      Sp slotTop = top - p.top;
      for (const frame::Anchor& a : it.anchors) page.anchors.push_back(frame::Anchor{a.name, Point{x, slotTop}});
      for (const frame::OutlineEntry& o : it.outline) m_outline.push_back(o);
      placeItem(page, it, x, slotTop);
    }
    // A table that goes on overleaf gets its bottom rule on this page too.
    if (!placed.empty()) {
      const Placed& last = placed.back();
      const FlowItem& it = item(last.item);
      size_t next = last.item + 1;
      if (it.table >= 0 && avail(next) && item(next).table == it.table && item(next).tableBody) {
        const TableRepeat& t = m_flow.tables[size_t(it.table)];
        // Its footer rows repeat here (artifacts: the real ones close the table).
        Sp y = top - last.top - it.height;
        for (const FlowItem& f : t.footer) {
          for (const frame::Fill& fill : f.fills) {
            page.items.push_back(frame::Fill{Rect{area.left + f.x + fill.rect.x, y - fill.rect.y - fill.rect.height,
                                                  fill.rect.width, fill.rect.height},
                                             fill.color});
            page.itemStructure.push_back(frame::kArtifact);
          }
          placeItem(page, f, area.left + f.x, y);
          y -= f.height;
        }
        if (t.bottomRule > 0) {
          page.items.push_back(frame::Fill{Rect{area.left + t.x, y - t.bottomRule, t.width, t.bottomRule}, t.ruleColor});
          page.itemStructure.push_back(frame::kArtifact);
        }
      }
    }
    if (notes.empty()) return;
    // Footnotes: a short separator rule, then the notes, ending at the foot
    // of the text area.
    Sp h = notesHeight(notes);
    Sp y = m_layout.pageHeight - area.top - area.height + h;
    Color ruleColor = m_layout.style("footnote").color;
    // The separator starts where the notes' lines start: on the right of
    // a right-to-left page.
    const Sp ruleWidth = std::min(m_layout.footnoteSeparatorWidth, area.width);
    const Sp ruleX = notes.front().rtl ? area.left + area.width - ruleWidth : area.left;
    page.items.push_back(frame::Fill{Rect{ruleX, y - m_layout.footnoteGap / 2, ruleWidth, pt(0.5)}, ruleColor});
    page.itemStructure.push_back(frame::kArtifact);
    y -= m_layout.footnoteGap;
    for (const NoteLine& nl : notes) {
      FlowItem& it = *nl.line;
      Sp x = area.left + it.x;
      for (const frame::Anchor& a : it.anchors) page.anchors.push_back(frame::Anchor{a.name, Point{x, y}});
      placeLine(page, std::move(it.line), std::move(it.extraRuns), x, y - it.baseline, structureOf(it));
      y -= it.height;
    }
  }

public:
  std::vector<frame::OutlineEntry> m_outline;

private:
  Flow& m_flow;
  FlowSource* m_source;  // null: the flow is laid out whole
  const style::Layout& m_layout;
  Diagnostics& m_diags;
  const std::function<void(frame::Page&&)>* m_out;  // null: the pages are kept
  std::vector<frame::Page> m_pages;
  size_t m_count = 0;  // pages begun
  std::vector<NoteLine> m_carry;
  std::set<int> m_notePlaced;
  std::set<int> m_tableStarted;  // tables whose first item is on a page already
  size_t m_released = 0;         // flow items before this one are released
};

}  // namespace

std::vector<frame::Page> buildPages(Flow& flow, const style::Layout& layout, size_t maxPages, Diagnostics& diags) {
  PageFiller filler(flow, nullptr, layout, diags, nullptr);
  std::vector<frame::Page> pages = filler.run(maxPages);
  flow.outline = std::move(filler.m_outline);
  return pages;
}

std::vector<frame::Page> buildPages(FlowSource& source, const style::Layout& layout, size_t maxPages,
                                    Diagnostics& diags, const std::function<void(frame::Page&&)>* out,
                                    size_t* pageCount) {
  Flow& flow = source.flow();
  PageFiller filler(flow, &source, layout, diags, out);
  std::vector<frame::Page> pages = filler.run(maxPages);
  flow.outline = std::move(filler.m_outline);
  if (pageCount) *pageCount = filler.pageCount();
  return pages;
}

}  // namespace folio::pagination
