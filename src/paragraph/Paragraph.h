#pragma once
// Sets one paragraph: inline text in, finished lines of positioned glyph
// runs out. The recipe (Paragraph.cpp): flatten the inline runs, itemize and
// shape, build Knuth-Plass items, break, then finalize each line (justify,
// reorder for bidi, emit glyph runs, links and note marks).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "frame/Frame.h"
#include "markup/Inline.h"
#include "style/Layout.h"
#include "text/FontStore.h"
#include "text/Hyphenator.h"
#include "text/Itemizer.h"
#include "text/Shaper.h"

namespace folio::paragraph {

// Per-thread services a paragraph needs.
struct Context {
  text::FontStore& fonts;
  text::Shaper& shaper;
  text::Hyphenator& hyphenator;
  Diagnostics& diags;
};

struct Options {
  const style::Style* style = nullptr;
  const style::Layout* layout = nullptr;
  std::string language = "en";
  text::BaseDirection direction = text::BaseDirection::Auto;
  std::optional<style::Align> align;  // overrides the style's
  Sp width = 0;                       // the measure
  Sp firstIndent = 0;                 // extra indent of the first line (start side)
  bool breakLines = true;             // false: one line, never broken (templates)
  bool warnOverfull = true;           // false where the caller breaks wide lines and says so itself (table cells)
  bool hyphenateLastWord = false;     // true in narrow boxes (table cells); a body paragraph keeps it whole
  SourcePos pos;                      // for warnings
  // Where a byte offset of the inline text's source string (markup::Inline::
  // sourceOffset) is in the file, when the caller knows (exact columns for a
  // character no font has); unset: warnings point at `pos`.
  std::function<SourcePos(uint32_t)> sourcePosition;
  // Called once per footnote reference in order; returns the note's number.
  std::function<int(const markup::Inline&)> footnoteNumber;
};

struct LineLink {
  Rect rect;           // relative to the line origin (x from the measure's left, y from the baseline)
  std::string target;  // URI or "#anchor"
  int index = -1;      // the paragraph's link number: the same on every line the link spans
};

// What inline element a glyph run belongs to, for the document structure:
// a link, a footnote mark, a span in another language. Runs are split where
// it changes.
struct RunTag {
  int link = -1;     // the paragraph's link number (LineLink::index), or -1
  int note = 0;      // footnote number of a note mark, or 0
  std::string lang;  // the span's language when it differs from the paragraph's
  bool operator==(const RunTag&) const = default;
};

struct Line {
  Sp width = 0;                       // natural width of the content as set
  Sp ascent = 0;                      // above the baseline
  Sp descent = 0;                     // below the baseline (positive)
  Sp leading = 0;                     // baseline-to-baseline distance to the next line
  std::vector<frame::GlyphRun> runs;  // origins relative to (measure left, baseline)
  std::vector<RunTag> runTags;        // parallel to runs
  std::vector<frame::Fill> fills;     // underlines, same coordinates
  std::vector<LineLink> links;
  std::vector<int> notes;              // footnote numbers marked on this line
  std::vector<frame::Anchor> anchors;  // "fnref:N" at the marks
  // Ends in a hyphen (added or the word's own): pagination keeps it off a
  // page's last line, as a page-end penalty would.
  bool hyphenated = false;
};

struct Paragraph {
  bool rtl = false;
  std::vector<Line> lines;
};

Paragraph layoutParagraph(const markup::InlineText& text, const Options& options, Context& context);

}  // namespace folio::paragraph
