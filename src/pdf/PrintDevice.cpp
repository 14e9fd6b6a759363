#include "pdf/PrintDevice.h"

#include <charconv>
#include <cstring>

namespace folio::pdf {

namespace {

constexpr size_t kFastBuffer = 256;  // PoDoFo's formats are a few numbers long

}  // namespace

long formatIntegers(char* out, size_t size, const char* format, va_list args) {
  char* p = out;
  char* const limit = out + size;
  for (const char* f = format; *f;) {
    if (*f != '%') {
      if (p == limit) return -1;
      *p++ = *f++;
      continue;
    }
    ++f;
    if (*f == '%') {
      if (p == limit) return -1;
      *p++ = '%';
      ++f;
      continue;
    }
    int length = 0;  // -1: h, 1: l, 2: ll
    if (*f == 'h') {
      length = -1;
      ++f;
    } else if (*f == 'l') {
      length = 1;
      ++f;
      if (*f == 'l') {
        length = 2;
        ++f;
      }
    }
    std::to_chars_result r;
    if (*f == 'd' || *f == 'i') {
      long long v = length == 2    ? va_arg(args, long long)
                    : length == 1  ? va_arg(args, long)
                    : length == -1 ? static_cast<short>(va_arg(args, int))
                                   : va_arg(args, int);
      r = std::to_chars(p, limit, v);
    } else if (*f == 'u') {
      unsigned long long v = length == 2    ? va_arg(args, unsigned long long)
                             : length == 1  ? va_arg(args, unsigned long)
                             : length == -1 ? static_cast<unsigned short>(va_arg(args, unsigned))
                                            : va_arg(args, unsigned);
      r = std::to_chars(p, limit, v);
    } else {
      return -1;  // flags, width, precision, other conversions: vsnprintf's
    }
    if (r.ec != std::errc()) return -1;
    p = r.ptr;
    ++f;
  }
  return p - out;
}

void PrintDevice::Print(const char* format, ...) {
  if (!std::strchr(format, '%')) {  // "<<", "/", "true", a padding of spaces
    Write(format, std::strlen(format));
    return;
  }
  va_list args;
  va_start(args, format);
  const bool written = writeIntegers(format, args);
  va_end(args);
  if (written) return;
  // As PoDoFo's own Print: the length first, then the text.
  va_start(args, format);
  const long bytes = PrintVLen(format, args);
  va_end(args);
  va_start(args, format);
  PoDoFo::PdfOutputDevice::PrintV(format, bytes, args);
  va_end(args);
}

void PrintDevice::PrintV(const char* format, long bytes, va_list args) {
  if (writeIntegers(format, args)) return;
  PoDoFo::PdfOutputDevice::PrintV(format, bytes, args);
}

bool PrintDevice::writeIntegers(const char* format, va_list args) {
  char text[kFastBuffer];
  va_list copy;
  va_copy(copy, args);
  const long n = formatIntegers(text, sizeof text, format, copy);
  va_end(copy);
  if (n < 0) return false;
  Write(text, static_cast<size_t>(n));
  return true;
}

}  // namespace folio::pdf
