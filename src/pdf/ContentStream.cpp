#include "pdf/ContentStream.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "pdf/Syntax.h"

namespace folio::pdf {

using namespace PoDoFo;

PdfDictionary PageResources::dictionary() const {
  PdfDictionary res;
  auto add = [&res](const char* key, const std::map<std::string, PdfReference>& entries) {
    if (entries.empty()) return;
    PdfDictionary d;
    for (const auto& [name, ref] : entries) d.AddKey(PdfName(name), ref);
    res.AddKey(key, d);
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

// Writes one page. Tracks the graphics state it has set so that repeated
// colours, line widths and text rise are not re-emitted.
class PagePainter {
 public:
  PagePainter(Painters& p, PageResources& res, Diagnostics& diags) : m_p(p), m_res(res), m_diags(diags) {}

  void paint(const frame::Item& item) {
    std::visit([this](const auto& i) { draw(i); }, item);
  }
  std::string take() { return std::move(m_out); }

 private:
  void draw(const frame::GlyphRun& run);
  void draw(const frame::Fill& fill);
  void draw(const frame::Stroke& stroke);
  void draw(const frame::ImagePlacement& placement);
  void setColor(const Color& c, bool stroke);

  Painters& m_p;
  PageResources& m_res;
  Diagnostics& m_diags;
  std::string m_out;
  std::optional<Color> m_fill, m_stroke;
  std::optional<Sp> m_lineWidth;
  double m_rise = 0;  // Ts persists across BT/ET, like all text state
};

void PagePainter::setColor(const Color& c, bool stroke) {
  std::optional<Color>& current = stroke ? m_stroke : m_fill;
  if (current && *current == c) return;
  const ColorSpaces::Space* space = nullptr;
  m_out += m_p.colors.setColor(c, stroke, &space);
  if (space) m_res.colorSpaces[space->resourceName] = space->ref;
  current = c;
}

void PagePainter::draw(const frame::GlyphRun& run) {
  if (!run.font || run.glyphs.empty() || run.size <= 0) return;
  setColor(run.color, false);
  const FontEmbedder::Use& font = m_p.fonts.use(run.font);
  m_res.fonts[font.resourceName] = font.ref;
  m_out += "BT\n/" + font.resourceName + " " + formatPt(run.size) + " Tf\n1 0 0 1 " + formatPt(run.origin.x) +
           " " + formatPt(run.origin.y) + " Tm\n";

  // Everything in 1/1000 em, relative to the run origin. `pos` is where the
  // text position actually is after what has been written; each glyph goes
  // to pen + xOffset, and after it the pen advances by the placed advance
  // (which includes justification), not by the font's width.
  const double perMille = 1000.0 / run.size;
  double pos = 0;
  int64_t pen = 0;
  std::string array;
  bool inHex = false;
  auto closeHex = [&] {
    if (inHex) array += '>';
    inHex = false;
  };
  auto flush = [&] {
    closeHex();
    if (!array.empty()) m_out += "[" + array + "] TJ\n";
    array.clear();
  };
  for (const frame::PlacedGlyph& g : run.glyphs) {
    double rise = std::round(toPt(g.yOffset) * 10000.0) / 10000.0;
    if (rise != m_rise) {
      flush();
      m_out += formatNumber(rise) + " Ts\n";
      m_rise = rise;
    }
    double delta = (static_cast<double>(pen) + g.xOffset) * perMille - pos;
    if (std::fabs(delta) > kAdjustEpsilon) {
      double adjust = std::round(-delta * 1000.0) / 1000.0;  // TJ numbers move left
      closeHex();
      if (!array.empty()) array += ' ';
      array += formatNumber(adjust, 3);
      pos -= adjust;
    }
    size_t begin = std::min<size_t>(g.textBegin, run.text.size());
    size_t length = std::min<size_t>(g.textLength, run.text.size() - begin);
    uint16_t code =
        m_p.fonts.code(run.font, g.gid, std::u32string_view(run.text).substr(begin, length), m_diags);
    if (!inHex) {
      if (!array.empty()) array += ' ';
      array += '<';
      inHex = true;
    }
    array += hex4(code);
    pos += m_p.fonts.width(run.font, g.gid);
    pen += g.advance;
  }
  flush();
  m_out += "ET\n";
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
                          "; expected a decoded PNG or JPEG image");
    return;
  }
  const ImageXObjects::XObject& x = m_p.images.use(*placement.image);
  m_res.xobjects[x.resourceName] = x.ref;
  const Rect& r = placement.rect;
  m_out += "q\n" + formatPt(r.width) + " 0 0 " + formatPt(r.height) + " " + formatPt(r.x) + " " +
           formatPt(r.y) + " cm\n/" + x.resourceName + " Do\nQ\n";
}

}  // namespace

std::string pageContent(const frame::Page& page, Painters& painters, PageResources& resources,
                        Diagnostics& diags) {
  PagePainter painter(painters, resources, diags);
  for (const frame::Item& item : page.items) painter.paint(item);
  return painter.take();
}

}  // namespace folio::pdf
