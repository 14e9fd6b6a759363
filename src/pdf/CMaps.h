#pragma once
// The two CMap programs the writer embeds, as text. Hand-written: PoDoFo
// 0.9.8 only knows predefined CMaps and single-byte encodings.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace folio::pdf {

struct CidSystemInfo {
  std::string registry = "Adobe", ordering = "Identity";
  int supplement = 0;
};

// ToUnicode: 2-byte code -> text, for copy/paste and search. `entries` sorted
// by code; entries with empty text are skipped (they map to nothing).
std::string toUnicodeCMap(const std::vector<std::pair<uint16_t, std::u32string>>& entries);

// An /Encoding CMap: 2-byte code -> CID, for fonts whose CIDs cannot be our
// own codes (CFF: the CID selects the glyph through the font's charset).
// `codeToCid` sorted by code.
std::string codeToCidCMap(const std::string& name, const CidSystemInfo& csi,
                          const std::vector<std::pair<uint16_t, uint32_t>>& codeToCid);

}  // namespace folio::pdf
