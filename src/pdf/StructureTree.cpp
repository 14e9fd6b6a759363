#include "pdf/StructureTree.h"

#include <algorithm>
#include <climits>
#include <set>

#include "pdf/Objects.h"

namespace folio::pdf {

using namespace PoDoFo;
using frame::Role;
using frame::StructElement;

std::string structureType(const StructElement& e, int topHeadingLevel) {
  switch (e.role) {
    case Role::Document:
      return "Document";
    case Role::Section:
      return "Sect";
    case Role::H: {
      int level = std::clamp(e.level - (topHeadingLevel - 1), 1, 6);
      return "H" + std::to_string(level);
    }
    case Role::P:
      return "P";
    case Role::L:
      return "L";
    case Role::LI:
      return "LI";
    case Role::Lbl:
      return "Lbl";
    case Role::LBody:
      return "LBody";
    case Role::Table:
      return "Table";
    case Role::THead:
      return "THead";
    case Role::TBody:
      return "TBody";
    case Role::TFoot:
      return "TFoot";
    case Role::TR:
      return "TR";
    case Role::TH:
      return "TH";
    case Role::TD:
      return "TD";
    case Role::Link:
      return "Link";
    case Role::Note:
      return "Note";
    case Role::Reference:
      return "Reference";
    case Role::Figure:
      return "Figure";
    case Role::Caption:
      return "Caption";
    case Role::BlockQuote:
      return "BlockQuote";
    case Role::Span:
      return "Span";
  }
  return "Span";
}

namespace {

StructElement element(Role role, uint32_t parent = 0) {
  StructElement e;
  e.role = role;
  e.parent = parent;
  return e;
}

}  // namespace

FallbackStructure fallbackStructure(const frame::Document& doc) {
  FallbackStructure out;
  out.structure.push_back(element(Role::Document));
  for (const frame::Page& page : doc.pages) {
    std::vector<uint32_t>& items = out.itemStructure.emplace_back(page.items.size(), frame::kArtifact);
    uint32_t paragraph = frame::kArtifact;
    for (size_t i = page.templateItems; i < page.items.size(); ++i) {
      if (const auto* img = std::get_if<frame::ImagePlacement>(&page.items[i])) {
        StructElement figure = element(Role::Figure);
        figure.alt = img->alt;
        items[i] = static_cast<uint32_t>(out.structure.size());
        out.structure.push_back(figure);
        continue;
      }
      if (paragraph == frame::kArtifact) {
        paragraph = static_cast<uint32_t>(out.structure.size());
        out.structure.push_back(element(Role::P));
      }
      items[i] = paragraph;
    }
  }
  return out;
}

namespace {

// One entry of an element's /K.
struct Kid {
  int64_t position;  // where its marked content is painted, across the pages
  enum class Type { Mcid, Element, Annotation } type;
  size_t page = 0;
  int64_t value = 0;  // MCID, element index, or index into the page's links
};

std::string trimmed(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\n"), b = s.find_last_not_of(" \t\n");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

}  // namespace

void writeStructureTree(PdfMemDocument& doc, const std::vector<StructElement>& given,
                        const std::vector<PdfObject*>& pages, const std::vector<PageTags>& tags,
                        const std::vector<std::vector<LinkAnnotation>>& links) {
  std::vector<StructElement> structure = given;
  if (structure.empty()) structure.push_back(element(Role::Document));
  // A link the pagination did not place in the tree still needs a Link
  // element (PDF/UA-1 7.18.5): one under the root, holding only the annotation.
  std::vector<std::vector<uint32_t>> linkElement(links.size());
  for (size_t p = 0; p < links.size(); ++p)
    for (const LinkAnnotation& l : links[p]) {
      uint32_t e = l.element;
      if (e >= structure.size() || structure[e].role != Role::Link) {
        e = static_cast<uint32_t>(structure.size());
        structure.push_back(element(Role::Link));
      }
      linkElement[p].push_back(e);
    }
  const size_t n = structure.size();
  auto parentOf = [&](size_t i) -> size_t {
    return i == 0 || structure[i].parent >= i ? 0 : structure[i].parent;
  };

  // Content positions, in painting order across the pages.
  std::vector<std::vector<Kid>> own(n);
  std::vector<int64_t> first(n, INT64_MAX), last(n, -1);
  std::vector<size_t> firstPage(n, SIZE_MAX);
  int64_t position = 0;
  for (size_t p = 0; p < tags.size() && p < pages.size(); ++p) {
    const size_t count = tags[p].elements.size();
    const size_t early = count - std::min(tags[p].paintedFirst, count);  // painted before MCID 0
    for (size_t k = 0; k < count; ++k, ++position) {
      const size_t mcid = k < early ? count - early + k : k - early;
      uint32_t e = tags[p].elements[mcid];
      if (e >= n) e = 0;
      own[e].push_back(Kid{position, Kid::Type::Mcid, p, static_cast<int64_t>(mcid)});
      if (first[e] == INT64_MAX) first[e] = position, firstPage[e] = p;
      last[e] = position;
    }
    for (size_t l = 0; p < links.size() && l < links[p].size(); ++l) {
      uint32_t e = linkElement[p][l];
      int64_t at = last[e] >= 0 ? last[e] : position;
      own[e].push_back(Kid{at, Kid::Type::Annotation, p, static_cast<int64_t>(l)});
      if (first[e] == INT64_MAX) first[e] = at, firstPage[e] = p;
    }
  }
  std::vector<int64_t> subtreeFirst = first;
  for (size_t i = n; i-- > 1;)
    subtreeFirst[parentOf(i)] = std::min(subtreeFirst[parentOf(i)], subtreeFirst[i]);

  // Heading levels counted from the top level used.
  int top = INT_MAX;
  for (const StructElement& e : structure)
    if (e.role == Role::H) top = std::min(top, e.level);
  if (top == INT_MAX || top < 1) top = 1;

  // IDs: a TH's (for the TDs' /Headers) and a Note's, unique in the file.
  std::vector<std::string> ids(n);
  std::set<std::string> used;
  for (size_t i = 0; i < n; ++i) {
    const StructElement& e = structure[i];
    if (e.role != Role::TH && e.role != Role::Note && e.id.empty()) continue;
    std::string id = !e.id.empty() ? e.id : !e.sourceId.empty() ? e.sourceId : "";
    if (id.empty()) id = (e.role == Role::TH ? "th-" : "note-") + std::to_string(i);
    while (!used.insert(id).second) id += "-" + std::to_string(i);
    ids[i] = id;
  }

  PdfVecObjects& objects = doc.GetObjects();
  PdfObject* root = objects.CreateObject("StructTreeRoot");
  std::vector<PdfObject*> obj(n);
  for (size_t i = 0; i < n; ++i) obj[i] = objects.CreateObject("StructElem");

  // Children in structure order, then each element's kids in content order.
  std::vector<std::vector<size_t>> children(n);
  for (size_t i = 1; i < n; ++i) children[parentOf(i)].push_back(i);
  for (size_t i = 0; i < n; ++i) {
    const StructElement& e = structure[i];
    PdfDictionary& d = obj[i]->GetDictionary();
    d.AddKey("S", PdfName(structureType(e, top)));
    d.AddKey("P", i == 0 ? root->Reference() : obj[parentOf(i)]->Reference());
    if (!ids[i].empty()) d.AddKey("ID", PdfString(ids[i]));
    if (!trimmed(e.lang).empty()) d.AddKey("Lang", textString(e.lang));
    if (e.role == Role::Figure && !trimmed(e.alt).empty()) d.AddKey("Alt", textString(e.alt));

    // Attributes (ISO 32000-1, 14.8.5): list numbering, table cells, a figure's box.
    if (e.role == Role::L) {
      PdfDictionary a;
      a.AddKey("O", PdfName("List"));
      a.AddKey("ListNumbering", PdfName(e.numbering == frame::ListNumbering::Decimal ? "Decimal"
                                        : e.numbering == frame::ListNumbering::Disc  ? "Disc"
                                                                                     : "None"));
      d.AddKey("A", a);
    } else if (e.role == Role::TH || e.role == Role::TD) {
      PdfDictionary a;
      a.AddKey("O", PdfName("Table"));
      if (e.role == Role::TH) {
        // A header cell always says what it heads; columns unless told otherwise.
        const char* scope = e.scope == frame::Scope::Row    ? "Row"
                            : e.scope == frame::Scope::Both ? "Both"
                                                            : "Column";
        a.AddKey("Scope", PdfName(scope));
      }
      PdfArray headers;
      for (uint32_t h : e.headers)
        if (h < n && !ids[h].empty()) headers.push_back(PdfString(ids[h]));
      if (!headers.empty()) a.AddKey("Headers", headers);
      if (e.rowSpan > 1) a.AddKey("RowSpan", integer(e.rowSpan));
      if (e.colSpan > 1) a.AddKey("ColSpan", integer(e.colSpan));
      d.AddKey("A", a);
    } else if (e.role == Role::Figure && firstPage[i] != SIZE_MAX) {
      bool any = false;
      Rect box;
      for (const auto& [el, r] : tags[firstPage[i]].figureBoxes) {
        if (el != i) continue;
        if (!any) {
          box = r;
          any = true;
        } else {
          Sp x0 = std::min(box.x, r.x), y0 = std::min(box.y, r.y);
          Sp x1 = std::max(box.right(), r.right()), y1 = std::max(box.top(), r.top());
          box = Rect{x0, y0, x1 - x0, y1 - y0};
        }
      }
      if (any) {
        PdfDictionary a;
        a.AddKey("O", PdfName("Layout"));
        a.AddKey("Placement", PdfName("Block"));
        a.AddKey("BBox", rectArray(box.x, box.y, box.right(), box.top()));
        d.AddKey("A", a);
      }
    }

    // Child elements keep the structure's (reading) order; the element's own
    // content goes before the first child painted after it, its annotations last.
    std::vector<Kid> kids, mcids, annotations;
    for (const Kid& kid : own[i]) (kid.type == Kid::Type::Mcid ? mcids : annotations).push_back(kid);
    size_t next = 0;
    for (size_t c : children[i]) {
      while (next < mcids.size() && subtreeFirst[c] != INT64_MAX && mcids[next].position < subtreeFirst[c])
        kids.push_back(mcids[next++]);
      kids.push_back(Kid{0, Kid::Type::Element, 0, static_cast<int64_t>(c)});
    }
    kids.insert(kids.end(), mcids.begin() + static_cast<std::ptrdiff_t>(next), mcids.end());
    kids.insert(kids.end(), annotations.begin(), annotations.end());
    if (firstPage[i] != SIZE_MAX) d.AddKey("Pg", pages[firstPage[i]]->Reference());
    PdfArray k;
    for (const Kid& kid : kids) {
      if (kid.type == Kid::Type::Element) {
        k.push_back(obj[static_cast<size_t>(kid.value)]->Reference());
      } else if (kid.type == Kid::Type::Mcid) {
        if (kid.page == firstPage[i]) {
          k.push_back(integer(kid.value));
        } else {
          PdfDictionary mcr;
          mcr.AddKey("Type", PdfName("MCR"));
          mcr.AddKey("Pg", pages[kid.page]->Reference());
          mcr.AddKey("MCID", integer(kid.value));
          k.push_back(mcr);
        }
      } else {
        PdfDictionary objr;
        objr.AddKey("Type", PdfName("OBJR"));
        objr.AddKey("Pg", pages[kid.page]->Reference());
        objr.AddKey("Obj", links[kid.page][static_cast<size_t>(kid.value)].annot->Reference());
        k.push_back(objr);
      }
    }
    if (!k.empty()) d.AddKey("K", k);
  }

  // The ParentTree: each page's MCIDs, then each annotation, to its element.
  PdfArray nums;
  int64_t nextKey = 0;
  for (size_t p = 0; p < pages.size(); ++p) {
    PdfDictionary& page = pages[p]->GetDictionary();
    page.AddKey("Tabs", PdfName("S"));  // annotations in structure order (PDF/UA-1 7.18.3)
    if (p >= tags.size() || tags[p].elements.empty()) continue;
    PdfArray byMcid;
    for (uint32_t e : tags[p].elements) byMcid.push_back(obj[e < n ? e : 0]->Reference());
    page.AddKey("StructParents", integer(nextKey));
    nums.push_back(integer(nextKey++));
    nums.push_back(byMcid);
  }
  for (size_t p = 0; p < links.size(); ++p)
    for (size_t l = 0; l < links[p].size(); ++l) {
      const uint32_t e = linkElement[p][l];
      PdfDictionary& annot = links[p][l].annot->GetDictionary();
      annot.AddKey("StructParent", integer(nextKey));
      // What the link does, for a screen reader (PDF/UA-1 7.18.5): the
      // content's words for it, else its target.
      std::string contents = trimmed(structure[e].alt);
      if (contents.empty()) contents = links[p][l].contents;
      annot.AddKey("Contents", textString(contents));
      nums.push_back(integer(nextKey++));
      nums.push_back(obj[e]->Reference());
    }

  PdfObject* parentTree = objects.CreateObject();
  parentTree->GetDictionary().AddKey("Nums", nums);
  PdfDictionary& r = root->GetDictionary();
  r.AddKey("K", obj[0]->Reference());
  r.AddKey("ParentTree", parentTree->Reference());
  r.AddKey("ParentTreeNextKey", integer(nextKey));

  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("StructTreeRoot", root->Reference());
  PdfDictionary markInfo;
  markInfo.AddKey("Marked", PdfObject(true));
  catalog.AddKey("MarkInfo", markInfo);
}

}  // namespace folio::pdf
