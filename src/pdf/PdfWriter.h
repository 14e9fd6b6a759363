#pragma once
// Writes a frame::Document as PDF 1.7 through PoDoFo's object model, with
// fonts subset by hb-subset and embedded as Type0 fonts (CIDFontType2 for
// TrueType outlines, CIDFontType0 for CFF) with ToUnicode maps, images,
// links, named destinations, outline, Info and XMP. Deterministic bytes:
// no clock, no time zone, a content-derived /ID.
#include <iosfwd>
#include <string>

#include "base/Diagnostics.h"
#include "base/PdfStandard.h"
#include "frame/Frame.h"

namespace folio::pdf {

struct WriteOptions {
  int compressionLevel = 6;  // zlib level for content and font streams
  // PDF/X-4 or PDF/A-2b (docs/standards.md); both need the two profiles
  // (ICC bytes): sRGB for RGB colours and images, CMYK for the print condition.
  PdfStandard standard = PdfStandard::None;
  std::string srgbProfile, cmykProfile;
  bool ua1 = false;  // PDF/UA-1 (docs/accessibility.md): pdfuaid in the XMP, needs a title
  bool tags = true;  // the structure tree and marked content (--no-tags turns them off)
  std::string jobName;  // the output's file name: the title PDF/X needs when the content has none
  // Threads that compress page content streams while pages are painted
  // (-j on one document); 0: none. The bytes do not depend on it.
  unsigned helperThreads = 0;
};

// Writes to `path` directly (the caller handles temp-file-and-rename).
// Returns false with a diagnostic on failure.
bool writePdf(const frame::Document& doc, const std::string& path, const WriteOptions& options,
              Diagnostics& diags);
// The same, releasing each page's items and links as soon as its content is
// written, so long documents do not hold their pages twice.
bool writePdf(frame::Document&& doc, const std::string& path, const WriteOptions& options,
              Diagnostics& diags);
// The same bytes to a stream (held in memory once before they are written:
// the /ID is a digest of everything before the trailer).
bool writePdf(frame::Document&& doc, std::ostream& out, const WriteOptions& options, Diagnostics& diags);

}  // namespace folio::pdf
