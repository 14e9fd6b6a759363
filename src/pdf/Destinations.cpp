#include "pdf/Destinations.h"

#include "pdf/ObjectWriter.h"
#include "pdf/Objects.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

constexpr size_t kNamesPerNode = 64;

struct TreeNode {
  PdfReference ref;
  std::string first, last;
};

PdfArray limits(const std::string& first, const std::string& last) {
  PdfArray a;
  a.push_back(byteString(first));
  a.push_back(byteString(last));
  return a;
}

}  // namespace

void Destinations::add(size_t page, const std::vector<frame::Anchor>& anchors, Diagnostics& diags) {
  for (const frame::Anchor& a : anchors) {
    if (a.name.empty()) continue;
    if (!m_anchors.emplace(a.name, Target{page, a.at}).second)
      diags.warning({}, "anchor '" + a.name + "' appears more than once; links go to its first place");
  }
}

PdfArray Destinations::destArray(const Target& t) const {
  PdfArray d;
  d.push_back(m_pages[t.page]);
  d.push_back(PdfName("XYZ"));
  d.push_back(lengthPt(t.at.x));
  d.push_back(lengthPt(t.at.y));
  d.push_back(PdfVariant());  // zoom: null keeps the reader's
  return d;
}

std::optional<PdfArray> Destinations::explicitDest(const std::string& anchor) const {
  auto it = m_anchors.find(anchor);
  if (it == m_anchors.end()) return std::nullopt;
  return destArray(it->second);
}

void Destinations::writeNameTree(PdfMemDocument& doc, ObjectWriter& out) const {
  if (m_anchors.empty()) return;
  // Leaves of up to kNamesPerNode names, then intermediate levels; the root
  // holds the top level's /Kids (or the names themselves) and no /Limits.
  // A long document has tens of thousands of anchors: each node goes to
  // the file when made, so only one leaf's objects exist at a time.
  std::vector<std::pair<const std::string*, const Target*>> entries;
  for (const auto& [name, target] : m_anchors) entries.emplace_back(&name, &target);

  const PdfReference rootRef = out.reserve();
  PdfObject root(rootRef, static_cast<const char*>(nullptr));
  if (entries.size() <= kNamesPerNode) {
    PdfArray names;
    for (const auto& [name, target] : entries) {
      names.push_back(byteString(*name));
      names.push_back(destArray(*target));
    }
    root.GetDictionary().AddKey("Names", names);
  } else {
    std::vector<TreeNode> level;
    for (size_t i = 0; i < entries.size(); i += kNamesPerNode) {
      size_t end = std::min(entries.size(), i + kNamesPerNode);
      PdfObject leaf(out.reserve(), static_cast<const char*>(nullptr));
      PdfArray names;
      for (size_t k = i; k < end; ++k) {
        names.push_back(byteString(*entries[k].first));
        names.push_back(destArray(*entries[k].second));
      }
      leaf.GetDictionary().AddKey("Names", names);
      leaf.GetDictionary().AddKey("Limits", limits(*entries[i].first, *entries[end - 1].first));
      out.write(leaf);
      level.push_back({leaf.Reference(), *entries[i].first, *entries[end - 1].first});
    }
    while (level.size() > kNamesPerNode) {
      std::vector<TreeNode> up;
      for (size_t i = 0; i < level.size(); i += kNamesPerNode) {
        size_t end = std::min(level.size(), i + kNamesPerNode);
        PdfObject node(out.reserve(), static_cast<const char*>(nullptr));
        PdfArray kids;
        for (size_t k = i; k < end; ++k) kids.push_back(level[k].ref);
        node.GetDictionary().AddKey("Kids", kids);
        node.GetDictionary().AddKey("Limits", limits(level[i].first, level[end - 1].last));
        out.write(node);
        up.push_back({node.Reference(), level[i].first, level[end - 1].last});
      }
      level = std::move(up);
    }
    PdfArray kids;
    for (const TreeNode& n : level) kids.push_back(n.ref);
    root.GetDictionary().AddKey("Kids", kids);
  }
  out.write(root);
  PdfDictionary names;
  names.AddKey("Dests", rootRef);
  doc.GetCatalog()->GetDictionary().AddKey("Names", names);
}

}  // namespace folio::pdf
