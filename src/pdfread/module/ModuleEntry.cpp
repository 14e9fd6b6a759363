// The module's side of pdfread/ModuleAbi.h: a page read by PageReader,
// its copied objects renumbered to the numbers folio reserved and written
// by PoDoFo exactly as folio's writer wrote them when it held them as
// PoDoFo objects (compact mode), so the output bytes did not change when
// the reading moved into this module. Nothing thrown leaves the module.
#include <podofo/podofo.h>

#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "pdfread/ModuleAbi.h"
#include "pdfread/module/PageReader.h"

using namespace PoDoFo;

struct folio_pdfread_page {
  folio::pdfread::PageCopy copy;
  std::string problem;
  std::vector<std::string> objects;  // bodies, after number()
  std::string resources, group;
};

namespace {

// A value PageReader wrote, its references ("N 0 R": the N-th copied
// object) pointing at the numbers folio reserved for them.
PdfVariant renumbered(const PdfVariant& v, uint32_t first, size_t count) {
  if (v.IsReference()) {
    const size_t n = static_cast<size_t>(v.GetReference().ObjectNumber());
    if (n < 1 || n > count) return PdfVariant(PdfVariant::NullValue);
    return PdfVariant(PdfReference(static_cast<pdf_objnum>(first + n - 1), 0));
  }
  if (v.IsDictionary()) {
    PdfDictionary d;
    for (const auto& [key, value] : v.GetDictionary().GetKeys())
      d.AddKey(key, PdfObject(renumbered(*value, first, count)));
    return PdfVariant(d);
  }
  if (v.IsArray()) {
    PdfArray a;
    for (const PdfObject& e : v.GetArray()) a.push_back(PdfObject(renumbered(e, first, count)));
    return PdfVariant(a);
  }
  return v;
}

PdfVariant parsed(const std::string& syntax, uint32_t first, size_t count) {
  PdfTokenizer tokenizer(syntax.data(), static_cast<long>(syntax.size()));
  PdfVariant v;
  tokenizer.GetNextVariant(v, nullptr);
  return renumbered(v, first, count);
}

std::string written(const PdfVariant& v) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  v.Write(&device, ePdfWriteMode_Compact, nullptr);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

// The body of copied object `i` numbered `number`: what PoDoFo writes for
// it between "N 0 obj" and "\nendobj\n".
std::string body(const folio::pdfread::CopiedObject& o, uint32_t number, uint32_t first, size_t count) {
  PdfVecObjects owner;  // a stream needs an owning vector
  auto* obj = new PdfObject(PdfReference(number, 0), parsed(o.syntax, first, count));
  owner.push_back(obj);
  if (o.stream) {
    if (!obj->IsDictionary()) throw std::runtime_error("a stream's dictionary is not a dictionary");
    PdfMemoryInputStream in(o.streamData.data(), static_cast<pdf_long>(o.streamData.size()));
    obj->GetStream()->SetRawData(&in, static_cast<pdf_long>(o.streamData.size()));
  }
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  obj->WriteObject(&device, ePdfWriteMode_Compact, nullptr);
  std::string whole(buffer.GetBuffer(), device.GetLength());
  const std::string head = std::to_string(number) + " 0 obj";
  const std::string tail = "\nendobj\n";
  if (whole.size() < head.size() + tail.size() || whole.compare(0, head.size(), head) != 0 ||
      whole.compare(whole.size() - tail.size(), tail.size(), tail) != 0)
    throw std::logic_error("PoDoFo wrote an object in an unexpected frame");
  return whole.substr(head.size(), whole.size() - head.size() - tail.size());
}

folio_pdfread_bytes bytes(const std::string& s) { return folio_pdfread_bytes{s.data(), s.size()}; }

folio_pdfread_page* open(const char* data, size_t size, int page) {
  try {
    auto* p = new folio_pdfread_page;
    p->problem = folio::pdfread::readPage(std::string_view(data, size), page, p->copy);
    return p;
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

const char* problem(const folio_pdfread_page* p) { return p->problem.c_str(); }

void extent(const folio_pdfread_page* p, double* width, double* height) {
  *width = p->copy.width;
  *height = p->copy.height;
}

void form(const folio_pdfread_page* p, double bbox[4], double matrix[6]) {
  for (int i = 0; i < 4; ++i) bbox[i] = p->copy.box[i];
  for (int i = 0; i < 6; ++i) matrix[i] = p->copy.matrix[i];
}

uint32_t objectCount(const folio_pdfread_page* p) { return static_cast<uint32_t>(p->copy.objects.size()); }

int number(folio_pdfread_page* p, uint32_t first) {
  if (!p->problem.empty()) return 0;
  try {
    const size_t count = p->copy.objects.size();
    p->objects.clear();
    p->objects.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      p->objects.push_back(body(p->copy.objects[i], static_cast<uint32_t>(first + i), first, count));
      p->copy.objects[i] = {};  // its bytes are in the body now
    }
    if (!p->copy.resources.empty()) p->resources = written(parsed(p->copy.resources, first, count));
    if (!p->copy.group.empty()) p->group = written(parsed(p->copy.group, first, count));
    return 1;
  } catch (const PdfError& e) {
    p->problem = std::string("the PDF is damaged (") + PdfError::ErrorName(e.GetError()) + ")";
  } catch (const std::bad_alloc&) {
    p->problem = "out of memory while copying the PDF page";
  } catch (const std::exception& e) {
    p->problem = e.what();
  }
  return 0;
}

folio_pdfread_bytes object(const folio_pdfread_page* p, uint32_t i) {
  return i < p->objects.size() ? bytes(p->objects[i]) : folio_pdfread_bytes{nullptr, 0};
}
folio_pdfread_bytes resources(const folio_pdfread_page* p) { return bytes(p->resources); }
folio_pdfread_bytes group(const folio_pdfread_page* p) { return bytes(p->group); }
folio_pdfread_bytes content(const folio_pdfread_page* p) { return bytes(p->copy.content); }
void close(folio_pdfread_page* p) { delete p; }

const folio_pdfread_api kApi = {FOLIO_PDFREAD_ABI,
                                sizeof(folio_pdfread_api),
                                open,
                                problem,
                                extent,
                                form,
                                objectCount,
                                number,
                                object,
                                resources,
                                group,
                                content,
                                close};

}  // namespace

extern "C" __attribute__((visibility("default"))) const folio_pdfread_api* folio_pdfread_entry(uint32_t abi) {
  return abi == FOLIO_PDFREAD_ABI ? &kApi : nullptr;
}
