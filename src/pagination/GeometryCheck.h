#pragma once
// The geometry check of page templates, run on every page as it is drawn:
// no template item may overlap another or the body's text area, and
// nothing may lie outside the page (boxes, rules and images may reach into
// the bleed of a layout that has one). What an item covers is measured
// from what was drawn (each text line's ink box), so a long value that
// collides is caught and a short one is not. Problems are warnings at the
// layout item's FILE:LINE:COL (errors under --strict).
#include <set>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "base/Units.h"
#include "style/Layout.h"

namespace folio::pagination {

// A rectangle measured from the page's top-left corner, y growing down.
struct PageBox {
  Sp left = 0, top = 0, right = 0, bottom = 0;
  bool empty() const { return right <= left || bottom <= top; }
};

struct DrawnItem {
  const style::TemplateItem* item = nullptr;
  std::vector<PageBox> boxes;  // text: one per line; otherwise one
  std::string name;            // for messages: "sender", "title", "image 'emblem.png'"
};

struct PageGeometry {
  Sp width = 0, height = 0, bleed = 0;
  PageBox body;  // the body's text area
  int number = 1;
};

class GeometryCheck {
public:
  void check(const std::vector<DrawnItem>& items, const PageGeometry& page, Diagnostics& diags);
  // A text item's value that its box cannot hold (`fit: clip-error` makes it an error).
  void reportFit(const style::TemplateItem& item, const std::string& message, Diagnostics& diags);

private:
  void report(const SourcePos& pos, const std::string& message, Diagnostics& diags);
  std::set<std::string> m_reported;  // each problem once per document, not once per page
};

// "sender" for "{fields.sender}", "title" for "{title}", else the start of
// the literal text.
std::string itemName(const style::TemplateItem& item);

}  // namespace folio::pagination
