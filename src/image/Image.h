#pragma once
// Raster images for the PDF: PNG decoded with libpng (alpha split into a soft
// mask), JPEG kept as its original bytes (DCTDecode pass-through). Dimensions
// are checked against a pixel budget before any decoding.
#include <cstdint>
#include <memory>
#include <string>

#include "base/Diagnostics.h"

namespace folio::image {

struct Image {
  enum class Format : uint8_t { Png, Jpeg };
  Format format = Format::Png;
  std::string path;
  uint32_t width = 0, height = 0;   // pixels
  int components = 3;               // 1 gray, 3 RGB, 4 CMYK (JPEG)
  int bitsPerComponent = 8;         // 8 or 16 (PNG)
  bool adobeInvertedCmyk = false;   // JPEG CMYK from Photoshop (needs /Decode)
  std::string data;                 // PNG: raw samples, row-major; JPEG: the file's bytes
  std::string alpha;                // PNG with alpha: 8-bit (or 16) samples for /SMask; "" if opaque
  double dpiX = 0, dpiY = 0;        // from the file, 0 if unknown
};

struct Limits {
  uint64_t maxPixels = 100'000'000;  // 100 Mpx
  uint64_t maxFileBytes = 64u << 20;
  // Decoded PNG samples may take as much memory as maxPixels of 8-bit RGB:
  // fewer pixels for 16-bit samples or an alpha channel. (JPEG is passed
  // through undecoded and costs its file size.)
  uint64_t maxDecodedBytes() const { return maxPixels * 3; }
};

// Reads only the header: format and size (fast, for layout). Errors are
// diagnostics at `pos` ("cannot read image 'x.png': truncated PNG").
bool probe(const std::string& path, const Limits& limits, Image& out, const SourcePos& pos, Diagnostics& diags);
// Full decode for the PDF writer.
std::shared_ptr<const Image> load(const std::string& path, const Limits& limits, const SourcePos& pos,
                                  Diagnostics& diags);

}  // namespace folio::image
