#include "pdf/PageTree.h"

#include "pdf/Objects.h"

namespace folio::pdf {

namespace {

struct Node {
  Ref ref;
  DocObject* obj;  // null for a page
  int64_t leaves;
};

// Makes `kids` the children of `parent`, setting /Kids, /Count and each
// node's /Parent; pages' parents go to `pageParents`.
void adopt(DocObject* parent, const std::vector<Node>& kids, size_t begin, size_t end,
           std::vector<Ref>& pageParents, size_t& page) {
  Array refs;
  int64_t count = 0;
  for (size_t i = begin; i < end; ++i) {
    refs.push_back(kids[i].ref);
    if (kids[i].obj)
      kids[i].obj->dict().add("Parent", parent->ref);
    else
      pageParents[page++] = parent->ref;
    count += kids[i].leaves;
  }
  parent->dict().add("Kids", refs);
  parent->dict().add("Count", integer(count));
}

}  // namespace

std::vector<Ref> attachPageTree(Document& doc, const std::vector<Ref>& pages) {
  Document& objs = doc;
  DocObject* root = doc.pagesRoot();
  std::vector<Ref> parents(pages.size());
  size_t page = 0;
  std::vector<Node> level;
  for (const Ref& ref : pages) level.push_back({ref, nullptr, 1});
  // Group into intermediate /Pages nodes until the root can hold the level.
  while (level.size() > kPageTreeFanOut) {
    std::vector<Node> up;
    for (size_t i = 0; i < level.size(); i += kPageTreeFanOut) {
      size_t end = std::min(level.size(), i + kPageTreeFanOut);
      DocObject* node = objs.create("Pages");
      adopt(node, level, i, end, parents, page);
      up.push_back({node->ref, node, node->dict().get("Count")->integerValue()});
    }
    level = std::move(up);
  }
  adopt(root, level, 0, level.size(), parents, page);
  return parents;
}

}  // namespace folio::pdf
