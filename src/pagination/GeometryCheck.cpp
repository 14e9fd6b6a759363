#include "pagination/GeometryCheck.h"

#include <cstdio>

namespace folio::pagination {

namespace {

// Ink boxes of neighbouring lines touch; a quarter point is not an overlap.
constexpr Sp kTolerance = kSpPerPt / 4;

bool overlaps(const PageBox& a, const PageBox& b) {
  return a.left + kTolerance < b.right && b.left + kTolerance < a.right && a.top + kTolerance < b.bottom &&
         b.top + kTolerance < a.bottom;
}

std::string formatMm(Sp v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fmm", toPt(v) * 25.4 / 72);
  return buf;
}

std::string where(const style::TemplateItem& item) {
  return std::to_string(item.pos.line) + ":" + std::to_string(item.pos.column);
}

}  // namespace

std::string itemName(const style::TemplateItem& item) {
  using Kind = style::TemplateItem::Kind;
  switch (item.kind) {
    case Kind::Image: {
      size_t slash = item.imagePath.rfind('/');
      return "image '" + item.imagePath.substr(slash == std::string::npos ? 0 : slash + 1) + "'";
    }
    case Kind::Rule: return "rule";
    case Kind::Box: return "box";
    case Kind::Text: break;
  }
  std::vector<std::string> texts;
  for (const style::TemplateLine& l : item.lines) texts.insert(texts.end(), l.segments.begin(), l.segments.end());
  for (const std::string& line : texts) {
    size_t open = line.find('{');
    size_t close = open == std::string::npos ? open : line.find('}', open);
    if (close != std::string::npos) {
      std::string key = line.substr(open + 1, close - open - 1);
      if (key.rfind("fields.", 0) == 0) key = key.substr(7);
      if (key != "page" && key != "pages") return key;
    }
  }
  std::string first = texts.empty() ? "" : texts[0];
  if (first.size() > 24) first = first.substr(0, 24) + "...";
  return "text '" + first + "'";
}

void GeometryCheck::report(const SourcePos& pos, const std::string& message, Diagnostics& diags) {
  std::string key = pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + message;
  if (m_reported.insert(key).second) diags.warning(pos, message);
}

void GeometryCheck::reportFit(const style::TemplateItem& item, const std::string& message, Diagnostics& diags) {
  const SourcePos& pos = item.pos;
  std::string key = pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + message;
  if (!m_reported.insert(key).second) return;
  if (item.fit == style::TemplateItem::Fit::ClipError) diags.error(pos, message + "; expected a shorter value or a larger box (fit: clip-error)");
  else diags.warning(pos, message + "; expected a shorter value, a larger box or fit: shrink (the text is set in full, past its box)");
}

void GeometryCheck::check(const std::vector<DrawnItem>& items, const PageGeometry& page, Diagnostics& diags) {
  const std::string onPage = " on page " + std::to_string(page.number);
  for (size_t i = 0; i < items.size(); ++i) {
    const DrawnItem& a = items[i];
    const bool text = a.item->kind == style::TemplateItem::Kind::Text;
    // Text must be on the page; art may run into the bleed, where it is cut.
    const Sp reach = text ? 0 : page.bleed;
    for (const PageBox& b : a.boxes) {
      if (b.left < -reach - kTolerance || b.top < -reach - kTolerance || b.right > page.width + reach + kTolerance ||
          b.bottom > page.height + reach + kTolerance) {
        report(a.item->pos,
               a.name + " lies outside the page" + (reach ? " and its bleed" : "") + onPage + " (it spans " +
                   formatMm(b.left) + " to " + formatMm(b.right) + " across, " + formatMm(b.top) + " to " +
                   formatMm(b.bottom) + " down; the page is " + formatMm(page.width) + " by " +
                   formatMm(page.height) + "); expected it inside the page" +
                   (text ? " (a narrower box, fit: shrink, or a shorter value)" : ""),
               diags);
        break;
      }
    }
    if (a.item->overlapAllowed) continue;
    for (const PageBox& b : a.boxes) {
      if (overlaps(b, page.body)) {
        report(a.item->pos,
               a.name + " overlaps the body text area" + onPage + " (it reaches from " + formatMm(b.top) + " to " +
                   formatMm(b.bottom) + " down; the body is " + formatMm(page.body.top) + " to " +
                   formatMm(page.body.bottom) + ", " + formatMm(page.body.left) + " to " + formatMm(page.body.right) +
                   " across); expected it in the margins (move it, fit: shrink, or overlap: allow)",
               diags);
        break;
      }
    }
    for (size_t j = i + 1; j < items.size(); ++j) {
      const DrawnItem& other = items[j];
      if (other.item->overlapAllowed) continue;
      bool hit = false;
      for (const PageBox& b : a.boxes) {
        for (const PageBox& c : other.boxes)
          if (overlaps(b, c)) hit = true;
        if (hit) break;
      }
      if (hit)
        report(other.item->pos,
               other.name + " overlaps " + a.name + " (the item at " + where(*a.item) + ")" + onPage +
                   "; expected template items apart (move or narrow one, fit: shrink, or overlap: allow)",
               diags);
    }
  }
}

}  // namespace folio::pagination
