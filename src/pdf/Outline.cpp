#include "pdf/Outline.h"

#include "pdf/ObjectWriter.h"
#include "pdf/Objects.h"

namespace folio::pdf {

namespace {

struct Item {
  const frame::OutlineEntry* entry = nullptr;  // nullptr for the root
  int level = 0;
  size_t parent = 0;
  std::vector<size_t> children;
  int64_t descendants = 0;  // all open, so all visible: /Count
};

}  // namespace

void writeOutline(Document& doc, ObjectWriter& out, const std::vector<frame::OutlineEntry>& entries,
                  const Destinations& dests, Diagnostics& diags) {
  if (entries.empty()) return;
  // The tree: each entry is a child of the nearest earlier entry with a lower level.
  std::vector<Item> items(1);
  std::vector<size_t> stack{0};
  for (const frame::OutlineEntry& e : entries) {
    int level = std::max(1, e.level);
    while (items[stack.back()].level >= level) stack.pop_back();
    items.push_back(Item{&e, level, stack.back(), {}, 0});
    items[stack.back()].children.push_back(items.size() - 1);
    stack.push_back(items.size() - 1);
  }
  for (size_t i = items.size(); i-- > 1;) items[items[i].parent].descendants += 1 + items[i].descendants;
  std::vector<size_t> position(items.size(), 0);  // among its siblings
  for (const Item& it : items)
    for (size_t k = 0; k < it.children.size(); ++k) position[it.children[k]] = k;

  // Consecutive numbers, so each item is made and written on its own.
  const uint32_t base = out.reserve(static_cast<uint32_t>(items.size()));
  auto ref = [&](size_t i) { return Ref(static_cast<uint32_t>(base + i), 0); };
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    Dictionary d = i == 0 ? Dictionary::ofType("Outlines") : Dictionary();
    if (it.entry) {
      d.add("Title", textString(it.entry->title));
      if (std::optional<Array> dest = dests.explicitDest(it.entry->anchor)) {
        d.add("Dest", *dest);
      } else {
        diags.warning({}, "outline entry '" + it.entry->title + "' points to '" + it.entry->anchor +
                              "', which is not in the document; the entry has no target");
      }
      const std::vector<size_t>& siblings = items[it.parent].children;
      d.add("Parent", ref(it.parent));
      if (position[i] > 0) d.add("Prev", ref(siblings[position[i] - 1]));
      if (position[i] + 1 < siblings.size()) d.add("Next", ref(siblings[position[i] + 1]));
    }
    if (!it.children.empty()) {
      d.add("First", ref(it.children.front()));
      d.add("Last", ref(it.children.back()));
      d.add("Count", integer(it.descendants));
    }
    out.write(ref(i), d);
  }
  Dictionary& catalog = doc.catalog();
  catalog.add("Outlines", ref(0));
  catalog.add("PageMode", Name("UseOutlines"));
}

}  // namespace folio::pdf
