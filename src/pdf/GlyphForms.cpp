#include "pdf/GlyphForms.h"

#include "fontembed/GlyphOutline.h"
#include "pdf/Objects.h"

namespace folio::pdf {

const GlyphForms::Form* GlyphForms::use(const text::Font* font, uint32_t gid) {
  const uint64_t key = uint64_t(font->id()) << 32 | gid;
  auto it = m_written.find(key);
  if (it == m_written.end()) {
    Form form;
    const fontembed::GlyphOutline outline = fontembed::glyphOutline(*font, gid);
    if (!outline.path.empty()) {
      DocObject* obj = m_doc.create("XObject");
      Dictionary& d = obj->dict();
      d.add("Subtype", Name("Form"));
      Array bbox;  // a unit wider on each side than the outline
      for (int64_t v : {outline.left - 1, outline.bottom - 1, outline.right + 1, outline.top + 1})
        bbox.push_back(integer(v));
      d.add("BBox", bbox);
      setFlateStream(obj, outline.path, m_level);
      form = Form{"Gl" + std::to_string(++m_count), obj->ref};
    }
    it = m_written.emplace(key, std::move(form)).first;
  }
  return it->second.resourceName.empty() ? nullptr : &it->second;
}

}  // namespace folio::pdf
