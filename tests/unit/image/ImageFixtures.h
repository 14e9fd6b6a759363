#pragma once
// Test images written on the fly with libpng and libjpeg (no binary fixtures
// to keep in sync). Header-only so unit_pdf can include it as well.
// clang-format off
#include <cstdio>  // jpeglib.h needs size_t and FILE declared first
#include <jpeglib.h>
// clang-format on
#include <png.h>
#include <unistd.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace folio::testimg {

// A fresh directory under $TMPDIR, removed by the destructor.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "folio-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

struct PngSpec {
  int width = 4, height = 3;
  int colorType = PNG_COLOR_TYPE_RGB_ALPHA;
  int bitDepth = 8;
  bool interlaced = false;
  std::vector<png_color> palette;
  std::vector<unsigned char> paletteAlpha;  // tRNS for palette images
  double dpi = 0;
};

inline int pngChannels(int colorType) {
  switch (colorType) {
    case PNG_COLOR_TYPE_GRAY:
      return 1;
    case PNG_COLOR_TYPE_GRAY_ALPHA:
      return 2;
    case PNG_COLOR_TYPE_RGB:
      return 3;
    case PNG_COLOR_TYPE_RGB_ALPHA:
      return 4;
    default:
      return 1;  // palette index
  }
}

// Sample value for pixel (x, y), channel c: a deterministic pattern.
inline unsigned pngSample(int x, int y, int c, int maxValue) {
  return static_cast<unsigned>((x * 37 + y * 101 + c * 53) % (maxValue + 1));
}

// Writes `spec` with pixels from pngSample (alpha channel = x*60 clipped).
inline void writePng(const std::string& path, const PngSpec& spec) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + path);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
    throw std::runtime_error("libpng write failed");
  }
  png_init_io(png, f);
  png_set_IHDR(png, info, spec.width, spec.height, spec.bitDepth, spec.colorType,
               spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  if (spec.colorType == PNG_COLOR_TYPE_PALETTE) {
    png_set_PLTE(png, info, spec.palette.data(), static_cast<int>(spec.palette.size()));
    if (!spec.paletteAlpha.empty())
      png_set_tRNS(png, info, spec.paletteAlpha.data(), static_cast<int>(spec.paletteAlpha.size()), nullptr);
  }
  if (spec.dpi > 0) {
    auto ppm = static_cast<png_uint_32>(spec.dpi / 0.0254 + 0.5);
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
  }
  png_write_info(png, info);
  const int channels = pngChannels(spec.colorType);
  const int bytes = spec.bitDepth == 16 ? 2 : 1;
  const int maxValue = spec.colorType == PNG_COLOR_TYPE_PALETTE ? static_cast<int>(spec.palette.size()) - 1
                                                                : (1 << spec.bitDepth) - 1;
  const bool alpha =
      spec.colorType == PNG_COLOR_TYPE_GRAY_ALPHA || spec.colorType == PNG_COLOR_TYPE_RGB_ALPHA;
  std::vector<std::vector<unsigned char>> rows(spec.height);
  for (int y = 0; y < spec.height; ++y) {
    // Sub-byte depths: one sample per byte here, packed by png_set_packing.
    rows[y].assign(static_cast<size_t>(spec.width) * channels * bytes, 0);
    for (int x = 0; x < spec.width; ++x)
      for (int c = 0; c < channels; ++c) {
        unsigned v = pngSample(x, y, c, maxValue);
        if (alpha && c == channels - 1) v = std::min(maxValue, x * 60);
        size_t at = (static_cast<size_t>(x) * channels + c) * bytes;
        if (bytes == 2) {
          rows[y][at] = static_cast<unsigned char>(v >> 8);
          rows[y][at + 1] = static_cast<unsigned char>(v);
        } else {
          rows[y][at] = static_cast<unsigned char>(v);
        }
      }
  }
  if (spec.bitDepth < 8) png_set_packing(png);
  std::vector<png_bytep> ptrs;
  for (auto& r : rows) ptrs.push_back(r.data());
  png_write_image(png, ptrs.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
}

// A baseline JPEG with `components` 1 (grey), 3 (RGB/YCbCr) or 4 (CMYK, which
// libjpeg writes with an Adobe APP14 marker). `jfifDpi` > 0 writes a JFIF density.
inline void writeJpeg(const std::string& path, int width, int height, int components, int jfifDpi = 0) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + path);
  jpeg_compress_struct cinfo;
  jpeg_error_mgr jerr;
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  jpeg_stdio_dest(&cinfo, f);
  cinfo.image_width = width;
  cinfo.image_height = height;
  cinfo.input_components = components;
  cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 3 ? JCS_RGB : JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  if (jfifDpi > 0) {
    cinfo.write_JFIF_header = TRUE;
    cinfo.density_unit = 1;
    cinfo.X_density = static_cast<UINT16>(jfifDpi);
    cinfo.Y_density = static_cast<UINT16>(jfifDpi);
  }
  jpeg_set_quality(&cinfo, 90, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(static_cast<size_t>(width) * components);
  while (cinfo.next_scanline < cinfo.image_height) {
    int y = static_cast<int>(cinfo.next_scanline);
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < components; ++c)
        row[x * components + c] = static_cast<unsigned char>(pngSample(x, y, c, 255));
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&cinfo, &r, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::fclose(f);
}

// Only the signature and IHDR of a `width` x `height` RGBA PNG: a file whose
// header promises more pixels than any budget allows.
inline void writePngHeaderOnly(const std::string& path, png_uint_32 width, png_uint_32 height) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + path);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
    throw std::runtime_error("libpng write failed");
  }
  png_init_io(png, f);
  png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_flush(png);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
}

inline std::string readFile(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return {};
  std::string s;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  std::fclose(f);
  return s;
}

inline void writeFile(const std::string& path, const std::string& bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + path);
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
}

}  // namespace folio::testimg
