#pragma once
// The image stage's reader of PDF pages (image::PdfPageReader), provided by
// this stage because only it (and the writer) links PoDoFo. A program enables
// PDF images by setting image::Limits::pdfPages to pdfread::readPdfPage.
#include <string>
#include <string_view>

namespace folio::pdfread {

// Reads page `page` (1-based) of `file` as the writer will (readPage), so
// that whatever would fail in the writer fails here, where the image's
// source position is known. Returns "" and the page's visible size in pt, or the
// problem in the words of a diagnostic ("the PDF is encrypted").
std::string readPdfPage(std::string_view file, int page, double& widthPt, double& heightPt);

}  // namespace folio::pdfread
