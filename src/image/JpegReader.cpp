// JPEG: kept as the file's bytes and embedded with /DCTDecode, so nothing is
// decoded here. The header is a hand-written marker scan rather than
// jpeg_read_header because probe() must be cheap and read only headers: the
// scan seeks over APPn segments (EXIF thumbnails, ICC chunks of 64 KB each)
// without reading them, needs no decompressor state, and picks up the two
// things libjpeg does not hand back directly in a convenient form: the JFIF
// density and the Adobe APP14 marker (Photoshop writes CMYK inverted, which
// the PDF must undo with /Decode [1 0 1 0 1 0 1 0]).
//
// load() additionally runs libjpeg's jpeg_read_header over the bytes (with an
// error_exit that longjmps) so that tables a PDF viewer's decoder would reject
// are caught here, and requires an EOI marker after the scan data so that a
// cut file is reported instead of rendering half an image.
// clang-format off
#include <cstdio>  // jpeglib.h needs size_t and FILE declared first
#include <jerror.h>
#include <jpeglib.h>
// clang-format on

#include <csetjmp>
#include <cstring>

#include "image/ImageReaders.h"

namespace folio::image::detail {

namespace {

uint16_t be16(const unsigned char* p) { return uint16_t((p[0] << 8) | p[1]); }

bool isSof(int m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

}  // namespace

std::optional<Problem> readJpegHeader(Source& in, const Limits& limits, Image& out) {
  unsigned char soi[2];
  if (!in.read(soi, 2)) return Problem{"truncated file"};
  if (soi[0] != 0xFF || soi[1] != 0xD8) return Problem{"not a JPEG file"};
  bool sawSof = false, sawAdobe = false;
  for (int guard = 0; guard < 100000; ++guard) {
    unsigned char b;
    if (!in.read(&b, 1)) return Problem{"truncated file"};
    if (b != 0xFF) return Problem{"corrupt JPEG data (expected a marker)"};
    int marker = 0xFF;
    while (marker == 0xFF) {  // fill bytes
      if (!in.read(&b, 1)) return Problem{"truncated file"};
      marker = b;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
    if (marker == 0x00 || marker == 0xD8 || marker == 0xD9)
      return Problem{"corrupt JPEG data (unexpected marker before the image data)"};
    unsigned char lenBytes[2];
    if (!in.read(lenBytes, 2)) return Problem{"truncated file"};
    uint16_t len = be16(lenBytes);
    if (len < 2) return Problem{"corrupt JPEG data (invalid segment length)"};
    uint32_t payload = len - 2u;

    if (isSof(marker)) {
      unsigned char s[6];
      if (payload < 6) return Problem{"corrupt JPEG data (short frame header)"};
      if (!in.read(s, 6)) return Problem{"truncated file"};
      if (!in.skip(payload - 6)) return Problem{"truncated file"};
      if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2)
        return Problem{"lossless or arithmetic-coded JPEG is not supported (PDF viewers cannot show it)"};
      if (s[0] != 8) return Problem{std::to_string(s[0]) + "-bit JPEG is not supported (only 8-bit samples)"};
      out.height = be16(s + 1);
      out.width = be16(s + 3);
      out.components = s[5];
      if (out.height == 0) return Problem{"JPEG with the height in a DNL marker is not supported"};
      if (out.components != 1 && out.components != 3 && out.components != 4)
        return Problem{"JPEG with " + std::to_string(out.components) +
                       " colour components is not supported (only grey, RGB, CMYK)"};
      if (auto p = checkPixels(out, limits)) return p;
      if (payload < 6u + 3u * out.components) return Problem{"corrupt JPEG data (short frame header)"};
      sawSof = true;
      continue;
    }
    if (marker == 0xDA) break;              // start of scan: the header ends here
    if (marker == 0xE0 && payload >= 12) {  // APP0 JFIF density
      unsigned char j[12];
      if (!in.read(j, 12)) return Problem{"truncated file"};
      if (!in.skip(payload - 12)) return Problem{"truncated file"};
      if (std::memcmp(j, "JFIF\0", 5) == 0 && (j[7] == 1 || j[7] == 2)) {
        double scale = j[7] == 1 ? 1.0 : 2.54;  // dots per inch or per cm
        out.dpiX = be16(j + 8) * scale;
        out.dpiY = be16(j + 10) * scale;
      }
      continue;
    }
    if (marker == 0xEE && payload >= 12) {  // APP14 Adobe
      unsigned char a[12];
      if (!in.read(a, 12)) return Problem{"truncated file"};
      if (!in.skip(payload - 12)) return Problem{"truncated file"};
      if (std::memcmp(a, "Adobe", 5) == 0) sawAdobe = true;
      continue;
    }
    if (!in.skip(payload)) return Problem{"truncated file"};
  }
  if (!sawSof) return Problem{"corrupt JPEG data (no frame header before the image data)"};
  out.format = Image::Format::Jpeg;
  out.bitsPerComponent = 8;
  // Photoshop (the writer of the Adobe marker) stores CMYK and YCCK inverted;
  // viewers follow that convention, and so does the /Decode we emit.
  out.adobeInvertedCmyk = sawAdobe && out.components == 4;
  return std::nullopt;
}

namespace {

// libjpeg's error manager, extended with the jump target and the message.
struct JpegErrors {
  jpeg_error_mgr mgr;
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
  bool prematureEnd;
};

[[noreturn]] void onJpegError(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<JpegErrors*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

void onJpegMessage(j_common_ptr cinfo, int level) {
  // Warnings only; remember the one that means the data ran out.
  auto* err = reinterpret_cast<JpegErrors*>(cinfo->err);
  if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) err->prematureEnd = true;
}

}  // namespace

std::optional<Problem> checkJpeg(std::string_view file, Image& out) {
  // Everything after the first start-of-scan must contain an EOI marker.
  // (0xFF 0xD9 cannot occur inside entropy-coded data: 0xFF there is stuffed.)
  MemorySource src(file);
  Image header;
  Limits unlimited{~uint64_t(0), ~uint64_t(0)};  // the caller has checked the budget
  if (auto p = readJpegHeader(src, unlimited, header)) return p;
  size_t scanStart = static_cast<size_t>(src.offset());
  if (file.find(std::string_view("\xFF\xD9", 2), scanStart) == std::string_view::npos)
    return Problem{"truncated file"};

  jpeg_decompress_struct cinfo;
  JpegErrors err;
  std::memset(&cinfo, 0, sizeof cinfo);
  std::memset(&err, 0, sizeof err);
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = onJpegError;
  err.mgr.emit_message = onJpegMessage;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return Problem{std::string("corrupt JPEG data (") + err.message + ")"};
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(file.data()),
               static_cast<unsigned long>(file.size()));
  jpeg_read_header(&cinfo, TRUE);
  const bool sizeMatches = cinfo.image_width == out.width && cinfo.image_height == out.height &&
                           cinfo.num_components == out.components;
  const bool cut = err.prematureEnd;
  jpeg_destroy_decompress(&cinfo);
  if (cut) return Problem{"truncated file"};
  if (!sizeMatches) return Problem{"corrupt JPEG data (inconsistent frame headers)"};
  return std::nullopt;
}

}  // namespace folio::image::detail
