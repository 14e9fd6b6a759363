#include "pdf/FileOutput.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "pdf/Md5.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

// Offsets of the two hex strings in "/ID [ <...> <...> ]" of the last trailer.
bool findIdStrings(const std::string& pdf, size_t trailer, size_t (&begin)[2], size_t (&end)[2]) {
  size_t id = pdf.find("/ID", trailer);
  if (id == std::string::npos) return false;
  size_t at = pdf.find('[', id);
  for (int k = 0; k < 2; ++k) {
    if (at == std::string::npos) return false;
    begin[k] = pdf.find('<', at);
    if (begin[k] == std::string::npos) return false;
    end[k] = pdf.find('>', begin[k]);
    if (end[k] == std::string::npos || end[k] - begin[k] - 1 != 32) return false;
    at = end[k];
  }
  return true;
}

}  // namespace

std::string serialize(PdfMemDocument& doc) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  doc.Write(&device);
  std::string pdf(buffer.GetBuffer(), device.GetLength());

  size_t trailer = pdf.rfind("trailer");
  size_t begin[2], end[2];
  if (trailer == std::string::npos || !findIdStrings(pdf, trailer, begin, end))
    throw std::runtime_error("unexpected trailer layout: cannot set the file identifier");
  std::array<uint8_t, 16> digest = md5(std::string_view(pdf).substr(0, trailer));
  static const char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (uint8_t b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 0xF];
  }
  for (int k = 0; k < 2; ++k) pdf.replace(begin[k] + 1, 32, hex);
  return pdf;
}

bool writeFile(const std::string& path, const std::string& bytes, Diagnostics& diags) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    diags.error({path, 0, 0},
                "cannot write the PDF: " + std::string(std::strerror(errno)) + "; expected a writable path");
    return false;
  }
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = std::fflush(f) == 0 && ok;
  ok = std::fclose(f) == 0 && ok;
  if (!ok)
    diags.error({path, 0, 0}, "cannot write the PDF: write failed (disk full?); expected a writable path");
  return ok;
}

}  // namespace folio::pdf
