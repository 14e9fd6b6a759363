#include "pdf/PdfWriter.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>
#include <ostream>

#include "pdf/Annotations.h"
#include "pdf/ContentStream.h"
#include "pdf/Destinations.h"
#include "pdf/Document.h"
#include "pdf/Md5.h"
#include "pdf/Metadata.h"
#include "pdf/ObjectWriter.h"
#include "pdf/Objects.h"
#include "pdf/Outline.h"
#include "pdf/PageTree.h"
#include "pdf/Standards.h"
#include "pdf/StructureTree.h"

namespace folio::pdf {

namespace {

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

int topHeadingLevel(const std::vector<frame::StructElement>& structure) {
  int top = INT_MAX;
  for (const frame::StructElement& e : structure)
    if (e.role == frame::Role::H) top = std::min(top, int(e.level));
  return top == INT_MAX ? 1 : top;
}

}  // namespace

// What the file keeps of a page until the end, when its object is made:
// its number and size, its content streams (written already), the
// resources its content uses, what its content marks, its links.
struct PageStream::Written {
  Ref ref;
  Sp width = 0, height = 0;
  std::optional<frame::PrintBoxes> boxes;
  Ref body, furniture;  // content streams (furniture: 0 0 R when none)
  std::vector<Ref> annots;
  PageResources resources;
  PageTags tags;
  std::vector<LinkAnnotation> links;
  int64_t key = -1;                    // its /StructParents
  std::unique_ptr<frame::Page> later;  // addPageLater: painted with its template
};

struct PageStream::State {
  State(const WriteOptions& o)
      : fonts(pdf, o.compressionLevel),
        images(pdf, o.compressionLevel),
        colors(pdf),
        painters{fonts, images, colors, o.ua1},
        dests(pages) {}
  ~State() {
    if (file) std::fclose(file);
  }
  Document pdf;
  FontEmbedder fonts;
  ImageXObjects images;
  ColorSpaces colors;
  Painters painters;
  std::vector<Ref> pages;
  Destinations dests;
  std::vector<PendingLink> pendingLinks;
  std::FILE* file = nullptr;  // the output, or a temporary file copied to a stream at the end
  std::unique_ptr<ObjectWriter> writer;
  std::vector<Written> written;
  int64_t nextKey = 0;  // the next /StructParent(s) key
  Diagnostics local;
};

PageStream::PageStream(const WriteOptions& options, std::string path, std::ostream* out, Diagnostics& diags)
    : m_options(options), m_path(std::move(path)), m_out(out), m_diags(diags) {
  try {
    m_state = std::make_unique<State>(options);
    // PDF/X-4 is defined on PDF 1.6 (ISO 15930-7), PDF/A-2 on PDF 1.7.
    m_state->pdf.setVersion(options.standard == PdfStandard::PdfX4 ? "1.6" : "1.7");
    if (options.standard != PdfStandard::None) {
      // RGB always carries the sRGB profile (X-4 forbids DeviceRGB under its
      // CMYK output intent); under A-2b's sRGB intent, CMYK carries the CMYK one.
      m_state->colors.requireProfiles(options.srgbProfile, options.cmykProfile, true,
                                      options.standard == PdfStandard::PdfA2b);
      m_state->images.tagWith(&m_state->colors);
    }
    // Objects go to the file as they are finished (ObjectWriter.h). A
    // stream gets them from a temporary file at the end: the /ID is known
    // only then, and a failed run must not leave half a PDF in the stream.
    m_state->file = m_out ? std::tmpfile() : std::fopen(m_path.c_str(), "wb");
    if (!m_state->file) {
      fail(std::strerror(errno));
      return;
    }
    std::setvbuf(m_state->file, nullptr, _IOFBF, size_t(1) << 18);
    m_state->writer = std::make_unique<ObjectWriter>(m_state->pdf, m_state->file, options.helperThreads,
                                                     options.compressionLevel);
  } catch (const std::exception& e) {
    fail(e.what());
  }
}

PageStream::~PageStream() = default;

void PageStream::fail(const std::string& what) {
  if (m_failed) return;
  m_failed = true;
  if (m_state) m_diags.append(m_state->local);
  m_diags.error({m_path, 0, 0}, "cannot write the PDF: " + what + "; expected a writable document");
  dropFile();
}

// After a failure: the helpers stopped, no half-written file left behind.
void PageStream::dropFile() {
  if (!m_state) return;
  const bool opened = m_state->file && !m_out;
  m_state.reset();
  if (opened) std::remove(m_path.c_str());
}

void PageStream::setStructure(const std::vector<frame::StructElement>* structure, int topHeadingLevel) {
  m_structure = structure;
  m_top = topHeadingLevel;
  m_roles.clear();
}

// Roles of the elements made so far (pagination adds elements as it goes).
void PageStream::updateRoles() {
  if (!m_options.tags || !m_structure) return;
  for (size_t e = m_roles.size(); e < m_structure->size(); ++e)
    m_roles.push_back(structureType((*m_structure)[e], m_top));
}

bool PageStream::tagged() const { return m_options.tags && m_structure; }

// Makes `page`'s link annotations and writes those whose target is known;
// the others wait for resolveLinks at the end.
void PageStream::links(size_t i, const frame::Page& page) {
  // PDF/X: no annotations on the printed area; links are for the screen.
  if (m_options.standard == PdfStandard::PdfX4) return;
  State& st = *m_state;
  Written& w = st.written[i];
  for (MadeLink& made : addLinks(st.pdf, w.ref, page, st.dests, st.local, true)) {
    LinkAnnotation link{made.element, made.annot->ref, -1};
    if (tagged()) {
      // Its key in the parent tree and its words for a screen reader are
      // known now, so it can go to the file at once.
      link.key = st.nextKey++;
      Dictionary& d = made.annot->dict();
      d.add("StructParent", integer(link.key));
      d.add("Contents", textString(linkContents(*m_structure, made.element, made.target)));
    }
    w.annots.push_back(link.annot);
    w.links.push_back(link);
    if (made.pending)
      st.pendingLinks.push_back(PendingLink{made.annot, made.target, i});
    else
      st.writer->write(made.annot);
  }
}

PageStream::Written* PageStream::open(const frame::Page& page) {
  const size_t i = m_state->pages.size();
  if (page.width <= 0 || page.height <= 0) {
    m_diags.error({m_path, 0, 0},
                  "page " + std::to_string(i + 1) + " has no area; expected a positive page size");
    m_failed = true;
    dropFile();
    return nullptr;
  }
  State& st = *m_state;
  const Ref ref = st.writer->reserve();  // the page object is made at the end
  st.pages.push_back(ref);
  st.dests.add(i, page.anchors, st.local);
  st.written.emplace_back();
  Written& w = st.written.back();
  w.ref = ref;
  w.width = page.width;
  w.height = page.height;
  w.boxes = page.boxes;
  if (tagged()) w.key = st.nextKey++;
  links(i, page);
  return &w;
}

void PageStream::paint(Written& w, const frame::Page& page, const std::vector<uint32_t>* itemStructure) {
  updateRoles();
  std::string content =
      pageContent(page, m_state->painters, w.resources, m_options.tags ? itemStructure : nullptr, m_roles,
                  w.tags, m_state->local);
  DocObject* body = m_state->pdf.create();
  w.body = body->ref;
  m_state->writer->writeStream(body, std::move(content));
}

void PageStream::addPage(const frame::Page& page, const std::vector<uint32_t>* itemStructure) {
  if (m_failed) return;
  try {
    if (Written* w = open(page)) paint(*w, page, itemStructure);
  } catch (const std::exception& e) {
    fail(e.what());
  }
}

void PageStream::addPageLater(frame::Page&& page) {
  if (m_failed) return;
  try {
    if (Written* w = open(page)) {
      std::vector<frame::Link>().swap(page.links);
      w->later = std::make_unique<frame::Page>(std::move(page));
    }
  } catch (const std::exception& e) {
    fail(e.what());
  }
}

void PageStream::shiftElements(uint32_t k) {
  if (m_failed || k == 0) return;
  auto shift = [k](uint32_t& e) {
    if (e != frame::kArtifact && e >= 1) e += k;
  };
  for (Written& w : m_state->written) {
    if (w.later)
      for (uint32_t& e : w.later->itemStructure) shift(e);
    for (uint32_t& e : w.tags.elements) shift(e);
    for (LinkAnnotation& l : w.links) shift(l.element);
  }
}

void PageStream::addFurniture(size_t i, frame::Page&& furniture) {
  if (m_failed || i >= m_state->written.size()) return;
  try {
    Written& w = m_state->written[i];
    updateRoles();
    furniture.templateItems = furniture.items.size();
    if (w.later) {
      // A page held back (the first, whose letterhead text is content): one
      // stream, the template's items first, as a page drawn whole.
      frame::Page& page = *w.later;
      page.templateItems = furniture.items.size();
      page.items.insert(page.items.begin(), std::make_move_iterator(furniture.items.begin()),
                        std::make_move_iterator(furniture.items.end()));
      page.itemStructure.insert(page.itemStructure.begin(), furniture.itemStructure.begin(),
                                furniture.itemStructure.end());
      paint(w, page, &page.itemStructure);
      w.later.reset();
      furniture.items.clear();
    }
    if (!furniture.items.empty()) {
      w.tags.paintedFirst = w.tags.elements.size();
      // Painted beneath the body, in a stream of its own before it; saved
      // and restored, so the body starts in the default graphics state.
      std::string content =
          "q\n" +
          pageContent(furniture, m_state->painters, w.resources,
                      m_options.tags ? &furniture.itemStructure : nullptr, m_roles, w.tags, m_state->local) +
          "Q\n";
      DocObject* stream = m_state->pdf.create();
      w.furniture = stream->ref;
      m_state->writer->writeStream(stream, std::move(content), /*startsHelpers=*/false);
    }
    m_state->dests.add(i, furniture.anchors, m_state->local);
    links(i, furniture);
  } catch (const std::exception& e) {
    fail(e.what());
  }
}

// The page objects, now that everything on them is known; each written at once.
void PageStream::writePages() {
  State& st = *m_state;
  const std::vector<Ref> parents = attachPageTree(st.pdf, st.pages);
  for (size_t i = 0; i < st.written.size(); ++i) {
    Written& w = st.written[i];
    Dictionary d = Dictionary::ofType("Page");
    d.add("Parent", parents[i]);
    d.add("MediaBox", rectArray(0, 0, w.width, w.height));
    if (w.boxes) {  // TrimBox and BleedBox of print pages (the MediaBox is the sheet)
      const auto& b = *w.boxes;
      d.add("BleedBox", rectArray(b.bleed.x, b.bleed.y, b.bleed.right(), b.bleed.top()));
      d.add("TrimBox", rectArray(b.trim.x, b.trim.y, b.trim.right(), b.trim.top()));
    }
    if (w.furniture.number != 0) {
      Array contents;
      contents.push_back(w.furniture);
      contents.push_back(w.body);
      d.add("Contents", contents);
    } else {
      d.add("Contents", w.body);
    }
    d.add("Resources", w.resources.dictionary());
    if (!w.annots.empty()) {
      Array annots;
      for (const Ref& a : w.annots) annots.push_back(a);
      d.add("Annots", annots);
    }
    if (tagged()) {
      d.add("Tabs", Name("S"));  // annotations in structure order (PDF/UA-1 7.18.3)
      if (w.key >= 0 && !w.tags.elements.empty()) d.add("StructParents", integer(w.key));
    }
    st.writer->write(w.ref, d);
    w.resources = PageResources();
    std::vector<Ref>().swap(w.annots);
  }
}

bool PageStream::finish(const frame::Document& rest, const std::string& xmpId) {
  if (m_failed) return false;
  if (!checkStandard(rest, m_options, m_path, m_diags)) {
    dropFile();
    return false;
  }
  if (m_state->pages.empty()) {
    m_diags.error({m_path, 0, 0}, "the document has no pages; expected at least one page");
    dropFile();
    return false;
  }
  try {
    State& st = *m_state;
    Diagnostics& local = st.local;
    Document& pdf = st.pdf;
    for (Written& w : st.written)  // a page held back whose template never came
      if (w.later) {
        paint(w, *w.later, &w.later->itemStructure);
        w.later.reset();
      }
    resolveLinks(st.pendingLinks, st.dests, local, [&](const PendingLink& p) {
      // Never written: its number stays a free entry of the xref.
      Written& w = st.written[p.page];
      const Ref ref = p.annot->ref;
      w.annots.erase(std::remove(w.annots.begin(), w.annots.end(), ref), w.annots.end());
      w.links.erase(std::remove_if(w.links.begin(), w.links.end(),
                                   [&](const LinkAnnotation& l) { return l.annot == ref; }),
                    w.links.end());
      pdf.remove(ref);
    });
    std::vector<PendingLink>().swap(st.pendingLinks);  // the resolved ones go out with the rest
    writePages();
    if (tagged()) {
      std::vector<PageTags> tags;
      std::vector<std::vector<LinkAnnotation>> annotations;
      std::vector<int64_t> keys;
      for (Written& w : st.written) {
        tags.push_back(std::move(w.tags));
        annotations.push_back(std::move(w.links));
        keys.push_back(w.key);
      }
      std::vector<Written>().swap(st.written);
      writeStructureTree(pdf, *st.writer, *m_structure, st.pages, tags, keys, annotations, st.nextKey);
    }
    std::vector<Written>().swap(st.written);
    st.fonts.embedAll(local, m_options.helperThreads);  // after all pages: the fonts know every glyph used

    st.dests.writeNameTree(pdf, *st.writer);
    writeOutline(pdf, *st.writer, rest.outline, st.dests, local);
    frame::Metadata meta = rest.metadata;
    if (m_options.standard == PdfStandard::PdfX4 && meta.title.empty()) meta.title = m_options.jobName;
    writeMetadata(pdf, meta, local,
                  standardXmp(m_options.standard, xmpId) + (m_options.ua1 ? uaXmp(m_options.standard) : ""));
    writeStandardParts(pdf, m_options.standard, st.colors, m_options.srgbProfile, m_options.cmykProfile);
    // Appending applies the caller's --strict: a warning that became an
    // error there means no file either.
    const size_t errorsBefore = m_diags.errorCount();
    m_diags.append(local);
    local = Diagnostics();
    if (m_diags.errorCount() != errorsBefore) {
      dropFile();
      return false;
    }
    if (!st.writer->finish()) {
      m_diags.error({m_path, 0, 0},
                    "cannot write the PDF: write failed (disk full?); expected a writable path");
      dropFile();
      return false;
    }
    st.writer.reset();
    if (m_out) {
      // The file was written to a temporary file: now to the stream.
      std::rewind(st.file);
      std::vector<char> buffer(size_t(1) << 16);
      size_t got;
      while ((got = std::fread(buffer.data(), 1, buffer.size(), st.file)) > 0)
        m_out->write(buffer.data(), static_cast<std::streamsize>(got));
      m_out->flush();
      if (!*m_out || std::ferror(st.file)) {
        m_diags.error({m_path, 0, 0}, "cannot write the PDF; expected a writable output");
        dropFile();
        return false;
      }
      return true;
    }
    const bool closed = std::fclose(st.file) == 0;
    st.file = nullptr;
    if (!closed) {
      m_diags.error({m_path, 0, 0},
                    "cannot write the PDF: write failed (disk full?); expected a writable path");
      dropFile();
      std::remove(m_path.c_str());
    }
    return closed;
  } catch (const std::exception& e) {
    fail(e.what());
  }
  return false;
}

namespace {

// Writes to `out` when given, else to the file `path` (also the name in messages).
bool write(const frame::Document& doc, frame::Document* release, const std::string& path, std::ostream* out,
           const WriteOptions& options, Diagnostics& diags) {
  if (!checkDocument(doc, path, diags) || !checkStandard(doc, options, path, diags)) return false;
  // The XMP identifier hashes the pages, which are released as they are written.
  const std::string xmpId = options.standard == PdfStandard::None ? "" : documentId(doc);
  PageStream stream(options, path, out, diags);
  // The structure the pagination recorded, or a plain one for frames built without it.
  FallbackStructure fallback;
  if (options.tags && doc.structure.empty()) fallback = fallbackStructure(doc);
  const std::vector<frame::StructElement>& structure =
      doc.structure.empty() ? fallback.structure : doc.structure;
  stream.setStructure(&structure, topHeadingLevel(structure));
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const std::vector<uint32_t>* items = !options.tags           ? nullptr
                                         : doc.structure.empty() ? &fallback.itemStructure[i]
                                                                 : &doc.pages[i].itemStructure;
    stream.addPage(doc.pages[i], items);
    if (release) {
      std::vector<frame::Item>().swap(release->pages[i].items);
      std::vector<frame::Link>().swap(release->pages[i].links);
    }
  }
  return stream.finish(doc, xmpId);
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
