#pragma once
// Data passed between the steps of layoutParagraph (internal to the module).
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linebreak/KnuthPlass.h"
#include "paragraph/Paragraph.h"
#include "text/Itemizer.h"
#include "text/LineBreaks.h"
#include "text/Shaper.h"

namespace folio::paragraph::detail {

constexpr char32_t kLineSeparator = 0x2028;  // a hard break inside the paragraph
constexpr uint32_t kNoPiece = 0xFFFFFFFF;    // tag of line-breaking items that draw nothing

// A range of text with one set of inline attributes.
struct Span {
  uint32_t begin = 0, end = 0;
  uint16_t flags = 0;  // markup::InlineFlags
  int link = -1;       // index into Flat::links
  int note = 0;        // footnote number for a mark, else 0
  uint32_t sourceOffset =
      0;                   // byte offset of the span's first character in the inline source (markup::Inline)
  bool generated = false;  // text Folio made up (a footnote number), not in the source
  std::string language;
  Sp size = 0;  // font size of this span
  Sp rise = 0;  // baseline shift (superscript > 0)
  Color color;
  text::FontRequest font;
  std::string features;
};

// The paragraph as one string with its spans.
struct Flat {
  std::u32string text;             // what is shaped
  std::u32string source;           // what was written (same length): the text copy and paste gives back
  std::vector<Span> spans;         // contiguous, covering text
  std::vector<uint32_t> spanOf;    // per character
  std::vector<std::string> links;  // link targets
};

// A unit of the line-breaking problem: a shaped box, a space, a hyphenation
// point or a forced break. Knuth-Plass items carry the piece index as tag.
struct Piece {
  enum class Kind : uint8_t { Box, Space, Hyphen, Opportunity, Break, Indent };
  Kind kind = Kind::Box;
  uint32_t item = 0;  // itemizer item
  uint32_t textBegin = 0, textEnd = 0;
  uint32_t glyphBegin = 0, glyphEnd = 0;  // into Shaped::glyphs
  Sp width = 0;
  uint8_t level = 0;
  // Space: the part of its stretch that letter spacing of the word before
  // it provides (languages without hyphenation patterns, see Items.cpp).
  Sp letterStretch = 0;
  // Box: may take letter spacing in a justified line (Thai and its kin;
  // letters of other scripts in languages without hyphenation patterns).
  bool letterSpaceable = false;
  // Box, Space, Hyphen: drawn at the line's font expansion (Items.cpp
  // expandable()); a box's linebreak::Item::expand says how much it gives.
  bool expandable = false;
  // Box (Arabic, `justify-arabic: kashida`): tatweels may go before the
  // character at kashidaAt (0: nowhere), drawn with the font's tatweel
  // glyph (kashidaGid, advance kashidaUnit); kashidaRank orders the words of
  // a line (Kashida.cpp).
  uint32_t kashidaAt = 0;
  uint32_t kashidaGid = 0;
  Sp kashidaUnit = 0;
  uint8_t kashidaRank = 0;
};

// The best place to elongate an Arabic word text[begin, end) with kashida:
// a tatweel goes right before text[at]; at == 0 when the word has none.
struct KashidaPoint {
  uint32_t at = 0;
  int rank = 0;
};
KashidaPoint kashidaPoint(std::u32string_view text, uint32_t begin, uint32_t end);
// The most tatweels one word takes in a line.
constexpr int kMaxKashidas = 3;

// How far a character may hang into the margin at a line start and at a
// line end, per mille of its advance (Protrusion.cpp).
struct Protrusion {
  int start = 0, end = 0;
};
Protrusion protrusionOf(char32_t c);

// Letter spacing a justified line may add between two letters, per mille of
// an em, when its spaces alone cannot fill it.
constexpr int kMaxLetterSpacingPerMille = 40;
// A justified line of expandable letters (Latin, Greek, Cyrillic ...)
// whose word spaces would open past kLooseSpacePerMille of an em, after the
// line's font expansion, gives the excess to its letter gaps instead, up to
// kRescueLetterSpacingPerMille of an em each (issue 19: no word gap over
// 0.45 em; the few lines that no break can save, such as a first line that
// ends before a long capitalised word, which is not hyphenated).
constexpr int kLooseSpacePerMille = 440;
constexpr int kRescueLetterSpacingPerMille = 30;
// Letter spacing as a flexibility the line breaker knows (issue 19, fifth
// round): an expandable box's letter gaps may open or close by up to the
// style's `justify-letter-spacing` (a share of an em) each, together with
// its font expansion: a line at an expansion share s
// (linebreak::Result::expansions) scales its glyphs by 1 + s * expansion
// and adds s * trackOf() to each letter gap (LineFit::track).
inline Sp trackOf(const Options& o) {
  return static_cast<Sp>(static_cast<double>(o.style->size) * o.style->justifyLetterSpacing);
}

// A piece of a line with its final width (spaces stretched or shrunk).
struct Placed {
  uint32_t piece = 0;
  Sp width = 0;
  uint8_t kashidas = 0;  // tatweels inserted into a box (width includes them)
};

// How one line is set: its pieces in logical order with their final widths.
struct LineFit {
  std::vector<Placed> placed;
  Sp letterExtra = 0;               // added between letters of other scripts that allow it (a too-loose line)
  Sp distributedExtra = 0;          // added between letters of Thai, Lao, Khmer, Burmese
  Sp rescueExtra = 0;               // added between the letters of expandable boxes (a loose line, see above)
  bool flushStart = false;          // could not be filled (a long URL among few spaces): not justified
  std::vector<Sp> stretch, shrink;  // scratch
  // Set by the caller before fitLine: how far the line's first and last
  // glyphs hang out of the measure (linebreak::Result::startHangs, endHangs).
  Sp hangStart = 0, hangEnd = 0;
  // Set by the caller: the horizontal scale of the line's expandable
  // glyphs (1 + the style's expansion times linebreak::Result::expansions).
  double scale = 1.0;
  // Set by the caller: letter spacing added to each letter gap of the
  // line's expandable boxes (the expansion share times trackOf()).
  Sp track = 0;
};

// A glyph advance at a line's font expansion.
inline Sp scaledAdvance(Sp advance, double scale) {
  return scale == 1.0 ? advance : static_cast<Sp>(roundHalfAway(static_cast<double>(advance) * scale));
}

struct Shaped {
  text::Itemization items;
  std::vector<text::Glyph> glyphs;
  std::vector<Piece> pieces;
  std::vector<linebreak::Item> kp;
  // The first kp item of the paragraph's last word of 4 or more letters (a
  // last line that starts after it is a runt), or -1.
  size_t runtAfter = static_cast<size_t>(-1);
};

Flat flatten(const markup::InlineText& text, const Options& options);
// The no-break space (U+00A0 or the narrow U+202F) the language wants for
// the space between `before` and `after` (the words on either side, with
// their punctuation), or 0 for an ordinary, breakable space.
char32_t noBreakSpaceFor(std::u32string_view before, std::u32string_view after, const std::string& language);
// Applies noBreakSpaceFor to every space of flat.text; flat.source keeps
// the space as written (what copy and paste gives back).
void bindSpaces(Flat& flat);
// Warns about each character no font has, once per paragraph and character,
// at its source position.
void reportMissingGlyphs(const Flat& flat, const text::Itemization& items, const Options& options,
                         Diagnostics& diags);
Shaped shapeAndBuildItems(const Flat& flat, const Options& options, Context& context);
std::vector<Line> finalizeLines(const Flat& flat, const Shaped& shaped, const linebreak::Result& breaks,
                                const Options& options, Context& context);

// The pieces of kp[begin, end) and their widths; `justify`: filled to the
// measure exactly (Justify.cpp).
void fitLine(const Shaped& shaped, const Options& options, size_t begin, size_t end, bool justify,
             LineFit& out);
// Places between two letters of a box that may take letter spacing (none
// unless piece.letterSpaceable).
size_t letterGaps(const Shaped& shaped, const Piece& piece);
// Places between two letters of any box (what letterGaps counts without
// asking whether the box may take letter spacing).
size_t letterGapsOf(const Shaped& shaped, const Piece& piece);
// Scripts whose letters may be spaced apart: not the cursive ones (Arabic,
// Syriac, N'Ko, Mongolian ...), not those with a headline (Devanagari,
// Bengali, Gurmukhi), not Chinese and Japanese (which justify with glue
// between characters).
bool allowsLetterSpacing(uint32_t script);
// Thai, Lao, Khmer, Burmese paragraphs are justified by spacing their
// letters evenly ("distributed"), from the first point of slack, as a Thai
// reader expects: a gap at a word boundary would read as a space, which
// ends a phrase.
bool distributesLetters(const Options& options, uint32_t script);

bool isRagged(const Options& options, bool rtl);
// The style's tracking, added to each spacing glyph; none in cursive scripts
// (Arabic, Syriac, N'Ko, Mongolian), whose letters must stay joined.
Sp letterSpacing(const Options& options, uint32_t script);
style::Align resolvedAlign(const Options& options, bool rtl);

}  // namespace folio::paragraph::detail
