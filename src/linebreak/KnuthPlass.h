#pragma once
// Knuth-Plass total-fit line breaking ("Breaking Paragraphs into Lines",
// Knuth and Plass 1981) over boxes, glue and penalties. Pure algorithm: no
// fonts, no text; widths are integers so results are exact and testable.
//
// The caller builds the item list and ends it the way TeX ends a paragraph
// (finishParagraph() does it): no trailing glue, penalty(kInfinitePenalty),
// a glue with (near-)infinite stretch, penalty(-kInfinitePenalty). Without
// the stretchy glue the last line is judged like any other and comes out
// justified or rejected. Ragged right is also built by the caller, as in the
// paper: between words glue(0, r, 0) penalty(0) glue(space, -r, 0), so a
// line end gets stretch r and an unbroken space nets zero stretch.
//
// Very long paragraphs: cost is O(items * active nodes), and the active list
// is capped (Params::maxActiveNodes) so pathological input stays linear; a
// caller with megabyte-sized paragraphs should still chunk them.
#include <cstdint>
#include <vector>

#include "base/Units.h"

namespace folio::linebreak {

constexpr int32_t kInfinitePenalty = 10000;  // >= this: never break here; <= -this: must break

struct Item {
  enum class Type : uint8_t { Box, Glue, Penalty };
  Type type = Type::Box;
  Sp width = 0;
  Sp stretch = 0;        // Glue
  Sp shrink = 0;         // Glue
  int32_t penalty = 0;   // Penalty
  bool flagged = false;  // Penalty: a hyphenation point (consecutive-hyphen demerits)
  uint32_t tag = 0;      // caller's data, carried through
  // Glue: 0 = finite stretch; 1 = "fil" (TeX's infinite order): a line holding
  // any fil stretch has badness 0 and only its fil glue stretches.
  uint8_t stretchOrder = 0;
  // Box: a key of the word it belongs to (0 = none), for stacked words
  // (Params::stackDemerits).
  uint32_t word = 0;
  // Character protrusion (hanging punctuation, as pdfTeX's \lpcode and
  // \rpcode): how far a Box may hang out of the measure when it is the
  // first (protrudeStart) or last (protrudeEnd) box of a line; for a
  // Penalty with a width (a hyphen), how far that width may hang when the
  // line breaks there. The line is then that much wider for the breaker.
  Sp protrudeStart = 0;
  Sp protrudeEnd = 0;
  // Font expansion (pdfTeX's hz): how much a Box may widen or narrow when
  // its glyphs are scaled horizontally to the style's limit (its width times
  // the limit). A line's stretch and shrink include its boxes' expansion,
  // as pdfTeX counts it (Params::expansionSteps, Result::expansions).
  Sp expand = 0;

  static Item box(Sp w, uint32_t tag = 0) {
    Item i;
    i.width = w;
    i.tag = tag;
    return i;
  }
  static Item glue(Sp w, Sp stretch, Sp shrink, uint32_t tag = 0) {
    Item i;
    i.type = Type::Glue;
    i.width = w;
    i.stretch = stretch;
    i.shrink = shrink;
    i.tag = tag;
    return i;
  }
  static Item penaltyItem(Sp w, int32_t p, bool flagged = false, uint32_t tag = 0) {
    Item i;
    i.type = Type::Penalty;
    i.width = w;
    i.penalty = p;
    i.flagged = flagged;
    i.tag = tag;
    return i;
  }
  // Glue of infinite stretch (TeX's 0pt plus 1fil), e.g. \parfillskip.
  static Item filGlue(Sp w = 0, uint32_t tag = 0) {
    Item i = glue(w, kSpPerPt, 0, tag);
    i.stretchOrder = 1;
    return i;
  }
};

// Ends a paragraph as TeX does: drops trailing glue, then appends
// penalty(inf) (no break before the fill), filGlue(), penalty(-inf).
void finishParagraph(std::vector<Item>& items, uint32_t tag = 0);

struct Params {
  double tolerance = 200;           // TeX's \tolerance (second pass); values above 10000 act as 10000
  double pretolerance = 100;        // first pass, without hyphenation; < 0 skips it
  int32_t linePenalty = 10;         // \linepenalty
  int32_t flaggedDemerits = 3000;   // \doublehyphendemerits
  int32_t fitnessDemerits = 10000;  // \adjdemerits
  int32_t finalHyphenDemerits = 5000;
  Sp emergencyStretch = 0;  // third pass: added stretch per line when > 0
  int looseness = 0;        // \looseness
  // Safeguard, not a TeX parameter: when more nodes than this are active, only
  // the most promising ones are kept (see KnuthPlass.cpp). Justified text on a
  // 300pt measure with hyphenation peaks near 130, so ordinary paragraphs
  // never reach it; a non-zero looseness (line counts kept apart) may.
  uint32_t maxActiveNodes = 500;
  // Font expansion is used in this many steps to its limit (pdfTeX's
  // expand step: a 2 % limit in steps of 0.5 % is 4); 0 = continuous.
  int expansionSteps = 4;
  // false: letters and glue take the same ratio of their stretch or shrink
  // (pdfTeX). true: the letters take the slack first, up to their limit,
  // and the glue only what is left, so word spaces vary least (Folio's
  // paragraphs; the breaker's badness is the same either way).
  bool expansionFirst = false;
  // With expansionFirst: 3 = TeX's badness 100 r^3 of the glue's ratio r;
  // 2 = 100 r^2, which weighs the many slightly loose lines more and the
  // few very loose ones less (the spread of word spaces, not the worst).
  int badnessPower = 3;
  // At most this many consecutive lines may end in a hyphen (a flagged
  // penalty), as ConTeXt's and InDesign's hyphen limit; 0 = no limit.
  int hyphenLimit = 0;
  // A runt: a paragraph's last line that holds no whole word of 4 or more
  // letters (it starts after item `runtAfter`, which the caller sets to the
  // first box of the paragraph's last such word) and is narrower than
  // `lastLineMin`. Such a last line costs `runtDemerits`.
  size_t runtAfter = static_cast<size_t>(-1);
  Sp lastLineMin = 0;
  int64_t runtDemerits = 0;
  // Lines whose first (or last) boxes carry the same non-zero Item::word
  // key as the line before: a word stacked at the start or end of two
  // lines in a row. Each such pair costs this.
  int64_t stackDemerits = 0;
  // Rivers: a word space (a glue with width) whose extent on the line,
  // after the line's glue and expansion are set, overlaps a space of the
  // line before, which overlapped one of the line before that, makes a
  // river of 3 or more lines. Each space that continues such a river
  // costs this (0: rivers are not looked for). The positions are those of
  // the line through its best predecessor, so the cost is exact for the
  // chosen lines and cheap: a sweep over the two lines' spaces.
  int64_t riverDemerits = 0;
  // Spacing demerits (not TeX's): when > 0, a line's demerits are
  // linePenalty^2 + spacingDemerits * v instead of (linePenalty + badness)^2,
  // where v = 100 rest^2 / (stretch * spaceStretch): rest is what the
  // line's spaces must give after its letters took their (stepped)
  // expansion (as with expansionFirst), stretch the spaces' stretch (also
  // for a line that shrinks, so a space weighs by how far it is from its
  // width, either way). v is the line's share of the
  // sum of squared deviations of word spaces from their natural width
  // (badness 100 r^2 times the number of spaces), so the breaker minimises
  // what a reader sees as uneven spacing over the paragraph, not the
  // square of each line's badness.
  int64_t spacingDemerits = 0;
  Sp spaceStretch = 0;  // the stretch of one word space (v's unit)
  // The loose-line rescue (not TeX's; issue 19): a justified line whose
  // spaces would have to open past `looseSpace` each (after its letters
  // took their stepped expansion, and only once they are past their
  // stretch) gives the excess to its letter gaps instead
  // (paragraph/Justify.cpp), which a reader sees as tracked, letter-spaced
  // text, far more than the same width in its spaces. The breaker counts
  // that: each space of the line may reach looseSpace (the room is the
  // spaces' count times looseSpace less their widths); what is left, the
  // excess, costs looseDemerits * 100 excess^2 / spaceStretch^2, on top of
  // the line's other demerits. 0: no such cost.
  Sp looseSpace = 0;
  int64_t looseDemerits = 0;
  // What a reader sees of condensed letters (not TeX's; issue 19e): with
  // spacing demerits the letters' share of a line's shrink is otherwise
  // free, so the breaker condenses line after line to the limit (-2 % and
  // the letter gaps closed: cramped) rather than hyphenate one word or
  // open a line a little. A line whose letters shrink by the share e of
  // their limit (stepped, e < 0) costs condenseDemerits * e^2 more.
  // Widened letters cost nothing more (their spaces open as well, and a
  // cost there added hyphens where microtype has none). 0: free.
  int64_t condenseDemerits = 0;
};

struct Result {
  std::vector<size_t> breaks;  // indices of the chosen break items (the last is the paragraph end)
  std::vector<double> ratios;  // adjustment ratio per line (< 0 shrink, > 0 stretch); clamped to >= -1
  int pass = 1;                // 1 = pretolerance, 2 = tolerance (hyphenation), 3 = emergency
  bool overfull = false;       // some line could not be made to fit
  // Per line: 1 when the line holds fil glue and room to fill; the ratio then
  // applies to fil stretch only and finite glue keeps its natural width.
  std::vector<uint8_t> stretchOrders;
  int64_t demerits = 0;  // total demerits of the chosen breaks; an overfull line counts 0
  // Per line: how far its first and last item hang out of the measure
  // (Item::protrudeStart / protrudeEnd); the line was filled to its width
  // plus both.
  std::vector<Sp> startHangs, endHangs;
  // Per line: the share of the font expansion limit its boxes take, in
  // [-1, 1] (negative: narrower), in steps of 1/Params::expansionSteps.
  // Zero for every line when no box has Item::expand.
  std::vector<double> expansions;
  // Word spaces that continue a river of 3 or more lines (counted only when
  // Params::riverDemerits > 0).
  int rivers = 0;
  // Lines of the chosen breaks that need the loose-line rescue
  // (Params::looseDemerits): their spaces cannot take the slack.
  int rescued = 0;
};

// Line widths: lineWidths[i] for line i; the last value repeats for later lines
// (an empty vector gives an empty Result). In pass 1 flagged penalties are not
// break candidates, as TeX tries a paragraph before hyphenating it. If the list
// does not end with a forced break, one is assumed at index items.size().
Result breakLines(const std::vector<Item>& items, const std::vector<Sp>& lineWidths, const Params& params);

}  // namespace folio::linebreak
