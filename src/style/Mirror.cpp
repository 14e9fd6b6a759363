// A right-to-left document's letterhead: the same templates read from the
// right. Every template position is mirrored about the page's vertical
// axis, text alignment swaps sides, and left and right margins trade places.
// Items marked `mirror: false` keep their place (start/end alignment still
// sets their text from the right).
#include <utility>

#include "style/Layout.h"

namespace folio::style {

namespace {

void mirrorTemplate(PageTemplate& t, Sp pageWidth) {
  std::swap(t.marginLeft, t.marginRight);
  for (TemplateItem& item : t.items) {
    if (!item.mirror) continue;  // fixed by something outside the page: an envelope's window, a folding machine
    switch (item.kind) {
      case TemplateItem::Kind::Text: {
        Sp width = item.width > 0 ? item.width : pageWidth - item.x;
        item.x = pageWidth - item.x - width;
        item.width = width;
        if (item.align == Align::Left) item.align = Align::Right;
        else if (item.align == Align::Right) item.align = Align::Left;
        break;
      }
      case TemplateItem::Kind::Image:
        // The width may only be known once the image is read: the drawer
        // measures x from the right edge.
        item.mirrored = !item.mirrored;
        break;
      case TemplateItem::Kind::Box: item.x = pageWidth - item.x - item.width; break;
      case TemplateItem::Kind::Rule:
        item.x = pageWidth - item.x;
        item.x2 = pageWidth - item.x2;
        break;
    }
  }
}

}  // namespace

Layout mirrored(const Layout& layout) {
  Layout out = layout;
  mirrorTemplate(out.first, out.pageWidth);
  mirrorTemplate(out.later, out.pageWidth);
  // A mirrored book: the left page's template becomes the right page's.
  if (out.left) mirrorTemplate(*out.left, out.pageWidth);
  if (out.right) mirrorTemplate(*out.right, out.pageWidth);
  return out;
}

}  // namespace folio::style
