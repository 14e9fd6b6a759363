#include "pdf/PagePlacement.h"

#include <stdexcept>
#include <string>

#include "pdf/Objects.h"
#include "pdfread/PdfModule.h"

namespace folio::pdf {

ImportedPage importPage(Document& target, std::string_view file, int page, int compressionLevel) {
  pdfread::PageImport copy;
  if (std::string problem = copy.open(file, page); !problem.empty()) throw std::runtime_error(problem);
  // The form first, then the copied objects in the module's order: the
  // object numbers, and so the bytes, depend only on the file.
  DocObject* form = target.create("XObject");
  const uint32_t count = copy.objectCount();
  const uint32_t first = target.count();
  for (uint32_t i = 0; i < count; ++i) target.reserve();
  if (std::string problem = copy.number(count ? first : 0); !problem.empty())
    throw std::runtime_error(problem);
  // Each copied object is its body as the module wrote it ("N 0 obj" +
  // body + "\nendobj\n", as ObjectWriter writes it), kept to the end.
  for (uint32_t i = 0; i < count; ++i) target.adopt(Ref(first + i), Raw{std::string(copy.object(i))});
  double box[4], matrix[6];
  copy.form(box, matrix);
  Dictionary& d = form->dict();
  d.add("Subtype", Name("Form"));
  d.add("FormType", integer(1));
  Array bbox, m;
  for (double v : box) bbox.push_back(number(v));
  for (double v : matrix) m.push_back(number(v));
  d.add("BBox", bbox);
  d.add("Matrix", m);
  // A form needs resources, also when the page's content uses nothing.
  d.add("Resources",
        copy.resources().empty() ? Object(Dictionary()) : Object(Raw{std::string(copy.resources())}));
  if (!copy.group().empty()) d.add("Group", Raw{std::string(copy.group())});
  setFlateStream(form, copy.content(), compressionLevel);
  return ImportedPage{form, copy.width(), copy.height()};
}

}  // namespace folio::pdf
