#include "paragraph/Paragraph.h"

#include <algorithm>
#include <cmath>

#include "paragraph/Internal.h"

namespace folio::paragraph {

Paragraph layoutParagraph(const markup::InlineText& text, const Options& options, Context& context) {
  detail::Flat flat = detail::flatten(text, options);
  if (flat.text.empty()) return Paragraph{};
  detail::bindSpaces(flat);
  detail::Shaped shaped = detail::shapeAndBuildItems(flat, options, context);

  // Tuned against XeLaTeX on the press release and the report (docs/
  // typography.md): TeX's passes and demerits, with a line penalty of 100
  // (TeX: 10), which prefers fuller lines to looser ones, a slightly wider
  // tolerance for the hyphenating pass, and a small emergency stretch
  // (0.75 em per line) so that a paragraph TeX would leave overfull comes
  // out evenly loose rather than with a few gaping lines.
  const Sp emergency = options.style->size * 3 / 4;
  linebreak::Params params;
  params.tolerance = 250;
  params.pretolerance = 100;
  params.linePenalty = 100;
  params.flaggedDemerits = 10000;  // TeX's \doublehyphendemerits
  params.emergencyStretch = emergency;
  // The second round (issue 19, docs/typography.md): font expansion in the
  // style's steps, at most `hyphen-limit` hyphens in a row, no hyphen in
  // the last full line (TeX's \finalhyphendemerits, raised so far that only
  // a paragraph with no other way takes it), no runt, and a cost for the
  // same word starting or ending two lines in a row.
  const style::Style& st = *options.style;
  const bool isRaggedParagraph = detail::isRagged(options, shaped.items.rtl);
  params.expansionSteps =
      st.expansionStep > 0 ? static_cast<int>(std::lround(st.expansion / st.expansionStep)) : 0;
  params.expansionFirst = true;
  // Tuned on bench/typography/compare.sh (docs/typography.md): the badness
  // is quadratic in the glue's ratio after expansion, which evens the
  // spread of word spaces rather than only the worst line.
  params.badnessPower = 2;
  // TeX's first pass (issue 19, third round): a paragraph whose lines all
  // fit with their spaces at most half as wide again after expansion
  // (badness 100) is set without hyphens; the others get the hyphenating
  // pass. Ragged text keeps it; justified text has spacing demerits below.
  params.pretolerance = 100;
  params.hyphenLimit = st.hyphenLimit;
  params.finalHyphenDemerits = 300000;
  params.runtAfter = shaped.runtAfter;
  params.lastLineMin = static_cast<Sp>(static_cast<double>(options.width) * st.lastLineMin);
  params.runtDemerits = 300000;
  params.stackDemerits = 5000;
  // Only where letters expand (Latin, Greek, Cyrillic ...): Thai, Chinese,
  // Japanese and cursive scripts justify by other means (Justify.cpp) and
  // keep TeX's demerits.
  const bool expands = std::any_of(shaped.kp.begin(), shaped.kp.end(),
                                   [](const linebreak::Item& it) { return it.expand > 0; });
  if (!isRaggedParagraph && expands) {
    // Justified text (issue 19, fourth round): a line costs what its word
    // spaces add to the paragraph's sum of squared deviations from their
    // width (after the letters took their expansion), not TeX's
    // (linepenalty + badness)^2, which squares a loose line's cost twice
    // and weighs a line of 6 spaces like one of 16. Every break is open
    // from the start (no first pass): a hyphen has one price everywhere
    // (kJustifiedHyphenPenalty in Items.cpp), where the first pass gave
    // paragraphs that fit without one none at any price and the others
    // hyphens at TeX's. The other costs are scaled with it. Measured on
    // bench/typography/compare.sh (docs/typography.md): at the same number
    // of hyphenated lines, word spaces 2-5 % more even; chosen point: sd 98 %
    // of microtype's on average (102 % before) with 254 hyphenated lines
    // over the 12 rows against microtype's 258.
    params.spacingDemerits = 1000;
    params.spaceStretch = options.style->size / 8;  // about a space's stretch: v counts spaces
    params.pretolerance = -1;
    params.runtDemerits = 100000000;
    params.finalHyphenDemerits = 1000000000;
    params.stackDemerits = 500000;
    // Rivers: a word space that continues a river of 3 or more lines (not
    // in ragged text, whose spaces are not set by the breaker's ratio).
    params.riverDemerits = 30000;
    // The loose-line rescue (Justify.cpp) letter-spaces a line whose spaces
    // would open past kLooseSpacePerMille of an em: the breaker counts what
    // the letters would take (issue 19e), so it prefers a break that fills
    // the line, a hyphen, or a tighter line, wherever one exists, to a line
    // that reads as tracked.
    params.looseSpace = static_cast<Sp>(int64_t(options.style->size) * detail::kLooseSpacePerMille / 1000);
    params.looseDemerits = 1000;
    // Condensed letters (-2 % and closed letter gaps) read as cramped: a
    // line at the limit costs about a quarter of a hyphen (650^2), so the
    // breaker condenses fewer lines and opens others a little, or
    // hyphenates (issue 19e; bench/typography/compare.sh, docs/
    // typography.md: the report at 11 pt, 110 lines at -2 % -> 69, every
    // row still within microtype's hyphen count).
    params.condenseDemerits = 100000;
  }
  std::vector<Sp> widths = {options.breakLines ? options.width : kSpPerPt * 30000};
  linebreak::Result breaks = linebreak::breakLines(shaped.kp, widths, params);
  // Long words with no hyphenation patterns (Georgian, Armenian) or long
  // URLs can leave no way to fill every line within the tolerance: rather
  // than push a line past the margin, allow looser lines, as TeX does with
  // a larger \emergencystretch (the badness stays meaningful, unlike
  // \tolerance=10000, so the looseness is spread over the paragraph).
  // The same when the rescue of TeX's last pass left a line far looser
  // than its spaces can take (stretch ratio above 2: spaces at twice their
  // width), which Justify.cpp would have to set flush to its start.
  auto loosest = [](const linebreak::Result& r) {
    double m = 0;
    for (size_t i = 0; i < r.ratios.size(); ++i)
      if (i >= r.stretchOrders.size() || r.stretchOrders[i] == 0) m = std::max(m, r.ratios[i]);
    return m;
  };
  constexpr double kRetryRatio = 2.0;
  for (int more = 4; options.breakLines && (breaks.overfull || loosest(breaks) > kRetryRatio) && more <= 32;
       more *= 2) {
    params.emergencyStretch = more * emergency;
    linebreak::Result looser = linebreak::breakLines(shaped.kp, widths, params);
    if (!looser.overfull && (breaks.overfull || loosest(looser) < loosest(breaks)))
      breaks = std::move(looser);
  }
  if (breaks.overfull && options.breakLines && options.warnOverfull)
    context.diags.warning(options.pos,
                          "a line is wider than the measure: a word or unbreakable item does not fit in " +
                              std::to_string(static_cast<int>(toPt(options.width))) +
                              "pt; expected shorter words or a wider text block");

  Paragraph out;
  out.rtl = shaped.items.rtl;
  out.lines = detail::finalizeLines(flat, shaped, breaks, options, context);
  return out;
}

}  // namespace folio::paragraph
