#pragma once
// Internal to the image module: the format readers behind probe() and load().
// Each reader reports a Problem in the words of the user-facing diagnostic
// instead of throwing, so Image.cpp can add the path and source position.
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "image/Image.h"

namespace folio::image::detail {

struct Problem {
  std::string what;  // "truncated file", "corrupt PNG data (IDAT: incorrect data check)"
};

// Sequential bytes from memory or from a file. Header scans read through it
// so that probe() can seek over large JPEG segments (EXIF thumbnails, ICC
// profiles) without reading them, while load() scans the bytes it already has.
class Source {
 public:
  virtual ~Source() = default;
  virtual bool read(void* dst, size_t n) = 0;  // false at end of data
  virtual bool skip(uint64_t n) = 0;
  virtual uint64_t offset() const = 0;
};

class MemorySource : public Source {
 public:
  explicit MemorySource(std::string_view bytes) : m_bytes(bytes) {}
  bool read(void* dst, size_t n) override;
  bool skip(uint64_t n) override;
  uint64_t offset() const override { return m_pos; }

 private:
  std::string_view m_bytes;
  uint64_t m_pos = 0;
};

class FileSource : public Source {
 public:
  explicit FileSource(std::FILE* file) : m_file(file) {}
  bool read(void* dst, size_t n) override;
  bool skip(uint64_t n) override;
  uint64_t offset() const override { return m_pos; }

 private:
  std::FILE* m_file;
  uint64_t m_pos = 0;
};

enum class Kind : uint8_t { Png, Jpeg, Pdf, Unknown };
Kind sniff(std::string_view firstBytes);

// The pixel budget, checked by the header readers as soon as the size is
// known, so an oversized image is reported as such even if the rest is junk.
std::optional<Problem> checkPixels(const Image& img, const Limits& limits);

// Header only: size, colour layout and resolution, with the header checksum
// (PNG) or marker structure (JPEG) validated. The Source starts at byte 0.
std::optional<Problem> readPngHeader(Source& in, const Limits& limits, Image& out);
std::optional<Problem> readJpegHeader(Source& in, const Limits& limits, Image& out);

// Full reads of a whole file already in memory whose header passed the
// pixel budget. PNG samples are decoded; JPEG bytes are checked and kept.
std::optional<Problem> decodePng(std::string_view file, Image& out);
std::optional<Problem> checkJpeg(std::string_view file, Image& out);

}  // namespace folio::image::detail
