#pragma once
// A page of another PDF placed as vector art: the page pdfread's module read
// and serialised (pdfread/PdfModule.h) written as a Form XObject, with the
// objects its resources reach. The writer makes the form (its dictionary,
// its compressed content); the copied objects go into the file as the
// module wrote them.
#include <string_view>

#include "pdf/Document.h"

namespace folio::pdf {

struct ImportedPage {
  DocObject* form = nullptr;
  double width = 0, height = 0;  // the form's extent in pt: the crop box, turned by /Rotate
};

// Places page `page` (1-based) of the PDF `file` in `target`. Throws
// std::runtime_error with the reader's words when the page cannot be read.
ImportedPage importPage(Document& target, std::string_view file, int page, int compressionLevel);

}  // namespace folio::pdf
