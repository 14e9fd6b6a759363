#include "pagination/PrintSheet.h"

#include <algorithm>
#include <cmath>

#include "pagination/Flow.h"
#include "pagination/PageBuilder.h"

namespace folio::pagination {

namespace {

// Crop marks start this far outside the bleed, so that a slightly
// misregistered cut never shows a mark on the trimmed page.
constexpr double kGapMm = 1;
// With no (or a tiny) bleed, marks still keep the usual 3 mm off the trim.
constexpr double kMinOffsetMm = 3;
constexpr double kMarkLengthMm = 5;
// Beyond the crop marks: room for the registration targets and the slug.
constexpr double kOuterMm = 4;
// Printers' preflight rejects hairlines under 0.25 pt; this is the usual.
constexpr double kMarkWidthPt = 0.3;
constexpr double kTargetRadiusMm = 2;
constexpr int kCircleSegments = 48;

// Registration colour: the reserved separation "All" prints on every plate,
// which is what lets the press check that the plates line up.
Color registration() {
  Color c;
  c.space = Color::Space::Spot;
  c.spotName = "All";
  c.c[0] = 1;
  c.alt = {1, 1, 1, 1};
  return c;
}

void shift(Point& p, Sp d) {
  p.x += d;
  p.y += d;
}
void shift(Rect& r, Sp d) {
  r.x += d;
  r.y += d;
}

void shiftItem(frame::Item& item, Sp d) {
  if (auto* run = std::get_if<frame::GlyphRun>(&item))
    shift(run->origin, d);
  else if (auto* fill = std::get_if<frame::Fill>(&item))
    shift(fill->rect, d);
  else if (auto* stroke = std::get_if<frame::Stroke>(&item))
    shift(stroke->from, d), shift(stroke->to, d);
  else if (auto* image = std::get_if<frame::ImagePlacement>(&item))
    shift(image->rect, d);
}

class MarkDrawer {
 public:
  MarkDrawer(const MarkGeometry& g, frame::Page& page) : m_g(g), m_page(page), m_trim(page.boxes->trim) {}

  void cropMarks() {
    const Sp near = m_g.offset, far = m_g.offset + m_g.length;
    for (Sp x : {m_trim.x, m_trim.right()}) {
      const Sp out = x == m_trim.x ? -1 : 1;  // away from the page
      for (Sp y : {m_trim.y, m_trim.top()}) {
        const Sp up = y == m_trim.y ? -1 : 1;
        line({x + out * near, y}, {x + out * far, y});  // horizontal, level with the trim edge
        line({x, y + up * near}, {x, y + up * far});    // vertical
      }
    }
  }

  // A target (circle and cross) in the middle of each side.
  void registrationMarks() {
    const Sp centre = m_g.offset + (m_g.margin - m_g.offset) / 2;
    const Sp midX = m_trim.x + m_trim.width / 2, midY = m_trim.y + m_trim.height / 2;
    target({midX, m_trim.y - centre});
    target({midX, m_trim.top() + centre});
    target({m_trim.x - centre, midY});
    target({m_trim.right() + centre, midY});
  }

 private:
  void line(Point from, Point to) {
    m_page.marks.push_back(frame::Stroke{from, to, m_g.width, registration()});
  }

  void target(Point c) {
    const Sp r = mm(kTargetRadiusMm), arm = r + mm(1);
    line({c.x - arm, c.y}, {c.x + arm, c.y});
    line({c.x, c.y - arm}, {c.x, c.y + arm});
    for (int i = 0; i < kCircleSegments; ++i) {
      auto at = [&](int k) {
        double a = 2 * M_PI * k / kCircleSegments;
        return Point{c.x + static_cast<Sp>(std::lround(r * std::cos(a))),
                     c.y + static_cast<Sp>(std::lround(r * std::sin(a)))};
      };
      line(at(i), at(i + 1));
    }
  }

  const MarkGeometry& m_g;
  frame::Page& m_page;
  Rect m_trim;
};

// "press-release.pdf  ·  Page 2 of 3  ·  2026-03-02" below the trim, left,
// clear of the crop marks and of the registration target in the middle.
void drawSlug(frame::Page& page, const MarkGeometry& g, const std::string& text, const style::Layout& layout,
              paragraph::Context& ctx) {
  style::Style st = layout.style(layout.styles.count("slug") ? "slug" : "body");
  if (!layout.styles.count("slug")) {
    st.size = pt(6);
    st.leading = pt(7);
    st.tracking = 0;
    st.uppercase = false;
  }
  st.color = registration();
  paragraph::Options o;
  o.style = &st;
  o.layout = &layout;
  o.breakLines = false;
  o.align = style::Align::Left;
  o.width = page.boxes->trim.width / 2 - mm(2 * kMarkLengthMm);
  markup::InlineText inl(1);
  inl[0].text = text;
  paragraph::Paragraph p = paragraph::layoutParagraph(inl, o, ctx);
  if (p.lines.empty()) return;
  frame::Page slug;
  placeLine(slug, p.lines.front(), {}, page.boxes->trim.x + g.offset + g.length / 2,
            page.boxes->trim.y - g.offset - (g.margin - g.offset) / 2 - st.size / 3);
  for (frame::Item& item : slug.items) page.marks.push_back(std::move(item));
}

}  // namespace

MarkGeometry markGeometry(const style::PrintSetup& print) {
  MarkGeometry g;
  g.offset = std::max(print.bleed, mm(kMinOffsetMm - kGapMm)) + mm(kGapMm);
  g.length = mm(kMarkLengthMm);
  g.width = pt(kMarkWidthPt);
  g.margin = print.marks() ? g.offset + g.length + mm(kOuterMm) : print.bleed;
  return g;
}

void placeOnSheets(std::vector<frame::Page>& pages, const content::Document& doc, const style::Layout& layout,
                   const std::string& jobName, paragraph::Context& context) {
  const style::PrintSetup& print = layout.print;
  const MarkGeometry g = markGeometry(print);
  const int count = static_cast<int>(pages.size());
  for (int i = 0; i < count; ++i) {
    frame::Page& page = pages[i];
    const Sp d = g.margin;
    for (frame::Item& item : page.items) shiftItem(item, d);
    for (frame::Link& link : page.links)
      for (Rect& r : link.rects) shift(r, d);
    for (frame::Anchor& anchor : page.anchors) shift(anchor.at, d);
    frame::PrintBoxes boxes;
    boxes.trim = Rect{d, d, page.width, page.height};
    boxes.bleed =
        Rect{d - print.bleed, d - print.bleed, page.width + 2 * print.bleed, page.height + 2 * print.bleed};
    page.width += 2 * d;
    page.height += 2 * d;
    page.boxes = boxes;

    MarkDrawer marks(g, page);
    if (print.cropMarks) marks.cropMarks();
    if (print.registrationMarks) marks.registrationMarks();
    if (print.slug) {
      std::string text = jobName.empty() ? "" : jobName + "  \u00b7  ";
      text += "Page " + std::to_string(i + 1) + " of " + std::to_string(count);
      if (!doc.date.empty()) text += "  \u00b7  " + doc.date;
      drawSlug(page, g, text, layout, context);
    }
  }
}

}  // namespace folio::pagination
