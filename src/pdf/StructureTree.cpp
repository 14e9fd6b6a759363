#include "pdf/StructureTree.h"

#include "pdf/Objects.h"

namespace folio::pdf {

using namespace PoDoFo;

void writeStructureTree(PdfMemDocument& doc, const std::vector<PdfObject*>& pages,
                        const std::vector<PageTags>& tags) {
  PdfVecObjects& objects = doc.GetObjects();
  PdfObject* root = objects.CreateObject("StructTreeRoot");
  PdfObject* document = objects.CreateObject("StructElem");
  document->GetDictionary().AddKey("S", PdfName("Document"));
  document->GetDictionary().AddKey("P", root->Reference());

  PdfArray kids, nums;
  int64_t nextKey = 0;
  for (size_t i = 0; i < pages.size() && i < tags.size(); ++i) {
    if (tags[i].elements.empty()) continue;
    PdfArray byMcid;  // the ParentTree's entry for this page: MCID -> element
    for (size_t mcid = 0; mcid < tags[i].elements.size(); ++mcid) {
      const PageTags::Element& e = tags[i].elements[mcid];
      PdfObject* elem = objects.CreateObject("StructElem");
      PdfDictionary& d = elem->GetDictionary();
      d.AddKey("S", PdfName(e.figure ? "Figure" : "Div"));
      d.AddKey("P", document->Reference());
      d.AddKey("Pg", pages[i]->Reference());
      d.AddKey("K", integer(static_cast<int64_t>(mcid)));
      if (e.figure) {
        if (!e.alt.empty()) d.AddKey("Alt", textString(e.alt));
        // A figure's layout attributes: its bounding box (ISO 32000-1, 14.8.5.4.3).
        PdfDictionary layout;
        layout.AddKey("O", PdfName("Layout"));
        layout.AddKey("Placement", PdfName("Block"));
        layout.AddKey("BBox", rectArray(e.box.x, e.box.y, e.box.x + e.box.width, e.box.y + e.box.height));
        d.AddKey("A", layout);
      }
      kids.push_back(elem->Reference());
      byMcid.push_back(elem->Reference());
    }
    pages[i]->GetDictionary().AddKey("StructParents", integer(nextKey));
    nums.push_back(integer(nextKey));
    nums.push_back(byMcid);
    ++nextKey;
  }
  document->GetDictionary().AddKey("K", kids);

  PdfObject* parentTree = objects.CreateObject();
  parentTree->GetDictionary().AddKey("Nums", nums);
  PdfDictionary& r = root->GetDictionary();
  r.AddKey("K", document->Reference());
  r.AddKey("ParentTree", parentTree->Reference());
  r.AddKey("ParentTreeNextKey", integer(nextKey));

  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("StructTreeRoot", root->Reference());
  PdfDictionary markInfo;
  markInfo.AddKey("Marked", PdfObject(true));
  catalog.AddKey("MarkInfo", markInfo);
}

}  // namespace folio::pdf
