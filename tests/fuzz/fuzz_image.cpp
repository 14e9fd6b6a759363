// Fuzzes the image readers (PNG through libpng, JPEG marker scan and libjpeg
// check): any bytes must give an image or a diagnostic, never a crash, and
// never an allocation beyond the pixel budget.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "image/Image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = [] {
    char tmpl[] = "/tmp/folio-fuzz-image-XXXXXX";
    return std::string(mkdtemp(tmpl)) + "/image.bin";
  }();
  {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  folio::image::Limits limits;
  limits.maxPixels = 4'000'000;  // keeps each run fast; the budget logic is the same
  folio::Diagnostics diags;
  folio::image::Image header;
  bool probed = folio::image::probe(path, limits, header, {"fuzz.yaml", 1, 1}, diags);
  auto img = folio::image::load(path, limits, {"fuzz.yaml", 1, 1}, diags);
  if (!img && !diags.hasErrors()) __builtin_trap();  // a refusal must say why
  if (!probed && !diags.hasErrors()) __builtin_trap();
  if (img) {
    // A decoded PNG holds exactly width x height samples.
    if (img->format == folio::image::Image::Format::Png) {
      uint64_t samples = uint64_t(img->width) * img->height * img->components * (img->bitsPerComponent / 8);
      if (img->data.size() != samples) __builtin_trap();
    }
    if (probed && (header.width != img->width || header.height != img->height)) __builtin_trap();
  }
  return 0;
}
