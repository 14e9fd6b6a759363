#include "paragraph/Paragraph.h"

#include "paragraph/Internal.h"

namespace folio::paragraph {

Paragraph layoutParagraph(const markup::InlineText& text, const Options& options, Context& context) {
  detail::Flat flat = detail::flatten(text, options);
  if (flat.text.empty()) return Paragraph{};
  detail::Shaped shaped = detail::shapeAndBuildItems(flat, options, context);

  linebreak::Params params;
  params.emergencyStretch =
      3 * options.style->size;  // a third pass before any line is overfull (LaTeX's \sloppy-ish 3em)
  std::vector<Sp> widths = {options.breakLines ? options.width : kSpPerPt * 30000};
  linebreak::Result breaks = linebreak::breakLines(shaped.kp, widths, params);
  // Long words with no hyphenation patterns (Georgian, Armenian) or long
  // URLs can leave no way to fill every line within the tolerance: rather
  // than push a line past the margin, allow looser lines, as TeX does with
  // a larger \emergencystretch (the badness stays meaningful, unlike
  // \tolerance=10000, so the looseness is spread over the paragraph).
  for (int more = 2; breaks.overfull && options.breakLines && more <= 8; more *= 2) {
    params.emergencyStretch = 3 * more * options.style->size;
    linebreak::Result looser = linebreak::breakLines(shaped.kp, widths, params);
    if (!looser.overfull) breaks = std::move(looser);
  }
  if (breaks.overfull && options.breakLines)
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
