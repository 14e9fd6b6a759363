#include "render/Emitter.h"

#include "pdf/PdfWriter.h"

namespace folio::render {

namespace {

class PdfEmitter : public Emitter {
 public:
  explicit PdfEmitter(EmitOptions options) : m_options(std::move(options)) {}

  bool emit(frame::Document&& doc, Sink& sink, Diagnostics& diags) override {
    pdf::WriteOptions wo;
    wo.standard = m_options.standard;
    wo.jobName = m_options.jobName;
    wo.srgbProfile = m_options.srgbProfile;
    wo.cmykProfile = m_options.cmykProfile;
    wo.ua1 = m_options.ua1;
    wo.tags = m_options.tags;
    wo.helperThreads = m_options.helperThreads;
    if (const std::string* file = sink.file()) return pdf::writePdf(std::move(doc), *file, wo, diags);
    return pdf::writePdf(std::move(doc), sink.stream(), wo, diags);
  }

 private:
  EmitOptions m_options;
};

// frame::dump: every item with its position and structure element.
class FramesEmitter : public Emitter {
 public:
  bool emit(frame::Document&& doc, Sink& sink, Diagnostics& diags) override {
    std::ostream& out = sink.stream();
    out << frame::dump(doc);
    out.flush();
    if (out) return true;
    diags.error({sink.file() ? *sink.file() : "-", 0, 0}, "cannot write the frames; expected a writable output");
    return false;
  }
};

}  // namespace

std::unique_ptr<Emitter> makeEmitter(Format format, EmitOptions options) {
  switch (format) {
    case Format::Pdf: return std::make_unique<PdfEmitter>(std::move(options));
    case Format::Frames: return std::make_unique<FramesEmitter>();
  }
  return nullptr;
}

}  // namespace folio::render
