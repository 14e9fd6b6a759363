#pragma once
// One loaded font face: its bytes (kept for PDF embedding), HarfBuzz and
// FreeType handles, and the metrics a PDF FontDescriptor needs. Immutable
// after loading, so it can be shared across threads.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

// HarfBuzz handles, declared at global scope so they are the real HarfBuzz
// types (an elaborated "struct hb_font_t*" inside the namespace would declare
// a distinct folio::text::hb_font_t). No HarfBuzz header leaks out.
struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;

namespace folio::text {

struct FontMetrics {  // all in font units
  int unitsPerEm = 1000;
  int ascender = 0, descender = 0, lineGap = 0;
  int capHeight = 0, xHeight = 0;
  int bbox[4] = {0, 0, 0, 0};
  double italicAngle = 0;
  int weight = 400;  // OS/2 usWeightClass
  bool fixedPitch = false, serif = false, symbolic = false, italic = false;
  int underlinePosition = -100, underlineThickness = 50;
};

class Font {
 public:
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  // No id yet: loaded by a thread that lays out ahead of document order;
  // the FontStore gives it one when the document reaches it.
  static constexpr uint32_t kNoId = UINT32_MAX;

  // Loads a face from a file; nullptr if it cannot be read or parsed.
  static std::unique_ptr<Font> load(const std::string& path, int faceIndex, uint32_t id);

  // The order in which the document (or batch) first needed the font, the
  // same however many threads lay it out: stable and deterministic within a
  // FontStore. Set once, by the FontStore, before the font is painted.
  uint32_t id() const { return m_id.load(std::memory_order_relaxed); }
  const std::string& path() const { return m_path; }
  int faceIndex() const { return m_faceIndex; }
  const std::string& familyName() const { return m_family; }
  const std::string& postscriptName() const { return m_psName; }
  std::string_view data() const;  // the whole file (or collection), mapped read-only
  const FontMetrics& metrics() const { return m_metrics; }
  int unitsPerEm() const { return m_metrics.unitsPerEm; }

  int advance(uint32_t gid) const;  // horizontal advance in font units
  // Inline for Latin-1: itemization asks for every character.
  bool hasCodepoint(char32_t cp) const {
    return cp < 256 ? ((m_latin1[cp >> 6] >> (cp & 63)) & 1) != 0 : hasCodepointAbove255(cp);
  }
  uint32_t glyphFor(char32_t cp) const;  // 0 when missing
  bool isMark(uint32_t gid) const;       // GDEF class mark

  ::hb_font_t* hbFont() const { return m_hbFont; }  // for the shaper (text module only)
  // The face (immutable, thread-safe); font embedding keeps its per-font
  // subset cache on it as HarfBuzz user data, so the cache dies with the font.
  ::hb_face_t* hbFace() const { return m_face; }

  struct MappedFile;  // the file's bytes (Font.cpp)

 private:
  friend class FontStore;  // gives the id (FontStore::giveId)
  Font() = default;
  mutable std::atomic<uint32_t> m_id{0};
  std::string m_path, m_family, m_psName;
  int m_faceIndex = 0;
  // Shared by the faces of one collection file (a CJK .ttc is ~25 MB).
  std::shared_ptr<const MappedFile> m_data;
  FontMetrics m_metrics;
  ::hb_blob_t* m_blob = nullptr;
  ::hb_face_t* m_face = nullptr;
  ::hb_font_t* m_hbFont = nullptr;
  // hasCodepoint() for U+0000..U+00FF as bits, filled at load: itemization
  // asks once per character, and a HarfBuzz lookup each time showed in profiles.
  uint64_t m_latin1[4] = {0, 0, 0, 0};
  // Above U+00FF, the answers given so far, direct-mapped by code point:
  // (cp << 1) | answer, kNoAnswer when empty. A font's answer for a code
  // point never changes, so a slot any thread wrote is right; 32-bit
  // atomics (relaxed) keep a read whole. (The multi-script document asked
  // HarfBuzz's cmap about 500,000 times, 100 instructions each.)
  static constexpr size_t kCoverageSlots = 1024;
  static constexpr uint32_t kNoAnswer = UINT32_MAX;
  mutable std::atomic<uint32_t> m_coverage[kCoverageSlots];
  bool hasCodepointAbove255(char32_t cp) const;
  bool askCmap(char32_t cp) const;
};

}  // namespace folio::text
