#include "render/Emitter.h"

#include "pdf/PdfWriter.h"

namespace folio::render {

namespace {

pdf::WriteOptions writeOptions(const EmitOptions& o);

class PdfEmitter : public Emitter {
 public:
  explicit PdfEmitter(EmitOptions options) : m_options(std::move(options)) {}

  bool emit(frame::Document&& doc, Sink& sink, Diagnostics& diags) override {
    pdf::WriteOptions wo = writeOptions(m_options);
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

pdf::WriteOptions writeOptions(const EmitOptions& o) {
  pdf::WriteOptions wo;
  wo.standard = o.standard;
  wo.jobName = o.jobName;
  wo.srgbProfile = o.srgbProfile;
  wo.cmykProfile = o.cmykProfile;
  wo.ua1 = o.ua1;
  wo.tags = o.tags;
  wo.helperThreads = o.helperThreads;
  return wo;
}

class PdfStream : public PageStreamEmitter {
 public:
  PdfStream(const EmitOptions& options, Sink& sink, Diagnostics& diags)
      : m_stream(writeOptions(options), sink.file() ? *sink.file() : "-",
                 sink.file() ? nullptr : &sink.stream(), diags) {}

  void begin(const std::vector<frame::StructElement>* structure, int topHeadingLevel) override {
    m_stream.setStructure(structure, topHeadingLevel);
    m_top = topHeadingLevel;
  }
  void page(frame::Page&& body) override {
    note(body);
    if (m_pages++ == 0)
      m_stream.addPageLater(std::move(body));
    else
      m_stream.addPage(body, &body.itemStructure);
  }
  void letterhead(const std::vector<frame::StructElement>* structure, uint32_t k) override {
    m_stream.shiftElements(k);
    m_stream.setStructure(structure, m_top);
  }
  void furniture(size_t page, frame::Page&& furniture) override {
    note(furniture);
    m_stream.addFurniture(page, std::move(furniture));
  }
  const std::set<std::string>& used() const override { return m_used; }
  size_t pages() const override { return m_pages; }
  bool finish(const frame::Document& rest) override { return m_stream.finish(rest); }

 private:
  void note(const frame::Page& page) {
    for (const frame::Item& item : page.items) {
      if (const auto* img = std::get_if<frame::ImagePlacement>(&item); img && img->image)
        m_used.insert(img->image->path);
      if (const auto* run = std::get_if<frame::GlyphRun>(&item); run && run->font)
        m_used.insert(run->font->path());
    }
  }

  pdf::PageStream m_stream;
  int m_top = 1;
  size_t m_pages = 0;
  std::set<std::string> m_used;
};

}  // namespace

std::unique_ptr<PageStreamEmitter> makePdfStream(EmitOptions options, Sink& sink, Diagnostics& diags) {
  return std::make_unique<PdfStream>(options, sink, diags);
}

std::unique_ptr<Emitter> makeEmitter(Format format, EmitOptions options) {
  switch (format) {
    case Format::Pdf: return std::make_unique<PdfEmitter>(std::move(options));
    case Format::Frames: return std::make_unique<FramesEmitter>();
  }
  return nullptr;
}

}  // namespace folio::render
