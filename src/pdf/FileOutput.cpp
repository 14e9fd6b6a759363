#include "pdf/FileOutput.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "pdf/Md5.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

// Offsets of the two hex strings in "/ID [ <...> <...> ]" of the last trailer.
bool findIdStrings(std::string_view pdf, size_t trailer, size_t (&begin)[2], size_t (&end)[2]) {
  size_t id = pdf.find("/ID", trailer);
  if (id == std::string::npos) return false;
  size_t at = pdf.find('[', id);
  if (at == std::string::npos) return false;
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

std::string hexDigest(std::string_view signedPart) {
  std::array<uint8_t, 16> digest = md5(signedPart);
  static const char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (uint8_t b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 0xF];
  }
  return hex;
}

}  // namespace

bool serializeToFile(PdfMemDocument& doc, const std::string& path, Diagnostics& diags) {
  auto failed = [&](const std::string& why) {
    diags.error({path, 0, 0}, "cannot write the PDF: " + why + "; expected a writable path");
    return false;
  };
  if (std::FILE* f = std::fopen(path.c_str(), "wb"))
    std::fclose(f);
  else
    return failed(std::strerror(errno));
  size_t length = 0;
  {
    PdfOutputDevice device(path.c_str());
    doc.Write(&device);
    length = device.GetLength();
  }  // closed here
  // The file is mapped, not read into memory: the /ID is patched in place.
  int fd = ::open(path.c_str(), O_RDWR);
  if (fd < 0) return failed(std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) != length || length == 0) {
    ::close(fd);
    return failed("write failed (disk full?)");
  }
  void* map = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return failed(std::strerror(errno));
  char* bytes = static_cast<char*>(map);
  std::string_view pdf(bytes, length);
  size_t trailer = pdf.rfind("trailer");
  size_t begin[2], end[2];
  bool ok = trailer != std::string::npos && findIdStrings(pdf, trailer, begin, end);
  if (ok) {
    const std::string hex = hexDigest(pdf.substr(0, trailer));
    for (int k = 0; k < 2; ++k) std::memcpy(bytes + begin[k] + 1, hex.data(), 32);
  }
  ok = ::munmap(map, length) == 0 && ok;
  if (!ok) throw std::runtime_error("unexpected trailer layout: cannot set the file identifier");
  return true;
}

std::string serialize(PdfMemDocument& doc) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  doc.Write(&device);
  std::string pdf(buffer.GetBuffer(), device.GetLength());

  size_t trailer = pdf.rfind("trailer");
  size_t begin[2], end[2];
  if (trailer == std::string::npos || !findIdStrings(pdf, trailer, begin, end))
    throw std::runtime_error("unexpected trailer layout: cannot set the file identifier");
  const std::string hex = hexDigest(std::string_view(pdf).substr(0, trailer));
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
