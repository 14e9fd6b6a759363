#include "pdf/PagePlacement.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "pdf/PodofoObjects.h"
#include "pdfread/PageReader.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

// A value the reader wrote, its references ("N 0 R": the N-th copied object)
// pointing at the objects made for them here.
PdfObject renumbered(const PdfVariant& v, const std::vector<PdfReference>& refs) {
  if (v.IsReference()) {
    const size_t n = static_cast<size_t>(v.GetReference().ObjectNumber());
    if (n < 1 || n > refs.size()) return PdfObject(PdfVariant::NullValue);
    return PdfObject(refs[n - 1]);
  }
  if (v.IsDictionary()) {
    PdfDictionary d;
    for (const auto& [key, value] : v.GetDictionary().GetKeys()) d.AddKey(key, renumbered(*value, refs));
    return PdfObject(d);
  }
  if (v.IsArray()) {
    PdfArray a;
    for (const PdfObject& e : v.GetArray()) a.push_back(renumbered(e, refs));
    return PdfObject(a);
  }
  return PdfObject(v);
}

PdfObject parsed(const std::string& syntax, const std::vector<PdfReference>& refs) {
  PdfTokenizer tokenizer(syntax.data(), syntax.size());
  PdfVariant v;
  tokenizer.GetNextVariant(v, nullptr);
  return renumbered(v, refs);
}

}  // namespace

ImportedPage importPage(PdfMemDocument& target, std::string_view file, int page, int compressionLevel) {
  pdfread::PageCopy copy;
  if (std::string problem = pdfread::readPage(file, page, copy); !problem.empty()) throw std::runtime_error(problem);
  // The form first, then the copied objects in the reader's order: the
  // object numbers, and so the bytes, depend only on the file.
  PdfObject* form = target.GetObjects().CreateObject("XObject");
  std::vector<PdfReference> refs;
  std::vector<PdfObject*> made;
  for (size_t i = 0; i < copy.objects.size(); ++i) {
    made.push_back(target.GetObjects().CreateObject());
    refs.push_back(made.back()->Reference());
  }
  PdfDictionary& d = form->GetDictionary();
  d.AddKey("Subtype", PdfName("Form"));
  d.AddKey("FormType", integer(1));
  PdfArray bbox, matrix;
  for (double v : copy.box) bbox.push_back(number(v));
  for (double v : copy.matrix) matrix.push_back(number(v));
  d.AddKey("BBox", bbox);
  d.AddKey("Matrix", matrix);
  // A form needs resources, also when the page's content uses nothing.
  d.AddKey("Resources", copy.resources.empty() ? PdfObject(PdfDictionary()) : parsed(copy.resources, refs));
  if (!copy.group.empty()) d.AddKey("Group", parsed(copy.group, refs));
  for (size_t i = 0; i < copy.objects.size(); ++i) {
    const pdfread::CopiedObject& o = copy.objects[i];
    if (!o.stream) {
      static_cast<PdfVariant&>(*made[i]) = parsed(o.syntax, refs);
      continue;
    }
    made[i]->GetDictionary() = parsed(o.syntax, refs).GetDictionary();
    setRawStream(made[i], o.streamData);
  }
  setFlateStream(form, copy.content, compressionLevel);
  return ImportedPage{form, copy.width, copy.height};
}

}  // namespace folio::pdf
