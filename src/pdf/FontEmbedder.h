#pragma once
// Fonts as Type0 composite fonts with 2-byte codes of our own: one code per
// distinct (glyph, text) pair, assigned at first use. A glyph that carries
// no text (a mark whose characters went to its base) gets a code whose value
// is a Unicode format character (U+2060 ...): PDFium and pdf.js take the
// code itself for the character when the ToUnicode map gives nothing, and
// pdf.js drops format characters, where other codes came out as stray
// letters inside Arabic words. Own codes make the
// ToUnicode map conflict-free (a space glyph used for U+0020 and U+00A0, a
// ligature and its letters) and let page content be written before any font
// is subset. At the end each font is subset once with hb-subset and embedded:
//  - TrueType outlines: CIDFontType2 + FontFile2; code = CID, and a
//    /CIDToGIDMap stream maps it to the glyph's id in the subset;
//  - CFF outlines (e.g. Noto CJK .ttc/.otf): CIDFontType0 + FontFile3
//    /CIDFontType0C holding the subset's bare CFF table. A CIDToGIDMap does
//    not apply there: a CID-keyed CFF selects glyphs by CID through its
//    charset (hb-subset keeps the original CIDs), a name-keyed CFF uses the
//    CID as glyph id. A CID-keyed font's codes are its CIDs (/Identity-H);
//    a name-keyed one's /Encoding is an embedded CMap that maps our codes to
//    the subset's glyph ids. /W is keyed by CID.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/Diagnostics.h"
#include "fontembed/FontSubset.h"
#include "pdf/Document.h"
#include "pdf/GlyphForms.h"
#include "text/Font.h"

namespace folio::pdf {

class FontEmbedder {
 public:
  FontEmbedder(Document& doc, int compressionLevel);

  struct Use {
    std::string resourceName;  // "F1"
    Ref ref;                   // the Type0 font object (filled by embedAll)
  };
  // Registers `font` (first use creates its Type0 object) and returns its resource.
  const Use& use(const text::Font* font);
  // The 2-byte code for `gid` carrying `text` ("" for glyphs that carry none).
  uint16_t code(const text::Font* font, uint32_t gid, std::u32string_view text, Diagnostics& diags);
  // The text `code` maps to in the ToUnicode map. It differs from the text
  // asked of code() when a glyph of a CID-keyed CFF font carries two texts
  // (its code is its CID, one per glyph): the painter then adds /ActualText.
  std::u32string_view textOf(const text::Font* font, uint16_t code);
  // The glyph's width as written in /W, in 1/1000 em.
  double width(const text::Font* font, uint32_t gid) const;

  // What the painter asks of every glyph: code(), width() and whether
  // textOf(code) differs from `text`, in one call. None of the three changes
  // once asked, so glyphs whose text is one character (nearly all) are
  // remembered per font in a small direct-mapped table (docs/performance.md:
  // three hash look-ups per glyph were 12% of painting).
  struct Shown {
    uint16_t code = 0;
    bool otherText = false;
    double width = 0;
  };
  Shown shown(const text::Font* font, uint32_t gid, std::u32string_view text, Diagnostics& diags);

  // Glyphs that carry no text, drawn as outlines instead (GlyphForms.h).
  GlyphForms& outlines() { return m_outlines; }

  // Subsets and embeds every registered font, in the document's font order
  // (text/DocumentFonts.h), or in first-use order without one; `helpers`
  // threads subset fonts meanwhile (one font each at a time; same bytes).
  void embedAll(Diagnostics& diags, unsigned helpers = 0);

 private:
  struct Entry;
  static std::vector<uint32_t> subsetGids(const Entry& e);
  void embed(Entry& e, fontembed::FontSubset sub, Diagnostics& diags);

  struct Entry {
    const text::Font* font = nullptr;
    Use use;
    DocObject* type0 = nullptr;
    std::unordered_map<std::u32string, uint16_t> codeOf;  // gid (as the first char) + text
    std::vector<uint32_t> codeGid{0};  // code -> original gid; code 0 and kNoGid entries unused
    size_t silentUsed = 0;             // codes of kSilentCodes handed out
    size_t nextCode = 1;               // where the search for the next free code starts
    // CID-keyed CFF fonts (Noto CJK): the code is the glyph's CID, under
    // /Encoding /Identity-H, which every reader knows (pdfminer reads no
    // embedded /Encoding CMap, and lost all CJK text to one); CID of each gid.
    std::vector<uint32_t> cidOfGid;
    std::vector<std::u32string> codeText{U""};
    std::unordered_map<uint32_t, uint16_t> anyCodeOfGid;  // fallback once 65535 codes are taken
    // Fast paths of code() and width(), hit for nearly every glyph: glyphs
    // whose text is one character, keyed by gid << 32 | character, without
    // building a string key; widths by gid (NaN until first asked).
    std::unordered_map<uint64_t, uint16_t> codeOfSingle;
    mutable std::vector<double> widthOfGid;
    bool overflowReported = false;
    // shown()'s memory: slot by gid and character, key gid << 32 | character.
    struct ShownSlot {
      uint64_t key = 0;
      bool valid = false;
      Shown value;
    };
    std::vector<ShownSlot> shownSlots;
  };
  Entry& entry(const text::Font* font);
  static uint16_t newCode(Entry& e, uint32_t gid, std::u32string_view text);

  Document& m_doc;
  int m_level;
  GlyphForms m_outlines;
  std::vector<std::unique_ptr<Entry>> m_entries;  // first-use order (resource names F1, F2, ...)
  std::unordered_map<const text::Font*, size_t> m_index;
  Entry* m_last = nullptr;  // the entry of the previous lookup: runs ask for one font glyph after glyph
  std::u32string m_key;     // reused lookup key
};

}  // namespace folio::pdf
