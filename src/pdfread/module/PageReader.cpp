#include "pdfread/module/PageReader.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>

#include "pdfread/module/PdfPrecheck.h"

namespace folio::pdfread {

using namespace PoDoFo;

namespace {

// Why a page cannot be read, in the words of a diagnostic.
struct ImportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Budgets against hostile files: nesting of direct objects, and the number
// of objects one page may pull in through its resources.
constexpr int kMaxDepth = 64;
constexpr size_t kMaxObjects = 100000;
constexpr int kMaxTreeDepth = 32;  // /Parent hops when looking up inherited page attributes

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

double numberOf(const PdfObject& o) {
  if (o.IsNumber()) return static_cast<double>(o.GetNumber());
  if (o.IsReal()) return o.GetReal();
  throw ImportError("a page box holds something other than numbers");
}

const PdfObject* resolve(const PdfObject* o, const PdfVecObjects& objects) {
  for (int hops = 0; o && o->IsReference(); ++hops) {
    if (hops > kMaxTreeDepth) return nullptr;
    o = objects.GetObject(o->GetReference());
  }
  return o;
}

// A page attribute that may be inherited from the page tree (MediaBox,
// CropBox, Rotate, Resources; ISO 32000-1, 7.7.3.4).
const PdfObject* inherited(const PdfObject* page, const char* key, const PdfVecObjects& objects) {
  const PdfObject* node = page;
  for (int depth = 0; node && node->IsDictionary() && depth < kMaxTreeDepth; ++depth) {
    if (const PdfObject* v = node->GetDictionary().GetKey(key)) return resolve(v, objects);
    node = resolve(node->GetDictionary().GetKey("Parent"), objects);
  }
  return nullptr;
}

std::optional<Box> readBox(const PdfObject* o, const PdfVecObjects& objects) {
  if (!o || !o->IsArray() || o->GetArray().size() != 4) return std::nullopt;
  double v[4];
  for (int i = 0; i < 4; ++i) {
    const PdfObject* e = resolve(&o->GetArray()[static_cast<size_t>(i)], objects);
    if (!e) return std::nullopt;
    v[i] = numberOf(*e);
  }
  return Box{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
}

// The visible area: the crop box clipped to the media box.
Box pageBox(const PdfObject* page, const PdfVecObjects& objects) {
  std::optional<Box> media = readBox(inherited(page, "MediaBox", objects), objects);
  if (!media) throw ImportError("the page has no valid MediaBox");
  Box box = *media;
  if (std::optional<Box> crop = readBox(inherited(page, "CropBox", objects), objects)) {
    box.x0 = std::max(box.x0, crop->x0);
    box.y0 = std::max(box.y0, crop->y0);
    box.x1 = std::min(box.x1, crop->x1);
    box.y1 = std::min(box.y1, crop->y1);
  }
  if (!(box.width() > 0 && box.height() > 0))
    throw ImportError("the page has no area (empty MediaBox or CropBox)");
  return box;
}

int rotation(const PdfObject* page, const PdfVecObjects& objects) {
  const PdfObject* r = inherited(page, "Rotate", objects);
  if (!r || !r->IsNumber()) return 0;
  int64_t degrees = r->GetNumber() % 360;
  if (degrees < 0) degrees += 360;
  return degrees % 90 == 0 ? static_cast<int>(degrees) : 0;  // readers ignore other angles too
}

// The form /Matrix that turns the box as a viewer shows the page (/Rotate
// is clockwise) and moves its lower-left corner to the origin.
void formMatrix(const Box& b, int degrees, double (&m)[6]) {
  switch (degrees) {
    case 90:
      m[0] = 0, m[1] = -1, m[2] = 1, m[3] = 0, m[4] = -b.y0, m[5] = b.x1;
      break;
    case 180:
      m[0] = -1, m[1] = 0, m[2] = 0, m[3] = -1, m[4] = b.x1, m[5] = b.y1;
      break;
    case 270:
      m[0] = 0, m[1] = 1, m[2] = -1, m[3] = 0, m[4] = b.y1, m[5] = -b.x0;
      break;
    default:
      m[0] = 1, m[1] = 0, m[2] = 0, m[3] = 1, m[4] = -b.x0, m[5] = -b.y0;
      break;
  }
}

std::string decoded(const PdfObject* o) {
  if (!o || !o->HasStream()) throw ImportError("the page's /Contents is not a stream");
  char* buffer = nullptr;
  pdf_long length = 0;
  o->GetStream()->GetFilteredCopy(&buffer, &length);
  std::unique_ptr<char, void (*)(void*)> owned(buffer, podofo_free);
  return std::string(buffer ? buffer : "", buffer ? static_cast<size_t>(length) : 0);
}

// The page's content: one stream, or an array of streams that a reader
// concatenates (with white space between, as the parts may split anywhere
// between tokens).
std::string sourceContent(const PdfObject* page, const PdfVecObjects& objects) {
  const PdfObject* contents = resolve(page->GetDictionary().GetKey("Contents"), objects);
  if (!contents || contents->IsNull()) return "";
  if (!contents->IsArray()) return decoded(contents);
  std::string out;
  for (const PdfObject& part : contents->GetArray()) {
    out += decoded(resolve(&part, objects));
    out += '\n';
  }
  return out;
}

bool isPageTreeNode(const PdfObject* o) {
  if (!o->IsDictionary()) return false;
  const PdfObject* type = o->GetDictionary().GetKey("Type");
  if (!type || !type->IsName()) return false;
  const std::string& t = type->GetName().GetName();
  return t == "Page" || t == "Pages" || t == "Catalog";
}

// Copies objects reachable from a value, each once, breadth first (so
// object numbers follow a fixed order: the same file gives the same bytes),
// as PDF syntax whose references are renumbered: "N 0 R" is out[N - 1].
class Copier {
 public:
  Copier(PdfMemDocument& source, std::vector<CopiedObject>& out) : m_src(source.GetObjects()), m_out(out) {}

  PdfObject copy(const PdfObject& v, int depth = 0) {
    if (depth > kMaxDepth) throw ImportError("objects are nested more than 64 deep");
    if (v.IsReference()) return target(v.GetReference());
    if (v.IsDictionary()) {
      PdfDictionary d;
      for (const auto& [key, value] : v.GetDictionary().GetKeys()) d.AddKey(key, copy(*value, depth + 1));
      return PdfObject(d);
    }
    if (v.IsArray()) {
      PdfArray a;
      for (const PdfObject& e : v.GetArray()) a.push_back(copy(e, depth + 1));
      return PdfObject(a);
    }
    return v;
  }

  // Copies what the references handed out so far point to, and what those reach.
  void finish() {
    while (!m_todo.empty()) {
      auto [from, to] = m_todo.front();
      m_todo.pop_front();
      if (!from->HasStream()) {
        copy(*from).ToString(m_out[to].syntax);
        continue;
      }
      PdfDictionary d;
      for (const auto& [key, value] : from->GetDictionary().GetKeys())
        if (key != PdfName::KeyLength) d.AddKey(key, copy(*value, 1));  // ours is set with the data
      PdfObject(d).ToString(m_out[to].syntax);
      char* buffer = nullptr;
      pdf_long length = 0;
      from->GetStream()->GetCopy(&buffer, &length);  // still encoded: /Filter is copied with it
      std::unique_ptr<char, void (*)(void*)> owned(buffer, podofo_free);
      m_out[to].stream = true;
      m_out[to].streamData.assign(buffer ? buffer : "", buffer ? static_cast<size_t>(length) : 0);
    }
  }

 private:
  PdfObject target(const PdfReference& ref) {
    auto it = m_copied.find(ref);
    if (it != m_copied.end()) return PdfObject(it->second);
    PdfObject* from = m_src.GetObject(ref);
    // A reference to a missing object means null (ISO 32000-1, 7.3.10); a
    // resource pointing into the page tree would drag in the whole file.
    if (!from || isPageTreeNode(from)) return PdfObject(PdfVariant::NullValue);
    if (m_copied.size() >= kMaxObjects) throw ImportError("the page uses more than 100000 objects");
    m_out.emplace_back();
    const PdfReference to(static_cast<pdf_objnum>(m_out.size()), 0);
    m_copied.emplace(ref, to);
    m_todo.emplace_back(from, m_out.size() - 1);
    return PdfObject(to);
  }

  PdfVecObjects& m_src;
  std::vector<CopiedObject>& m_out;
  std::map<PdfReference, PdfReference> m_copied;
  std::deque<std::pair<PdfObject*, size_t>> m_todo;
};

void quiet() {
  // PoDoFo logs to stderr by default; its errors reach us as PdfError.
  static std::once_flag once;
  std::call_once(once, [] {
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
  });
}

void read(std::string_view file, int page, PageCopy& out) {
  quiet();
  // Refused before PoDoFo parses: a damaged cross-reference table (which
  // PoDoFo would repair by re-parsing the whole file, for seconds) and any
  // encryption (which it parses deep enough to leak before reporting).
  if (std::string problem = precheckPdf(file); !problem.empty()) throw ImportError(problem);
  PdfMemDocument source;
  try {
    source.LoadFromBuffer(file.data(), static_cast<long>(file.size()));
  } catch (const PdfError& e) {
    if (e.GetError() == ePdfError_InvalidPassword)
      throw ImportError("the PDF is encrypted (it needs a password)");
    throw ImportError(std::string("the PDF cannot be parsed (") + PdfError::ErrorName(e.GetError()) + ")");
  }
  // Even without a user password, encrypted strings and streams would have
  // to be decrypted before being copied into an unencrypted document.
  if (source.GetEncrypted()) throw ImportError("the PDF is encrypted");
  const int count = source.GetPageCount();
  if (count <= 0) throw ImportError("the PDF has no pages");
  if (page < 1 || page > count)
    throw ImportError("page " + std::to_string(page) + " does not exist; the PDF has " +
                      std::to_string(count) + (count == 1 ? " page" : " pages"));
  PdfPage* p = source.GetPage(page - 1);
  if (!p || !p->GetObject() || !p->GetObject()->IsDictionary()) throw ImportError("the page tree is damaged");
  const PdfObject* pageObj = p->GetObject();
  const PdfVecObjects& objects = source.GetObjects();

  const Box box = pageBox(pageObj, objects);
  const int degrees = rotation(pageObj, objects);
  std::string content = sourceContent(pageObj, objects);

  Copier copier(source, out.objects);
  out.box[0] = box.x0, out.box[1] = box.y0, out.box[2] = box.x1, out.box[3] = box.y1;
  formMatrix(box, degrees, out.matrix);
  if (const PdfObject* resources = inherited(pageObj, "Resources", objects);
      resources && resources->IsDictionary())
    copier.copy(*resources).ToString(out.resources);
  // A page's transparency group applies to the form drawn in its place.
  if (const PdfObject* group = resolve(pageObj->GetDictionary().GetKey("Group"), objects);
      group && group->IsDictionary())
    copier.copy(*group).ToString(out.group);
  copier.finish();
  out.content = std::move(content);

  const bool turned = degrees == 90 || degrees == 270;
  out.width = turned ? box.height() : box.width();
  out.height = turned ? box.width() : box.height();
}

}  // namespace

std::string readPage(std::string_view file, int page, PageCopy& out) {
  try {
    out = PageCopy();
    read(file, page, out);
    return "";
  } catch (const ImportError& e) {
    return e.what();
  } catch (const PdfError& e) {
    return std::string("the PDF is damaged (") + PdfError::ErrorName(e.GetError()) + ")";
  } catch (const std::bad_alloc&) {
    return "out of memory while reading the PDF";
  }
}

}  // namespace folio::pdfread
