// Blocks -> a vertical list of lines and other items, with the page-break
// rules (widows, orphans, keeps) encoded as "may break after" flags, and
// footnotes numbered in order of first use and laid out once.
#include "pagination/Flow.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "base/Utf8.h"
#include "pagination/LayoutAhead.h"
#include "pagination/TableFlow.h"

namespace folio::pagination {

Sp baselineInSlot(Sp leading, Sp size) {
  // Half-leading model: the em box centred in the slot, baseline at 80% of
  // the em (close to Noto's ascender-to-descender ratio).
  return (leading - size) / 2 + size * 4 / 5;
}

namespace {

// The flow holds every line of the document until pagination (see
// docs/performance.md, "What stands in the way of 200 MB"): give back the
// spare capacity that building runs glyph by glyph leaves (up to half).
void compact(paragraph::Line& line) {
  for (frame::GlyphRun& run : line.runs) {
    run.glyphs.shrink_to_fit();
    run.text.shrink_to_fit();
  }
  line.runs.shrink_to_fit();
}

// What the blocks released so far leave free in the heap goes back to the
// system every kTrimEvery top-level blocks (glibc keeps freed pages
// resident until trimmed). Only whole free pages go, and the released
// Document's holes are mostly smaller: at 10,000 pages this returns some
// 5 MB of the peak (docs/performance.md, "Blocks released with layout
// helpers too"), for 139 calls.
constexpr size_t kTrimEvery = 512;
void returnFreedPages() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

using content::Block;
using content::BlockBase;
using TextSource = std::shared_ptr<const yaml::ScalarMap>;

// About as many structure elements as a text makes, or a few more: its
// paragraph (or note) and, per run, a link with its note reference, or a
// span in another language (which a line break may cut in two).
size_t elementsOf(const markup::InlineText& text) {
  size_t n = 1;
  for (const markup::Inline& in : text) {
    if (!in.link.empty() || in.kind == markup::Inline::Kind::FootnoteRef || !in.lang.empty()) n += 2;
    if (in.note) n += elementsOf(*in.note);
  }
  return n;
}

// About as many structure elements as `blocks` make, or a few more (an
// estimate: a document that makes more only costs the vector a doubling).
size_t elementsOf(const std::vector<Block>& blocks) {
  size_t n = 0;
  content::forEachBlock(blocks, [&](const Block& b) {
    n += 1;  // a figure, a list or a table
    content::forEachInlineText(
        b, [&](const markup::InlineText& text, const SourcePos&) { n += elementsOf(text); });
    if (const auto* l = std::get_if<content::List>(&b)) n += 3 * l->items.size();  // LI, Lbl, LBody
    if (const auto* t = std::get_if<content::TableBlock>(&b); t && t->table) {
      n += 4;  // head, body, foot, caption
      for (const content::TableRow& row : t->table->rows) n += 1 + row.cells.size();
    }
  });
  return n;
}

}  // namespace

class FlowBuilder : public CellLayouter {
public:
  FlowBuilder(const content::Document& doc, const style::Layout& layout, Sp bodyWidth, const image::Limits& limits,
              paragraph::Context& ctx, LayoutAhead* ahead)
      : m_doc(doc), m_layout(layout), m_bodyWidth(bodyWidth), m_limits(limits), m_ctx(&ctx),
        m_noteWidth(bodyWidth), m_ahead(ahead) {}

  Flow build() {
    while (pull(bodySize())) {
    }
    return std::move(m_flow);
  }

  Flow& flow() { return m_flow; }

  bool pull(size_t blocks) {
    if (!m_started) {
      m_started = true;
      frame::StructElement root;
      root.role = frame::Role::Document;
      root.setLang(m_doc.language);
      m_flow.structure.push_back(root);
      m_langOf.push_back(langId(m_doc.language));
    }
    if (m_next >= bodySize()) return false;
    for (size_t end = std::min(bodySize(), m_next + std::max<size_t>(blocks, 1)); m_next < end; ++m_next) {
      if (m_ahead) planAhead(m_next);
      addBlock(bodyBlock(m_next), 0, 0, "body", "", 0, frame::kArtifact);
      // Laid out (its notes too, after the paragraph that cites them): the
      // block's text is no longer needed.
      if (m_consume) release(m_next + 1);
    }
    return true;
  }

  // pull() releases each top-level block of `doc` (the one being laid out)
  // once laid out. Its body moves into chunks of kChunk blocks, each freed
  // whole once its blocks are laid out: the body vector itself (a
  // 256-byte Block each, 18 MB at 10,000 pages) does not stay to the end.
  // `doc.body` is left empty.
  void consume(content::Document& doc) {
    m_consume = true;
    // The structure records grow with the document (~180 bytes each, some
    // 24 a page) while its blocks are released: reserved at once (a large
    // allocation is mapped, its pages resident only once written), the
    // vector neither doubles (the old and the new copy at once) nor keeps
    // up to half of itself spare. Room for page 1's letterhead elements.
    size_t estimate = elementsOf(doc.body);
    for (const auto& [id, text] : doc.footnotes) estimate += elementsOf(text);
    estimate += estimate / 8 + 64;
    m_flow.structure.reserve(estimate);
    m_langOf.reserve(estimate);
    m_bodySize = doc.body.size();
    m_chunks.resize((m_bodySize + kChunk - 1) / kChunk);
    for (size_t i = 0; i < m_bodySize; ++i) {
      if (i % kChunk == 0) m_chunks[i / kChunk].reserve(std::min(kChunk, m_bodySize - i));
      m_chunks[i / kChunk].push_back(std::move(doc.body[i]));
    }
    std::vector<Block>().swap(doc.body);
  }

private:
  // Releases the top-level blocks before `end` that nothing reads any more:
  // with helpers, a paragraph the builder did not take (dropped from the
  // queue, or cleared) may still be laid out by one of them
  // (LayoutAhead::oldestBlock).
  void release(size_t end) {
    if (m_ahead) end = std::min(end, m_ahead->oldestBlock());
    for (; m_released < end; ++m_released) {
      std::vector<Block>& chunk = m_chunks[m_released / kChunk];
      if ((m_released + 1) % kChunk == 0 || m_released + 1 == m_bodySize)
        std::vector<Block>().swap(chunk);
      else
        chunk[m_released % kChunk] = Block{};
      if ((m_released + 1) % kTrimEvery == 0) returnFreedPages();
    }
  }

  // The top-level blocks: the document's, or the chunks consume() moved them to.
  static constexpr size_t kChunk = 256;
  size_t bodySize() const { return m_consume ? m_bodySize : m_doc.body.size(); }
  const Block& bodyBlock(size_t i) const {
    return m_consume ? m_chunks[i / kChunk][i % kChunk] : m_doc.body[i];
  }

  struct Indents {
    Sp start = 0, end = 0;
  };

  // Adds the block's items, each tagged with the block's position (the
  // innermost block's, for nested ones) for messages such as the page limit,
  // and its structure elements under `parent`; a list item's first block
  // draws the item's `marker`, which belongs to the element `label`.
  void addBlock(const Block& b, Sp indentStart, Sp indentEnd, const std::string& defaultStyle,
                const std::string& marker, uint32_t parent, uint32_t label) {
    size_t first = m_flow.items.size();
    addBlockItems(b, indentStart, indentEnd, defaultStyle, marker, parent, label);
    for (size_t i = first; i < m_flow.items.size(); ++i)
      if (m_flow.items[i].pos.line == 0) m_flow.items[i].pos = b.base().pos;
  }

  // One case per kind of block (std::visit: a kind left out does not build).
  void addBlockItems(const Block& block, Sp indentStart, Sp indentEnd, const std::string& defaultStyle,
                     const std::string& marker, uint32_t parent, uint32_t label) {
    std::visit(
        Overloaded{
            [&](const content::Paragraph& b) {
              addText(b, b.text, b.textSource, m_layout.style(b.style.empty() ? defaultStyle : b.style), indentStart,
                      indentEnd, marker, 0, parent, label);
            },
            [&](const content::Heading& b) {
              addText(b, b.text, b.textSource,
                      m_layout.style(b.style.empty() ? "heading" + std::to_string(b.level) : b.style), indentStart,
                      indentEnd, marker, b.level, parent, label);
            },
            [&](const content::Quote& b) {
              uint32_t quote = addElement(frame::Role::BlockQuote, parent, b.lang, b.id);
              if (!b.text.empty()) {
                addText(b, b.text, b.textSource, m_layout.style(b.style.empty() ? "quote" : b.style), indentStart,
                        indentEnd, marker, 0, quote, label);
                return;
              }
              addAnchor(b);
              bool first = true;
              for (const Block& child : b.children) {
                addBlock(child, indentStart, indentEnd, b.style.empty() ? "quote" : b.style, first ? marker : "",
                         quote, first ? label : frame::kArtifact);
                first = false;
              }
            },
            [&](const content::List& b) {
              addAnchor(b);
              uint32_t list = addElement(frame::Role::L, parent, b.lang, b.id);
              m_flow.structure[list].numbering =
                  b.numbered ? frame::ListNumbering::Decimal : frame::ListNumbering::Disc;
              Sp indent = m_layout.listIndent;
              int n = b.start;
              for (const std::vector<Block>& item : b.items) {
                std::string mark = b.numbered ? std::to_string(n++) + "." : m_layout.bullet;
                uint32_t li = addElement(frame::Role::LI, list);
                uint32_t lbl = addElement(frame::Role::Lbl, li);
                uint32_t body = addElement(frame::Role::LBody, li);
                bool first = true;
                for (const Block& child : item) {
                  addBlock(child, indentStart + indent, indentEnd, b.style.empty() ? "list" : b.style,
                           first ? mark : "", body, first ? lbl : frame::kArtifact);
                  first = false;
                }
              }
            },
            [&](const content::Image& b) { addImage(b, indentStart, indentEnd, parent); },
            [&](const content::Rule& b) { addRule(b, indentStart, indentEnd); },
            [&](const content::Spacer& b) {
              flushSpace();
              FlowItem s;
              s.kind = FlowItem::Kind::Space;
              s.height = b.space.resolve(m_layout.style("body").size);
              s.breakAfter = true;
              m_flow.items.push_back(s);
            },
            [&](const content::TableBlock& b) { addTable(b, indentStart, indentEnd, parent); },
            [&](const content::PageBreak&) {
              m_pendingSpace = 0;
              FlowItem s;
              s.kind = FlowItem::Kind::PageBreak;
              m_flow.items.push_back(s);
            },
        },
        static_cast<const content::BlockVariant&>(block));
  }

  // Vertical space between blocks collapses to the larger of the two.
  void addSpace(Sp before) { m_pendingSpace = std::max(m_pendingSpace, before); }
  void flushSpace() {
    if (m_pendingSpace > 0 && m_flow.first + m_flow.items.size() > 0) {
      FlowItem s;
      s.kind = FlowItem::Kind::Space;
      s.height = m_pendingSpace;
      s.discardable = true;
      s.breakAfter = false;
      m_flow.items.push_back(s);
    }
    m_pendingSpace = 0;
  }

  void addAnchor(const BlockBase& b) {
    if (!b.id.empty()) m_pendingAnchors.push_back(b.id);
  }

  paragraph::Options optionsFor(const BlockBase& b, const TextSource& textSource, const style::Style& st,
                                Sp width) {
    paragraph::Options o;
    o.style = &st;
    o.layout = &m_layout;
    o.language = b.lang.empty() ? m_doc.language : b.lang;
    o.direction = b.dir == content::Direction::Ltr   ? text::BaseDirection::Ltr
                  : b.dir == content::Direction::Rtl ? text::BaseDirection::Rtl
                                                     : text::BaseDirection::Auto;
    switch (b.align) {
      case content::Align::Start: o.align = style::Align::Start; break;
      case content::Align::End: o.align = style::Align::End; break;
      case content::Align::Left: o.align = style::Align::Left; break;
      case content::Align::Right: o.align = style::Align::Right; break;
      case content::Align::Center: o.align = style::Align::Center; break;
      case content::Align::Justify: o.align = style::Align::Justify; break;
      case content::Align::Default: break;
    }
    o.width = width;
    o.pos = b.pos;
    if (textSource && m_ahead)  // the source's line index caches its last answer: one caller at a time
      o.sourcePosition = [source = textSource, lock = &m_sourceMutex](uint32_t offset) {
        std::lock_guard<std::mutex> guard(*lock);
        return source->position(offset);
      };
    else if (textSource)
      o.sourcePosition = [source = textSource](uint32_t offset) { return source->position(offset); };
    o.footnoteNumber = [this, &b](const markup::Inline& ref) { return footnoteNumber(ref, b); };
    return o;
  }

  // A new structure element under `parent`; `lang` is recorded only where
  // it differs from the language the element inherits.
  uint32_t addElement(frame::Role role, uint32_t parent, const std::string& lang = "",
                      const std::string& sourceId = "") {
    frame::StructElement e;
    e.role = role;
    e.parent = parent;
    e.setSourceId(sourceId);
    const uint32_t inherited = m_langOf[parent];
    const uint32_t effective = lang.empty() ? inherited : langId(lang);
    if (effective != inherited) e.setLang(m_langs[effective]);
    m_flow.structure.push_back(std::move(e));
    m_langOf.push_back(effective);
    return static_cast<uint32_t>(m_flow.structure.size() - 1);
  }

  // A language's number in m_langs (a document names a few).
  uint32_t langId(const std::string& lang) {
    auto [it, fresh] = m_langIds.emplace(lang, static_cast<uint32_t>(m_langs.size()));
    if (fresh) m_langs.push_back(lang);
    return it->second;
  }

  // The inline elements of one paragraph (or note): its links, note marks
  // and spans in another language, created as their runs are met.
  struct InlineElements {
    uint32_t owner = 0;
    std::map<int, uint32_t> links;  // paragraph link number -> Link element
    uint32_t span = frame::kArtifact;
    std::string spanLang;
  };

  uint32_t linkElement(int index, int note, const std::string& lang, InlineElements& ie) {
    auto found = ie.links.find(index);
    if (found != ie.links.end()) return found->second;
    uint32_t parent = ie.owner;
    if (note > 0) parent = addElement(frame::Role::Reference, ie.owner, "", "fnref:" + std::to_string(note));
    uint32_t link = addElement(frame::Role::Link, parent, lang);
    if (note > 0) m_flow.structure[link].setAlt("Footnote " + std::to_string(note));
    ie.links.emplace(index, link);
    return link;
  }

  uint32_t elementFor(const paragraph::RunTag& tag, InlineElements& ie) {
    if (tag.link >= 0) {
      ie.span = frame::kArtifact;
      return linkElement(tag.link, tag.note, tag.lang, ie);
    }
    if (tag.lang.empty()) {
      ie.span = frame::kArtifact;
      return ie.owner;
    }
    if (ie.span == frame::kArtifact || ie.spanLang != tag.lang) {
      ie.span = addElement(frame::Role::Span, ie.owner, tag.lang);
      ie.spanLang = tag.lang;
    }
    return ie.span;
  }

  // Records which element each run and link of a laid-out line belongs to.
  void tagLine(FlowItem& it, InlineElements& ie) {
    it.structure = ie.owner;
    const std::vector<paragraph::RunTag>& tags = it.line.runTags;
    bool plain = std::all_of(tags.begin(), tags.end(), [](const paragraph::RunTag& t) { return t == paragraph::RunTag{}; });
    if (!plain) {
      it.runStructure.resize(it.line.runs.size(), ie.owner);
      for (size_t r = 0; r < tags.size() && r < it.line.runs.size(); ++r) {
        uint32_t e = elementFor(tags[r], ie);
        it.runStructure[r] = e;
        // A link's /Contents: its text as written (a note mark's is set above).
        frame::StructElement& el = m_flow.structure[e];
        if (el.role == frame::Role::Link && tags[r].note == 0)
          el.mutableExtras().alt += toUtf8(it.line.runs[r].text);
      }
    } else {
      ie.span = frame::kArtifact;
    }
    for (const paragraph::LineLink& l : it.line.links)
      it.linkStructure.push_back(l.index >= 0 ? linkElement(l.index, 0, "", ie) : ie.owner);
  }

  void addText(const BlockBase& b, const markup::InlineText& text, const TextSource& textSource,
               const style::Style& st, Sp indentStart,
               Sp indentEnd, const std::string& marker, int headingLevel, uint32_t parent, uint32_t label) {
    InlineElements ie;
    ie.owner = addElement(headingLevel > 0 ? frame::Role::H : frame::Role::P, parent, b.lang, b.id);
    m_flow.structure[ie.owner].level = static_cast<uint8_t>(headingLevel);
    m_noteParent = parent;
    addSpace(st.spaceBefore);
    flushSpace();
    paragraph::Options o = textOptions(b, textSource, st, indentStart, indentEnd);
    const Sp width = o.width;
    paragraph::Paragraph para;
    if (!(m_ahead && !m_inCell && takeAhead(text, o, para)))
      para = paragraph::layoutParagraph(text, o, *m_ctx);
    if (para.lines.empty()) para.lines.emplace_back();  // an empty paragraph still takes its line
    size_t n = para.lines.size();
    size_t first = m_flow.items.size();
    Sp xStart = para.rtl ? indentEnd + st.indentEnd : indentStart + st.indentStart;
    for (size_t i = 0; i < n; ++i) {
      FlowItem it;
      it.kind = FlowItem::Kind::Line;
      it.line = std::move(para.lines[i]);
      compact(it.line);
      it.height = std::max(it.line.leading, st.leading);
      it.baseline = baselineInSlot(it.height, st.size);
      it.x = xStart;
      it.width = width;
      size_t linesBefore = i + 1, linesAfter = n - i - 1;
      // No page ends in a hyphen (issue 19): the paragraph line breaker
      // allows at most hyphen-limit of them in a row, so a page can always
      // break a line or two earlier.
      it.breakAfter = linesAfter == 0 ? !(b.keepWithNext.value_or(st.keepWithNext) || headingLevel > 0)
                                      : (!st.keepTogether && linesBefore >= size_t(m_layout.orphans) &&
                                         linesAfter >= size_t(m_layout.widows) && !it.line.hyphenated);
      tagLine(it, ie);
      m_flow.items.push_back(std::move(it));
    }
    FlowItem& head = m_flow.items[first];
    for (const std::string& id : m_pendingAnchors) head.anchors.push_back(frame::Anchor{id, {}});
    m_pendingAnchors.clear();
    if (!b.id.empty()) head.anchors.push_back(frame::Anchor{b.id, {}});
    if (headingLevel > 0) {
      std::string anchor = b.id.empty() ? "_heading" + std::to_string(++m_headings) : b.id;
      if (b.id.empty()) head.anchors.push_back(frame::Anchor{anchor, {}});
      head.outline.push_back(frame::OutlineEntry{headingLevel, markup::plainText(text), anchor});
    }
    if (!marker.empty()) {
      addMarker(b, head, marker, para.rtl);
      head.markerStructure = label;
    }
    addSpace(st.spaceAfter);
    layoutPendingNotes();
  }

  paragraph::Options textOptions(const BlockBase& b, const TextSource& textSource, const style::Style& st,
                                 Sp indentStart, Sp indentEnd) {
    // At least a point: a table cell is measured at its narrowest.
    Sp width = std::max<Sp>(m_bodyWidth - indentStart - indentEnd - st.indentStart - st.indentEnd, pt(1));
    paragraph::Options o = optionsFor(b, textSource, st, width);
    o.firstIndent = st.firstIndent;
    o.hyphenateLastWord = m_inCell;
    o.warnOverfull = !m_inCell;  // TableFlow names the squeezed cell
    return o;
  }

  // -j N on one document: the paragraphs and headings of the next
  // kAheadBlocks top-level blocks (also in lists and quotes, not in tables)
  // go to helper threads (LayoutAhead). Their measure is the body's less
  // indents, known before pagination. Their footnote numbers
  // are predicted here (m_predicted follows the numbering as far as planned);
  // a block planned here that cites no note cannot be wrong.
  static constexpr size_t kAheadBlocks = 48;
  void planAhead(size_t next) {
    if (m_replan) {  // a prediction failed: start again from the real numbering
      m_ahead->clear();
      m_predicted = {m_noteNumbers, m_noteTexts.size()};
      m_planned = next;
      m_replan = false;
    }
    m_planned = std::max(m_planned, next);
    for (; m_planned < bodySize() && m_planned < next + kAheadBlocks; ++m_planned)
      planBlock(bodyBlock(m_planned), 0, 0, "body");  // planText tags its jobs with m_planned
  }

  // The paragraphs addBlockItems lays out for `block`, with the same styles
  // and indents, in the same order; other kinds are left to the builder.
  void planBlock(const Block& block, Sp indentStart, Sp indentEnd, const std::string& defaultStyle) {
    if (const auto* p = std::get_if<content::Paragraph>(&block)) {
      planText(*p, p->text, p->textSource, m_layout.style(p->style.empty() ? defaultStyle : p->style),
               indentStart, indentEnd);
    } else if (const auto* h = std::get_if<content::Heading>(&block)) {
      planText(*h, h->text, h->textSource,
               m_layout.style(h->style.empty() ? "heading" + std::to_string(h->level) : h->style),
               indentStart, indentEnd);
    } else if (const auto* q = std::get_if<content::Quote>(&block)) {
      const std::string style = q->style.empty() ? "quote" : q->style;
      if (!q->text.empty()) {
        planText(*q, q->text, q->textSource, m_layout.style(style), indentStart, indentEnd);
        return;
      }
      for (const Block& child : q->children) planBlock(child, indentStart, indentEnd, style);
    } else if (const auto* l = std::get_if<content::List>(&block)) {
      for (const std::vector<Block>& item : l->items)
        for (const Block& child : item)
          planBlock(child, indentStart + m_layout.listIndent, indentEnd,
                    l->style.empty() ? "list" : l->style);
    }
  }

  void planText(const BlockBase& b, const markup::InlineText& text, const TextSource& source,
                const style::Style& st, Sp indentStart, Sp indentEnd) {
    std::vector<int> notes;
    for (const markup::Inline& in : text)
      if (in.kind == markup::Inline::Kind::FootnoteRef) notes.push_back(predictNote(in, m_predicted));
    m_ahead->add(text, textOptions(b, source, st, indentStart, indentEnd), std::move(notes), m_planned);
  }

  // The number footnoteNumber() will give `ref` when the numbering is at
  // `state` (and advances it as footnoteNumber would).
  struct NoteState {
    std::map<std::string, int> numbers;
    size_t count = 0;
  };
  int predictNote(const markup::Inline& ref, NoteState& state) const {
    if (!ref.noteId.empty()) {
      auto it = state.numbers.find(ref.noteId);
      if (it != state.numbers.end()) return it->second;
      if (m_doc.footnotes.find(ref.noteId) == m_doc.footnotes.end()) return 0;
      return state.numbers[ref.noteId] = static_cast<int>(++state.count);
    }
    return ref.note ? static_cast<int>(++state.count) : 0;
  }

  // The paragraph as a helper laid it out, when its predicted note numbers
  // hold: its notes are numbered now, and its warnings join the document's
  // in the order one thread would have written them.
  bool takeAhead(const markup::InlineText& text, const paragraph::Options& o, paragraph::Paragraph& out) {
    std::optional<LayoutAhead::Result> r = m_ahead->take(text);
    if (!r) return false;
    std::vector<const markup::Inline*> refs;
    for (const markup::Inline& in : text)
      if (in.kind == markup::Inline::Kind::FootnoteRef) refs.push_back(&in);
    // The numbers the references get now (the numbering is not changed yet).
    NoteState now;
    now.count = m_noteTexts.size();
    std::vector<int> numbers;
    for (const markup::Inline* in : refs) {
      auto known = in->noteId.empty() ? m_noteNumbers.end() : m_noteNumbers.find(in->noteId);
      numbers.push_back(known != m_noteNumbers.end() ? known->second : predictNote(*in, now));
    }
    // Laid out as the builder would have (planBlock follows addBlockItems).
    const paragraph::Options& planned = r->options;
    if (planned.width != o.width || planned.style != o.style || planned.firstIndent != o.firstIndent ||
        planned.language != o.language || planned.direction != o.direction || planned.align != o.align)
      return false;
    if (numbers != r->notes || r->noteDiagAt.size() != refs.size()) {
      m_replan = true;  // something not laid out ahead cited notes in between
      return false;
    }
    // The fonts this paragraph needed, in its order: ids as one thread gives them.
    m_ctx->fonts.replay(r->fontCalls);
    const std::vector<Diagnostic>& d = r->diags.all();
    size_t written = 0;
    for (size_t k = 0; k < refs.size(); ++k) {
      for (; written < r->noteDiagAt[k] && written < d.size(); ++written) m_ctx->diags.add(d[written]);
      o.footnoteNumber(*refs[k]);
    }
    for (; written < d.size(); ++written) m_ctx->diags.add(d[written]);
    out = std::move(r->paragraph);
    return true;
  }

  // The list marker hangs in the indent before the first line (after it, in
  // right-to-left text).
  void addMarker(const BlockBase& b, FlowItem& line, const std::string& marker, bool rtl) {
    const style::Style& st = m_layout.style("list");
    paragraph::Options o = optionsFor(b, nullptr, st, m_layout.listIndent);
    o.breakLines = false;
    o.align = style::Align::Left;
    o.sourcePosition = nullptr;  // the marker is generated, not written
    // The marker reads in its item's direction ("1." after the text of a
    // right-to-left item reads as a right-to-left reader expects).
    o.direction = rtl ? text::BaseDirection::Rtl : text::BaseDirection::Ltr;
    markup::InlineText t(1);
    t[0].text = marker;
    paragraph::Paragraph p = paragraph::layoutParagraph(t, o, *m_ctx);
    if (p.lines.empty()) return;
    paragraph::Line& ml = p.lines[0];
    Sp gap = st.size / 2;
    Sp shift = rtl ? line.width + gap : -gap - ml.width;
    for (frame::GlyphRun& r : ml.runs) {
      r.origin.x += shift;
      line.extraRuns.push_back(std::move(r));
    }
  }

  int footnoteNumber(const markup::Inline& ref, const BlockBase& b) {
    // Measuring a table cell: the mark's width is what counts, not its number.
    if (m_measuring) return static_cast<int>(m_noteTexts.size()) + 1;
    if (!ref.noteId.empty()) {
      auto it = m_noteNumbers.find(ref.noteId);
      if (it != m_noteNumbers.end()) return it->second;
      auto text = m_doc.footnotes.find(ref.noteId);
      if (text == m_doc.footnotes.end()) {
        m_ctx->diags.error(b.pos, "footnote '" + ref.noteId + "' is not defined; expected it under 'footnotes'");
        return 0;
      }
      int n = static_cast<int>(m_noteTexts.size()) + 1;
      m_noteNumbers[ref.noteId] = n;
      m_noteTexts.push_back({&text->second, b.pos, &b, m_noteParent, ref.noteId});
      return n;
    }
    if (!ref.note) return 0;
    m_inlineNotes.push_back(ref.note);
    m_noteTexts.push_back({ref.note.get(), b.pos, &b, m_noteParent, ""});
    return static_cast<int>(m_noteTexts.size());
  }

  // Notes are laid out after the paragraph that cites them (not inside the
  // callback: a paragraph must not lay out another while it is being set).
  void layoutPendingNotes() {
    while (m_flow.notes.size() < m_noteTexts.size()) {
      int number = static_cast<int>(m_flow.notes.size()) + 1;
      const NoteText& nt = m_noteTexts[number - 1];
      const style::Style& st = m_layout.style("footnote");
      markup::InlineText text;
      markup::Inline num;
      num.text = std::to_string(number);
      num.link = "#fnref:" + std::to_string(number);
      text.push_back(num);
      markup::Inline space;
      space.text = "\u2002";  // en space after the number
      text.push_back(space);
      text.insert(text.end(), nt.text->begin(), nt.text->end());
      BlockBase b;
      b.pos = nt.pos;
      b.lang = nt.block->lang;
      paragraph::Options o = optionsFor(b, nullptr, st, m_noteWidth);
      o.footnoteNumber = nullptr;  // notes inside notes are not numbered again
      paragraph::Paragraph p = paragraph::layoutParagraph(text, o, *m_ctx);
      Footnote note;
      note.number = number;
      note.rtl = p.rtl;
      // The note follows the paragraph that cites it in the structure; its
      // mark in the text is a Reference.
      InlineElements ie;
      ie.owner = addElement(frame::Role::Note, nt.parent, nt.block->lang,
                            nt.id.empty() ? "fn:" + std::to_string(number) : nt.id);
      for (paragraph::Line& l : p.lines) {
        FlowItem it;
        it.kind = FlowItem::Kind::Line;
        it.height = std::max(l.leading, st.leading);
        it.baseline = baselineInSlot(it.height, st.size);
        it.width = m_noteWidth;
        it.line = std::move(l);
        compact(it.line);
        tagLine(it, ie);
        note.lines.push_back(std::move(it));
      }
      if (!note.lines.empty())
        note.lines.front().anchors.push_back(frame::Anchor{"fn:" + std::to_string(number), {}});
      m_flow.notes.push_back(std::move(note));
    }
  }

  void addImage(const content::Image& b, Sp indentStart, Sp indentEnd, uint32_t parent) {
    auto img = image::load(b.path, m_limits, b.pos, m_ctx->diags, b.page);
    if (!img) return;
    Sp avail = m_bodyWidth - indentStart - indentEnd;
    const Sp em = m_layout.style("body").size;
    // Natural size: a PDF page's own, or the file's resolution, else 150 dpi
    // (a typical print-ready scan).
    double w = 0, h = 0;
    image::naturalSize(*img, 150.0, w, h);
    double aspect = w > 0 ? h / w : 1.0;
    if (b.width && b.height) w = toPt(b.width->resolve(em)), h = toPt(b.height->resolve(em));
    else if (b.width) w = toPt(b.width->resolve(em)), h = w * aspect;
    else if (b.height) h = toPt(b.height->resolve(em)), w = h / aspect;
    if (w > toPt(avail)) w = toPt(avail), h = w * aspect;
    addSpace(m_layout.style("body").leading / 2);
    flushSpace();
    FlowItem it;
    it.kind = FlowItem::Kind::Image;
    it.image = img;
    it.alt = b.alt;
    it.structure = addElement(frame::Role::Figure, parent, b.lang, b.id);
    m_flow.structure[it.structure].setAlt(b.alt);
    it.width = pt(w);
    it.height = pt(h);
    Sp slack = avail - it.width;
    it.x = indentStart + (b.align == content::Align::Center ? slack / 2
                          : (b.align == content::Align::Right || b.align == content::Align::End) ? slack
                                                                                                  : 0);
    for (const std::string& id : m_pendingAnchors) it.anchors.push_back(frame::Anchor{id, {}});
    m_pendingAnchors.clear();
    if (!b.id.empty()) it.anchors.push_back(frame::Anchor{b.id, {}});
    m_flow.items.push_back(std::move(it));
    addSpace(m_layout.style("body").leading / 2);
  }

  void addRule(const content::Rule& b, Sp indentStart, Sp indentEnd) {
    const Sp em = m_layout.style("body").size;
    Sp avail = m_bodyWidth - indentStart - indentEnd;
    addSpace(m_layout.style("body").leading / 2);
    flushSpace();
    FlowItem it;
    it.kind = FlowItem::Kind::Rule;
    Sp thickness = b.thickness ? b.thickness->resolve(em) : pt(0.5);
    it.width = b.width ? std::min(avail, b.width->resolve(em)) : avail;
    it.height = thickness;
    it.x = indentStart;
    auto c = m_layout.colors.find("rule");
    it.color = c != m_layout.colors.end() ? c->second : m_layout.style("body").color;
    if (!b.id.empty()) it.anchors.push_back(frame::Anchor{b.id, {}});
    m_flow.items.push_back(std::move(it));
    addSpace(m_layout.style("body").leading / 2);
  }

  void addTable(const content::TableBlock& b, Sp indentStart, Sp indentEnd, uint32_t parent) {
    addSpace(m_layout.style("body").leading / 2);
    flushSpace();
    TableInput in;
    in.block = &b;
    in.layout = &m_layout;
    in.x = indentStart;
    in.width = std::max<Sp>(m_bodyWidth - indentStart - indentEnd, pt(1));
    in.language = b.lang.empty() ? m_doc.language : b.lang;
    in.id = static_cast<int>(m_flow.tables.size());
    in.structure = addElement(frame::Role::Table, parent, b.lang, b.id);
    m_flow.tables.emplace_back();
    std::vector<FlowItem> items;
    TableRepeat repeat;
    buildTable(in, *this, items, repeat);
    m_flow.tables[size_t(in.id)] = std::move(repeat);
    if (!items.empty()) {
      for (const std::string& id : m_pendingAnchors) items.front().anchors.push_back(frame::Anchor{id, {}});
      m_pendingAnchors.clear();
      if (!b.id.empty()) items.front().anchors.push_back(frame::Anchor{b.id, {}});
    }
    for (FlowItem& it : items) m_flow.items.push_back(std::move(it));
    addSpace(m_layout.style("body").leading / 2);
  }

  // CellLayouter: the cell's content laid out as a small body of its own
  // width, with the document's footnote numbering.
  std::vector<FlowItem> layoutCell(const Request& q) override {
    std::vector<FlowItem> saved = std::move(m_flow.items);
    m_flow.items.clear();
    const size_t savedFirst = std::exchange(m_flow.first, 0);  // the cell is a flow of its own
    Sp savedWidth = m_bodyWidth, savedSpace = m_pendingSpace;
    std::vector<std::string> savedAnchors = std::move(m_pendingAnchors);
    m_pendingAnchors.clear();
    m_pendingSpace = 0;
    m_bodyWidth = q.width;
    bool savedMeasuring = m_measuring, savedInCell = m_inCell;
    m_inCell = true;
    paragraph::Context* savedCtx = m_ctx;
    Diagnostics silent;
    paragraph::Context quiet{m_ctx->fonts, m_ctx->shaper, m_ctx->hyphenator, silent};
    // Measuring passes leave no structure behind.
    const size_t elements = m_flow.structure.size();
    const uint32_t savedNoteParent = m_noteParent;
    if (q.pass != Pass::Final) {
      m_measuring = true;
      m_ctx = &quiet;
    }
    if (!q.cell->text.empty()) {
      BlockBase p;
      p.pos = q.cell->pos;
      p.lang = q.table->lang;
      p.dir = q.dir;
      p.align = q.align;
      addText(p, q.cell->text, q.cell->textSource, *q.style, 0, 0, "", 0, q.parent, frame::kArtifact);
    } else {
      for (const Block& child : q.cell->blocks) addBlock(child, 0, 0, q.blockStyle, "", q.parent, frame::kArtifact);
    }
    if (q.pass != Pass::Final) {
      m_flow.structure.resize(elements);
      m_langOf.resize(elements);
    }
    m_noteParent = savedNoteParent;
    // Space after the cell's last block belongs to no one.
    std::vector<FlowItem> out = std::move(m_flow.items);
    while (!out.empty() && out.back().kind == FlowItem::Kind::Space) out.pop_back();
    while (!out.empty() && out.front().kind == FlowItem::Kind::Space) out.erase(out.begin());
    m_flow.items = std::move(saved);
    m_flow.first = savedFirst;
    m_bodyWidth = savedWidth;
    m_pendingSpace = savedSpace;
    m_pendingAnchors = std::move(savedAnchors);
    m_measuring = savedMeasuring;
    m_inCell = savedInCell;
    m_ctx = savedCtx;
    return out;
  }

  Diagnostics& diagnostics() override { return m_ctx->diags; }

  uint32_t structureElement(frame::Role role, uint32_t parent) override { return addElement(role, parent); }
  frame::StructElement& element(uint32_t index) override { return m_flow.structure[index]; }

  struct NoteText {
    const markup::InlineText* text;
    SourcePos pos;
    const BlockBase* block;
    uint32_t parent;     // the structure element the note's Note goes under
    std::string id;      // the footnote's id, "" for an inline note
  };

  const content::Document& m_doc;
  const style::Layout& m_layout;
  Sp m_bodyWidth;
  const image::Limits& m_limits;
  paragraph::Context* m_ctx;  // swapped for a silent one while measuring table cells
  Sp m_noteWidth;             // footnotes span the body, also when cited in a table cell
  bool m_measuring = false;
  bool m_inCell = false;  // laying out a table cell
  int m_tables = 0;
  Flow m_flow;
  bool m_consume = false;
  std::vector<std::vector<Block>> m_chunks;  // consume(): the body, kChunk blocks each
  size_t m_bodySize = 0;
  size_t m_released = 0;  // top-level blocks before it are released (m_consume)
  bool m_started = false;
  size_t m_next = 0;  // the next top-level block to lay out
  Sp m_pendingSpace = 0;
  std::vector<std::string> m_pendingAnchors;
  std::map<std::string, int> m_noteNumbers;
  std::vector<NoteText> m_noteTexts;
  std::vector<std::shared_ptr<std::vector<markup::Inline>>> m_inlineNotes;
  int m_headings = 0;
  // Each structure element's language, inherited or its own, as its number
  // in m_langs (4 bytes an element, not a string's 32).
  std::vector<uint32_t> m_langOf;
  std::vector<std::string> m_langs;
  std::map<std::string, uint32_t> m_langIds;
  uint32_t m_noteParent = 0;          // where notes cited by the paragraph being set go
  LayoutAhead* m_ahead = nullptr;     // helper threads (-j N), or none
  std::mutex m_sourceMutex;           // source positions asked from several threads
  size_t m_planned = 0;               // top-level blocks handed to m_ahead so far
  NoteState m_predicted;              // the footnote numbering after them
  bool m_replan = false;
};

Flow buildFlow(const content::Document& doc, const style::Layout& layout, Sp bodyWidth,
               const image::Limits& imageLimits, paragraph::Context& context, unsigned helpers) {
  std::optional<LayoutAhead> ahead;
  if (helpers > 0) ahead.emplace(helpers, context);
  return FlowBuilder(doc, layout, bodyWidth, imageLimits, context, ahead ? &*ahead : nullptr).build();
}

FlowSource::FlowSource(const content::Document& doc, const style::Layout& layout, Sp bodyWidth,
                       const image::Limits& imageLimits, paragraph::Context& context, unsigned helpers)
    : m_ahead(helpers > 0 ? std::make_unique<LayoutAhead>(helpers, context) : nullptr),
      m_builder(std::make_unique<FlowBuilder>(doc, layout, bodyWidth, imageLimits, context, m_ahead.get())) {}
FlowSource::FlowSource(content::Document& doc, Consume, const style::Layout& layout, Sp bodyWidth,
                       const image::Limits& imageLimits, paragraph::Context& context, unsigned helpers)
    : FlowSource(doc, layout, bodyWidth, imageLimits, context, helpers) {
  m_builder->consume(doc);
}
// The helpers read the builder's blocks, and ask its lock for source
// positions: they stop before the builder goes. Pagination may stop with
// paragraphs still being laid out ahead (--max-pages; with the builder
// freed first, a helper read freed blocks: a crash).
FlowSource::~FlowSource() { m_ahead.reset(); }
Flow& FlowSource::flow() { return m_builder->flow(); }
bool FlowSource::pull(size_t blocks) { return m_builder->pull(blocks); }

}  // namespace folio::pagination
