#include "pdf/PageTree.h"

#include "pdf/Objects.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

struct Node {
  PdfObject* obj;
  int64_t leaves;
};

// Makes `kids` the children of `parent`, setting /Kids, /Count and each /Parent.
void adopt(PdfObject* parent, const std::vector<Node>& kids, size_t begin, size_t end) {
  PdfArray refs;
  int64_t count = 0;
  for (size_t i = begin; i < end; ++i) {
    refs.push_back(kids[i].obj->Reference());
    kids[i].obj->GetDictionary().AddKey("Parent", parent->Reference());
    count += kids[i].leaves;
  }
  parent->GetDictionary().AddKey("Kids", refs);
  parent->GetDictionary().AddKey("Count", integer(count));
}

}  // namespace

std::vector<PdfObject*> buildPageTree(PdfMemDocument& doc, const std::vector<Rect>& mediaBoxes) {
  PdfVecObjects& objs = doc.GetObjects();

  std::vector<PdfObject*> pages;
  for (const Rect& box : mediaBoxes) {
    PdfObject* page = objs.CreateObject("Page");
    page->GetDictionary().AddKey("MediaBox", rectArray(box.x, box.y, box.right(), box.top()));
    pages.push_back(page);
  }
  attachPageTree(doc, pages);
  return pages;
}

void attachPageTree(PdfMemDocument& doc, const std::vector<PdfObject*>& pages) {
  PdfVecObjects& objs = doc.GetObjects();
  PdfObject* root = doc.GetPagesTree()->GetObject();
  std::vector<Node> level;
  for (PdfObject* page : pages) level.push_back({page, 1});
  // Group into intermediate /Pages nodes until the root can hold the level.
  while (level.size() > kPageTreeFanOut) {
    std::vector<Node> up;
    for (size_t i = 0; i < level.size(); i += kPageTreeFanOut) {
      size_t end = std::min(level.size(), i + kPageTreeFanOut);
      PdfObject* node = objs.CreateObject("Pages");
      adopt(node, level, i, end);
      up.push_back({node, node->GetDictionary().GetKey("Count")->GetNumber()});
    }
    level = std::move(up);
  }
  adopt(root, level, 0, level.size());
}

}  // namespace folio::pdf
