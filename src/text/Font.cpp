// Font loading: HarfBuzz for everything used while shaping and measuring,
// FreeType only once at load time to read the tables a PDF FontDescriptor
// needs (HarfBuzz has no public API for post.isFixedPitch, panose, etc.).
#include "text/Font.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <fcntl.h>
#include <hb-ot.h>
#include <hb.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace folio::text {
namespace {}  // namespace

// A font file mapped into memory, read-only: only the tables a run touches
// are read from disk (a CJK collection is 25 MB, of which a document needs a
// few), and nothing is copied. Like fontconfig and FreeType, Folio assumes a
// font file is not rewritten in place while a run uses it.
struct Font::MappedFile {
  const char* bytes = nullptr;
  size_t size = 0;
  ~MappedFile() {
    if (bytes) ::munmap(const_cast<char*>(bytes), size);
  }
};

namespace {

std::shared_ptr<const Font::MappedFile> mapFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    ::close(fd);
    return nullptr;
  }
  void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return nullptr;
  auto file = std::make_shared<Font::MappedFile>();
  file->bytes = static_cast<const char*>(p);
  file->size = static_cast<size_t>(st.st_size);
  return file;
}

// The bytes of each file, shared while any face of it is alive: the faces
// of a collection then map it once. Weak pointers, so nothing outlives
// the fonts that use it.
std::shared_ptr<const Font::MappedFile> fileBytes(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const Font::MappedFile>> files;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = files.find(path); it != files.end()) {
    if (auto bytes = it->second.lock()) return bytes;
  }
  auto bytes = mapFile(path);
  if (bytes) files[path] = bytes;
  return bytes;
}

std::string nameEntry(hb_face_t* face, hb_ot_name_id_t id) {
  unsigned int len = 0;
  // English first so the family matches what fontconfig reports as primary.
  hb_language_t en = hb_language_from_string("en", -1);
  len = hb_ot_name_get_utf8(face, id, en, nullptr, nullptr);
  hb_language_t lang = en;
  if (len == 0) {
    lang = HB_LANGUAGE_INVALID;
    len = hb_ot_name_get_utf8(face, id, lang, nullptr, nullptr);
  }
  if (len == 0) return {};
  std::string s(len + 1, '\0');
  unsigned int size = len + 1;
  hb_ot_name_get_utf8(face, id, lang, &size, s.data());
  s.resize(size);
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Height of a glyph's ink above the baseline, or 0 when the glyph is absent.
int glyphTop(hb_font_t* font, char32_t cp) {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(font, cp, &gid)) return 0;
  hb_glyph_extents_t ext{};
  if (!hb_font_get_glyph_extents(font, gid, &ext)) return 0;
  return ext.y_bearing;
}

// Fills the metrics from FreeType's view of the sfnt tables.
void readMetrics(FT_Face ft, hb_font_t* hb, const std::string& family, FontMetrics& m) {
  m.unitsPerEm = ft->units_per_EM > 0 ? ft->units_per_EM : 1000;
  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(ft, FT_SFNT_OS2));
  const auto* hhea = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(ft, FT_SFNT_HHEA));
  const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(ft, FT_SFNT_POST));

  // OS/2 fsSelection bit 7 (USE_TYPO_METRICS) says the typo values are the
  // designer's intended line metrics; otherwise hhea is what most renderers use.
  const bool useTypo = os2 && os2->version != 0xFFFF && (os2->fsSelection & (1u << 7));
  if (useTypo) {
    m.ascender = os2->sTypoAscender;
    m.descender = os2->sTypoDescender;
    m.lineGap = os2->sTypoLineGap;
  } else if (hhea) {
    m.ascender = hhea->Ascender;
    m.descender = hhea->Descender;
    m.lineGap = hhea->Line_Gap;
  } else {
    m.ascender = ft->ascender;
    m.descender = ft->descender;
    m.lineGap = ft->height - ft->ascender + ft->descender;
  }
  if (m.ascender == 0 && m.descender == 0 && os2 && os2->version != 0xFFFF) {
    m.ascender = os2->usWinAscent;
    m.descender = -static_cast<int>(os2->usWinDescent);
  }

  m.capHeight = 0;
  m.xHeight = 0;
  if (os2 && os2->version != 0xFFFF && os2->version >= 2) {
    m.capHeight = os2->sCapHeight;
    m.xHeight = os2->sxHeight;
  }
  if (m.capHeight <= 0) m.capHeight = glyphTop(hb, U'H');
  if (m.capHeight <= 0) m.capHeight = static_cast<int>(std::lround(m.ascender * 0.7));
  if (m.xHeight <= 0) m.xHeight = glyphTop(hb, U'x');
  if (m.xHeight <= 0) m.xHeight = static_cast<int>(std::lround(m.capHeight * 0.7));

  m.bbox[0] = static_cast<int>(ft->bbox.xMin);
  m.bbox[1] = static_cast<int>(ft->bbox.yMin);
  m.bbox[2] = static_cast<int>(ft->bbox.xMax);
  m.bbox[3] = static_cast<int>(ft->bbox.yMax);

  m.italicAngle = post ? static_cast<double>(post->italicAngle) / 65536.0 : 0.0;
  m.weight = (os2 && os2->version != 0xFFFF && os2->usWeightClass > 0)
                 ? os2->usWeightClass
                 : ((ft->style_flags & FT_STYLE_FLAG_BOLD) ? 700 : 400);
  m.fixedPitch = (post && post->isFixedPitch != 0) || FT_IS_FIXED_WIDTH(ft);
  m.italic = (ft->style_flags & FT_STYLE_FLAG_ITALIC) ||
             (os2 && os2->version != 0xFFFF && (os2->fsSelection & 1u)) || m.italicAngle != 0.0;

  // Serif: the family name is the most reliable hint ("Noto Sans", "DejaVu
  // Serif"); panose (family type 2 = Latin text, serif style 11..15 = sans
  // designs) decides otherwise.
  const std::string lname = lower(family);
  if (lname.find("sans") != std::string::npos) {
    m.serif = false;
  } else if (lname.find("serif") != std::string::npos) {
    m.serif = true;
  } else if (os2 && os2->version != 0xFFFF && os2->panose[0] == 2) {
    const int serifStyle = os2->panose[1];
    m.serif = serifStyle >= 2 && serifStyle <= 10;
  } else {
    m.serif = false;
  }

  // PDF's Symbolic flag: fonts with a (3,0) symbol cmap use a private
  // encoding; everything else we embed as CID fonts with Unicode cmaps.
  m.symbolic = false;
  for (int i = 0; i < ft->num_charmaps; ++i) {
    if (ft->charmaps[i]->encoding == FT_ENCODING_MS_SYMBOL) m.symbolic = true;
  }

  if (ft->underline_thickness > 0) {
    m.underlinePosition = ft->underline_position;
    m.underlineThickness = ft->underline_thickness;
  } else {
    m.underlinePosition = -m.unitsPerEm / 10;
    m.underlineThickness = m.unitsPerEm / 20;
  }
}

}  // namespace

Font::~Font() {
  if (m_hbFont) hb_font_destroy(m_hbFont);
  if (m_face) hb_face_destroy(m_face);
  if (m_blob) hb_blob_destroy(m_blob);
}

std::unique_ptr<Font> Font::load(const std::string& path, int faceIndex, uint32_t id) {
  std::unique_ptr<Font> f(new Font());
  for (std::atomic<uint32_t>& slot : f->m_coverage) slot.store(kNoAnswer, std::memory_order_relaxed);
  f->m_id = id;
  f->m_path = path;
  f->m_faceIndex = faceIndex;
  f->m_data = fileBytes(path);
  if (!f->m_data || f->m_data->size == 0) return nullptr;

  // The blob borrows m_data, which never changes and outlives the blob.
  f->m_blob = hb_blob_create(f->m_data->bytes, static_cast<unsigned int>(f->m_data->size),
                             HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  f->m_face = hb_face_create(f->m_blob, static_cast<unsigned int>(faceIndex));
  if (hb_face_get_glyph_count(f->m_face) == 0) return nullptr;
  const unsigned int upem = hb_face_get_upem(f->m_face);
  f->m_hbFont = hb_font_create(f->m_face);
  hb_ot_font_set_funcs(f->m_hbFont);
  hb_font_set_scale(f->m_hbFont, static_cast<int>(upem), static_cast<int>(upem));
  // Immutable from here on: HarfBuzz then allows concurrent shaping.
  hb_face_make_immutable(f->m_face);
  hb_font_make_immutable(f->m_hbFont);
  for (char32_t cp = 0; cp < 256; ++cp) {
    hb_codepoint_t gid = 0;
    if (hb_font_get_nominal_glyph(f->m_hbFont, cp, &gid) && gid != 0)
      f->m_latin1[cp >> 6] |= uint64_t{1} << (cp & 63);
  }

  f->m_family = nameEntry(f->m_face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
  if (f->m_family.empty()) f->m_family = nameEntry(f->m_face, HB_OT_NAME_ID_FONT_FAMILY);
  f->m_psName = nameEntry(f->m_face, HB_OT_NAME_ID_POSTSCRIPT_NAME);

  // A private FT_Library per load: FreeType libraries are not thread-safe and
  // this runs once per face, so the setup cost does not matter.
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) return nullptr;
  FT_Face ft = nullptr;
  if (FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(f->m_data->bytes),
                         static_cast<FT_Long>(f->m_data->size), faceIndex, &ft) != 0) {
    FT_Done_FreeType(lib);
    return nullptr;
  }
  if (f->m_family.empty() && ft->family_name) f->m_family = ft->family_name;
  if (f->m_psName.empty()) {
    const char* ps = FT_Get_Postscript_Name(ft);
    if (ps) f->m_psName = ps;
  }
  readMetrics(ft, f->m_hbFont, f->m_family, f->m_metrics);
  if (static_cast<unsigned int>(f->m_metrics.unitsPerEm) != upem && upem > 0) {
    f->m_metrics.unitsPerEm = static_cast<int>(upem);
  }
  FT_Done_Face(ft);
  FT_Done_FreeType(lib);

  // PDF needs a PostScript name without spaces; synthesise one when absent.
  if (f->m_psName.empty()) {
    for (char c : f->m_family)
      if (c != ' ') f->m_psName += c;
    if (f->m_psName.empty()) f->m_psName = "Font" + std::to_string(id);
  }
  return f;
}

std::string_view Font::data() const { return std::string_view(m_data->bytes, m_data->size); }

int Font::advance(uint32_t gid) const { return hb_font_get_glyph_h_advance(m_hbFont, gid); }

bool Font::hasCodepointAbove255(char32_t cp) const {
  if (cp > 0x10FFFF) return askCmap(cp);  // (cp << 1) must keep the whole code point
  std::atomic<uint32_t>& slot = m_coverage[cp % kCoverageSlots];
  const uint32_t seen = slot.load(std::memory_order_relaxed);
  if (seen != kNoAnswer && (seen >> 1) == cp) return (seen & 1) != 0;
  const bool has = askCmap(cp);
  slot.store((static_cast<uint32_t>(cp) << 1) | (has ? 1u : 0u), std::memory_order_relaxed);
  return has;
}

bool Font::askCmap(char32_t cp) const {
  hb_codepoint_t gid = 0;
  return hb_font_get_nominal_glyph(m_hbFont, cp, &gid) && gid != 0;
}

uint32_t Font::glyphFor(char32_t cp) const {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(m_hbFont, cp, &gid)) return 0;
  return gid;
}

bool Font::isMark(uint32_t gid) const {
  return hb_ot_layout_get_glyph_class(m_face, gid) == HB_OT_LAYOUT_GLYPH_CLASS_MARK;
}

}  // namespace folio::text
