// PNG: the header is read by hand (33 bytes plus a chunk walk to the first
// IDAT for pHYs), so probe() needs no decoder state and can be called for
// every image during layout; the samples are decoded by libpng.
//
// Decoded layout handed to the PDF writer:
//  - palette images are expanded to RGB (a PDF /Indexed space would save
//    bytes, but palette + tRNS needs the expansion for the soft mask anyway,
//    and one path is simpler to keep right);
//  - 1/2/4-bit grey is expanded to 8 bits;
//  - 16-bit samples are kept as 16 bits, big-endian as libpng delivers them,
//    which is exactly PDF's /BitsPerComponent 16 layout (PDF 1.5+);
//  - alpha (and tRNS colour keys, via png_set_tRNS_to_alpha) goes into
//    Image::alpha at the same bit depth, for an /SMask; an alpha channel that
//    is fully opaque everywhere is dropped.
#include <png.h>

#include <csetjmp>
#include <cstring>
#include <vector>

#include "image/ImageReaders.h"

namespace folio::image::detail {

namespace {

uint32_t be32(const unsigned char* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

// Bitwise CRC-32 (the PNG/zlib polynomial). Hand-written so the header check
// does not need zlib linked into the image module; it runs over 17 bytes.
uint32_t crc32(const unsigned char* p, size_t n) {
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return c ^ 0xFFFFFFFFu;
}

bool validDepth(int colorType, int depth) {
  switch (colorType) {
    case 0:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6:
      return depth == 8 || depth == 16;
    default:
      return false;
  }
}

// Everything the libpng callbacks touch lives here, created before setjmp,
// so a longjmp out of libpng skips no destructors and reads no stale locals.
struct PngState {
  std::string_view input;
  size_t pos = 0;
  std::string error;
  std::string pixels;
  std::vector<png_bytep> rows;
};

void readBytes(png_structp png, png_bytep out, size_t n) {
  auto* st = static_cast<PngState*>(png_get_io_ptr(png));
  if (st->input.size() - st->pos < n) png_error(png, "truncated file");
  std::memcpy(out, st->input.data() + st->pos, n);
  st->pos += n;
}

[[noreturn]] void onError(png_structp png, png_const_charp msg) {
  auto* st = static_cast<PngState*>(png_get_error_ptr(png));
  st->error = msg ? msg : "unknown error";
  png_longjmp(png, 1);
}

void onWarning(png_structp, png_const_charp) {}  // benign (bad ancillary CRC, unknown chunk): no noise

// Splits interleaved colour+alpha samples; drops alpha that is opaque
// everywhere. The colour samples are compacted in place (each write lands at
// or before its read), so the peak is the decoded image plus its alpha, not
// two copies of it.
void splitAlpha(Image& out, std::string& pixels, int colorChannels) {
  const size_t bytesPerSample = out.bitsPerComponent / 8;
  const size_t colorBytes = bytesPerSample * colorChannels;
  const size_t pixelBytes = colorBytes + bytesPerSample;
  const size_t count = pixels.size() / pixelBytes;
  std::string alpha(count * bytesPerSample, '\0');
  bool opaque = true;
  char* base = pixels.data();
  char* a = alpha.data();
  for (size_t i = 0; i < count; ++i) {
    const char* src = base + i * pixelBytes;
    for (size_t b = 0; b < bytesPerSample; ++b) {
      char v = src[colorBytes + b];
      if (static_cast<unsigned char>(v) != 0xFF) opaque = false;
      *a++ = v;
    }
    std::memmove(base + i * colorBytes, src, colorBytes);
  }
  pixels.resize(count * colorBytes);
  pixels.shrink_to_fit();
  out.data = std::move(pixels);
  if (!opaque) out.alpha = std::move(alpha);
}

// Bytes libpng will hand us: expanded to 8 bits (or 16), palette to RGB,
// tRNS to an alpha channel.
std::string byteSize(uint64_t bytes) {
  return bytes < (1u << 20) ? std::to_string(bytes) + " bytes" : std::to_string(bytes >> 20) + " MiB";
}

uint64_t decodedBytes(uint32_t width, uint32_t height, int colorType, int depth, bool trns) {
  int channels = colorType == 0 ? 1 : colorType == 4 ? 2 : colorType == 6 ? 4 : 3;
  if (trns && (colorType == 0 || colorType == 2 || colorType == 3)) ++channels;
  return uint64_t(width) * height * channels * (depth == 16 ? 2 : 1);
}

}  // namespace

std::optional<Problem> readPngHeader(Source& in, const Limits& limits, Image& out) {
  unsigned char h[33];
  if (!in.read(h, sizeof h)) return Problem{"truncated file"};
  if (std::memcmp(h, "\x89PNG\r\n\x1a\n", 8) != 0) return Problem{"not a PNG file"};
  if (be32(h + 8) != 13 || std::memcmp(h + 12, "IHDR", 4) != 0)
    return Problem{"corrupt PNG data (the first chunk is not IHDR)"};
  if (crc32(h + 12, 17) != be32(h + 29)) return Problem{"corrupt PNG data (IHDR: CRC error)"};
  uint32_t width = be32(h + 16), height = be32(h + 20);
  int depth = h[24], colorType = h[25];
  if (width > 0x7FFFFFFFu || height > 0x7FFFFFFFu) return Problem{"corrupt PNG data (invalid image size)"};
  if (!validDepth(colorType, depth) || h[26] != 0 || h[27] != 0 || h[28] > 1)
    return Problem{"corrupt PNG data (invalid IHDR fields)"};
  out.format = Image::Format::Png;
  out.width = width;
  out.height = height;
  out.components = (colorType & 2) ? 3 : 1;  // palette (3) expands to RGB
  out.bitsPerComponent = depth == 16 ? 16 : 8;
  if (auto p = checkPixels(out, limits)) return p;

  // Walk the chunks before the image data for the resolution (pHYs) and a
  // transparency chunk (tRNS), which adds an alpha channel when decoded.
  bool trns = false;
  for (int guard = 0; guard < 10000; ++guard) {
    unsigned char ch[8];
    if (!in.read(ch, 8)) return Problem{"truncated file"};
    uint32_t len = be32(ch);
    if (len > 0x7FFFFFFFu) return Problem{"corrupt PNG data (invalid chunk length)"};
    if (std::memcmp(ch + 4, "IDAT", 4) == 0 || std::memcmp(ch + 4, "IEND", 4) == 0) break;
    if (std::memcmp(ch + 4, "tRNS", 4) == 0) trns = true;
    if (std::memcmp(ch + 4, "pHYs", 4) == 0 && len == 9) {
      unsigned char p[13];
      if (!in.read(p, sizeof p)) return Problem{"truncated file"};
      if (p[8] == 1) {  // unit: metre
        out.dpiX = be32(p) * 0.0254;
        out.dpiY = be32(p + 4) * 0.0254;
      }
      continue;
    }
    if (!in.skip(uint64_t(len) + 4)) return Problem{"truncated file"};
  }
  // A small file can inflate to a huge image (a "decompression bomb"): the
  // decoded samples must fit the memory budget, checked before decoding.
  uint64_t bytes = decodedBytes(width, height, colorType, depth, trns);
  if (bytes > limits.maxDecodedBytes()) {
    return Problem{"image is " + std::to_string(width) + "x" + std::to_string(height) + " pixels of " +
                   std::to_string(bytes / (uint64_t(width) * height)) + " bytes each (" + byteSize(bytes) +
                   " decoded), over the limit of " + byteSize(limits.maxDecodedBytes()) + " (" +
                   std::to_string(limits.maxPixels) + " pixels of 8-bit RGB)"};
  }
  return std::nullopt;
}

std::optional<Problem> decodePng(std::string_view file, Image& out) {
  PngState st;
  st.input = file;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &st, onError, onWarning);
  if (!png) return Problem{"out of memory while decoding"};
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return Problem{"out of memory while decoding"};
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    if (st.error == "truncated file") return Problem{st.error};
    return Problem{"corrupt PNG data (" + st.error + ")"};
  }
  png_set_read_fn(png, &st, readBytes);
  // The pixel budget was checked on our own header read; libpng's limits are
  // a second fence at the same size.
  png_set_user_limits(png, 0x7FFFFFFF, 0x7FFFFFFF);
  png_read_info(png, info);

  png_uint_32 width = 0, height = 0;
  int depth = 0, colorType = 0, interlace = 0;
  png_get_IHDR(png, info, &width, &height, &depth, &colorType, &interlace, nullptr, nullptr);
  if (width != out.width || height != out.height) png_error(png, "IHDR differs from the header read");

  if (colorType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (colorType == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  png_set_interlace_handling(png);  // Adam7 is de-interlaced by libpng
  png_read_update_info(png, info);

  const int channels = png_get_channels(png, info);
  out.bitsPerComponent = png_get_bit_depth(png, info);
  const size_t rowBytes = png_get_rowbytes(png, info);
  st.pixels.assign(rowBytes * height, '\0');
  st.rows.resize(height);
  for (png_uint_32 y = 0; y < height; ++y)
    st.rows[y] = reinterpret_cast<png_bytep>(st.pixels.data()) + y * rowBytes;
  png_read_image(png, st.rows.data());
  png_read_end(png, nullptr);  // checks the trailing chunks and IEND: a cut file is reported

  png_uint_32 resX = 0, resY = 0;
  int unit = 0;
  if (png_get_pHYs(png, info, &resX, &resY, &unit) && unit == PNG_RESOLUTION_METER) {
    out.dpiX = resX * 0.0254;
    out.dpiY = resY * 0.0254;
  }
  png_destroy_read_struct(&png, &info, nullptr);

  const bool hasAlpha = channels == 2 || channels == 4;
  out.components = hasAlpha ? channels - 1 : channels;
  if (hasAlpha) {
    splitAlpha(out, st.pixels, out.components);
  } else {
    out.data = std::move(st.pixels);
  }
  return std::nullopt;
}

}  // namespace folio::image::detail
