#include "pdf/Outline.h"

#include "pdf/Objects.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

struct Item {
  const frame::OutlineEntry* entry = nullptr;  // nullptr for the root
  int level = 0;
  std::vector<size_t> children;
  PdfObject* obj = nullptr;
};

// Number of descendants (all open, so all visible).
int64_t descendants(const std::vector<Item>& items, size_t i) {
  int64_t n = 0;
  for (size_t c : items[i].children) n += 1 + descendants(items, c);
  return n;
}

}  // namespace

void writeOutline(PdfMemDocument& doc, const std::vector<frame::OutlineEntry>& entries,
                  const Destinations& dests, Diagnostics& diags) {
  if (entries.empty()) return;
  // The tree: each entry is a child of the nearest earlier entry with a lower level.
  std::vector<Item> items(1);
  std::vector<size_t> stack{0};
  for (const frame::OutlineEntry& e : entries) {
    int level = std::max(1, e.level);
    while (items[stack.back()].level >= level) stack.pop_back();
    items.push_back(Item{&e, level, {}, nullptr});
    items[stack.back()].children.push_back(items.size() - 1);
    stack.push_back(items.size() - 1);
  }

  PdfVecObjects& objs = doc.GetObjects();
  items[0].obj = objs.CreateObject("Outlines");
  for (size_t i = 1; i < items.size(); ++i) items[i].obj = objs.CreateObject();

  for (size_t i = 0; i < items.size(); ++i) {
    Item& it = items[i];
    PdfDictionary& d = it.obj->GetDictionary();
    if (it.entry) {
      d.AddKey("Title", textString(it.entry->title));
      if (std::optional<PdfArray> dest = dests.explicitDest(it.entry->anchor)) {
        d.AddKey("Dest", *dest);
      } else {
        diags.warning({}, "outline entry '" + it.entry->title + "' points to '" + it.entry->anchor +
                              "', which is not in the document; the entry has no target");
      }
    }
    if (!it.children.empty()) {
      d.AddKey("First", items[it.children.front()].obj->Reference());
      d.AddKey("Last", items[it.children.back()].obj->Reference());
      d.AddKey("Count", integer(descendants(items, i)));
    }
    for (size_t k = 0; k < it.children.size(); ++k) {
      PdfDictionary& cd = items[it.children[k]].obj->GetDictionary();
      cd.AddKey("Parent", it.obj->Reference());
      if (k > 0) cd.AddKey("Prev", items[it.children[k - 1]].obj->Reference());
      if (k + 1 < it.children.size()) cd.AddKey("Next", items[it.children[k + 1]].obj->Reference());
    }
  }
  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("Outlines", items[0].obj->Reference());
  catalog.AddKey("PageMode", PdfName("UseOutlines"));
}

}  // namespace folio::pdf
