#include "pdf/PdfWriter.h"

#include <ostream>

#include <podofo/podofo.h>

#include <algorithm>
#include <climits>
#include <mutex>

#include "pdf/Annotations.h"
#include "pdf/ContentStream.h"
#include "pdf/Destinations.h"
#include "pdf/FileOutput.h"
#include "pdf/Md5.h"
#include "pdf/Metadata.h"
#include "pdf/Objects.h"
#include "pdf/Outline.h"
#include "pdf/PageCompressor.h"
#include "pdf/PageTree.h"
#include "pdf/Standards.h"
#include "pdf/StructureTree.h"

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

// A standard's requirements that the document itself must meet.
bool checkStandard(const frame::Document& doc, const WriteOptions& options, const std::string& path,
                   Diagnostics& diags) {
  if (options.ua1) {
    if (!options.tags) {
      diags.error({path, 0, 0}, "pdf/ua-1 needs the structure tree; expected no --no-tags");
      return false;
    }
    if (doc.metadata.title.empty()) {
      diags.error({path, 0, 0}, "pdf/ua-1 needs the document's title; expected 'title:' in the content");
      return false;
    }
  }
  if (options.standard == PdfStandard::None) return true;
  const char* name = pdfStandardName(options.standard);
  auto profileOk = [&](const std::string& bytes, int components, const char* what) {
    if (readIccInfo(bytes).components == components) return true;
    diags.error({path, 0, 0}, std::string("no usable ") + what + " ICC profile for " + name +
                                  "; expected the profiles of tools/setup.sh (see docs/standards.md)");
    return false;
  };
  if (!profileOk(options.srgbProfile, 3, "sRGB") || !profileOk(options.cmykProfile, 4, "CMYK")) return false;
  if (options.standard == PdfStandard::PdfX4) {
    if (doc.metadata.date.empty()) {
      diags.error({path, 0, 0},
                  "pdf/x-4 needs the document's creation date; expected 'date:' in the content "
                  "or SOURCE_DATE_EPOCH");
      return false;
    }
    for (size_t i = 0; i < doc.pages.size(); ++i)
      if (!doc.pages[i].boxes) {
        diags.error({path, 0, 0}, "pdf/x-4 needs a TrimBox on page " + std::to_string(i + 1) +
                                      "; expected the pages to be laid out for print");
        return false;
      }
  }
  return true;
}

// A stable identifier of the document for XMP (PDF/X): a hash of what is on its pages.
std::string documentId(const frame::Document& doc) {
  std::array<uint8_t, 16> d = md5(frame::dump(doc, frame::DumpDetail::Layout));
  static const char kHex[] = "0123456789abcdef";
  std::string id = "uuid:";
  for (size_t i = 0; i < d.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
    id += kHex[d[i] >> 4];
    id += kHex[d[i] & 0xF];
  }
  return id;
}

// TrimBox and BleedBox of print pages (the MediaBox is the sheet).
void addPageBoxes(const std::vector<PdfObject*>& pages, const frame::Document& doc) {
  for (size_t i = 0; i < pages.size(); ++i) {
    const auto& boxes = doc.pages[i].boxes;
    if (!boxes) continue;
    PdfDictionary& d = pages[i]->GetDictionary();
    d.AddKey("BleedBox", rectArray(boxes->bleed.x, boxes->bleed.y, boxes->bleed.right(), boxes->bleed.top()));
    d.AddKey("TrimBox", rectArray(boxes->trim.x, boxes->trim.y, boxes->trim.right(), boxes->trim.top()));
  }
}

std::vector<Rect> mediaBoxes(const frame::Document& doc) {
  std::vector<Rect> boxes;
  for (const frame::Page& p : doc.pages) boxes.push_back(Rect{0, 0, p.width, p.height});
  return boxes;
}

// One page: its content stream, the resources that content uses, its links.
std::vector<LinkAnnotation> writePage(PdfMemDocument& pdf, PdfObject* pageObj, const frame::Page& page,
                                      Painters& painters, const Destinations& dests, PageCompressor& compressor,
                                      bool links, const std::vector<uint32_t>* itemStructure,
                                      const std::vector<std::string>& roles, PageTags& tags,
                                      Diagnostics& diags) {
  PageResources resources;
  std::string content = pageContent(page, painters, resources, itemStructure, roles, tags, diags);
  PdfObject* stream = pdf.GetObjects().CreateObject();
  compressor.add(stream, std::move(content));
  pageObj->GetDictionary().AddKey("Contents", stream->Reference());
  pageObj->GetDictionary().AddKey("Resources", resources.dictionary());
  if (!links) return {};
  return addLinks(pdf, pageObj, page, dests, diags);
}

// Writes to `out` when given, else to the file `path` (also the name in messages).
bool write(const frame::Document& doc, frame::Document* release, const std::string& path, std::ostream* out,
           const WriteOptions& options, Diagnostics& diags) {
  if (!checkDocument(doc, path, diags) || !checkStandard(doc, options, path, diags)) return false;
  const PdfStandard standard = options.standard;
  // The XMP identifier hashes the pages, which are released as they are written.
  const std::string xmpId = standard == PdfStandard::None ? "" : documentId(doc);
  Diagnostics local;
  try {
    quietPodofo();
    PdfMemDocument pdf;
    // PDF/X-4 is defined on PDF 1.6 (ISO 15930-7), PDF/A-2 on PDF 1.7.
    pdf.SetPdfVersion(standard == PdfStandard::PdfX4 ? ePdfVersion_1_6 : ePdfVersion_1_7);
    std::vector<PdfObject*> pages = buildPageTree(pdf, mediaBoxes(doc));
    addPageBoxes(pages, doc);
    Destinations dests(doc, pages, local);

    FontEmbedder fonts(pdf, options.compressionLevel);
    ImageXObjects images(pdf, options.compressionLevel);
    ColorSpaces colors(pdf);
    if (standard != PdfStandard::None) {
      // RGB always carries the sRGB profile (X-4 forbids DeviceRGB under its
      // CMYK output intent); under A-2b's sRGB intent, CMYK carries the CMYK one.
      colors.requireProfiles(options.srgbProfile, options.cmykProfile, true, standard == PdfStandard::PdfA2b);
      images.tagWith(&colors);
    }
    Painters painters{fonts, images, colors, options.ua1};
    // PDF/X: no annotations on the printed area; links are for the screen.
    const bool links = standard != PdfStandard::PdfX4;
    // The structure the pagination recorded, or a plain one for frames built without it.
    FallbackStructure fallback;
    if (options.tags && doc.structure.empty()) fallback = fallbackStructure(doc);
    const std::vector<frame::StructElement>& structure =
        doc.structure.empty() ? fallback.structure : doc.structure;
    int top = INT_MAX;
    for (const frame::StructElement& e : structure)
      if (e.role == frame::Role::H) top = std::min(top, e.level);
    std::vector<std::string> roles;
    if (options.tags)
      for (const frame::StructElement& e : structure)
        roles.push_back(structureType(e, top == INT_MAX ? 1 : top));
    std::vector<PageTags> tags(doc.pages.size());
    std::vector<std::vector<LinkAnnotation>> annotations(doc.pages.size());
    PageCompressor compressor(doc.pages.size() > 1 ? options.helperThreads : 0, options.compressionLevel);
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      const std::vector<uint32_t>* items = !options.tags           ? nullptr
                                           : doc.structure.empty() ? &fallback.itemStructure[i]
                                                                   : &doc.pages[i].itemStructure;
      annotations[i] = writePage(pdf, pages[i], doc.pages[i], painters, dests, compressor, links, items, roles,
                                 tags[i], local);
      if (release) {
        std::vector<frame::Item>().swap(release->pages[i].items);
        std::vector<frame::Link>().swap(release->pages[i].links);
      }
    }
    compressor.finish();
    if (options.tags) writeStructureTree(pdf, structure, pages, tags, annotations);
    fonts.embedAll(local, options.helperThreads);  // after all pages: the fonts know every glyph used

    dests.writeNameTree(pdf);
    writeOutline(pdf, doc.outline, dests, local);
    frame::Metadata meta = doc.metadata;
    if (standard == PdfStandard::PdfX4 && meta.title.empty()) meta.title = options.jobName;
    writeMetadata(pdf, meta, local, standardXmp(standard, xmpId) + (options.ua1 ? uaXmp(standard) : ""));
    writeStandardParts(pdf, standard, colors, options.srgbProfile, options.cmykProfile);
    // Appending applies the caller's --strict: a warning that became an
    // error there means no file either.
    const size_t errorsBefore = diags.errorCount();
    diags.append(local);
    if (diags.errorCount() != errorsBefore) return false;
    if (!out) return serializeToFile(pdf, path, diags);
    const std::string bytes = serialize(pdf);
    out->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out->flush();
    if (*out) return true;
    diags.error({path, 0, 0}, "cannot write the PDF; expected a writable output");
    return false;
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
  return write(doc, nullptr, path, nullptr, options, diags);
}

bool writePdf(frame::Document&& doc, const std::string& path, const WriteOptions& options,
              Diagnostics& diags) {
  return write(doc, &doc, path, nullptr, options, diags);
}

bool writePdf(frame::Document&& doc, std::ostream& out, const WriteOptions& options, Diagnostics& diags) {
  return write(doc, &doc, "-", &out, options, diags);
}

}  // namespace folio::pdf
