#pragma once
// The image stage's reader of PDF pages (image::PdfPageReader), provided by
// this stage because only it links PoDoFo. A program enables PDF images by
// setting image::Limits::pdfPages to pdf::readPdfPage.
#include <string>
#include <string_view>

namespace folio::pdf {

// Imports page `page` (1-based) of `file` into a scratch document, so that
// whatever would fail in the writer fails here, where the image's source
// position is known. Returns "" and the page's visible size in pt, or the
// problem in the words of a diagnostic ("the PDF is encrypted").
std::string readPdfPage(std::string_view file, int page, double& widthPt, double& heightPt);

}  // namespace folio::pdf
