#include "pdf/PagePlacement.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "pdf/Objects.h"
#include "pdfread/PdfModule.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

// Bytes the module serialised, written as they are (PoDoFo writes raw data
// with no separator, as the dictionary or array it stands for).
PdfObject raw(std::string_view bytes) { return PdfObject(PdfData(bytes.data(), bytes.size())); }

}  // namespace

ImportedPage importPage(PdfMemDocument& target, std::string_view file, int page, int compressionLevel) {
  pdfread::PageImport copy;
  if (std::string problem = copy.open(file, page); !problem.empty()) throw std::runtime_error(problem);
  // The form first, then the copied objects in the module's order: the
  // object numbers, and so the bytes, depend only on the file.
  PdfObject* form = target.GetObjects().CreateObject("XObject");
  const uint32_t count = copy.objectCount();
  std::vector<PdfObject*> made;
  for (uint32_t i = 0; i < count; ++i) {
    made.push_back(target.GetObjects().CreateObject());
    if (made.back()->Reference().ObjectNumber() != made.front()->Reference().ObjectNumber() + i)
      throw std::logic_error("object numbers for an imported page are not consecutive");
  }
  if (std::string problem = copy.number(count ? made.front()->Reference().ObjectNumber() : 0);
      !problem.empty())
    throw std::runtime_error(problem);
  // Each copied object is its body as the module wrote it ("N 0 obj" +
  // body + "\nendobj\n", as ObjectWriter writes it): no PoDoFo parsing here.
  for (uint32_t i = 0; i < count; ++i)
    static_cast<PdfVariant&>(*made[i]) = PdfVariant(PdfData(copy.object(i).data(), copy.object(i).size()));
  double box[4], matrix[6];
  copy.form(box, matrix);
  PdfDictionary& d = form->GetDictionary();
  d.AddKey("Subtype", PdfName("Form"));
  d.AddKey("FormType", integer(1));
  PdfArray bbox, m;
  for (double v : box) bbox.push_back(number(v));
  for (double v : matrix) m.push_back(number(v));
  d.AddKey("BBox", bbox);
  d.AddKey("Matrix", m);
  // A form needs resources, also when the page's content uses nothing.
  d.AddKey("Resources", copy.resources().empty() ? PdfObject(PdfDictionary()) : raw(copy.resources()));
  if (!copy.group().empty()) d.AddKey("Group", raw(copy.group()));
  setFlateStream(form, copy.content(), compressionLevel);
  return ImportedPage{form, copy.width(), copy.height()};
}

}  // namespace folio::pdf
