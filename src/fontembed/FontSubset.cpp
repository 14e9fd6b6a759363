#include "fontembed/FontSubset.h"

#include <fcntl.h>
#include <hb-subset.h>
#include <hb.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <list>
#include <memory>
#include <mutex>
#include <utility>

namespace folio::fontembed {

namespace {

// RAII for the HarfBuzz objects so every exit path releases them.
struct HbDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
template <typename T>
using HbPtr = std::unique_ptr<T, HbDeleter>;

bool hasTable(hb_face_t* face, const char* tag) {
  HbPtr<hb_blob_t> t(hb_face_reference_table(face, hb_tag_from_string(tag, 4)));
  return hb_blob_get_length(t.get()) > 0;
}

std::string blobBytes(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return std::string(data ? data : "", data ? len : 0);
}

// The subset's font program has no `cmap`. Folio embeds TrueType outlines
// as a CIDFontType2 whose /CIDToGIDMap selects each glyph, and CFF outlines
// as a bare CFF table, so no reader looks a character up in the program
// (PDF 32000-1, 9.9: "If used with a CIDFont dictionary, the cmap table is
// not needed"); copying text goes through Folio's own ToUnicode map. Given
// glyph ids, hb_subset_plan_create walks the font's whole cmap for every
// character that maps to one of them, only to write a cmap nobody reads:
// 2.1 M instructions per subset of Noto Serif, a quarter of a one-word
// document (docs/performance.md, "Issue 15: small documents"). So hb-subset
// reads the font with its cmap hidden: the file mapped a second time,
// copy-on-write, with the face's `cmap` table record renamed to kHiddenCmap
// (one page copied), a table the subset drops. The tag sorts where `cmap`
// did, as HarfBuzz binary-searches a directory of 64 tables or more.
constexpr char kHiddenCmap[] = "cmaq";

uint32_t be32(const unsigned char* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3];
}

// Offsets of the face's `cmap` table records; empty when it has none, when
// its table directory cannot be read, or when a table already has the
// hidden tag (the font is then subset as it is).
std::vector<size_t> cmapRecords(std::string_view file, int faceIndex) {
  const auto* b = reinterpret_cast<const unsigned char*>(file.data());
  const size_t size = file.size();
  if (size < 12 || faceIndex < 0) return {};
  size_t dir = 0;
  if (std::memcmp(b, "ttcf", 4) == 0) {
    const size_t at = 12 + 4 * static_cast<size_t>(faceIndex);
    if (static_cast<size_t>(faceIndex) >= be32(b + 8) || at + 4 > size) return {};
    dir = be32(b + at);
  } else if (faceIndex != 0) {
    return {};
  }
  if (dir + 12 > size) return {};
  const size_t tables = size_t{b[dir + 4]} << 8 | b[dir + 5];
  if (dir + 12 + 16 * tables > size) return {};
  std::vector<size_t> records;
  for (size_t i = 0; i < tables; ++i) {
    const size_t at = dir + 12 + 16 * i;
    if (std::memcmp(b + at, kHiddenCmap, 4) == 0) return {};
    if (std::memcmp(b + at, "cmap", 4) == 0) records.push_back(at);
  }
  return records;
}

// The font's face with its cmap hidden (see above), or nullptr when it has
// none to hide.
hb_face_t* faceWithoutCmap(const text::Font& font) {
  const std::string_view data = font.data();
  const std::vector<size_t> records = cmapRecords(data, font.faceIndex());
  if (records.empty()) return nullptr;
  struct Bytes {
    char* bytes = nullptr;
    size_t size = 0;
    bool mapped = false;
  };
  auto* own = new Bytes{nullptr, data.size(), false};
  // The same file the font mapped (Folio assumes a font file is not
  // rewritten during a run: text/Font.cpp), so the same bytes.
  const int fd = ::open(font.path().c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    struct stat st;
    if (::fstat(fd, &st) == 0 && static_cast<size_t>(st.st_size) == data.size()) {
      void* p = ::mmap(nullptr, data.size(), PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        own->bytes = static_cast<char*>(p);
        own->mapped = true;
      }
    }
    ::close(fd);
  }
  if (!own->mapped) {  // a copy instead: the same bytes, read in full
    own->bytes = new char[data.size()];
    std::memcpy(own->bytes, data.data(), data.size());
  }
  for (size_t at : records) std::memcpy(own->bytes + at, kHiddenCmap, 4);
  if (own->mapped) ::mprotect(own->bytes, own->size, PROT_READ);
  auto release = [](void* p) {
    auto* b = static_cast<Bytes*>(p);
    if (b->mapped)
      ::munmap(b->bytes, b->size);
    else
      delete[] b->bytes;
    delete b;
  };
  HbPtr<hb_blob_t> blob(
      hb_blob_create(own->bytes, static_cast<unsigned>(own->size), HB_MEMORY_MODE_READONLY, own, release));
  return hb_face_create(blob.get(), static_cast<unsigned>(font.faceIndex()));
}

// What a batch repeats for each document (a mail merge embeds the same fonts
// a thousand times, often with the same glyphs): kept per font, on the
// font's own HarfBuzz face, so it lives exactly as long as the font.
//  - the subsets made, by glyph set, most recently used first, within a
//    byte budget shared by all fonts (kSubsetBudget). Of 1,000 generated
//    letters, the four fonts had 1, 10, 31 and 479 distinct glyph sets; the
//    body font's come back at random, so keeping only the last few subset
//    and compressed the same program again and again (the last 8 of each
//    font: 1,485 subsets made; all of them: 521). A copy shares its
//    compressed program (FontSubset::packed), so a hit costs neither
//    hb-subset nor Flate;
//  - the face hb-subset reads, the font without its cmap (see above),
//    shared by all its subsets. It is no longer prepared with
//    hb_subset_preprocess() after a few subsets: with the cmap hidden a
//    plain subset of a letter's body font costs ~0.4 M instructions, and
//    preparing three fonts cost 126 M, more than a 1,000-letter batch saves.
std::atomic<size_t> g_keptBytes{0};
std::atomic<size_t> g_budget{kSubsetBudget};

struct GidsHash {
  size_t operator()(const std::vector<uint32_t>& gids) const {
    uint64_t h = 1469598103934665603ull;  // FNV-1a over the glyph ids
    for (uint32_t g : gids) h = (h ^ g) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};

class SubsetCache {
 public:
  static SubsetCache& of(const text::Font& font) {
    static hb_user_data_key_t key;
    hb_face_t* face = font.hbFace();
    if (auto* c = static_cast<SubsetCache*>(hb_face_get_user_data(face, &key))) return *c;
    auto* made = new SubsetCache;
    auto destroy = [](void* p) { delete static_cast<SubsetCache*>(p); };
    if (!hb_face_set_user_data(face, &key, made, destroy, false)) delete made;  // another thread was first
    return *static_cast<SubsetCache*>(hb_face_get_user_data(face, &key));
  }
  ~SubsetCache() {
    if (m_source) hb_face_destroy(m_source);
    for (const Kept& k : m_recent) g_keptBytes -= k.bytes;
  }

  bool find(const std::vector<uint32_t>& gids, FontSubset& out) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_index.find(gids);
    if (it == m_index.end()) return false;
    m_recent.splice(m_recent.begin(), m_recent, it->second);
    out = it->second->subset;
    return true;
  }
  void keep(const std::vector<uint32_t>& gids, const FontSubset& subset) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_index.count(gids)) return;  // two threads made the same subset
    m_recent.push_front(Kept{gids, subset, keptBytes(gids, subset)});
    m_index.emplace(gids, m_recent.begin());
    g_keptBytes += m_recent.front().bytes;
    // Over the budget, this font gives up its least recently used subsets
    // (another font's are given up when that font next keeps one).
    while (g_keptBytes > g_budget && m_recent.size() > 1) {
      g_keptBytes -= m_recent.back().bytes;
      m_index.erase(m_recent.back().gids);
      m_recent.pop_back();
    }
  }
  // The face to subset from, the cache's own: the font with its cmap hidden.
  hb_face_t* face(const text::Font& font) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_source) m_source = faceWithoutCmap(font);
    if (!m_source) m_source = hb_face_reference(font.hbFace());
    return m_source;
  }

 private:
  struct Kept {
    std::vector<uint32_t> gids;
    FontSubset subset;
    size_t bytes;  // what it holds, roughly: g_keptBytes counts it
  };
  // The program twice (as made, and compressed: at most about its size),
  // the glyph maps, and the list and index nodes.
  static size_t keptBytes(const std::vector<uint32_t>& gids, const FontSubset& s) {
    return 2 * s.program.size() + 2 * 8 * gids.size() + 32 * s.newGid.size() + 4 * s.cffInfo.gidToCid.size() +
           256;
  }
  std::mutex m_mutex;
  std::list<Kept> m_recent;  // most recent first
  std::unordered_map<std::vector<uint32_t>, std::list<Kept>::iterator, GidsHash> m_index;
  hb_face_t* m_source = nullptr;
};

FontSubset makeSubset(const text::Font& font, hb_face_t* source, const std::vector<uint32_t>& gids);

}  // namespace

size_t setSubsetBudget(size_t bytes) { return g_budget.exchange(bytes); }

size_t keptSubsetBytes() { return g_keptBytes; }

std::string FontSubset::packed(int level,
                               const std::function<std::string(std::string_view, int)>& compress) const {
  std::lock_guard<std::mutex> lock(m_packed->mutex);
  if (m_packed->level != level) {
    m_packed->bytes = compress(program, level);
    m_packed->level = level;
  }
  return m_packed->bytes;
}

FontSubset subsetFont(const text::Font& font, const std::vector<uint32_t>& gids) {
  if (!font.hbFace()) return makeSubset(font, nullptr, gids);
  SubsetCache& cache = SubsetCache::of(font);
  FontSubset out;
  if (cache.find(gids, out)) return out;
  out = makeSubset(font, cache.face(font), gids);
  if (out.ok) cache.keep(gids, out);
  return out;
}

namespace {

// `source`: the face to subset (the cache's), or nullptr for a plain face of the font.
FontSubset makeSubset(const text::Font& font, hb_face_t* source, const std::vector<uint32_t>& gids) {
  FontSubset out;
  std::string_view data = font.data();
  HbPtr<hb_blob_t> blob(hb_blob_create(data.data(), static_cast<unsigned>(data.size()),
                                       HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  // Collections (.ttc) are handled by the face index.
  HbPtr<hb_face_t> face(source ? hb_face_reference(source)
                               : hb_face_create(blob.get(), static_cast<unsigned>(font.faceIndex())));
  if (hb_face_get_glyph_count(face.get()) == 0) {
    out.error = "the font data cannot be parsed";
    return out;
  }
  out.cff = hasTable(face.get(), "CFF ");
  if (!out.cff && !hasTable(face.get(), "glyf")) {
    out.error = hasTable(face.get(), "CFF2")
                    ? "CFF2 (variable OpenType) outlines cannot be embedded in PDF 1.7"
                    : "the font has no TrueType or CFF outlines";
    return out;
  }

  HbPtr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
  if (!input) {
    out.error = "out of memory";
    return out;
  }
  hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
  for (uint32_t g : gids) hb_set_add(glyphs, g);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "DSIG", kHiddenCmap})
    hb_set_add(drop, hb_tag_from_string(t, 4));
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_DEFAULT);

  HbPtr<hb_subset_plan_t> plan(hb_subset_plan_create_or_fail(face.get(), input.get()));
  if (!plan) {
    out.error = "hb-subset could not plan the subset";
    return out;
  }
  const hb_map_t* oldToNew = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (uint32_t g : gids) {
    hb_codepoint_t n = hb_map_get(oldToNew, g);
    if (n == HB_MAP_VALUE_INVALID) {
      out.error = "glyph " + std::to_string(g) + " is missing from the subset";
      return out;
    }
    out.newGid[g] = n;
  }
  HbPtr<hb_face_t> sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) {
    out.error = "hb-subset failed";
    return out;
  }
  if (out.cff) {
    HbPtr<hb_blob_t> cff(hb_face_reference_table(sub.get(), hb_tag_from_string("CFF ", 4)));
    out.program = blobBytes(cff.get());
    out.cffInfo = readCff(out.program);
    if (!out.cffInfo.valid) {
      out.error = "the subset CFF table cannot be read";
      return out;
    }
  } else {
    HbPtr<hb_blob_t> whole(hb_face_reference_blob(sub.get()));
    out.program = blobBytes(whole.get());
  }
  if (out.program.empty()) {
    out.error = "hb-subset produced an empty font";
    return out;
  }
  out.ok = true;
  return out;
}

}  // namespace

std::vector<uint32_t> cffCids(const text::Font& font) {
  std::string_view data = font.data();
  HbPtr<hb_blob_t> blob(hb_blob_create(data.data(), static_cast<unsigned>(data.size()),
                                       HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  HbPtr<hb_face_t> face(hb_face_create(blob.get(), static_cast<unsigned>(font.faceIndex())));
  HbPtr<hb_blob_t> cff(hb_face_reference_table(face.get(), hb_tag_from_string("CFF ", 4)));
  unsigned len = 0;
  const char* bytes = hb_blob_get_data(cff.get(), &len);
  if (!bytes || len == 0) return {};
  CffInfo info = readCff(std::string_view(bytes, len));
  if (!info.valid || !info.cidKeyed) return {};
  return std::move(info.gidToCid);
}

std::string subsetTag(const text::Font& font, const std::vector<uint32_t>& gids) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&h](uint64_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  for (char c : font.postscriptName()) mix(static_cast<unsigned char>(c));
  mix(static_cast<uint64_t>(font.faceIndex()));
  for (uint32_t g : gids) mix(g);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag;
}

}  // namespace folio::fontembed
