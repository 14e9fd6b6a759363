#pragma once
// The image stage's reader of PDF pages (image::PdfPageReader), provided by
// this stage, whose module (PdfModule.h) is the one to link PoDoFo. A
// program enables PDF images by setting image::Limits::pdfPages to
// pdfread::readPdfPage; the module is loaded on its first call.
#include <string>
#include <string_view>

namespace folio::pdfread {

// Reads page `page` (1-based) of `file` as the writer will (PageImport), so
// that whatever would fail in the writer fails here, where the image's
// source position is known. Returns "" and the page's visible size in pt, or the
// problem in the words of a diagnostic ("the PDF is encrypted"; "placing a
// PDF page needs libfolio-pdfread.so; looked in ...").
std::string readPdfPage(std::string_view file, int page, double& widthPt, double& heightPt);

}  // namespace folio::pdfread
