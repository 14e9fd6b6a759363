#include "pdf/ContentStream.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "pdf/BidiHints.h"
#include "pdf/PaintOrder.h"
#include "pdf/RunText.h"
#include "pdf/Syntax.h"

namespace folio::pdf {

Dictionary PageResources::dictionary() const {
  Dictionary res;
  auto add = [&res](const char* key, const std::map<std::string, Ref>& entries) {
    if (entries.empty()) return;
    Dictionary d;
    for (const auto& [name, ref] : entries) d.add(name, ref);
    res.add(key, d);
  };
  add("Font", fonts);
  add("XObject", xobjects);
  add("ColorSpace", colorSpaces);
  return res;
}

namespace {

// TJ adjustments below this (in 1/1000 em) are not written; the position is
// tracked exactly, so skipped remainders never accumulate.
constexpr double kAdjustEpsilon = 0.05;

// A hint for PDFium alone (BidiHints.h).
std::string bidiHint(std::u32string_view text) {
  std::string op = "/";
  op.append(kBidiTag).append(" <</ActualText <FEFF").append(utf16beHex(text)).append(">>> BDC\n");
  return op;
}
// Marked content whose glyphs carry no text of their own (a kashida's
// tatweel, see draw(GlyphRun)): an empty /ActualText for readers that follow
// the standard (poppler, Acrobat), and inside it a hint that makes PDFium
// skip them (it takes the innermost /ActualText, and shows an unmapped
// glyph's code as a character). MuPDF 1.21 reads neither and shows U+FFFD.
const std::string kNoText = "/Span <</ActualText ()>> BDC\n" + bidiHint(std::u32string(1, kSkipText));
const std::string kNoTextEnd = "EMC\nEMC\n";

// Writes one page. Tracks the graphics state it has set so that repeated
// colours, line widths and text rise are not re-emitted.
class PagePainter {
 public:
  PagePainter(Painters& p, PageResources& res, Diagnostics& diags) : m_p(p), m_res(res), m_diags(diags) {}

  // `hint`: the text PDFium should read for a glyph run (BidiHints.h).
  void paint(const frame::Item& item, const std::u32string* hint = nullptr) {
    m_hint = hint;
    std::visit([this](const auto& i) { draw(i); }, item);
  }
  std::string take() {
    flushMarks();
    return std::move(m_out);
  }
  void raw(const std::string& ops) { m_out += ops; }
  // Writes the marks held back since the last call (see draw(GlyphRun)).
  // The text state they set is then unknown, and set again when next needed.
  // They set the fill colour, which is then unknown.
  void flushMarks() {
    if (m_marks.empty()) return;
    m_out += m_marks;
    m_marks.clear();
    m_fill.reset();
  }

 private:
  void draw(const frame::GlyphRun& run);
  void draw(const frame::Fill& fill);
  void draw(const frame::Stroke& stroke);
  void draw(const frame::ImagePlacement& placement);
  void setColor(const Color& c, bool stroke);
  void drawOutline(const frame::GlyphRun& run, const frame::PlacedGlyph& g, int64_t pen);

  Painters& m_p;
  PageResources& m_res;
  Diagnostics& m_diags;
  std::string m_out;
  std::optional<Color> m_fill, m_stroke;
  std::optional<Sp> m_lineWidth;
  double m_rise = 0;      // Ts persists across BT/ET, like all text state
  double m_hScale = 1.0;  // so does Tz (font expansion)
  // Per-run scratch, reused so that painting allocates nothing per glyph.
  RunText m_plan;
  std::vector<int64_t> m_pen;
  const std::u32string* m_hint = nullptr;
  std::string m_marks;  // marks of the current line's runs, written after the line
};

void PagePainter::setColor(const Color& c, bool stroke) {
  std::optional<Color>& current = stroke ? m_stroke : m_fill;
  if (current && *current == c) return;
  const ColorSpaces::Space* space = nullptr;
  m_out += m_p.colors.setColor(c, stroke, &space);
  if (space) m_res.colorSpaces[space->resourceName] = space->ref;
  current = c;
}

// The TJ arrays of one text object. Positions are in 1/1000 em relative to
// the run origin; `m_pos` is where the text position actually is after what
// has been written, so each glyph lands exactly on its target.
// hex4 without a string per glyph.
static void appendHex4(std::string& out, uint16_t code) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  const char digits[4] = {kDigits[(code >> 12) & 0xF], kDigits[(code >> 8) & 0xF], kDigits[(code >> 4) & 0xF],
                          kDigits[code & 0xF]};
  out.append(digits, 4);
}

class TextShower {
 public:
  TextShower(std::string& out, double& rise) : m_out(out), m_rise(rise) {}

  // `extra` (1/1000 em, unscaled): space after the glyph that belongs to it,
  // as character spacing (Tc) for this glyph alone; see draw(GlyphRun).
  void show(double target, double rise, uint16_t code, double width, double extra = 0, Sp size = 0) {
    if (rise != m_rise) {
      flush();
      m_out += formatNumber(rise) + " Ts\n";
      m_rise = rise;
    }
    double delta = target - m_pos;
    if (std::fabs(delta) > kAdjustEpsilon) {
      double adjust = std::round(-delta * 1000.0) / 1000.0;  // TJ numbers move left
      closeHex();
      if (!m_array.empty()) m_array += ' ';
      m_array += formatNumber(adjust, 3);
      m_pos -= adjust;
    }
    if (!m_inHex) {
      if (!m_array.empty()) m_array += ' ';
      m_array += '<';
      m_inHex = true;
    }
    if (extra > kAdjustEpsilon) {
      flush();
      m_out += formatNumber(extra * toPt(size) / 1000.0, 4) + " Tc\n";
      m_array = "<" + hex4(code) + ">";
      flush();
      m_out += "0 Tc\n";
      m_pos += width + extra;
      return;
    }
    appendHex4(m_array, code);
    m_pos += width;
  }
  // Operators between TJ arrays (marked content).
  void op(const std::string& ops) {
    flush();
    m_out += ops;
  }
  void flush() {
    closeHex();
    if (!m_array.empty()) m_out.append("[").append(m_array).append("] TJ\n");
    m_array.clear();
  }

 private:
  void closeHex() {
    if (m_inHex) m_array += '>';
    m_inHex = false;
  }

  std::string& m_out;
  double& m_rise;  // Ts persists across BT/ET, like all text state
  double m_pos = 0;
  std::string m_array;
  bool m_inHex = false;
};

namespace {

// Ranges of plan.advancing (visual order) of the words, between spaces,
// that hold a tatweel (U+0640) with no text: one the paragraph inserted.
std::vector<std::pair<size_t, size_t>> wordsWithInserts(const frame::GlyphRun& run, const RunText& plan) {
  std::vector<std::pair<size_t, size_t>> out;
  const std::vector<ShownGlyph>& a = plan.advancing;
  const uint32_t tatweel = run.font->glyphFor(0x0640);
  if (tatweel == 0) return out;
  auto space = [&](size_t k) { return a[k].text == U" " || a[k].text == U"\u00A0"; };
  for (size_t i = 0; i < a.size(); ++i) {
    const frame::PlacedGlyph& g = run.glyphs[a[i].index];
    if (!a[i].text.empty() || g.advance <= 0 || g.gid != tatweel) continue;
    if (!out.empty() && i < out.back().second) continue;
    size_t b = i, e = i + 1;
    while (b > 0 && !space(b - 1)) --b;
    while (e < a.size() && !space(e)) ++e;
    out.emplace_back(b, e);
  }
  return out;
}

}  // namespace

void PagePainter::draw(const frame::GlyphRun& run) {
  if (!run.font || run.glyphs.empty() || run.size <= 0) return;
  setColor(run.color, false);
  const FontEmbedder::Use& font = m_p.fonts.use(run.font);
  m_res.fonts[font.resourceName] = font.ref;
  m_out += "BT\n/" + font.resourceName + " " + formatPt(run.size) + " Tf\n1 0 0 1 " + formatPt(run.origin.x) +
           " " + formatPt(run.origin.y) + " Tm\n";
  // Font expansion: Tz scales glyphs and TJ displacements alike, so targets
  // below are divided by the scale; the text (ToUnicode) is unchanged.
  if (run.hScale != m_hScale) {
    m_out += formatNumber(run.hScale * 100.0, 3) + " Tz\n";
    m_hScale = run.hScale;
  }
  if (m_hint) m_out += bidiHint(*m_hint);
  // Each glyph goes to pen + xOffset, where the pen has moved by the placed
  // advances before it (which include justification), not by font widths.
  std::vector<int64_t>& pen = m_pen;
  pen.assign(run.glyphs.size(), 0);
  for (size_t i = 1; i < run.glyphs.size(); ++i) pen[i] = pen[i - 1] + run.glyphs[i - 1].advance;
  const double perMille = 1000.0 / run.size / run.hScale;
  TextShower shower(m_out, m_rise);
  auto show = [&](TextShower& shower, const ShownGlyph& s, double extra = 0) {
    const frame::PlacedGlyph& g = run.glyphs[s.index];
    double target = (static_cast<double>(pen[s.index]) + g.xOffset) * perMille;
    double rise = g.yOffset == 0 ? 0.0 : std::round(toPt(g.yOffset) * 10000.0) / 10000.0;
    const FontEmbedder::Shown shown = m_p.fonts.shown(run.font, g.gid, s.text, m_diags);
    // A code that maps to other text (a CID font's glyph used with two texts)
    // says its text in /ActualText.
    const bool other = shown.otherText;
    if (other) shower.op("/Span <</ActualText <FEFF" + utf16beHex(s.text) + ">>> BDC\n");
    shower.show(target, rise, shown.code, shown.width, extra, run.size);
    if (other) shower.op("EMC\n");
  };

  planRunText(run, m_plan);
  const RunText& plan = m_plan;
  // Marks are shown after the run's advancing glyphs (see RunText.h), as
  // codes that map to nothing. Measured and not done: a span per base with
  // its marks and the base's text as /ActualText kept PDFium from showing
  // the marks' codes, but poppler boxes such a span from its first glyph to
  // its last (a mark inside its base), and split fully vocalised Arabic
  // words at every letter.
  bool replaced = false;
  if (m_p.actualText) {
    // A right-to-left run's text is held in visual order, like its glyphs,
    // but each cluster's characters in logical order (lam-alef is "لا"):
    // reverse the clusters, not the characters.
    std::u32string logical(run.text);
    if (run.rtl) {
      std::u32string byCluster;
      for (size_t i = run.glyphs.size(); i-- > 0;) {
        const frame::PlacedGlyph& g = run.glyphs[i];
        if (g.textLength > 0 && g.textBegin < run.text.size())
          byCluster.append(run.text, g.textBegin, g.textLength);
      }
      if (byCluster.size() == run.text.size())
        logical = std::move(byCluster);
      else
        std::reverse(logical.begin(), logical.end());
    }
    std::u32string shown;
    for (const ShownGlyph& s : plan.advancing) shown.append(s.text);
    if (shown != logical) {
      // Before BT: marked content may not start inside a text object's state.
      m_out.insert(m_out.rfind("BT\n"), "/Span <</ActualText <FEFF" + utf16beHex(logical) + ">>> BDC\n");
      replaced = true;
    }
  }
  // A glyph inserted into a word that advances but carries no text (a
  // kashida's tatweel, Arabic justification) leaves a gap between the
  // word's letters where extractors that build words from positions
  // (poppler) split it: such a word says its text as /ActualText.
  const std::vector<std::pair<size_t, size_t>> words =
      replaced ? std::vector<std::pair<size_t, size_t>>{} : wordsWithInserts(run, plan);
  size_t word = 0;
  bool hasOutlines = false;
  const uint32_t tatweelGid = run.font->glyphFor(0x0640);
  auto tatweel = [&](const ShownGlyph& s) {
    return tatweelGid != 0 && run.glyphs[s.index].gid == tatweelGid;
  };
  for (size_t i = 0; i < plan.advancing.size(); ++i) {
    const ShownGlyph& s = plan.advancing[i];
    const bool inWord = word < words.size() && i >= words[word].first;
    if (inWord && i == words[word].first) {
      std::u32string text;
      for (size_t k = words[word].first; k < words[word].second; ++k) text.append(plan.advancing[k].text);
      // In visual order, as the glyphs' own texts are (RunText.h): poppler
      // reverses an ActualText of right-to-left letters with the line.
      shower.op("/Span <</ActualText <FEFF" + utf16beHex(text) + ">>> BDC\n");
    }
    // A glyph without text is drawn as its outline (below), and its advance
    // (justification in Thai gives marks one) goes to the glyph shown before
    // it as character spacing: extractors that find word breaks in gaps
    // between a glyph's width and the next glyph (pdfminer, MuPDF) see none.
    // A kashida's tatweel stays text, a code that maps to nothing: pdf.js
    // takes character spacing as wide as a tatweel (0.21 em) for a word
    // break, and splits the word; MuPDF then shows U+FFFD for it.
    if (s.text.empty() && !tatweel(s)) {
      hasOutlines = true;
    } else if (s.text.empty()) {
      if (!inWord) shower.op(kNoText);
      show(shower, s);
      if (!inWord) shower.op(kNoTextEnd);
    } else {
      double extra = 0;
      for (size_t k = i + 1;
           k < plan.advancing.size() && plan.advancing[k].text.empty() && !tatweel(plan.advancing[k]); ++k)
        extra += run.glyphs[plan.advancing[k].index].advance * perMille;
      show(shower, s, extra);
    }
    if (inWord && i + 1 == words[word].second) {
      shower.op("EMC\n");
      ++word;
    }
  }
  shower.flush();
  // The glyphs that carry no text are drawn as outlines, after the line
  // (the caller's flushMarks; a path may not be drawn inside BT..ET).
  // Drawing them as text once their base is shown, each line's marks after
  // it (a raised or lowered mark is a text object off the baseline, and
  // PDFium sorts the text objects of a line by position only between such
  // breaks), left them as codes that map to nothing: MuPDF 1.21 showed
  // U+FFFD for each.
  if (!plan.attached.empty() || hasOutlines) {
    const ColorSpaces::Space* space = nullptr;
    m_marks += m_p.colors.setColor(run.color, false, &space);
    if (space) m_res.colorSpaces[space->resourceName] = space->ref;
    for (const ShownGlyph& s : plan.advancing)
      if (s.text.empty() && !tatweel(s)) drawOutline(run, run.glyphs[s.index], pen[s.index]);
    for (const ShownGlyph& s : plan.attached) drawOutline(run, run.glyphs[s.index], pen[s.index]);
  }
  if (m_hint) m_out += "EMC\n";
  m_out += "ET\n";
  if (replaced) m_out += "EMC\n";
}

// One glyph as its outline (GlyphForms.h), where the text would have drawn
// it: at the pen plus the glyph's offsets, scaled by the size and Tz.
void PagePainter::drawOutline(const frame::GlyphRun& run, const frame::PlacedGlyph& g, int64_t pen) {
  const GlyphForms::Form* form = m_p.fonts.outlines().use(run.font, g.gid);
  if (!form) return;
  m_res.xobjects[form->resourceName] = form->ref;
  const double em = toPt(run.size) / 1000.0;
  m_marks += "q " + formatNumber(em * run.hScale, 6) + " 0 0 " + formatNumber(em, 6) + " " +
             formatPt(static_cast<Sp>(run.origin.x + pen + g.xOffset)) + " " +
             formatPt(run.origin.y + g.yOffset) + " cm /" + form->resourceName + " Do Q\n";
}

void PagePainter::draw(const frame::Fill& fill) {
  setColor(fill.color, false);
  m_out += formatPt(fill.rect.x) + " " + formatPt(fill.rect.y) + " " + formatPt(fill.rect.width) + " " +
           formatPt(fill.rect.height) + " re f\n";
}

void PagePainter::draw(const frame::Stroke& stroke) {
  setColor(stroke.color, true);
  if (!m_lineWidth || *m_lineWidth != stroke.width) {
    m_out += formatPt(stroke.width) + " w\n";
    m_lineWidth = stroke.width;
  }
  m_out += formatPt(stroke.from.x) + " " + formatPt(stroke.from.y) + " m " + formatPt(stroke.to.x) + " " +
           formatPt(stroke.to.y) + " l S\n";
}

void PagePainter::draw(const frame::ImagePlacement& placement) {
  if (!placement.image) return;
  std::string problem = ImageXObjects::problem(*placement.image);
  if (!problem.empty()) {
    m_diags.error({}, "cannot place image '" + placement.image->path + "': " + problem +
                          "; expected a decoded PNG or JPEG image or a PDF page");
    return;
  }
  const ImageXObjects::XObject& x = m_p.images.use(placement.image);
  m_res.xobjects[x.resourceName] = x.ref;
  const Rect& r = placement.rect;
  // An image fills the unit square; a form its own extent, scaled to fit.
  std::string sx = formatPt(r.width), sy = formatPt(r.height);
  if (x.formWidth > 0 && x.formHeight > 0)
    sx = formatNumber(toPt(r.width) / x.formWidth, 6), sy = formatNumber(toPt(r.height) / x.formHeight, 6);
  m_out += "q\n" + sx + " 0 0 " + sy + " " + formatPt(r.x) + " " + formatPt(r.y) + " cm\n/" + x.resourceName +
           " Do\nQ\n";
}

}  // namespace

std::string pageContent(const frame::Page& page, Painters& painters, PageResources& resources,
                        const std::vector<uint32_t>* itemStructure, const std::vector<std::string>& roles,
                        PageTags& tags, Diagnostics& diags) {
  PagePainter painter(painters, resources, diags);
  // Consecutive items of one element share one sequence; so do consecutive
  // artifacts of one kind: page furniture (running heads, folios, repeated
  // table headers: /Pagination) or decoration in the body (/Layout).
  constexpr uint64_t kNone = UINT64_MAX, kPagination = uint64_t(1) << 40, kLayout = kPagination + 1;
  uint64_t open = kNone;
  const std::vector<size_t> order = paintOrder(page);
  const std::vector<std::optional<std::u32string>> hints = bidiHints(page, order);
  const frame::GlyphRun* previous = nullptr;
  for (const size_t i : order) {
    const frame::Item& item = page.items[i];
    const auto* run = std::get_if<frame::GlyphRun>(&item);
    if (!run || !previous || run->origin.y != previous->origin.y) painter.flushMarks();
    previous = run;
    if (itemStructure) {
      const uint32_t e = i < itemStructure->size() ? (*itemStructure)[i] : frame::kArtifact;
      const bool text = std::holds_alternative<frame::GlyphRun>(item);
      const uint64_t mark = e != frame::kArtifact && e < roles.size() ? uint64_t(e)
                            : i < page.templateItems || text          ? kPagination
                                                                      : kLayout;
      if (mark != open) {
        painter.flushMarks();
        if (open != kNone) painter.raw("EMC\n");
        if (mark == kPagination) {
          painter.raw("/Artifact <</Type /Pagination>> BDC\n");
        } else if (mark == kLayout) {
          painter.raw("/Artifact <</Type /Layout>> BDC\n");
        } else {
          painter.raw("/" + roles[e] + " <</MCID " + std::to_string(tags.elements.size()) + ">> BDC\n");
          tags.elements.push_back(e);
        }
        open = mark;
      }
      if (const auto* image = std::get_if<frame::ImagePlacement>(&item); image && mark < kPagination)
        tags.figureBoxes.emplace_back(static_cast<uint32_t>(mark), image->rect);
    }
    painter.paint(item, hints[i] ? &*hints[i] : nullptr);
  }
  painter.flushMarks();
  if (open != kNone) painter.raw("EMC\n");
  if (!page.boxes) return painter.take();
  // On a print sheet, the page (and template items running into the bleed)
  // is clipped at the bleed box; the marks are painted outside it, by a
  // painter that starts from the graphics state that Q restores. They are
  // printer's furniture: an artifact, outside the structure tree.
  const Rect& b = page.boxes->bleed;
  std::string out = "q\n" + formatPt(b.x) + " " + formatPt(b.y) + " " + formatPt(b.width) + " " +
                    formatPt(b.height) + " re W n\n" + painter.take() + "Q\n";
  if (page.marks.empty()) return out;
  PagePainter marks(painters, resources, diags);
  if (itemStructure)
    marks.raw("/Artifact <</Type /Page>> BDC\n");  // "cut marks and color bars" (PDF 1.7, 14.8.2.2)
  for (const frame::Item& item : page.marks) marks.paint(item);
  if (itemStructure) marks.raw("EMC\n");
  return out + marks.take();
}

}  // namespace folio::pdf
