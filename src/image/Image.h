#pragma once
// Images for the PDF: PNG decoded with libpng (alpha split into a soft
// mask), JPEG kept as its original bytes (DCTDecode pass-through), a page of
// a PDF kept as the file's bytes (placed as vector art). Dimensions are
// checked against a pixel budget before any decoding.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/Diagnostics.h"

namespace folio::image {

struct Image {
  enum class Format : uint8_t { Png, Jpeg, Pdf };
  Format format = Format::Png;
  std::string path;
  uint32_t width = 0, height = 0;   // pixels
  int components = 3;               // 1 gray, 3 RGB, 4 CMYK (JPEG)
  int bitsPerComponent = 8;         // 8 or 16 (PNG)
  bool adobeInvertedCmyk = false;   // JPEG CMYK from Photoshop (needs /Decode)
  std::string data;                 // PNG: raw samples, row-major; JPEG: the file's bytes
  std::string alpha;                // PNG with alpha: 8-bit (or 16) samples for /SMask; "" if opaque
  double dpiX = 0, dpiY = 0;        // from the file, 0 if unknown
  // Pdf: `data` holds the whole file; `page` (1-based) is the page placed,
  // `pageWidth` x `pageHeight` its visible size in pt (crop box, rotated).
  int page = 1;
  double pageWidth = 0, pageHeight = 0;
};

// The natural size in pt: a PDF page's own size; a raster image at its
// resolution, or at `defaultDpi` when the file gives none.
void naturalSize(const Image& img, double defaultDpi, double& widthPt, double& heightPt);

// Reads page `page` (1-based) of the PDF file `bytes`: its visible size, and
// whether it can be imported at all. Returns "" or the problem in the words of
// a diagnostic ("the PDF is encrypted"). The pdf stage provides it (only it
// links PoDoFo); without one, PDF images are refused.
using PdfPageReader = std::string (*)(std::string_view bytes, int page, double& widthPt, double& heightPt);

struct Limits {
  uint64_t maxPixels = 100'000'000;  // 100 Mpx
  uint64_t maxFileBytes = 64u << 20;
  // Decoded PNG samples may take as much memory as maxPixels of 8-bit RGB:
  // fewer pixels for 16-bit samples or an alpha channel. (JPEG is passed
  // through undecoded and costs its file size.)
  uint64_t maxDecodedBytes() const { return maxPixels * 3; }
  PdfPageReader pdfPages = nullptr;  // set by the caller; see PdfPageReader
};

// Reads only the header: format and size (fast, for layout). Errors are
// diagnostics at `pos` ("cannot read image 'x.png': truncated PNG").
bool probe(const std::string& path, const Limits& limits, Image& out, const SourcePos& pos, Diagnostics& diags);
// Full decode for the PDF writer. `page` chooses the page of a PDF file.
std::shared_ptr<const Image> load(const std::string& path, const Limits& limits, const SourcePos& pos,
                                  Diagnostics& diags, int page = 1);

}  // namespace folio::image
