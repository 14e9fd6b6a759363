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
  for (uint32_t i = 0; i < count; ++i)
    if (target.reserve().number != first + i)
      throw std::logic_error("object numbers for an imported page are not consecutive");
  if (std::string problem = copy.number(count ? first : 0); !problem.empty())
    throw std::runtime_error(problem);
  // Each copied object as the module serialised it: its value, and a
  // stream's still-encoded data (its /Length and /Filter are in the value);
  // ObjectWriter frames them as its own ("N 0 obj" value "\nstream\n" ...).
  for (uint32_t i = 0; i < count; ++i) {
    DocObject* made = target.adopt(Ref(first + i), Raw{std::string(copy.object(i))});
    if (std::string_view data; copy.stream(i, data)) made->stream = std::string(data);
  }
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
