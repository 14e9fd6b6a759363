#pragma once
// The last stage of the pipeline: finished frames out to a stream, in the
// format asked for. PDF is one emitter; the frame trace (frame::dump, the
// golden files of tests/golden/) is another; a new format is a new Emitter.
#include <cstdint>
#include <memory>
#include <ostream>
#include <set>
#include <string>

#include "base/Diagnostics.h"
#include "base/PdfStandard.h"
#include "frame/Frame.h"
#include "pagination/Pagination.h"

namespace folio::render {

enum class Format : uint8_t { Pdf, Frames };

// Where an emitter writes: a stream, and the file behind it when there is
// one (the PDF emitter then lets the writer write that file itself, so the
// document ID is patched in place instead of holding the bytes twice).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual std::ostream& stream() = 0;
  virtual const std::string* file() const { return nullptr; }
};

struct EmitOptions {
  PdfStandard standard = PdfStandard::None;
  std::string srgbProfile, cmykProfile;  // ICC bytes, for PDF/X-4 and PDF/A-2b
  std::string jobName;                   // the output's file name
  bool ua1 = false;                      // PDF/UA-1 identification (pdfuaid), with tags
  bool tags = true;                      // the structure tree and marked content
  // Threads that compress page streams while pages are painted (-j on one
  // document); the bytes do not depend on it.
  unsigned helperThreads = 0;
};

class Emitter {
 public:
  virtual ~Emitter() = default;
  // Writes the document (whose pages it may release as it goes); false
  // with a diagnostic when that fails.
  virtual bool emit(frame::Document&& doc, Sink& sink, Diagnostics& diags) = 0;
};

std::unique_ptr<Emitter> makeEmitter(Format format, EmitOptions options);

// A PDF written as pagination hands on its pages (pagination::PageSink):
// each page painted and compressed at once, the file written by finish().
class PageStreamEmitter : public pagination::PageSink {
 public:
  // Every file the pages use (fonts, images), for the dependencies.
  virtual const std::set<std::string>& used() const = 0;
  virtual size_t pages() const = 0;
  virtual bool finish(const frame::Document& rest) = 0;
};
std::unique_ptr<PageStreamEmitter> makePdfStream(EmitOptions options, Sink& sink, Diagnostics& diags);

}  // namespace folio::render
