#pragma once
// A page of another PDF placed as vector art: its content becomes a Form
// XObject, and the objects its resources reach (fonts, images, patterns...)
// are copied into our document, and nothing else of the source file (not
// its other pages, catalog or Info, which PoDoFo's own PdfXObject import
// would append wholesale).
#include <podofo/podofo.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace folio::pdf {

// Why a page cannot be imported, in the words of a diagnostic.
struct ImportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ImportedPage {
  PoDoFo::PdfObject* form = nullptr;
  double width = 0, height = 0;  // the form's extent in pt: the crop box, turned by /Rotate
};

// Imports page `page` (1-based) of the PDF `file` into `target`. Throws
// ImportError (or PoDoFo's PdfError for damage found while copying).
ImportedPage importPage(PoDoFo::PdfMemDocument& target, std::string_view file, int page,
                        int compressionLevel);

}  // namespace folio::pdf
