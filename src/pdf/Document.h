#pragma once
// The objects of a PDF being written that stay in memory until the end
// (catalog, Info, the page tree root, fonts, images, metadata: what later
// parts still change), and the numbering of every object. Objects written
// as soon as they are made (pdf::ObjectWriter) only take a number here.
//
// It numbers as PoDoFo's PdfMemDocument did, so the bytes stay the same:
// the catalog is 1, Info 2 and the page tree root 3, then each object made
// or reserved takes the next number.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "pdf/Object.h"

namespace folio::pdf {

// An object held in the document, with its stream when it has one.
struct DocObject {
  Ref ref;
  Object value;
  std::optional<std::string> stream;  // the stream's bytes as written (after its filter)
  Dictionary& dict() { return value.dictionary(); }
  // The stream's bytes, its /Length set to their count (/Filter as it is).
  void setStream(std::string data);
};

class Document {
 public:
  Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // "1.7": the header's version.
  void setVersion(std::string_view v) { m_version = v; }
  const std::string& version() const { return m_version; }

  // A new object: a dictionary (with /Type when `type` is given), or `value`.
  DocObject* create(std::string_view type = {});
  DocObject* createValue(Object value);
  // A number for an object made elsewhere.
  Ref reserve() { return Ref(m_next++); }
  // An object under a number reserved before (for objects numbered ahead).
  DocObject* adopt(Ref ref, Object value);
  DocObject* find(Ref ref);
  void remove(Ref ref) { m_objects.erase(ref.number); }
  // One past the highest number given.
  uint32_t count() const { return m_next; }

  Dictionary& catalog() { return m_objects.at(m_catalog.number).dict(); }
  Dictionary& info() { return m_objects.at(m_info.number).dict(); }
  DocObject* pagesRoot() { return find(m_pages); }
  Ref catalogRef() const { return m_catalog; }
  Ref infoRef() const { return m_info; }

  // Held objects in number order.
  const std::map<uint32_t, DocObject>& objects() const { return m_objects; }

 private:
  std::string m_version = "1.7";
  uint32_t m_next = 1;
  std::map<uint32_t, DocObject> m_objects;
  Ref m_catalog, m_info, m_pages;
};

// An integer object.
inline Object integer(int64_t v) { return Object::integer(v); }

}  // namespace folio::pdf
