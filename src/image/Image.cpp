#include "image/Image.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>

#include "image/ImageReaders.h"

namespace folio::image {

namespace detail {

bool MemorySource::read(void* dst, size_t n) {
  if (m_bytes.size() - m_pos < n) return false;
  std::memcpy(dst, m_bytes.data() + m_pos, n);
  m_pos += n;
  return true;
}

bool MemorySource::skip(uint64_t n) {
  if (m_bytes.size() - m_pos < n) return false;
  m_pos += n;
  return true;
}

bool FileSource::read(void* dst, size_t n) {
  if (std::fread(dst, 1, n, m_file) != n) return false;
  m_pos += n;
  return true;
}

bool FileSource::skip(uint64_t n) {
  // fseek past the end succeeds; the next read then reports the truncation.
  if (n > static_cast<uint64_t>(std::numeric_limits<long>::max())) return false;
  if (std::fseek(m_file, static_cast<long>(n), SEEK_CUR) != 0) return false;
  m_pos += n;
  return true;
}

Kind sniff(std::string_view b) {
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return Kind::Png;
  if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return Kind::Jpeg;
  if (b.size() >= 5 && b.substr(0, 5) == "%PDF-") return Kind::Pdf;
  return Kind::Unknown;
}

std::optional<Problem> checkPixels(const Image& img, const Limits& limits) {
  if (img.width == 0 || img.height == 0) return Problem{"the header gives an empty image (0 pixels)"};
  uint64_t pixels = static_cast<uint64_t>(img.width) * img.height;
  if (pixels > limits.maxPixels)
    return Problem{"image is " + std::to_string(img.width) + "x" + std::to_string(img.height) +
                   " pixels, over the limit of " + std::to_string(limits.maxPixels) + " pixels"};
  return std::nullopt;
}

}  // namespace detail

namespace {

using detail::Problem;

constexpr const char* kExpected = "expected a PNG or JPEG image";
constexpr const char* kExpectedPdf = "expected an unencrypted PDF file with that page";

void report(Diagnostics& diags, const SourcePos& pos, const Image& img, const std::string& what) {
  // A problem that says what it expects (the PDF-page module missing) keeps its own words.
  if (what.find("; expected ") != std::string::npos) {
    diags.error(pos, "cannot read image '" + img.path + "': " + what);
    return;
  }
  diags.error(pos, "cannot read image '" + img.path + "': " + what + "; " +
                       (img.format == Image::Format::Pdf ? kExpectedPdf : kExpected));
}

std::string megabytes(uint64_t bytes) {
  // Integer arithmetic keeps the message locale-independent.
  uint64_t tenths = (bytes * 10 + (1u << 19)) >> 20;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

// Existence and the file-size budget, checked before a byte is read.
std::optional<Problem> checkFile(const std::string& path, const Limits& limits, uint64_t& size) {
  std::error_code ec;
  std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st)) return Problem{"file not found"};
  if (!std::filesystem::is_regular_file(st)) return Problem{"not a regular file"};
  size = std::filesystem::file_size(path, ec);
  if (ec) return Problem{"cannot determine the file size"};
  if (size > limits.maxFileBytes)
    return Problem{"file is " + megabytes(size) + ", over the limit of " + megabytes(limits.maxFileBytes)};
  return std::nullopt;
}

std::optional<Problem> unknownFormat(std::string_view head) {
  if (head.empty()) return Problem{"the file is empty"};
  if (head.size() >= 4 && head.substr(0, 4) == "GIF8") return Problem{"GIF images are not supported"};
  if (head.size() >= 5 && head.substr(0, 5) == "<?xml") return Problem{"SVG images are not supported"};
  if (head.size() >= 4 && head.substr(0, 4) == "<svg") return Problem{"SVG images are not supported"};
  return Problem{"unknown file format"};
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

std::optional<Problem> loadFile(const std::string& path, const Limits& limits, Image& out);

// A PDF page: the reader the caller plugged in parses the file and measures
// the page; the bytes are kept for the writer, which imports the page.
std::optional<Problem> readPdf(std::string bytes, const Limits& limits, Image& out) {
  if (!limits.pdfPages) return Problem{"PDF files cannot be read by this program"};
  out.format = Image::Format::Pdf;
  if (out.page < 1)
    return Problem{"page " + std::to_string(out.page) + " does not exist; pages count from 1"};
  std::string problem = limits.pdfPages(bytes, out.page, out.pageWidth, out.pageHeight);
  if (!problem.empty()) return Problem{problem};
  if (!(out.pageWidth > 0 && out.pageHeight > 0)) return Problem{"the page has no area"};
  // Pixel fields stand for the size in pt so code that only needs an aspect
  // ratio or a non-zero size keeps working.
  out.width = static_cast<uint32_t>(std::max(1.0, std::round(out.pageWidth)));
  out.height = static_cast<uint32_t>(std::max(1.0, std::round(out.pageHeight)));
  out.dpiX = out.dpiY = 72;
  out.data = std::move(bytes);
  return std::nullopt;
}

std::optional<Problem> probeFile(const std::string& path, const Limits& limits, Image& out) {
  uint64_t size = 0;
  if (auto p = checkFile(path, limits, size)) return p;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return Problem{"cannot open the file"};
  char head[8] = {};
  size_t got = std::fread(head, 1, sizeof head, file.get());
  std::string_view headView(head, got);
  detail::Kind kind = detail::sniff(headView);
  if (kind == detail::Kind::Unknown) return unknownFormat(headView);
  if (kind == detail::Kind::Pdf) {
    file.reset();
    return loadFile(path, limits, out);  // a PDF's size is known only after parsing it
  }
  std::rewind(file.get());
  detail::FileSource src(file.get());
  return kind == detail::Kind::Png ? detail::readPngHeader(src, limits, out)
                                   : detail::readJpegHeader(src, limits, out);
}

std::optional<Problem> loadFile(const std::string& path, const Limits& limits, Image& out) {
  uint64_t size = 0;
  if (auto p = checkFile(path, limits, size)) return p;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return Problem{"cannot open the file"};
  std::string bytes(size, '\0');
  size_t got = std::fread(bytes.data(), 1, bytes.size(), file.get());
  bytes.resize(got);  // a file that shrank since stat() reads as truncated below
  detail::Kind kind = detail::sniff(bytes);
  if (kind == detail::Kind::Unknown) return unknownFormat(std::string_view(bytes).substr(0, 8));
  if (kind == detail::Kind::Pdf) return readPdf(std::move(bytes), limits, out);
  // The header and the pixel budget are checked before anything is decoded.
  detail::MemorySource src(bytes);
  auto p = kind == detail::Kind::Png ? detail::readPngHeader(src, limits, out)
                                     : detail::readJpegHeader(src, limits, out);
  if (p) return p;
  if (kind == detail::Kind::Png) return detail::decodePng(bytes, out);
  if ((p = detail::checkJpeg(bytes, out))) return p;
  out.data = std::move(bytes);
  return std::nullopt;
}

}  // namespace

void naturalSize(const Image& img, double defaultDpi, double& widthPt, double& heightPt) {
  if (img.format == Image::Format::Pdf) {
    widthPt = img.pageWidth;
    heightPt = img.pageHeight;
    return;
  }
  double dpiX = img.dpiX > 0 ? img.dpiX : defaultDpi;
  double dpiY = img.dpiY > 0 ? img.dpiY : dpiX;
  widthPt = img.width * 72.0 / dpiX;
  heightPt = img.height * 72.0 / dpiY;
}

bool probe(const std::string& path, const Limits& limits, Image& out, const SourcePos& pos,
           Diagnostics& diags) {
  Image img;
  img.path = path;
  if (auto p = probeFile(path, limits, img)) {
    report(diags, pos, img, p->what);
    return false;
  }
  out = std::move(img);
  return true;
}

std::shared_ptr<const Image> load(const std::string& path, const Limits& limits, const SourcePos& pos,
                                  Diagnostics& diags, int page) {
  auto img = std::make_shared<Image>();
  img->path = path;
  img->page = page;
  std::optional<Problem> p;
  try {
    p = loadFile(path, limits, *img);
  } catch (const std::bad_alloc&) {  // a budget-sized image on a small machine
    p = Problem{"out of memory while decoding"};
  }
  if (p) {
    report(diags, pos, *img, p->what);
    return nullptr;
  }
  return img;
}

}  // namespace folio::image
