#include "pdf/PdfWriter.h"

#include <podofo/podofo.h>

#include <mutex>

#include "pdf/Annotations.h"
#include "pdf/ContentStream.h"
#include "pdf/Destinations.h"
#include "pdf/FileOutput.h"
#include "pdf/Metadata.h"
#include "pdf/Objects.h"
#include "pdf/Outline.h"
#include "pdf/PageTree.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

void quietPodofo() {
  // PoDoFo logs to stderr by default; its errors reach us as PdfError.
  static std::once_flag once;
  std::call_once(once, [] {
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
  });
}

// What no PDF can hold: reported instead of writing a file readers reject.
bool checkDocument(const frame::Document& doc, const std::string& path, Diagnostics& diags) {
  if (doc.pages.empty()) {
    diags.error({path, 0, 0}, "the document has no pages; expected at least one page");
    return false;
  }
  for (size_t i = 0; i < doc.pages.size(); ++i)
    if (doc.pages[i].width <= 0 || doc.pages[i].height <= 0) {
      diags.error({path, 0, 0},
                  "page " + std::to_string(i + 1) + " has no area; expected a positive page size");
      return false;
    }
  return true;
}

std::vector<Rect> mediaBoxes(const frame::Document& doc) {
  std::vector<Rect> boxes;
  for (const frame::Page& p : doc.pages) boxes.push_back(Rect{0, 0, p.width, p.height});
  return boxes;
}

// One page: its content stream, the resources that content uses, its links.
void writePage(PdfMemDocument& pdf, PdfObject* pageObj, const frame::Page& page, Painters& painters,
               const Destinations& dests, int level, Diagnostics& diags) {
  PageResources resources;
  std::string content = pageContent(page, painters, resources, diags);
  PdfObject* stream = pdf.GetObjects().CreateObject();
  setFlateStream(stream, content, level);
  pageObj->GetDictionary().AddKey("Contents", stream->Reference());
  pageObj->GetDictionary().AddKey("Resources", resources.dictionary());
  addLinks(pdf, pageObj, page, dests, diags);
}

bool write(const frame::Document& doc, frame::Document* release, const std::string& path,
           const WriteOptions& options, Diagnostics& diags) {
  if (!checkDocument(doc, path, diags)) return false;
  Diagnostics local;
  try {
    quietPodofo();
    PdfMemDocument pdf;
    pdf.SetPdfVersion(ePdfVersion_1_7);
    std::vector<PdfObject*> pages = buildPageTree(pdf, mediaBoxes(doc));
    Destinations dests(doc, pages, local);

    FontEmbedder fonts(pdf, options.compressionLevel);
    ImageXObjects images(pdf, options.compressionLevel);
    ColorSpaces colors(pdf);
    Painters painters{fonts, images, colors};
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      writePage(pdf, pages[i], doc.pages[i], painters, dests, options.compressionLevel, local);
      if (release) {
        std::vector<frame::Item>().swap(release->pages[i].items);
        std::vector<frame::Link>().swap(release->pages[i].links);
      }
    }
    fonts.embedAll(local);  // after all pages: the fonts know every glyph used

    dests.writeNameTree(pdf);
    writeOutline(pdf, doc.outline, dests, local);
    writeMetadata(pdf, doc.metadata, local);
    // Appending applies the caller's --strict: a warning that became an
    // error there means no file either.
    const size_t errorsBefore = diags.errorCount();
    diags.append(local);
    return diags.errorCount() == errorsBefore && serializeToFile(pdf, path, diags);
  } catch (const PdfError& e) {
    diags.append(local);
    diags.error({path, 0, 0}, std::string("cannot write the PDF: PoDoFo error ") +
                                  PdfError::ErrorName(e.GetError()) + "; expected a writable document");
  } catch (const std::exception& e) {
    diags.append(local);
    diags.error({path, 0, 0}, std::string("cannot write the PDF: ") + e.what());
  }
  return false;
}

}  // namespace

bool writePdf(const frame::Document& doc, const std::string& path, const WriteOptions& options,
              Diagnostics& diags) {
  return write(doc, nullptr, path, options, diags);
}

bool writePdf(frame::Document&& doc, const std::string& path, const WriteOptions& options,
              Diagnostics& diags) {
  return write(doc, &doc, path, options, diags);
}

}  // namespace folio::pdf
