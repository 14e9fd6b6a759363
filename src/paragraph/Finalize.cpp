// Step 4 of a paragraph: turn the chosen breaks into lines. Each line's
// pieces get their final widths (justification), are reordered for bidi
// (UBA L2 over pieces; glyphs inside a piece are already in visual order),
// aligned, and emitted as glyph runs with their source text for ToUnicode.
#include <algorithm>
#include <map>

#include "paragraph/GlyphText.h"
#include "paragraph/Internal.h"

namespace folio::paragraph::detail {

bool isRagged(const Options& options, bool rtl) {
  return resolvedAlign(options, rtl) != style::Align::Justify;
}

style::Align resolvedAlign(const Options& options, bool rtl) {
  style::Align a = options.align.value_or(options.style->align);
  if (!options.breakLines && a == style::Align::Justify) a = style::Align::Start;
  switch (a) {
    case style::Align::Start:
      return rtl ? style::Align::Right : style::Align::Left;
    case style::Align::End:
      return rtl ? style::Align::Left : style::Align::Right;
    default:
      return a;
  }
}

namespace {

class LineBuilder {
 public:
  LineBuilder(const Flat& flat, const Shaped& shaped, const Options& o)
      : m_flat(flat), m_sh(shaped), m_o(o) {}

  Line build(const LineFit& fit, bool lastLine) {
    const std::vector<Placed>& logical = fit.placed;
    m_scale = fit.scale;
    m_letterExtra = fit.letterExtra;
    m_distributedExtra = fit.distributedExtra;
    m_rescueExtra = fit.rescueExtra + fit.track;
    Line line;
    line.leading = m_o.style->leading;
    std::vector<uint8_t> levels;
    levels.reserve(logical.size());
    for (const Placed& p : logical) levels.push_back(m_sh.pieces[p.piece].level);
    std::vector<uint32_t> order = text::visualOrder(levels);

    Sp x = 0;
    m_run = nullptr;
    m_linkExtents.clear();
    for (uint32_t idx : order) {
      const Placed& p = logical[idx];
      const Piece& piece = m_sh.pieces[p.piece];
      switch (piece.kind) {
        case Piece::Kind::Box:
          emitGlyphs(line, piece, x, p.kashidas);
          break;
        case Piece::Kind::Space:
          emitSpace(line, piece, p.width, x);
          break;
        case Piece::Kind::Hyphen:
          emitHyphen(line, piece, x);
          break;
        case Piece::Kind::Indent:
          x += p.width;
          m_run = nullptr;
          break;
        case Piece::Kind::Opportunity:  // inter-character justification (CJK, Thai)
          if (p.width != 0 && m_run && !m_run->glyphs.empty())
            m_run->glyphs.back().advance += p.width;
          else if (p.width != 0)
            m_run = nullptr;
          x += p.width;
          break;
        case Piece::Kind::Break:
          break;
      }
    }
    line.width = x;
    finishLinks(line);
    align(line, lastLine, fit);
    if (line.ascent == 0 && line.descent == 0) {
      line.ascent = m_o.style->size * 3 / 4;
      line.descent = m_o.style->size / 4;
    }
    return line;
  }

 private:
  const Span& spanAt(uint32_t i) const {
    return m_flat.spans[m_flat.spanOf[std::min<size_t>(i, m_flat.spanOf.size() - 1)]];
  }

  RunTag tagOf(const Span& span) const {
    RunTag tag;
    tag.link = span.link;
    tag.note = span.note;
    if (span.language != m_o.language) tag.lang = span.language;
    return tag;
  }

  frame::GlyphRun& runFor(Line& line, const text::Font* font, const Span& span, uint8_t level, Sp x,
                          double scale = 1.0) {
    const bool rtl = level & 1;
    // The same span, font and level as the glyph before, with nothing in
    // between: the same run (the usual case, checked per glyph).
    if (m_run && m_run == m_last.run && &span == m_last.span && font == m_last.font &&
        level == m_last.level && scale == m_last.scale)
      return *m_run;
    m_last = LastRun{nullptr, &span, font, level, scale};
    RunTag tag = tagOf(span);
    if (m_run && m_run->font == font && m_run->size == span.size && m_run->color == span.color &&
        m_run->origin.y == span.rise && m_run->level == level && m_run->hScale == scale &&
        line.runTags.back() == tag)
      return *(m_last.run = m_run);
    frame::GlyphRun run;
    run.hScale = scale;
    run.font = font;
    run.size = span.size;
    run.color = span.color;
    run.origin = Point{x, span.rise};
    run.rtl = rtl;
    run.paragraphRtl = m_sh.items.rtl;
    run.level = level;
    line.runs.push_back(std::move(run));
    line.runTags.push_back(std::move(tag));
    m_run = m_last.run = &line.runs.back();
    if (font) {
      const text::FontMetrics& m = font->metrics();
      Sp asc = static_cast<Sp>(int64_t(m.ascender) * span.size / m.unitsPerEm) + span.rise;
      Sp desc = static_cast<Sp>(-int64_t(m.descender) * span.size / m.unitsPerEm) - span.rise;
      line.ascent = std::max(line.ascent, asc);
      line.descent = std::max(line.descent, desc);
    }
    return *m_run;
  }

  void noteLink(const Span& span, Sp x0, Sp x1, const text::Font* font) {
    if (span.link < 0) return;
    auto& e = m_linkExtents[span.link];
    Sp asc = span.size, desc = span.size / 4;
    if (font) {
      asc = static_cast<Sp>(int64_t(font->metrics().ascender) * span.size / font->unitsPerEm());
      desc = static_cast<Sp>(-int64_t(font->metrics().descender) * span.size / font->unitsPerEm());
    }
    if (!e.used)
      e = {true, x0, x1, span.rise - desc, span.rise + asc};
    else {
      e.x0 = std::min(e.x0, x0);
      e.x1 = std::max(e.x1, x1);
      e.y0 = std::min(e.y0, span.rise - desc);
      e.y1 = std::max(e.y1, span.rise + asc);
    }
  }

  // `kashidas`: tatweels to insert before the glyphs of piece.kashidaAt
  // (Justify.cpp). They carry no text: copy and paste gives the word as
  // written.
  void emitGlyphs(Line& line, const Piece& piece, Sp& x, int kashidas = 0) {
    const text::Item& item = m_sh.items.items[piece.item];
    const bool rtl = item.level & 1;
    assignGlyphText(m_sh.glyphs, piece.glyphBegin, piece.glyphEnd, piece.textBegin, piece.textEnd, rtl,
                    m_flat.source, m_texts);
    const Sp tracking = letterSpacing(m_o, item.script);
    const Sp extra = !piece.letterSpaceable
                         ? (piece.kind == Piece::Kind::Box && piece.expandable ? m_rescueExtra : 0)
                     : distributesLetters(m_o, item.script) ? m_distributedExtra
                                                            : m_letterExtra;
    const double scale = piece.expandable ? m_scale : 1.0;
    for (size_t k = 0; k < m_texts.glyphs.size(); ++k) {
      const GlyphText& gt = m_texts.glyphs[k];
      const text::Glyph& gl = m_sh.glyphs[gt.glyph];
      const Span& span = spanAt(gl.cluster);
      if (span.note > 0 && std::find(line.notes.begin(), line.notes.end(), span.note) == line.notes.end()) {
        line.notes.push_back(span.note);
        line.anchors.push_back(
            frame::Anchor{"fnref:" + std::to_string(span.note), Point{x, span.rise + span.size}});
      }
      frame::GlyphRun& run = runFor(line, item.font, span, item.level, x, scale);
      // Visual order: in right-to-left text the letters after the place
      // come first, so the tatweels go before the first glyph of a letter
      // before it.
      if (kashidas > 0 && (rtl ? gl.cluster < piece.kashidaAt : gl.cluster >= piece.kashidaAt)) {
        for (; kashidas > 0; --kashidas) {
          frame::PlacedGlyph t;
          t.gid = piece.kashidaGid;
          t.advance = piece.kashidaUnit;
          run.glyphs.push_back(t);
          x += t.advance;
        }
      }
      frame::PlacedGlyph pg;
      pg.gid = gl.gid;
      pg.advance = gl.advance != 0 ? scaledAdvance(gl.advance, scale) + tracking : 0;
      if (extra != 0 && gl.advance != 0 && startsNewLetter(k + 1, gl.cluster)) pg.advance += extra;
      pg.xOffset = scaledAdvance(gl.xOffset, scale);
      pg.yOffset = gl.yOffset;
      if (gt.textEnd > gt.textBegin) {
        pg.textBegin = static_cast<uint32_t>(run.text.size());
        pg.textLength = gt.textEnd - gt.textBegin;
        run.text.append(m_texts.text, gt.textBegin, gt.textEnd - gt.textBegin);
      }
      run.glyphs.push_back(pg);
      if (pg.advance != 0) noteLink(span, x, x + pg.advance, item.font);
      x += pg.advance;
    }
  }

  void emitSpace(Line& line, const Piece& piece, Sp width, Sp& x) {
    const text::Item& item = m_sh.items.items[piece.item];
    const Span& span = spanAt(piece.textBegin);
    // Only links continue across a space; it is part of the link's rectangle
    // when both neighbours are linked (checked in finishLinks by merging).
    if (piece.glyphEnd > piece.glyphBegin) {
      frame::GlyphRun& run = runFor(line, item.font, span, item.level, x, piece.expandable ? m_scale : 1.0);
      frame::PlacedGlyph pg;
      pg.gid = m_sh.glyphs[piece.glyphBegin].gid;
      pg.advance = width;
      pg.textBegin = static_cast<uint32_t>(run.text.size());
      pg.textLength = 1;
      run.text.push_back(m_flat.source[piece.textBegin]);
      run.glyphs.push_back(pg);
    } else {
      m_run = nullptr;
    }
    noteLink(span, x, x + width, item.font);
    x += width;
  }

  void emitHyphen(Line& line, const Piece& piece, Sp& x) {
    const text::Item& item = m_sh.items.items[piece.item];
    const Span& span = spanAt(piece.textBegin > 0 ? piece.textBegin - 1 : 0);
    const double scale = piece.expandable ? m_scale : 1.0;
    frame::GlyphRun& run = runFor(line, item.font, span, item.level, x, scale);
    for (uint32_t g = piece.glyphBegin; g < piece.glyphEnd; ++g) {
      frame::PlacedGlyph pg;
      pg.gid = m_sh.glyphs[g].gid;
      pg.advance = scaledAdvance(m_sh.glyphs[g].advance, scale);
      // The inserted hyphen extracts as "-" at the line end, which text
      // extractors (poppler) join back into the whole word.
      pg.textBegin = static_cast<uint32_t>(run.text.size());
      pg.textLength = 1;
      run.text.push_back(U'-');
      run.glyphs.push_back(pg);
      x += pg.advance;
    }
  }

  void finishLinks(Line& line) {
    for (const auto& [index, e] : m_linkExtents) {
      LineLink link;
      link.rect = Rect{e.x0, e.y0, e.x1 - e.x0, e.y1 - e.y0};
      link.target = m_flat.links[index];
      link.index = index;
      line.links.push_back(link);
      bool noteMark = link.target.rfind("#fn", 0) == 0;  // footnote marks and numbers are not underlined
      if (m_o.layout && m_o.layout->links.underline && !noteMark)
        line.fills.push_back(frame::Fill{
            Rect{e.x0, -m_o.style->size / 9, e.x1 - e.x0, std::max<Sp>(m_o.style->size / 20, pt(0.4))},
            m_o.layout->links.color});
    }
  }

  // Places the line in the measure. Hanging punctuation: the line's logical
  // start hangs out on the start side (left in left-to-right text), its end
  // on the other, each by the amount the line breaker counted.
  void align(Line& line, bool lastLine, const LineFit& fit) {
    bool rtl = m_sh.items.rtl;
    const Sp hangLeft = rtl ? fit.hangEnd : fit.hangStart;
    const Sp hangRight = rtl ? fit.hangStart : fit.hangEnd;
    style::Align a = resolvedAlign(m_o, rtl);
    if (a == style::Align::Justify)
      a = lastLine ? (rtl ? style::Align::Right : style::Align::Left) : style::Align::Left;
    Sp offset = -hangLeft;
    Sp slack = m_o.width + hangRight - line.width;
    if (a == style::Align::Right)
      offset = slack;
    else if (a == style::Align::Center)
      offset = (m_o.width - line.width) / 2;
    if (rtl && resolvedAlign(m_o, rtl) == style::Align::Justify && !lastLine)
      offset = slack;  // overfull RTL lines hang left
    if (offset == 0) return;
    for (frame::GlyphRun& r : line.runs) r.origin.x += offset;
    for (frame::Fill& f : line.fills) f.rect.x += offset;
    for (LineLink& l : line.links) l.rect.x += offset;
    for (frame::Anchor& a2 : line.anchors) a2.at.x += offset;
  }

  struct Extent {
    bool used = false;
    Sp x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  };

  const Flat& m_flat;
  const Shaped& m_sh;
  const Options& m_o;
  // True when the next spacing glyph written after position k belongs to
  // another cluster (a letter gap, as counted by letterGaps()).
  bool startsNewLetter(size_t k, uint32_t cluster) const {
    for (; k < m_texts.glyphs.size(); ++k) {
      const text::Glyph& next = m_sh.glyphs[m_texts.glyphs[k].glyph];
      if (next.advance != 0) return next.cluster != cluster;
    }
    return false;
  }

  frame::GlyphRun* m_run = nullptr;
  struct LastRun {  // what runFor last returned m_run for
    frame::GlyphRun* run = nullptr;
    const Span* span = nullptr;
    const text::Font* font = nullptr;
    uint8_t level = 0;
    double scale = 1.0;
  } m_last;
  std::map<int, Extent> m_linkExtents;
  GlyphTexts m_texts;
  Sp m_letterExtra = 0, m_distributedExtra = 0, m_rescueExtra = 0;
  double m_scale = 1.0;  // the line's font expansion
};

}  // namespace

std::vector<Line> finalizeLines(const Flat& flat, const Shaped& shaped, const linebreak::Result& breaks,
                                const Options& options, Context&) {
  std::vector<Line> lines;
  lines.reserve(breaks.breaks.size());
  const std::vector<linebreak::Item>& kp = shaped.kp;
  bool ragged = isRagged(options, shaped.items.rtl);
  LineBuilder builder(flat, shaped, options);
  size_t start = 0;
  LineFit fit;
  for (size_t li = 0; li < breaks.breaks.size(); ++li) {
    const size_t b = breaks.breaks[li];
    // Glue and penalties after a break are discarded (TeX's rule).
    while (start < b && kp[start].type != linebreak::Item::Type::Box) ++start;
    const bool last = li + 1 == breaks.breaks.size() ||
                      (kp[b].tag != kNoPiece && shaped.pieces[kp[b].tag].kind == Piece::Kind::Break);
    // The last line, and one before a hard break, keeps its natural spacing.
    fit.hangStart = li < breaks.startHangs.size() ? breaks.startHangs[li] : 0;
    fit.hangEnd = li < breaks.endHangs.size() ? breaks.endHangs[li] : 0;
    fit.scale = li < breaks.expansions.size() && !ragged
                    ? 1.0 + breaks.expansions[li] * options.style->expansion
                    : 1.0;
    fit.track =
        li < breaks.expansions.size() && !ragged
            ? static_cast<Sp>(std::lround(breaks.expansions[li] * static_cast<double>(trackOf(options))))
            : 0;
    fitLine(shaped, options, start, b, !ragged && !last, fit);
    lines.push_back(builder.build(fit, last || fit.flushStart));
    lines.back().hyphenated = !last && kp[b].type == linebreak::Item::Type::Penalty && kp[b].flagged;
    start = b + 1;
  }
  return lines;
}

}  // namespace folio::paragraph::detail
