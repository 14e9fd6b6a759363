#pragma once
// A PdfOutputDevice that formats PoDoFo's own Print() calls without
// vsnprintf. PoDoFo 0.9.8 prints every integer, reference and object
// header it writes ("%li", " %i %hi R", "%i %i obj\n", and the literal
// "<<", "/", "]") through Print, which runs vsnprintf twice (once for the
// length, once for the text): 1.4 M instructions a letter
// (docs/performance.md, "Issue 15, fourth round: writer"). Print and
// PrintV are virtual in 0.9.8; here a format made only of literal text
// and %d/%i/%u with an h, l or ll length is written with std::to_chars,
// anything else (flags, widths, precisions, %g, %s, ...) goes to
// PoDoFo's vsnprintf as before. The bytes are the same: to_chars of an
// integer is exactly printf's %d/%u.
#include <podofo/podofo.h>

#include <cstdarg>

namespace folio::pdf {

class PrintDevice : public PoDoFo::PdfOutputDevice {
 public:
  using PoDoFo::PdfOutputDevice::PdfOutputDevice;

  void Print(const char* format, ...) override;
  void PrintV(const char* format, long bytes, va_list args) override;

 private:
  // Writes `format` formatted with a copy of `args` when formatIntegers
  // handles it; false (nothing written, `args` untouched) otherwise.
  bool writeIntegers(const char* format, va_list args);
};

// Formats `format` with `args` into `out` (capacity `size`) when it uses
// only the conversions above; the length written, or -1 (nothing consumed
// from the caller's view: `args` is a copy).
long formatIntegers(char* out, size_t size, const char* format, va_list args);

}  // namespace folio::pdf
