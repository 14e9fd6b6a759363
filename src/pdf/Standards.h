#pragma once
// What PDF/X-4 and PDF/A-2b add to a file (docs/standards.md): the output
// intent with its ICC profile, the identification in Info and XMP, and the
// ICC profile facts those need.
#include <string>

#include "base/PdfStandard.h"
#include "pdf/ColorSpaces.h"
#include "pdf/Document.h"

namespace folio::pdf {

// An ICC profile's header facts.
struct IccInfo {
  int components = 0;       // 3 for RGB, 4 for CMYK, 0 if not a profile we can use
  std::string deviceClass;  // "prtr" (output), "mntr" (display), ...
  std::string description;  // the 'desc' tag, e.g. "Artifex CMYK SWOP Profile"
};
IccInfo readIccInfo(const std::string& bytes);

// Extra XMP (an rdf:Description) identifying the standard; "" for None.
std::string standardXmp(PdfStandard standard, const std::string& documentId);

// The XMP identification of PDF/UA-1 (pdfuaid:part 1); with PDF/A-2b also
// the extension schema that PDF/A requires for a namespace it does not know.
std::string uaXmp(PdfStandard base);

// The catalog's /OutputIntents and the Info keys the standard requires.
void writeStandardParts(Document& doc, PdfStandard standard, ColorSpaces& colors, const std::string& srgb,
                        const std::string& cmyk);

}  // namespace folio::pdf
