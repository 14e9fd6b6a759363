#include "pdf/PageTree.h"

#include "pdf/Objects.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

struct Node {
  PdfReference ref;
  PdfObject* obj;  // null for a page
  int64_t leaves;
};

// Makes `kids` the children of `parent`, setting /Kids, /Count and each
// node's /Parent; pages' parents go to `pageParents`.
void adopt(PdfObject* parent, const std::vector<Node>& kids, size_t begin, size_t end,
           std::vector<PdfReference>& pageParents, size_t& page) {
  PdfArray refs;
  int64_t count = 0;
  for (size_t i = begin; i < end; ++i) {
    refs.push_back(kids[i].ref);
    if (kids[i].obj)
      kids[i].obj->GetDictionary().AddKey("Parent", parent->Reference());
    else
      pageParents[page++] = parent->Reference();
    count += kids[i].leaves;
  }
  parent->GetDictionary().AddKey("Kids", refs);
  parent->GetDictionary().AddKey("Count", integer(count));
}

}  // namespace

std::vector<PdfReference> attachPageTree(PdfMemDocument& doc, const std::vector<PdfReference>& pages) {
  PdfVecObjects& objs = doc.GetObjects();
  PdfObject* root = doc.GetPagesTree()->GetObject();
  std::vector<PdfReference> parents(pages.size());
  size_t page = 0;
  std::vector<Node> level;
  for (const PdfReference& ref : pages) level.push_back({ref, nullptr, 1});
  // Group into intermediate /Pages nodes until the root can hold the level.
  while (level.size() > kPageTreeFanOut) {
    std::vector<Node> up;
    for (size_t i = 0; i < level.size(); i += kPageTreeFanOut) {
      size_t end = std::min(level.size(), i + kPageTreeFanOut);
      PdfObject* node = objs.CreateObject("Pages");
      adopt(node, level, i, end, parents, page);
      up.push_back({node->Reference(), node, node->GetDictionary().GetKey("Count")->GetNumber()});
    }
    level = std::move(up);
  }
  adopt(root, level, 0, level.size(), parents, page);
  return parents;
}

}  // namespace folio::pdf
