#pragma once
// The two CMap programs the writer embeds, as text. Hand-written: PoDoFo
// 0.9.8 only knows predefined CMaps and single-byte encodings.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace folio::fontembed {

struct CidSystemInfo {
  std::string registry = "Adobe", ordering = "Identity";
  int supplement = 0;
};

// ToUnicode: 2-byte code -> text, for copy/paste and search. `entries` sorted
// by code. Entries with empty text (marks whose characters went to their
// base, glyphs that stand for no character) are written as `<code> <>`:
// mapped to nothing. Left out, they made pdfminer print "(cid:N)" and
// PDFium and pdf.js take the code itself for a character (stray Latin
// letters inside Arabic words); with the empty entry pdfminer gives nothing
// for them and PDFium and pdf.js show fewer strays (see docs/scripts.md).

std::string toUnicodeCMap(const std::vector<std::pair<uint16_t, std::u32string>>& entries);

// An /Encoding CMap: 2-byte code -> CID, for fonts whose CIDs cannot be our
// own codes (CFF: the CID selects the glyph through the font's charset).
// `codeToCid` sorted by code.
std::string codeToCidCMap(const std::string& name, const CidSystemInfo& csi,
                          const std::vector<std::pair<uint16_t, uint32_t>>& codeToCid);

}  // namespace folio::fontembed
