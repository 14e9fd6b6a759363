#include "pdf/StructureTree.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include "pdf/ObjectWriter.h"
#include "pdf/Objects.h"

namespace folio::pdf {

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
        figure.setAlt(img->alt);
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
  uint32_t position;  // where its marked content is painted, across the pages
  enum class Type : uint8_t { Mcid, Element, Annotation } type;
  uint32_t page = 0;
  uint32_t value = 0;  // MCID, element index, or index into the page's links
};

std::string trimmed(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\n"), b = s.find_last_not_of(" \t\n");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

// Lists per owner, flat: the items of owner i are items[start[i] .. start[i + 1]).
template <class T>
struct Lists {
  std::vector<uint32_t> start;
  std::vector<T> items;
  explicit Lists(size_t owners) : start(owners + 1, 0) {}
  void count(size_t owner) { ++start[owner + 1]; }
  // After counting: makes room, then add() fills in counting order.
  void allocate() {
    for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    items.resize(start.back());
    fill.assign(start.begin(), start.end() - 1);
  }
  void add(size_t owner, const T& item) { items[fill[owner]++] = item; }
  const T* begin(size_t owner) const { return items.data() + start[owner]; }
  const T* end(size_t owner) const { return items.data() + start[owner + 1]; }
  std::vector<uint32_t> fill;
};

constexpr uint32_t kNone = UINT32_MAX;

}  // namespace

std::string linkContents(const std::vector<StructElement>& structure, uint32_t element,
                         const std::string& target) {
  std::string contents;
  if (element < structure.size() && structure[element].role == Role::Link)
    contents = trimmed(structure[element].alt());
  return contents.empty() ? target : contents;
}

void writeStructureTree(Document& doc, ObjectWriter& out, const std::vector<StructElement>& given,
                        const std::vector<Ref>& pages, const std::vector<PageTags>& tags,
                        const std::vector<int64_t>& pageKeys,
                        const std::vector<std::vector<LinkAnnotation>>& links, int64_t nextKey) {
  // The elements are `given`, read in place (a long document's are many),
  // then the root when none was given and a Link for each link the
  // pagination did not place in the tree (PDF/UA-1 7.18.5: one under the
  // root, holding only the annotation).
  static const StructElement kDocument = element(Role::Document), kLink = element(Role::Link);
  const size_t given_n = given.size();
  auto at = [&](size_t i) -> const StructElement& {
    return i < given_n ? given[i] : i == 0 ? kDocument : kLink;
  };
  size_t n = std::max<size_t>(given_n, 1);
  std::vector<std::vector<uint32_t>> linkElement(links.size());
  for (size_t p = 0; p < links.size(); ++p)
    for (const LinkAnnotation& l : links[p]) {
      uint32_t e = l.element;
      if (e >= given_n || at(e).role != Role::Link) e = static_cast<uint32_t>(n++);
      linkElement[p].push_back(e);
    }
  auto parentOf = [&](size_t i) -> size_t { return i == 0 || at(i).parent >= i ? 0 : at(i).parent; };
  auto owner = [&](uint32_t e) -> size_t { return e < n ? e : 0; };

  // Content positions, in painting order across the pages: each element's own kids.
  auto mcidAt = [&](size_t p, size_t k) {  // the k-th MCID painted on page p
    const size_t count = tags[p].elements.size();
    const size_t early = count - std::min(tags[p].paintedFirst, count);  // painted before MCID 0
    return k < early ? count - early + k : k - early;
  };
  const size_t tagged = std::min(tags.size(), pages.size());
  Lists<Kid> own(n);
  for (size_t p = 0; p < tagged; ++p) {
    for (uint32_t e : tags[p].elements) own.count(owner(e));
    for (size_t l = 0; p < links.size() && l < links[p].size(); ++l) own.count(linkElement[p][l]);
  }
  own.allocate();
  std::vector<uint32_t> first(n, kNone), last(n, kNone), firstPage(n, kNone);
  uint32_t position = 0;
  for (size_t p = 0; p < tagged; ++p) {
    for (size_t k = 0; k < tags[p].elements.size(); ++k, ++position) {
      const size_t mcid = mcidAt(p, k);
      const size_t e = owner(tags[p].elements[mcid]);
      own.add(e, Kid{position, Kid::Type::Mcid, static_cast<uint32_t>(p), static_cast<uint32_t>(mcid)});
      if (first[e] == kNone) first[e] = position, firstPage[e] = static_cast<uint32_t>(p);
      last[e] = position;
    }
    for (size_t l = 0; p < links.size() && l < links[p].size(); ++l) {
      uint32_t e = linkElement[p][l];
      uint32_t where = last[e] != kNone ? last[e] : position;
      own.add(e, Kid{where, Kid::Type::Annotation, static_cast<uint32_t>(p), static_cast<uint32_t>(l)});
      if (first[e] == kNone) first[e] = where, firstPage[e] = static_cast<uint32_t>(p);
    }
  }
  std::vector<uint32_t>().swap(last);
  std::vector<uint32_t> subtreeFirst = first;
  for (size_t i = n; i-- > 1;)
    subtreeFirst[parentOf(i)] = std::min(subtreeFirst[parentOf(i)], subtreeFirst[i]);
  std::vector<uint32_t>().swap(first);

  // Heading levels counted from the top level used.
  int top = INT_MAX;
  for (size_t i = 0; i < given_n; ++i)
    if (given[i].role == Role::H) top = std::min(top, int(given[i].level));
  if (top == INT_MAX || top < 1) top = 1;

  // IDs: a TH's (for the TDs' /Headers) and a Note's, unique in the file.
  std::map<uint32_t, std::string> ids;
  {
    std::set<std::string> used;
    for (size_t i = 0; i < given_n; ++i) {
      const StructElement& e = given[i];
      if (e.role != Role::TH && e.role != Role::Note && e.id().empty()) continue;
      std::string id = !e.id().empty() ? e.id() : !e.sourceId().empty() ? e.sourceId() : "";
      if (id.empty()) id = (e.role == Role::TH ? "th-" : "note-") + std::to_string(i);
      while (!used.insert(id).second) id += "-" + std::to_string(i);
      ids[static_cast<uint32_t>(i)] = id;
    }
  }

  // Numbers for the elements (consecutive), the root and the parent tree:
  // elements refer to each other, and are written one at a time.
  const uint32_t base = out.reserve(static_cast<uint32_t>(n));
  const Ref rootRef = out.reserve(), parentTreeRef = out.reserve();
  auto ref = [&](size_t i) { return Ref(static_cast<uint32_t>(base + i), 0); };

  // Children in structure order, then each element's kids in content order.
  Lists<uint32_t> children(n);
  for (size_t i = 1; i < n; ++i) children.count(parentOf(i));
  children.allocate();
  for (size_t i = 1; i < n; ++i) children.add(parentOf(i), static_cast<uint32_t>(i));
  std::vector<Kid> kids, mcids, annotations;
  for (size_t i = 0; i < n; ++i) {
    const StructElement& e = at(i);
    Dictionary d = Dictionary::ofType("StructElem");
    d.add("S", Name(structureType(e, top)));
    d.add("P", i == 0 ? rootRef : ref(parentOf(i)));
    auto id = ids.find(static_cast<uint32_t>(i));
    if (id != ids.end()) d.add("ID", String(id->second));
    if (!trimmed(e.lang()).empty()) d.add("Lang", textString(e.lang()));
    if (e.role == Role::Figure && !trimmed(e.alt()).empty()) d.add("Alt", textString(e.alt()));

    // Attributes (ISO 32000-1, 14.8.5): list numbering, table cells, a figure's box.
    if (e.role == Role::L) {
      Dictionary a;
      a.add("O", Name("List"));
      a.add("ListNumbering", Name(e.numbering == frame::ListNumbering::Decimal ? "Decimal"
                                  : e.numbering == frame::ListNumbering::Disc  ? "Disc"
                                                                               : "None"));
      d.add("A", a);
    } else if (e.role == Role::TH || e.role == Role::TD) {
      Dictionary a;
      a.add("O", Name("Table"));
      if (e.role == Role::TH) {
        // A header cell always says what it heads; columns unless told otherwise.
        const char* scope = e.scope == frame::Scope::Row    ? "Row"
                            : e.scope == frame::Scope::Both ? "Both"
                                                            : "Column";
        a.add("Scope", Name(scope));
      }
      Array headers;
      for (uint32_t h : e.headers())
        if (auto hid = ids.find(h); h < n && hid != ids.end()) headers.push_back(String(hid->second));
      if (!headers.empty()) a.add("Headers", headers);
      if (e.rowSpan > 1) a.add("RowSpan", integer(e.rowSpan));
      if (e.colSpan > 1) a.add("ColSpan", integer(e.colSpan));
      d.add("A", a);
    } else if (e.role == Role::Figure && firstPage[i] != kNone) {
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
        Dictionary a;
        a.add("O", Name("Layout"));
        a.add("Placement", Name("Block"));
        a.add("BBox", rectArray(box.x, box.y, box.right(), box.top()));
        d.add("A", a);
      }
    }

    // Child elements keep the structure's (reading) order; the element's own
    // content goes before the first child painted after it, its annotations last.
    kids.clear();
    mcids.clear();
    annotations.clear();
    for (const Kid* kid = own.begin(i); kid != own.end(i); ++kid)
      (kid->type == Kid::Type::Mcid ? mcids : annotations).push_back(*kid);
    size_t next = 0;
    for (const uint32_t* c = children.begin(i); c != children.end(i); ++c) {
      while (next < mcids.size() && subtreeFirst[*c] != kNone && mcids[next].position < subtreeFirst[*c])
        kids.push_back(mcids[next++]);
      kids.push_back(Kid{0, Kid::Type::Element, 0, *c});
    }
    kids.insert(kids.end(), mcids.begin() + static_cast<std::ptrdiff_t>(next), mcids.end());
    kids.insert(kids.end(), annotations.begin(), annotations.end());
    if (firstPage[i] != kNone) d.add("Pg", pages[firstPage[i]]);
    Array k;
    for (const Kid& kid : kids) {
      if (kid.type == Kid::Type::Element) {
        k.push_back(ref(kid.value));
      } else if (kid.type == Kid::Type::Mcid) {
        if (kid.page == firstPage[i]) {
          k.push_back(integer(kid.value));
        } else {
          Dictionary mcr;
          mcr.add("Type", Name("MCR"));
          mcr.add("Pg", pages[kid.page]);
          mcr.add("MCID", integer(kid.value));
          k.push_back(mcr);
        }
      } else {
        Dictionary objr;
        objr.add("Type", Name("OBJR"));
        objr.add("Pg", pages[kid.page]);
        objr.add("Obj", links[kid.page][kid.value].annot);
        k.push_back(objr);
      }
    }
    if (!k.empty()) d.add("K", k);
    out.write(ref(i), d);
  }

  // The ParentTree, in key order: each page's MCIDs to their elements, each
  // annotation to its element. Written in pieces: one flat /Nums array (what
  // readers look up first) that is never whole in memory.
  struct Entry {
    int64_t key;
    uint32_t page;
    uint32_t link;  // kNone: the page's MCIDs
  };
  std::vector<Entry> entries;
  for (size_t p = 0; p < tagged; ++p) {
    if (p < pageKeys.size() && pageKeys[p] >= 0 && !tags[p].elements.empty())
      entries.push_back(Entry{pageKeys[p], static_cast<uint32_t>(p), kNone});
    for (size_t l = 0; p < links.size() && l < links[p].size(); ++l)
      if (links[p][l].key >= 0)
        entries.push_back(Entry{links[p][l].key, static_cast<uint32_t>(p), static_cast<uint32_t>(l)});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
  out.begin(parentTreeRef);
  out.raw("<</Nums[");
  for (const Entry& en : entries) {
    out.raw(std::to_string(en.key) + " ");
    if (en.link == kNone) {
      Array byMcid;
      for (uint32_t e : tags[en.page].elements) byMcid.push_back(ref(owner(e)));
      out.value(byMcid);
    } else {
      out.value(ref(linkElement[en.page][en.link]));
    }
    out.raw("\n");
  }
  out.raw("]>>");
  out.end();

  Dictionary r = Dictionary::ofType("StructTreeRoot");
  r.add("K", ref(0));
  r.add("ParentTree", parentTreeRef);
  r.add("ParentTreeNextKey", integer(nextKey));
  out.write(rootRef, r);

  Dictionary& catalog = doc.catalog();
  catalog.add("StructTreeRoot", rootRef);
  Dictionary markInfo;
  markInfo.add("Marked", Object(true));
  catalog.add("MarkInfo", markInfo);
}

}  // namespace folio::pdf
