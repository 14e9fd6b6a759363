#pragma once
// PoDoFo's reader of PDF pages lives in a module, libfolio-pdfread.so
// (ModuleAbi.h), that folio loads when a document first places a PDF page:
// loading libpodofo and what it pulls in costs every run 10 M instructions
// and 400 page faults (docs/performance.md), and most documents place no
// PDF page. This is folio's side: the loader and one page read through it.
// No PoDoFo here.
#include <cstdint>
#include <string>
#include <string_view>

#include "pdfread/ModuleAbi.h"

namespace folio::pdfread {

// The module's file name.
inline constexpr const char* kModuleFile = "libfolio-pdfread.so";

// The module's functions, loaded once for the process (any thread may ask
// first) from the directory of the running executable, then from the
// directory the build names (FOLIO_PDFREAD_DIR). nullptr when it cannot be
// loaded; `problem` then says where it was looked for and what went wrong.
const folio_pdfread_api* module(std::string& problem);

// One page of another PDF, read and copied by the module.
class PageImport {
 public:
  PageImport() = default;
  ~PageImport();
  PageImport(const PageImport&) = delete;
  PageImport& operator=(const PageImport&) = delete;

  // Reads page `page` (1-based) of the PDF `file`. Returns "", or the
  // problem in the words of a diagnostic (a missing module included).
  std::string open(std::string_view file, int page);
  // After a successful open: the form's extent in pt, its /BBox and /Matrix.
  double width() const;
  double height() const;
  void form(double (&bbox)[4], double (&matrix)[6]) const;
  // How many objects the page's resources reach; number() gives them
  // first, first + 1, ... and serialises them. Returns "" or the problem.
  uint32_t objectCount() const;
  std::string number(uint32_t first);
  // After number(): copied object i's value in PDF syntax (a stream's
  // dictionary), and whether it is a stream, with its still-encoded data
  // (ModuleAbi.h says how they make the object in the file).
  std::string_view object(uint32_t i) const;
  bool stream(uint32_t i, std::string_view& data) const;
  // After number(): /Resources and /Group in PDF syntax ("" for none).
  std::string_view resources() const;
  std::string_view group() const;
  // The page's content, decoded.
  std::string_view content() const;

 private:
  const folio_pdfread_api* m_api = nullptr;
  folio_pdfread_page* m_page = nullptr;
};

}  // namespace folio::pdfread
