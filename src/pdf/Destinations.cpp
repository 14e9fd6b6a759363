#include "pdf/Destinations.h"

#include "pdf/ObjectWriter.h"
#include "pdf/Objects.h"

namespace folio::pdf {

namespace {

constexpr size_t kNamesPerNode = 64;

struct TreeNode {
  Ref ref;
  std::string first, last;
};

Array limits(const std::string& first, const std::string& last) {
  Array a;
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

Array Destinations::destArray(const Target& t) const {
  Array d;
  d.push_back(m_pages[t.page]);
  d.push_back(Name("XYZ"));
  d.push_back(lengthPt(t.at.x));
  d.push_back(lengthPt(t.at.y));
  d.push_back(Object());  // zoom: null keeps the reader's
  return d;
}

std::optional<Array> Destinations::explicitDest(const std::string& anchor) const {
  auto it = m_anchors.find(anchor);
  if (it == m_anchors.end()) return std::nullopt;
  return destArray(it->second);
}

void Destinations::writeNameTree(Document& doc, ObjectWriter& out) const {
  if (m_anchors.empty()) return;
  // Leaves of up to kNamesPerNode names, then intermediate levels; the root
  // holds the top level's /Kids (or the names themselves) and no /Limits.
  // A long document has tens of thousands of anchors: each node goes to
  // the file when made, so only one leaf's objects exist at a time.
  std::vector<std::pair<const std::string*, const Target*>> entries;
  for (const auto& [name, target] : m_anchors) entries.emplace_back(&name, &target);

  const Ref rootRef = out.reserve();
  Dictionary root;
  if (entries.size() <= kNamesPerNode) {
    Array names;
    for (const auto& [name, target] : entries) {
      names.push_back(byteString(*name));
      names.push_back(destArray(*target));
    }
    root.add("Names", names);
  } else {
    std::vector<TreeNode> level;
    for (size_t i = 0; i < entries.size(); i += kNamesPerNode) {
      size_t end = std::min(entries.size(), i + kNamesPerNode);
      const Ref leafRef = out.reserve();
      Dictionary leaf;
      Array names;
      for (size_t k = i; k < end; ++k) {
        names.push_back(byteString(*entries[k].first));
        names.push_back(destArray(*entries[k].second));
      }
      leaf.add("Names", names);
      leaf.add("Limits", limits(*entries[i].first, *entries[end - 1].first));
      out.write(leafRef, leaf);
      level.push_back({leafRef, *entries[i].first, *entries[end - 1].first});
    }
    while (level.size() > kNamesPerNode) {
      std::vector<TreeNode> up;
      for (size_t i = 0; i < level.size(); i += kNamesPerNode) {
        size_t end = std::min(level.size(), i + kNamesPerNode);
        const Ref nodeRef = out.reserve();
        Dictionary node;
        Array kids;
        for (size_t k = i; k < end; ++k) kids.push_back(level[k].ref);
        node.add("Kids", kids);
        node.add("Limits", limits(level[i].first, level[end - 1].last));
        out.write(nodeRef, node);
        up.push_back({nodeRef, level[i].first, level[end - 1].last});
      }
      level = std::move(up);
    }
    Array kids;
    for (const TreeNode& n : level) kids.push_back(n.ref);
    root.add("Kids", kids);
  }
  out.write(rootRef, root);
  Dictionary names;
  names.add("Dests", rootRef);
  doc.catalog().add("Names", names);
}

}  // namespace folio::pdf
