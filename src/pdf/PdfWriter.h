#pragma once
// Writes a frame::Document as PDF 1.7 through PoDoFo's object model, with
// fonts subset by hb-subset and embedded as Type0 fonts (CIDFontType2 for
// TrueType outlines, CIDFontType0 for CFF) with ToUnicode maps, images,
// links, named destinations, outline, Info and XMP. Deterministic bytes:
// no clock, no time zone, a content-derived /ID.
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "base/PdfStandard.h"
#include "frame/Frame.h"

namespace folio::pdf {

struct WriteOptions {
  int compressionLevel = 6;  // zlib level for content and font streams
  // PDF/X-4 or PDF/A-2b (docs/standards.md); both need the two profiles
  // (ICC bytes): sRGB for RGB colours and images, CMYK for the print condition.
  PdfStandard standard = PdfStandard::None;
  std::string srgbProfile, cmykProfile;
  bool ua1 = false;     // PDF/UA-1 (docs/accessibility.md): pdfuaid in the XMP, needs a title
  bool tags = true;     // the structure tree and marked content (--no-tags turns them off)
  std::string jobName;  // the output's file name: the title PDF/X needs when the content has none
  // Threads that compress page content streams while pages are painted
  // (-j on one document); 0: none. The bytes do not depend on it.
  unsigned helperThreads = 0;
};

// A PDF written page by page (docs/performance.md, "Streaming pages"): each
// page's body is painted and compressed when it is added and its frame can
// go; its template (the running head and "{page} of {pages}") comes later,
// once the page count is known, in a second content stream painted beneath
// the body (/Contents [template body]). Links to anchors not yet seen are
// resolved at the end, as are the page tree, the structure tree, the fonts
// and the outline. Objects go to the file as soon as they are finished
// (pdf::ObjectWriter): content streams and link annotations as pages come,
// page objects and structure elements one by one at the end, from small
// records. The same input gives the same bytes, for any helperThreads.
class PageStream {
 public:
  // Writes to `out` when given, else to the file `path` (also the name in messages).
  PageStream(const WriteOptions& options, std::string path, std::ostream* out, Diagnostics& diags);
  ~PageStream();
  PageStream(const PageStream&) = delete;
  PageStream& operator=(const PageStream&) = delete;

  // The structure elements pages refer to: it may grow between pages (the
  // roles of new elements are read as pages come); its H levels count from
  // `topHeadingLevel`.
  void setStructure(const std::vector<frame::StructElement>* structure, int topHeadingLevel);
  // The next page: painted and compressed now. `itemStructure` is parallel
  // to its items (null: nothing is marked).
  void addPage(const frame::Page& page, const std::vector<uint32_t>* itemStructure);
  // The next page, painted only with its template (addFurniture): the first
  // page, whose letterhead text is content read before the body, so that
  // its marked content is numbered in reading order as on a page drawn whole.
  void addPageLater(frame::Page&& page);
  // Every element index >= 1 recorded so far moves up by k (elements were
  // inserted after the root: the first page's letterhead text).
  void shiftElements(uint32_t k);
  // Page i's template (its items, itemStructure, links, anchors), painted
  // beneath the body added before.
  void addFurniture(size_t i, frame::Page&& furniture);
  // Writes the rest (outline, metadata; the structure set before) and the
  // file. False with a diagnostic when anything failed.
  bool finish(const frame::Document& rest, const std::string& xmpId = "");
  bool failed() const { return m_failed; }

 private:
  struct Written;
  struct State;
  void fail(const std::string& what);
  void dropFile();
  bool tagged() const;
  Written* open(const frame::Page& page);
  void links(size_t i, const frame::Page& page);
  void writePages();
  void paint(Written& w, const frame::Page& page, const std::vector<uint32_t>* itemStructure);
  void updateRoles();

  WriteOptions m_options;
  std::string m_path;
  std::ostream* m_out;
  Diagnostics& m_diags;
  std::unique_ptr<State> m_state;
  const std::vector<frame::StructElement>* m_structure = nullptr;
  int m_top = 1;
  std::vector<std::string> m_roles;
  bool m_failed = false;
};

// Writes to `path` directly (the caller handles temp-file-and-rename).
// Returns false with a diagnostic on failure.
bool writePdf(const frame::Document& doc, const std::string& path, const WriteOptions& options,
              Diagnostics& diags);
// The same, releasing each page's items and links as soon as its content is
// written, so long documents do not hold their pages twice.
bool writePdf(frame::Document&& doc, const std::string& path, const WriteOptions& options,
              Diagnostics& diags);
// The same bytes to a stream (written to a temporary file first, copied
// when complete: a failure leaves nothing half-written in the stream).
bool writePdf(frame::Document&& doc, std::ostream& out, const WriteOptions& options, Diagnostics& diags);

}  // namespace folio::pdf
