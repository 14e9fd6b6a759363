#pragma once
// Anchors as PDF destinations. Every frame::Anchor becomes a named
// destination in the catalog's /Names /Dests tree (so `file.pdf#id` and other
// documents can address block ids), and links and outline items within the
// document use explicit destinations [page /XYZ left top null], which every
// viewer resolves without a name lookup.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "frame/Frame.h"
#include "pdf/Document.h"

namespace folio::pdf {

class ObjectWriter;

class Destinations {
 public:
  // None yet: pages are added as they are written (`pages`, their object
  // numbers, grows with them). A repeated name keeps its first place.
  explicit Destinations(const std::vector<Ref>& pages) : m_pages(pages) {}
  void add(size_t page, const std::vector<frame::Anchor>& anchors, Diagnostics& diags);

  // [page /XYZ left top null] for `anchor`, or nullopt when there is no such anchor.
  std::optional<Array> explicitDest(const std::string& anchor) const;

  // The /Names /Dests name tree in the catalog (nothing when there are no
  // anchors), each node written through `out` as soon as it is made.
  void writeNameTree(Document& doc, ObjectWriter& out) const;

 private:
  struct Target {
    size_t page;
    Point at;
  };
  Array destArray(const Target& t) const;

  const std::vector<Ref>& m_pages;
  std::map<std::string, Target> m_anchors;  // sorted bytewise, as a name tree must be
};

}  // namespace folio::pdf
