#pragma once
// Knuth-Plass total-fit line breaking ("Breaking Paragraphs into Lines",
// Knuth and Plass 1981) over boxes, glue and penalties. Pure algorithm: no
// fonts, no text; widths are integers so results are exact and testable.
#include <cstdint>
#include <vector>

#include "base/Units.h"

namespace folio::linebreak {

constexpr int32_t kInfinitePenalty = 10000;  // >= this: never break here; <= -this: must break

struct Item {
  enum class Type : uint8_t { Box, Glue, Penalty };
  Type type = Type::Box;
  Sp width = 0;
  Sp stretch = 0;   // Glue
  Sp shrink = 0;    // Glue
  int32_t penalty = 0;  // Penalty
  bool flagged = false; // Penalty: a hyphenation point (consecutive-hyphen demerits)
  uint32_t tag = 0;     // caller's data, carried through

  static Item box(Sp w, uint32_t tag = 0) { Item i; i.width = w; i.tag = tag; return i; }
  static Item glue(Sp w, Sp stretch, Sp shrink, uint32_t tag = 0) {
    Item i; i.type = Type::Glue; i.width = w; i.stretch = stretch; i.shrink = shrink; i.tag = tag; return i;
  }
  static Item penaltyItem(Sp w, int32_t p, bool flagged = false, uint32_t tag = 0) {
    Item i; i.type = Type::Penalty; i.width = w; i.penalty = p; i.flagged = flagged; i.tag = tag; return i;
  }
};

struct Params {
  double tolerance = 200;          // TeX's \tolerance (second pass)
  double pretolerance = 100;       // first pass, without hyphenation; < 0 skips it
  int32_t linePenalty = 10;        // \linepenalty
  int32_t flaggedDemerits = 3000;  // \doublehyphendemerits
  int32_t fitnessDemerits = 10000; // \adjdemerits
  int32_t finalHyphenDemerits = 5000;
  Sp emergencyStretch = 0;         // third pass: added stretch per line when > 0
  int looseness = 0;               // \looseness
};

struct Result {
  std::vector<size_t> breaks;   // indices of the chosen break items (the last is the paragraph end)
  std::vector<double> ratios;   // adjustment ratio per line (< 0 shrink, > 0 stretch)
  int pass = 1;                 // 1 = pretolerance, 2 = tolerance (hyphenation), 3 = emergency
  bool overfull = false;        // some line could not be made to fit
};

// Line widths: lineWidths[i] for line i; the last value repeats for later lines.
// `hyphenationAllowed` is a callback-free switch: in pass 1 flagged penalties
// are ignored (not breakable), as TeX does before trying hyphenation.
Result breakLines(const std::vector<Item>& items, const std::vector<Sp>& lineWidths, const Params& params);

}  // namespace folio::linebreak
