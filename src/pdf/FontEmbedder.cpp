#include "pdf/FontEmbedder.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "fontembed/CMaps.h"
#include "fontembed/FontSubset.h"
#include "pdf/Objects.h"
#include "text/DocumentFonts.h"

namespace folio::pdf {

// The font program (subset, CFF charset, CMaps) is fontembed's; this file
// writes it as PDF objects.
using fontembed::cffCids;
using fontembed::CidSystemInfo;
using fontembed::codeToCidCMap;
using fontembed::FontSubset;
using fontembed::subsetFont;
using fontembed::subsetTag;
using fontembed::toUnicodeCMap;

namespace {

constexpr uint32_t kMaxCode = 0xFFFF;
constexpr uint32_t kNoGid = UINT32_MAX;  // a code not in use

// Codes for glyphs without text: Unicode format characters (General Category
// Cf), which pdf.js leaves out of the text. Bidi controls (U+200E, U+202A ...)
// and the soft hyphen are not among them: a reader that still shows the
// code would reorder or hyphenate by them. These values are never handed
// out to glyphs with text.
// Low values first: the CIDToGIDMap stream is as long as the highest code.
constexpr uint16_t kSilentCodes[] = {0x180E, 0x200B, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x206A, 0x206B,
                                     0x206C, 0x206D, 0x206E, 0x206F, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB};

bool isSilentCode(size_t code) {
  return std::find(std::begin(kSilentCodes), std::end(kSilentCodes), code) != std::end(kSilentCodes);
}

// PDF FontDescriptor flags (PDF 32000-1, 9.8.2).
constexpr int kFixedPitch = 1 << 0, kSerif = 1 << 1, kSymbolic = 1 << 2, kItalic = 1 << 6;

double perMille(const text::Font& f, double fontUnits) { return fontUnits * 1000.0 / f.unitsPerEm(); }

Dictionary cidSystemInfo(const CidSystemInfo& csi) {
  Dictionary d;
  d.add("Registry", String(csi.registry));
  d.add("Ordering", String(csi.ordering));
  d.add("Supplement", integer(csi.supplement));
  return d;
}

DocObject* fontDescriptor(Document& objs, const text::Font& f, const std::string& baseFont) {
  const text::FontMetrics& m = f.metrics();
  DocObject* fd = objs.create("FontDescriptor");
  Dictionary& d = fd->dict();
  d.add("FontName", Name(baseFont));
  // Symbolic: glyphs are reached through our own codes, never a standard
  // Latin encoding, which is what the Nonsymbolic flag would promise.
  int flags = kSymbolic;
  if (m.fixedPitch) flags |= kFixedPitch;
  if (m.serif) flags |= kSerif;
  if (m.italic) flags |= kItalic;
  d.add("Flags", integer(flags));
  Array bbox;
  bbox.push_back(integer(std::lround(std::floor(perMille(f, m.bbox[0])))));
  bbox.push_back(integer(std::lround(std::floor(perMille(f, m.bbox[1])))));
  bbox.push_back(integer(std::lround(std::ceil(perMille(f, m.bbox[2])))));
  bbox.push_back(integer(std::lround(std::ceil(perMille(f, m.bbox[3])))));
  d.add("FontBBox", bbox);
  d.add("ItalicAngle", number(m.italicAngle));
  d.add("Ascent", integer(std::lround(perMille(f, m.ascender))));
  d.add("Descent", integer(std::lround(perMille(f, m.descender))));
  d.add("CapHeight", integer(std::lround(perMille(f, m.capHeight))));
  d.add("XHeight", integer(std::lround(perMille(f, m.xHeight))));
  // TrueType and CFF-in-OpenType carry no stem width; the usual estimate from
  // the weight class (only hinting of non-embedded substitutes uses it).
  double w = m.weight / 65.0;
  d.add("StemV", integer(std::lround(50 + w * w)));
  return fd;
}

// /W as runs of consecutive keys: [k [w w w] k2 [w] ...].
Array widthArray(const std::map<uint32_t, double>& widths) {
  Array w;
  for (auto it = widths.begin(); it != widths.end();) {
    uint32_t start = it->first, expect = start;
    Array run;
    while (it != widths.end() && it->first == expect) {
      run.push_back(number(it->second));
      ++it;
      ++expect;
    }
    w.push_back(integer(start));
    w.push_back(run);
  }
  return w;
}

// What embedding a font writes besides its program that depends only on the
// font and its code table (each code's glyph and text): the /W array and
// the compressed ToUnicode CMap and CIDToGIDMap. A mail merge embeds the
// same fonts with the same few code tables in letter after letter
// (issue 15), so they are kept for the whole process, most recently used
// first, within a byte budget for all fonts together; the bytes are those
// made afresh. (The last 8 per font were kept before: the letterhead fonts'
// tables came back after more than 8 others and were compressed again,
// ~0.35 M instructions a letter.) The body font's table differs in nearly
// every letter; it passes through and is given up first.
struct CodeTableParts {
  Array widths;
  std::string toUnicode;  // deflated
  std::string cidToGid;   // deflated; empty for CFF
};

class CodeTableCache {
 public:
  static CodeTableCache& instance() {
    static CodeTableCache cache;
    return cache;
  }
  // The font and its code table, as bytes.
  static std::string key(const text::Font* font, const std::vector<uint32_t>& codeGid,
                         const std::vector<std::u32string>& codeText, int level) {
    std::string k(reinterpret_cast<const char*>(&font), sizeof font);
    k.append(reinterpret_cast<const char*>(&level), sizeof level);
    k.append(reinterpret_cast<const char*>(codeGid.data()), codeGid.size() * sizeof(uint32_t));
    for (const std::u32string& t : codeText) {
      const uint32_t n = static_cast<uint32_t>(t.size());
      k.append(reinterpret_cast<const char*>(&n), sizeof n);
      k.append(reinterpret_cast<const char*>(t.data()), t.size() * sizeof(char32_t));
    }
    return k;
  }
  std::shared_ptr<const CodeTableParts> find(const std::string& key) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_index.find(key);
    if (it == m_index.end()) return nullptr;
    m_recent.splice(m_recent.begin(), m_recent, it->second);
    return it->second->parts;
  }
  void keep(const std::string& key, std::shared_ptr<const CodeTableParts> parts) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_index.count(key)) return;  // two threads made the same table
    const size_t bytes =
        2 * key.size() + parts->toUnicode.size() + parts->cidToGid.size() + 16 * parts->widths.size() + 256;
    m_recent.push_front(Kept{key, std::move(parts), bytes});
    m_index.emplace(m_recent.front().key, m_recent.begin());
    m_bytes += bytes;
    while (m_bytes > kBudget && m_recent.size() > 1) {
      m_bytes -= m_recent.back().bytes;
      m_index.erase(m_recent.back().key);
      m_recent.pop_back();
    }
  }

 private:
  static constexpr size_t kBudget = size_t{4} << 20;  // ~1,000 body-font tables of a letter
  struct Kept {
    std::string key;
    std::shared_ptr<const CodeTableParts> parts;
    size_t bytes;  // roughly: the key twice (list and index) and the parts
  };
  std::mutex m_mutex;
  std::list<Kept> m_recent;  // most recent first
  std::unordered_map<std::string, std::list<Kept>::iterator> m_index;
  size_t m_bytes = 0;
};

}  // namespace

FontEmbedder::FontEmbedder(Document& doc, int compressionLevel)
    : m_doc(doc), m_level(compressionLevel), m_outlines(doc, compressionLevel) {}

FontEmbedder::Entry& FontEmbedder::entry(const text::Font* font) {
  if (m_last && m_last->font == font) return *m_last;
  auto it = m_index.find(font);
  if (it != m_index.end()) return *(m_last = m_entries[it->second].get());
  auto e = std::make_unique<Entry>();
  e->font = font;
  e->use.resourceName = std::string("F").append(std::to_string(m_entries.size() + 1));
  e->cidOfGid = cffCids(*font);
  // Created now (empty) so pages can refer to it; filled by embedAll.
  e->type0 = m_doc.create("Font");
  e->use.ref = e->type0->ref;
  m_index.emplace(font, m_entries.size());
  m_entries.push_back(std::move(e));
  return *(m_last = m_entries.back().get());
}

const FontEmbedder::Use& FontEmbedder::use(const text::Font* font) { return entry(font).use; }

uint16_t FontEmbedder::code(const text::Font* font, uint32_t gid, std::u32string_view text,
                            Diagnostics& diags) {
  Entry& e = entry(font);
  const uint64_t single = text.size() == 1 ? (uint64_t{gid} << 32) | text[0] : 0;
  if (single) {
    auto hit = e.codeOfSingle.find(single);
    if (hit != e.codeOfSingle.end()) return hit->second;
  }
  if (!e.cidOfGid.empty() && gid < e.cidOfGid.size() && e.cidOfGid[gid] <= kMaxCode) {
    // The first text asked of a glyph is its ToUnicode entry; see textOf().
    const uint32_t cid = e.cidOfGid[gid];
    if (cid >= e.codeGid.size()) {
      e.codeGid.resize(cid + 1, kNoGid);
      e.codeText.resize(cid + 1);
    }
    if (e.codeGid[cid] == kNoGid) {
      e.codeGid[cid] = gid;
      e.codeText[cid] = text;
    }
    return static_cast<uint16_t>(cid);
  }
  m_key.assign(1, static_cast<char32_t>(gid));
  m_key.append(text);
  auto it = e.codeOf.find(m_key);
  if (it != e.codeOf.end()) {
    if (single) e.codeOfSingle.emplace(single, it->second);
    return it->second;
  }
  if (e.nextCode > kMaxCode) {
    // 65535 distinct (glyph, text) pairs in one font: reuse the glyph's code
    // (its copied text may then be another variant's).
    auto any = e.anyCodeOfGid.find(gid);
    if (any != e.anyCodeOfGid.end()) return any->second;
    if (!e.overflowReported) {
      diags.error({}, "font '" + font->postscriptName() +
                          "' uses more than 65535 distinct glyphs; expected fewer glyphs per font");
      e.overflowReported = true;
    }
    return 0;
  }
  const uint16_t c = newCode(e, gid, text);
  e.codeOf.emplace(m_key, c);
  e.anyCodeOfGid.emplace(gid, c);
  if (single) e.codeOfSingle.emplace(single, c);
  return c;
}

uint16_t FontEmbedder::newCode(Entry& e, uint32_t gid, std::u32string_view text) {
  size_t c = 0;
  if (text.empty() && e.silentUsed < std::size(kSilentCodes)) {
    c = kSilentCodes[e.silentUsed++];
  } else {
    c = e.nextCode;
    while (isSilentCode(c) || (c < e.codeGid.size() && e.codeGid[c] != kNoGid)) ++c;
    e.nextCode = c + 1;
  }
  if (c >= e.codeGid.size()) {
    e.codeGid.resize(c + 1, kNoGid);
    e.codeText.resize(c + 1);
  }
  e.codeGid[c] = gid;
  e.codeText[c] = text;
  return static_cast<uint16_t>(c);
}

std::u32string_view FontEmbedder::textOf(const text::Font* font, uint16_t code) {
  const Entry& e = entry(font);
  return code < e.codeText.size() ? std::u32string_view(e.codeText[code]) : std::u32string_view();
}

double FontEmbedder::width(const text::Font* font, uint32_t gid) const {
  // Two decimals: exact enough that TJ adjustments stay rare, short in /W.
  auto compute = [&] { return std::round(perMille(*font, font->advance(gid)) * 100.0) / 100.0; };
  // Cached per gid (a HarfBuzz call per glyph otherwise); the entry exists
  // for every font painted, as use() comes first.
  const Entry* e = m_last && m_last->font == font ? m_last : nullptr;
  if (!e) {
    auto it = m_index.find(font);
    if (it != m_index.end()) e = m_entries[it->second].get();
  }
  if (!e || gid > 0xFFFF) return compute();
  if (gid >= e->widthOfGid.size()) e->widthOfGid.resize(gid + 1, std::nan(""));
  double& w = e->widthOfGid[gid];
  if (std::isnan(w)) w = compute();
  return w;
}

FontEmbedder::Shown FontEmbedder::shown(const text::Font* font, uint32_t gid, std::u32string_view text,
                                        Diagnostics& diags) {
  auto ask = [&] {
    Shown s;
    s.code = code(font, gid, text, diags);
    s.otherText = textOf(font, s.code) != text;
    s.width = width(font, gid);
    return s;
  };
  if (text.size() != 1) return ask();
  Entry& e = entry(font);
  constexpr size_t kSlots = 1024;  // a power of two
  if (e.shownSlots.empty()) e.shownSlots.resize(kSlots);
  const uint64_t key = (uint64_t{gid} << 32) | text[0];
  Entry::ShownSlot& slot = e.shownSlots[(gid * 31u + static_cast<uint32_t>(text[0])) & (kSlots - 1)];
  if (slot.valid && slot.key == key) return slot.value;
  const Shown s = ask();
  slot = Entry::ShownSlot{key, true, s};
  return s;
}

void FontEmbedder::embedAll(Diagnostics& diags, unsigned helpers) {
  std::vector<Entry*> order;
  for (auto& e : m_entries) order.push_back(e.get());
  // The order in which the document first needed each font (its font ids
  // when it is rendered alone; in a batch the ids follow the batch, the
  // document's own order does not: text/DocumentFonts.h). Without a
  // document (--combine writes frames kept from a batch), the order the
  // pages first use them, as registered: not the ids, which follow the
  // batch and so its -j.
  if (const text::DocumentFonts* doc = text::DocumentFonts::current()) {
    auto key = [doc](const Entry* e) { return std::make_pair(doc->rank(e->font), e->font->id()); };
    std::stable_sort(order.begin(), order.end(),
                     [&](const Entry* a, const Entry* b) { return key(a) < key(b); });
  }
  // Subsetting (hb-subset: 5% of the multi-script sample's instructions)
  // needs nothing but the font and its glyphs: helper threads and this one
  // subset a font each; the PDF objects are then made in that order.
  std::vector<FontSubset> subsets(order.size());
  std::atomic<size_t> next{0};
  auto subsetSome = [&] {
    for (size_t i; (i = next.fetch_add(1)) < order.size();)
      subsets[i] = subsetFont(*order[i]->font, subsetGids(*order[i]));
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < helpers && t + 1 < order.size(); ++t) threads.emplace_back(subsetSome);
  subsetSome();
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < order.size(); ++i) embed(*order[i], std::move(subsets[i]), diags);
}

std::vector<uint32_t> FontEmbedder::subsetGids(const Entry& e) {
  std::vector<uint32_t> gids;
  for (size_t c = 1; c < e.codeGid.size(); ++c)
    if (e.codeGid[c] != kNoGid) gids.push_back(e.codeGid[c]);
  gids.push_back(0);
  std::sort(gids.begin(), gids.end());
  gids.erase(std::unique(gids.begin(), gids.end()), gids.end());
  return gids;
}

void FontEmbedder::embed(Entry& e, FontSubset sub, Diagnostics& diags) {
  const text::Font& f = *e.font;
  Document& objs = m_doc;
  const std::vector<uint32_t> gids = subsetGids(e);
  if (!sub.ok) {
    diags.error({}, "cannot embed font '" + f.postscriptName() + "' (" + f.path() + "): " + sub.error +
                        "; expected a TrueType or OpenType font");
    return;
  }
  const std::string baseFont = subsetTag(f, gids) + "+" + f.postscriptName();

  DocObject* file = objs.create();
  if (sub.cff)
    file->dict().add("Subtype", Name("CIDFontType0C"));
  else
    file->dict().add("Length1", integer(static_cast<int64_t>(sub.program.size())));
  if (m_level > 0)
    setDeflatedStream(file, sub.packed(m_level, deflateBytes));  // once per distinct subset in a batch
  else
    setFlateStream(file, sub.program, m_level);
  DocObject* fd = fontDescriptor(objs, f, baseFont);
  fd->dict().add(sub.cff ? "FontFile3" : "FontFile2", file->ref);

  // The CID each code selects, and the widths keyed by CID.
  CidSystemInfo csi;
  if (sub.cff && sub.cffInfo.cidKeyed) {
    csi.registry = sub.cffInfo.registry;
    csi.ordering = sub.cffInfo.ordering;
    csi.supplement = sub.cffInfo.supplement;
  }
  std::vector<std::pair<uint16_t, uint32_t>> codeToCid;
  std::map<uint32_t, double> widths;
  // The parts a code table gives, kept for a batch (not for the rare
  // uncompressed output, nor for a CFF font with its own encoding CMap,
  // whose name holds the document's resource name).
  const bool cacheable = m_level > 0 && !(sub.cff && e.cidOfGid.empty());
  std::string cacheKey;
  std::shared_ptr<const CodeTableParts> parts;
  if (cacheable) {
    cacheKey = CodeTableCache::key(&f, e.codeGid, e.codeText, m_level);
    parts = CodeTableCache::instance().find(cacheKey);
  }
  for (size_t c = 1; c < e.codeGid.size() && !parts; ++c) {
    uint32_t gid = e.codeGid[c];
    if (gid == kNoGid) continue;
    uint32_t cid = static_cast<uint32_t>(c);
    if (sub.cff) {
      uint32_t newGid = sub.newGid.at(gid);
      cid = sub.cffInfo.cidKeyed && newGid < sub.cffInfo.gidToCid.size() ? sub.cffInfo.gidToCid[newGid]
                                                                         : newGid;
      codeToCid.emplace_back(static_cast<uint16_t>(c), cid);
      if (!e.cidOfGid.empty() && cid != c) {
        diags.error({}, "cannot embed font '" + f.postscriptName() + "': the subset renumbered CID " +
                            std::to_string(c) + "; expected hb-subset to keep a CID-keyed font's CIDs");
        return;
      }
    }
    widths[cid] = width(&f, gid);
  }

  DocObject* cidFont = objs.create("Font");
  Dictionary& cd = cidFont->dict();
  cd.add("Subtype", Name(sub.cff ? "CIDFontType0" : "CIDFontType2"));
  cd.add("BaseFont", Name(baseFont));
  cd.add("CIDSystemInfo", cidSystemInfo(csi));
  cd.add("FontDescriptor", fd->ref);
  if (!parts) {
    auto made = std::make_shared<CodeTableParts>();
    made->widths = widthArray(widths);
    if (!sub.cff) {
      // code (= CID) -> glyph id in the subset, 2 bytes big-endian per CID.
      std::string map(2 * e.codeGid.size(), '\0');
      for (size_t c = 1; c < e.codeGid.size(); ++c) {
        if (e.codeGid[c] == kNoGid) continue;
        uint32_t g = sub.newGid.at(e.codeGid[c]);
        map[2 * c] = static_cast<char>(g >> 8);
        map[2 * c + 1] = static_cast<char>(g & 0xFF);
      }
      made->cidToGid = m_level > 0 ? deflateBytes(map, m_level) : map;
    }
    std::vector<std::pair<uint16_t, std::u32string>> unicode;
    for (size_t c = 1; c < e.codeGid.size(); ++c)
      if (e.codeGid[c] != kNoGid) unicode.emplace_back(static_cast<uint16_t>(c), e.codeText[c]);
    const std::string cmap = toUnicodeCMap(unicode);
    made->toUnicode = m_level > 0 ? deflateBytes(cmap, m_level) : cmap;
    if (cacheable) CodeTableCache::instance().keep(cacheKey, made);
    parts = made;
  }
  // Stored as made: deflated (what setFlateStream writes), or raw at level 0.
  auto setStream = [&](DocObject* obj, const std::string& bytes) {
    if (m_level > 0)
      setDeflatedStream(obj, bytes);
    else
      setFlateStream(obj, bytes, m_level);
  };
  cd.add("W", parts->widths);
  if (!sub.cff) {
    DocObject* m = objs.create();
    setStream(m, parts->cidToGid);
    cd.add("CIDToGIDMap", m->ref);
  }

  DocObject* toUnicode = objs.create();
  setStream(toUnicode, parts->toUnicode);

  Dictionary& t = e.type0->dict();
  t.add("Subtype", Name("Type0"));
  t.add("BaseFont", Name(baseFont));
  if (sub.cff && !e.cidOfGid.empty()) {
    t.add("Encoding", Name("Identity-H"));
  } else if (sub.cff) {
    const std::string cmapName = "Folio-" + baseFont.substr(0, 6) + "-" + e.use.resourceName;
    DocObject* cmap = objs.create("CMap");
    cmap->dict().add("CMapName", Name(cmapName));
    cmap->dict().add("CIDSystemInfo", cidSystemInfo(csi));
    cmap->dict().add("WMode", integer(0));
    setFlateStream(cmap, codeToCidCMap(cmapName, csi, codeToCid), m_level);
    t.add("Encoding", cmap->ref);
  } else {
    t.add("Encoding", Name("Identity-H"));
  }
  Array descendants;
  descendants.push_back(cidFont->ref);
  t.add("DescendantFonts", descendants);
  t.add("ToUnicode", toUnicode->ref);
}

}  // namespace folio::pdf
