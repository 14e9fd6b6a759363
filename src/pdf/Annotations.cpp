#include "pdf/Annotations.h"

#include <algorithm>
#include <cctype>

#include "pdf/Objects.h"

namespace folio::pdf {

namespace {

// A document must not run code or open local files from a link: URIs with
// these schemes are refused (leading blanks and case do not hide them).
bool allowedUri(const std::string& uri) {
  std::string lower;
  for (char c : uri) {
    if (lower.empty() && static_cast<unsigned char>(c) <= ' ') continue;
    if (c == '\t' || c == '\n' || c == '\r') continue;  // browsers drop these inside schemes too
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.size() == 16) break;
  }
  for (const char* scheme : {"javascript:", "vbscript:", "data:", "file:"})
    if (lower.rfind(scheme, 0) == 0) return false;
  return true;
}

Array quadPoints(const std::vector<Rect>& rects) {
  // Per rectangle: top-left, top-right, bottom-left, bottom-right (the order
  // Acrobat uses; readers that differ take the bounding box of the four).
  Array q;
  for (const Rect& r : rects) {
    const Sp xs[4] = {r.x, r.right(), r.x, r.right()};
    const Sp ys[4] = {r.top(), r.top(), r.y, r.y};
    for (int i = 0; i < 4; ++i) {
      q.push_back(lengthPt(xs[i]));
      q.push_back(lengthPt(ys[i]));
    }
  }
  return q;
}

}  // namespace

std::vector<MadeLink> addLinks(Document& doc, const Ref& pageRef, const frame::Page& page,
                               const Destinations& dests, Diagnostics& diags, bool allowPending) {
  std::vector<MadeLink> made;
  for (const frame::Link& link : page.links) {
    std::vector<Rect> rects;
    for (const Rect& r : link.rects)
      if (r.width > 0 && r.height > 0) rects.push_back(r);
    if (rects.empty()) continue;

    Dictionary action;
    if (!link.uri.empty()) {
      if (!allowedUri(link.uri)) {
        diags.warning(
            {}, "link target '" + link.uri +
                    "' is not written; expected a web or mail address (no javascript:, data: or file:)");
        continue;
      }
      action.add("S", Name("URI"));
      // URIs are 7-bit ASCII; non-ASCII bytes pass as they are (IRI-style).
      action.add("URI", byteString(link.uri));
    } else if (!link.destination.empty()) {
      std::optional<Array> dest = dests.explicitDest(link.destination);
      if (!dest && !allowPending) {
        diags.warning(
            {}, "link to '" + link.destination + "' has no target in the document; the link is dropped");
        continue;
      }
      if (dest) {
        action.add("S", Name("GoTo"));
        action.add("D", *dest);
      }
    } else {
      continue;
    }

    Sp x0 = rects[0].x, y0 = rects[0].y, x1 = rects[0].right(), y1 = rects[0].top();
    for (const Rect& r : rects) {
      x0 = std::min(x0, r.x);
      y0 = std::min(y0, r.y);
      x1 = std::max(x1, r.right());
      y1 = std::max(y1, r.top());
    }
    DocObject* annot = doc.create("Annot");
    Dictionary& d = annot->dict();
    d.add("Subtype", Name("Link"));
    d.add("Rect", rectArray(x0, y0, x1, y1));
    if (rects.size() > 1) d.add("QuadPoints", quadPoints(rects));
    Array border;
    for (int i = 0; i < 3; ++i) border.push_back(integer(0));
    d.add("Border", border);
    d.add("F", integer(4));  // Print
    d.add("P", pageRef);
    const bool pending = action.empty();  // a forward link: its destination comes at the end
    if (!pending) d.add("A", action);
    made.push_back(MadeLink{link.structure, annot, !link.uri.empty() ? link.uri : link.destination, pending});
  }
  return made;
}

void resolveLinks(const std::vector<PendingLink>& pending, const Destinations& dests, Diagnostics& diags,
                  const std::function<void(const PendingLink&)>& dropped) {
  for (const PendingLink& p : pending) {
    if (std::optional<Array> dest = dests.explicitDest(p.destination)) {
      Dictionary action;
      action.add("S", Name("GoTo"));
      action.add("D", *dest);
      p.annot->dict().add("A", action);
      continue;
    }
    diags.warning({}, "link to '" + p.destination + "' has no target in the document; the link is dropped");
    dropped(p);
  }
}

}  // namespace folio::pdf
