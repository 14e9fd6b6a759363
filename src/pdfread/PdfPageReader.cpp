#include "pdfread/PdfPageReader.h"

#include "pdfread/PdfModule.h"

namespace folio::pdfread {

std::string readPdfPage(std::string_view file, int page, double& widthPt, double& heightPt) {
  PageImport import;
  std::string problem = import.open(file, page);
  if (problem.empty()) {
    widthPt = import.width();
    heightPt = import.height();
  }
  return problem;
}

}  // namespace folio::pdfread
