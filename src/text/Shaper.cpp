// HarfBuzz shaping with a word cache. The cache is only consulted when the
// characters around the range cannot change its shaping (see
// contextIsNeutral), so a cached result is always what HarfBuzz would give.
#include "text/Shaper.h"

#include <hb-ot.h>
#include <hb.h>
#include <unicode/uchar.h>

#include <unordered_map>

namespace folio::text {
namespace {

// Bounded memory in two generations: when the current map holds this many
// entries it becomes the old one (the previous old one is dropped), and a
// hit in the old map is copied into the current one. So the words in use
// survive a turn, and at most twice this many are held (about 9 MB). A
// single map cleared at 20,000 entries missed 49,454 times on doc-1000
// (32,783 distinct words), this one 33,225 times (+6 MB peak) (docs/performance.md).
constexpr size_t kGenerationEntries = 20000;

// round(v * size / upem), half away from zero, in 64 bits: v * size can
// exceed 2^31 for big glyph offsets at large sizes.
Sp scale(int32_t v, Sp size, int upem) {
  const int64_t num = static_cast<int64_t>(v) * static_cast<int64_t>(size);
  const int64_t half = upem / 2;
  const int64_t q = num >= 0 ? (num + half) / upem : -((-num + half) / upem);
  return static_cast<Sp>(q);
}

// A neighbouring character that can influence shaping across the range
// boundary. HarfBuzz reads context only for cursive joining (Arabic, Syriac,
// N'Ko, Mongolian, Adlam, ... all described by the Unicode Joining_Type
// property), where a transparent mark is skipped to reach the next letter,
// and ZWJ/ZWNJ change joining. So only a non-joining, non-mark, non-joiner
// neighbour is neutral.
bool neutralNeighbour(char32_t c) {
  // ASCII (a word's usual neighbours: spaces, punctuation) is non-joining
  // and has no marks: no ICU look-up per shaped word for it.
  if (c < 0x80) return true;
  if (c == 0x200C || c == 0x200D) return false;
  const auto jt =
      static_cast<UJoiningType>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_JOINING_TYPE));
  if (jt != U_JT_NON_JOINING) return false;
  const int8_t gc = u_charType(static_cast<UChar32>(c));
  return gc != U_NON_SPACING_MARK && gc != U_ENCLOSING_MARK && gc != U_COMBINING_SPACING_MARK;
}

bool contextIsNeutral(std::u32string_view paragraph, uint32_t begin, uint32_t end) {
  if (begin > 0 && !neutralNeighbour(paragraph[begin - 1])) return false;
  if (end < paragraph.size() && !neutralNeighbour(paragraph[end])) return false;
  return true;
}

// Keyed by the Font itself, not its id: a helper thread that lays out ahead
// shapes with fonts whose id is given later (FontStore::Recording).
struct CacheKey {
  const Font* font = nullptr;
  Sp size = 0;
  bool rtl = false;
  bool dottedCircle = false;  // BOT set and the range starts with a mark (see shape())
  uint32_t script = 0;
  std::string language;
  std::string features;
  std::u32string text;
  bool operator==(const CacheKey&) const = default;
};

// The same fields as views of the request: lookups (nearly every call, and
// nearly all of them hits) build no strings. Only a miss stores a CacheKey.
struct CacheKeyView {
  const Font* font = nullptr;
  Sp size = 0;
  bool rtl = false;
  bool dottedCircle = false;
  uint32_t script = 0;
  std::string_view language;
  std::string_view features;
  std::u32string_view text;
};

CacheKeyView viewOf(const CacheKey& k) {
  return CacheKeyView{k.font, k.size, k.rtl, k.dottedCircle, k.script, k.language, k.features, k.text};
}

struct CacheKeyHash {
  using is_transparent = void;
  size_t operator()(const CacheKey& k) const { return (*this)(viewOf(k)); }
  size_t operator()(const CacheKeyView& k) const {
    // FNV-1a over the fields in one pass, inline: nearly every shaped word
    // and space is a look-up (doc-100: 142,787), and the std hashes of the
    // text, language and features were three calls of _Hash_bytes each.
    // Only look-ups use it (the maps are never iterated), so no output
    // depends on it.
    uint64_t h = 0xcbf29ce484222325ULL;
    auto add = [&h](uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; };
    for (char32_t c : k.text) add(c);
    add(reinterpret_cast<uintptr_t>(k.font));
    add(static_cast<uint32_t>(k.size));
    add(static_cast<uint64_t>(k.rtl) | (static_cast<uint64_t>(k.dottedCircle) << 1) |
        (static_cast<uint64_t>(k.script) << 2));
    for (char c : k.language) add(static_cast<unsigned char>(c));
    add(0x100);  // between the two strings: ("ab", "") and ("a", "b") differ
    for (char c : k.features) add(static_cast<unsigned char>(c));
    return static_cast<size_t>(h ^ (h >> 32));
  }
};

struct CacheKeyEqual {
  using is_transparent = void;
  static bool same(const CacheKeyView& a, const CacheKeyView& b) {
    return a.font == b.font && a.size == b.size && a.rtl == b.rtl && a.dottedCircle == b.dottedCircle &&
           a.script == b.script && a.text == b.text && a.language == b.language && a.features == b.features;
  }
  bool operator()(const CacheKey& a, const CacheKey& b) const { return a == b; }
  bool operator()(const CacheKeyView& a, const CacheKey& b) const { return same(a, viewOf(b)); }
  bool operator()(const CacheKey& a, const CacheKeyView& b) const { return same(viewOf(a), b); }
};

std::vector<hb_feature_t> parseFeatures(std::string_view list) {
  std::vector<hb_feature_t> out;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view one = list.substr(pos, comma - pos);
    while (!one.empty() && (one.front() == ' ' || one.front() == '\t')) one.remove_prefix(1);
    while (!one.empty() && (one.back() == ' ' || one.back() == '\t')) one.remove_suffix(1);
    hb_feature_t f;
    // Unparsable entries are dropped: the style module validates user input.
    if (!one.empty() && hb_feature_from_string(one.data(), static_cast<int>(one.size()), &f))
      out.push_back(f);
    pos = comma + 1;
  }
  return out;
}

}  // namespace

struct Shaper::Cache {
  using Map = std::unordered_map<CacheKey, std::vector<Glyph>, CacheKeyHash, CacheKeyEqual>;
  Map map, old;

  void store(CacheKey key, std::vector<Glyph> glyphs) {
    if (map.size() >= kGenerationEntries) {
      old = std::move(map);
      map = Map();
    }
    map.emplace(std::move(key), std::move(glyphs));
  }
  // The cached glyphs, or null.
  const std::vector<Glyph>* find(const CacheKeyView& key) {
    if (auto it = map.find(key); it != map.end()) return &it->second;
    if (old.empty()) return nullptr;  // not hashed twice before the first turn
    auto it = old.find(key);
    if (it == old.end()) return nullptr;
    // Moved (not copied) into the current generation; the old node is
    // erased, so a key is never in both maps.
    auto node = old.extract(it);
    if (map.size() >= kGenerationEntries) {
      old = std::move(map);
      map = Map();
    }
    return &map.insert(std::move(node)).position->second;
  }
};

Shaper::Shaper() : m_cache(new Cache()), m_buffer(hb_buffer_create()) {}

Shaper::~Shaper() {
  hb_buffer_destroy(m_buffer);
  delete m_cache;
}

void Shaper::shape(std::u32string_view paragraph, uint32_t begin, uint32_t end, const ShapeRequest& request,
                   std::vector<Glyph>& out) {
  if (!request.font || begin >= end || end > paragraph.size()) return;
  const Font& font = *request.font;
  // BOT lets HarfBuzz put a dotted circle under a mark that starts the
  // paragraph; that is its only effect, so the cache key records just that
  // case. EOT is left unset (HarfBuzz's and hb-shape's default).
  const bool bot = begin == 0;
  bool startsWithMark = false;
  if (bot) {
    const int8_t firstType = u_charType(static_cast<UChar32>(paragraph[begin]));
    startsWithMark = firstType == U_NON_SPACING_MARK || firstType == U_ENCLOSING_MARK ||
                     firstType == U_COMBINING_SPACING_MARK;
  }

  const bool cacheable = contextIsNeutral(paragraph, begin, end);
  const CacheKeyView key{
      &font,          request.size,     request.rtl,      bot && startsWithMark,
      request.script, request.language, request.features, paragraph.substr(begin, end - begin)};
  if (cacheable) {
    if (const std::vector<Glyph>* hit = m_cache->find(key)) {
      ++m_hits;
      const size_t first = out.size();
      out.insert(out.end(), hit->begin(), hit->end());
      for (size_t k = first; k < out.size(); ++k) out[k].cluster += begin;
      return;
    }
    ++m_misses;
  }

  hb_buffer_clear_contents(m_buffer);
  hb_buffer_add_utf32(m_buffer, reinterpret_cast<const uint32_t*>(paragraph.data()),
                      static_cast<int>(paragraph.size()), begin, static_cast<int>(end - begin));
  hb_buffer_set_direction(m_buffer, request.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  // No language means "undetermined", never the process locale (which is
  // what HarfBuzz's guessing would use): output must not depend on $LANG.
  const std::string_view lang = request.language.empty() ? std::string_view("und") : request.language;
  hb_buffer_set_language(m_buffer, hb_language_from_string(lang.data(), static_cast<int>(lang.size())));
  if (request.script != 0) {
    hb_buffer_set_script(m_buffer, static_cast<hb_script_t>(request.script));
  } else {
    hb_buffer_guess_segment_properties(m_buffer);  // direction and language set: guesses the script only
  }
  hb_buffer_set_cluster_level(m_buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  unsigned flags = HB_BUFFER_FLAG_DEFAULT;
  if (bot) flags |= HB_BUFFER_FLAG_BOT;
  hb_buffer_set_flags(m_buffer, static_cast<hb_buffer_flags_t>(flags));

  const std::vector<hb_feature_t> features = parseFeatures(request.features);
  hb_shape(font.hbFont(), m_buffer, features.data(), static_cast<unsigned>(features.size()));

  unsigned int n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(m_buffer, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(m_buffer, nullptr);
  const int upem = font.unitsPerEm() > 0 ? font.unitsPerEm() : 1000;
  const size_t first = out.size();
  for (unsigned int i = 0; i < n; ++i) {
    Glyph g;
    g.gid = info[i].codepoint;
    g.advance = scale(pos[i].x_advance, request.size, upem);
    g.xOffset = scale(pos[i].x_offset, request.size, upem);
    g.yOffset = scale(pos[i].y_offset, request.size, upem);
    g.cluster = info[i].cluster;
    out.push_back(g);
  }

  if (cacheable) {
    std::vector<Glyph> stored(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
    for (Glyph& g : stored) g.cluster -= begin;
    m_cache->store(CacheKey{key.font, key.size, key.rtl, key.dottedCircle, key.script,
                            std::string(key.language), std::string(key.features), std::u32string(key.text)},
                   std::move(stored));
  }
}

}  // namespace folio::text
