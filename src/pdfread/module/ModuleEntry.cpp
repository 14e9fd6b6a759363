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
  std::vector<std::string> objects;  // values, after number()
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

// Copied object `o` numbered `number`: its value as PoDoFo writes it
// (for a stream, its dictionary with /Length). PoDoFo writes the whole
// object, and the value is cut out of it, so that it is exactly what
// folio's writer wrote when it held the object itself; the frame around it
// is checked piece by piece.
std::string value(const folio::pdfread::CopiedObject& o, uint32_t number, uint32_t first, size_t count) {
  PdfVecObjects owner;        // a stream needs an owning vector
  owner.SetAutoDelete(true);  // which deletes the object with it (by default it would not: a leak per object)
  auto* obj = new PdfObject(PdfReference(number, 0), parsed(o.syntax, first, count));
  owner.push_back(obj);
  std::string tail = "\nendobj\n";
  if (o.stream) {
    if (!obj->IsDictionary()) throw std::runtime_error("a stream's dictionary is not a dictionary");
    PdfMemoryInputStream in(o.streamData.data(), static_cast<pdf_long>(o.streamData.size()));
    obj->GetStream()->SetRawData(&in, static_cast<pdf_long>(o.streamData.size()));
    tail = "\nstream\n" + o.streamData + "\nendstream" + tail;
  }
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  obj->WriteObject(&device, ePdfWriteMode_Compact, nullptr);
  const std::string_view whole(buffer.GetBuffer(), device.GetLength());
  const std::string head = std::to_string(number) + " 0 obj";
  if (whole.size() < head.size() + tail.size() || whole.substr(0, head.size()) != head ||
      whole.substr(whole.size() - tail.size()) != tail)
    throw std::logic_error("PoDoFo wrote an object in an unexpected frame");
  return std::string(whole.substr(head.size(), whole.size() - head.size() - tail.size()));
}

folio_pdfread_bytes bytes(const std::string& s) { return folio_pdfread_bytes{s.data(), s.size()}; }

folio_pdfread_page* open(const char* data, size_t size, int page) {
  folio_pdfread_page* p = nullptr;
  try {
    p = new folio_pdfread_page;
    p->problem = folio::pdfread::readPage(std::string_view(data, size), page, p->copy);
  } catch (const std::bad_alloc&) {
    delete p;
    return nullptr;
  } catch (const std::exception& e) {  // readPage reports what it knows; nothing else may cross
    p->problem = std::string("the PDF cannot be read (") + e.what() + ")";
  } catch (...) {
    p->problem = "the PDF cannot be read";
  }
  return p;
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
      p->objects.push_back(value(p->copy.objects[i], static_cast<uint32_t>(first + i), first, count));
      p->copy.objects[i].syntax = {};  // renumbered in the value now
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
  } catch (...) {
    p->problem = "the PDF page cannot be copied";
  }
  return 0;
}

folio_pdfread_bytes object(const folio_pdfread_page* p, uint32_t i) {
  return i < p->objects.size() ? bytes(p->objects[i]) : folio_pdfread_bytes{nullptr, 0};
}
folio_pdfread_bytes stream(const folio_pdfread_page* p, uint32_t i) {
  if (i >= p->copy.objects.size() || !p->copy.objects[i].stream) return folio_pdfread_bytes{nullptr, 0};
  const std::string& data = p->copy.objects[i].streamData;
  return folio_pdfread_bytes{data.data(), data.size()};
}
folio_pdfread_bytes resources(const folio_pdfread_page* p) { return bytes(p->resources); }
folio_pdfread_bytes group(const folio_pdfread_page* p) { return bytes(p->group); }
folio_pdfread_bytes content(const folio_pdfread_page* p) { return bytes(p->copy.content); }
void close(folio_pdfread_page* p) { delete p; }

const folio_pdfread_api kApi = {
    .abi = FOLIO_PDFREAD_ABI,
    .size = sizeof(folio_pdfread_api),
    .open = open,
    .problem = problem,
    .extent = extent,
    .form = form,
    .object_count = objectCount,
    .number = number,
    .object = object,
    .stream = stream,
    .resources = resources,
    .group = group,
    .content = content,
    .close = close,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const folio_pdfread_api* folio_pdfread_entry(uint32_t abi) {
  return abi == FOLIO_PDFREAD_ABI ? &kApi : nullptr;
}
