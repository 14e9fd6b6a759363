#include "pdf/Document.h"

namespace folio::pdf {

void DocObject::setStream(std::string data) {
  dict().add("Length", integer(static_cast<int64_t>(data.size())));
  stream = std::move(data);
}

Document::Document() {
  // As PdfMemDocument: the catalog, an Info dictionary, the page tree root.
  m_catalog = create("Catalog")->ref;
  m_info = create()->ref;
  DocObject* pages = create("Pages");
  m_pages = pages->ref;
  pages->dict().add("Kids", Array());
  pages->dict().add("Count", integer(0));
  catalog().add("Pages", m_pages);
}

DocObject* Document::create(std::string_view type) {
  Dictionary d;
  if (!type.empty()) d.add("Type", Name(type));
  return createValue(std::move(d));
}

DocObject* Document::createValue(Object value) { return adopt(reserve(), std::move(value)); }

DocObject* Document::adopt(Ref ref, Object value) {
  DocObject& o = m_objects[ref.number];
  o.ref = ref;
  o.value = std::move(value);
  return &o;
}

DocObject* Document::find(Ref ref) {
  auto it = m_objects.find(ref.number);
  return it == m_objects.end() ? nullptr : &it->second;
}

}  // namespace folio::pdf
