#include "pdf/BidiHints.h"

#include <algorithm>
#include <tuple>

#include "text/Unicode.h"

namespace folio::pdf {

namespace {

const frame::GlyphRun* runAt(const frame::Page& page, size_t i) {
  return i < page.items.size() ? std::get_if<frame::GlyphRun>(&page.items[i]) : nullptr;
}

// A run's text in logical order. run.text holds the glyphs' texts in drawing
// order (each cluster's own characters in logical order).
std::u32string logicalText(const frame::GlyphRun& run) {
  if (!run.rtl) return run.text;
  std::u32string out;
  out.reserve(run.text.size());
  for (size_t k = run.glyphs.size(); k-- > 0;) {
    const frame::PlacedGlyph& g = run.glyphs[k];
    if (g.textBegin < run.text.size())
      out.append(run.text, g.textBegin, std::min<size_t>(g.textLength, run.text.size() - g.textBegin));
  }
  return out;
}

// The characters PDFium mirrors in right-to-left text that Folio draws
// (fxcrt/fx_unicode.cpp's table pairs the curly quotation marks too, which
// Unicode's Bidi_Mirroring_Glyph does not).
char32_t mirrored(char32_t c) {
  switch (c) {
    case U'(':
      return U')';
    case U')':
      return U'(';
    case U'[':
      return U']';
    case U']':
      return U'[';
    case U'{':
      return U'}';
    case U'}':
      return U'{';
    case U'<':
      return U'>';
    case U'>':
      return U'<';
    case U'\u00AB':
      return U'\u00BB';
    case U'\u00BB':
      return U'\u00AB';
    case U'\u2039':
      return U'\u203A';
    case U'\u203A':
      return U'\u2039';
    case U'\u201C':
      return U'\u201D';
    case U'\u201D':
      return U'\u201C';
    default:
      return c;
  }
}

}  // namespace

// What PDFium must read, left to right, to give `logical` back. PDFium cuts
// the line's text into runs of one group (text::BidiGroup); when it has at
// least as many right-to-left runs as left-to-right ones it reverses their
// order; it then reverses (and mirrors) the characters of each right-to-left
// run and of each neutral run met while the direction is right to left, and
// keeps the others, weak runs in particular, as they are. The inverse: the
// same runs of the logical text, each turned the same way, in the reverse
// order (the turns are their own inverses).
std::u32string pdfiumOrder(const std::u32string& logical) {
  using text::BidiGroup;
  // Without a right-to-left character nothing is turned: a neutral run is
  // only turned once the direction is right to left, and the runs are only
  // reversed when one is right to left. Most lines of most documents take
  // this path, without a bidi look-up per character (docs/performance.md).
  if (std::all_of(logical.begin(), logical.end(), text::neverRightToLeft)) return logical;
  std::vector<std::pair<size_t, size_t>> runs;  // [begin, end)
  std::vector<BidiGroup> groups;
  size_t right = 0, left = 0;
  for (size_t i = 0; i < logical.size();) {
    const BidiGroup g = text::bidiGroup(logical[i]);
    size_t j = i + 1;
    while (j < logical.size() && text::bidiGroup(logical[j]) == g) ++j;
    runs.emplace_back(i, j);
    groups.push_back(g);
    right += g == BidiGroup::Right;
    left += g == BidiGroup::Left;
    i = j;
  }
  const bool rtl = right > 0 && right >= left;
  bool current = rtl;  // right to left
  std::vector<std::u32string> pieces;
  for (size_t k = 0; k < runs.size(); ++k) {
    std::u32string piece(logical, runs[k].first, runs[k].second - runs[k].first);
    const BidiGroup g = groups[k];
    if (g == BidiGroup::Right || (g == BidiGroup::Neutral && current)) {
      current = true;
      std::reverse(piece.begin(), piece.end());
      for (char32_t& c : piece) c = mirrored(c);
    } else if (g != BidiGroup::Weak) {
      current = false;
    }
    pieces.push_back(std::move(piece));
  }
  if (rtl) std::reverse(pieces.begin(), pieces.end());
  std::u32string out;
  for (const std::u32string& p : pieces) out += p;
  return out;
}

namespace {

// A line's runs, in logical order. PDFium takes their text objects from
// left to right, each run's glyphs' texts as drawn (a right-to-left run's
// in visual order). Where that differs from what it needs (pdfiumOrder),
// the runs get hints: the needed text cut into pieces as long as each run's
// own text.
Sp runEnd(const frame::GlyphRun& run) {
  Sp x = run.origin.x;
  for (const frame::PlacedGlyph& g : run.glyphs) x += g.advance;
  return x;
}

// A line PDFium reads as drawn, needing no hints: its runs left to right in
// paint order, none right to left, no character of a right-to-left group
// (every one is at U+0590 or above). Then pdfiumOrder gives the logical
// text back unchanged and each run's piece is its own text, so hintLine
// would find nothing; this is nearly every line of a Latin document, and
// spares building those strings (0.4 M instructions a letter).
bool readAsDrawn(const frame::Page& page, const std::vector<size_t>& line) {
  for (size_t n = 0; n < line.size(); ++n) {
    const frame::GlyphRun& run = *runAt(page, line[n]);
    if (run.rtl || (n > 0 && run.origin.x < runAt(page, line[n - 1])->origin.x)) return false;
    for (char32_t c : run.text)
      if (c >= 0x0590 && text::bidiGroup(c) == text::BidiGroup::Right) return false;
  }
  return true;
}

void hintLine(const frame::Page& page, const std::vector<size_t>& line,
              std::vector<std::optional<std::u32string>>& hints) {
  if (readAsDrawn(page, line)) return;
  std::vector<size_t> byX(line);
  std::stable_sort(byX.begin(), byX.end(),
                   [&](size_t a, size_t b) { return runAt(page, a)->origin.x < runAt(page, b)->origin.x; });
  // PDFium puts a space of its own between two text objects a gap apart (a
  // list marker and its text): the logical text has it between the two
  // runs, and the pieces leave it out.
  auto gapAfter = [&](size_t k) {  // between byX[k] and byX[k + 1]
    if (k + 1 >= byX.size()) return false;
    const frame::GlyphRun &a = *runAt(page, byX[k]), &b = *runAt(page, byX[k + 1]);
    return b.origin.x - runEnd(a) > std::max(a.size, b.size) / 8;
  };
  std::vector<size_t> xRank(page.items.size());
  for (size_t k = 0; k < byX.size(); ++k) xRank[byX[k]] = k;
  std::u32string logical;
  for (size_t n = 0; n < line.size(); ++n) {
    if (n > 0) {
      const size_t a = xRank[line[n - 1]], b = xRank[line[n]];
      if ((b == a + 1 && gapAfter(a)) || (a == b + 1 && gapAfter(b))) logical += U' ';
    }
    logical += logicalText(*runAt(page, line[n]));
  }
  const std::u32string needed = pdfiumOrder(logical);
  std::vector<std::pair<size_t, std::u32string>> pieces;
  size_t at = 0;
  for (size_t k = 0; k < byX.size(); ++k) {
    std::u32string drawn = logicalText(*runAt(page, byX[k]));
    if (runAt(page, byX[k])->rtl) std::reverse(drawn.begin(), drawn.end());
    std::u32string piece = needed.substr(std::min(at, needed.size()), drawn.size());
    at += drawn.size();
    if (gapAfter(k)) {
      // PDFium's own space must fall where the needed text has one.
      if (at >= needed.size() || needed[at] != U' ') return;
      ++at;
    }
    if (piece != drawn) pieces.emplace_back(byX[k], piece.empty() ? std::u32string(1, kSkipText) : piece);
  }
  for (auto& [i, piece] : pieces) hints[i] = std::move(piece);
}

}  // namespace

std::vector<std::optional<std::u32string>> bidiHints(const frame::Page& page,
                                                     const std::vector<size_t>& order) {
  std::vector<std::optional<std::u32string>> hints(page.items.size());
  // Lines as PDFium sees them: runs on one baseline that touch (a list
  // marker, a link, a run of another font drawn elsewhere in the stream),
  // not those a column gap apart (table cells); the template's apart from
  // the body's. Each line's runs in paint order, which is logical order.
  struct Placed {
    bool inTemplate;
    Sp y, x0, x1;
    size_t rank, item;
  };
  std::vector<Placed> runs;
  for (size_t rank = 0; rank < order.size(); ++rank)
    if (const frame::GlyphRun* run = runAt(page, order[rank]); run && !run->glyphs.empty())
      runs.push_back(
          {order[rank] < page.templateItems, run->origin.y, run->origin.x, runEnd(*run), rank, order[rank]});
  std::sort(runs.begin(), runs.end(), [](const Placed& a, const Placed& b) {
    return std::tie(a.inTemplate, a.y, a.x0) < std::tie(b.inTemplate, b.y, b.x0);
  });
  std::vector<size_t> line;
  for (size_t k = 0; k < runs.size();) {
    size_t e = k + 1;
    Sp reach = runs[k].x1;
    const Sp gap = runAt(page, runs[k].item)->size / 2;
    while (e < runs.size() && runs[e].inTemplate == runs[k].inTemplate && runs[e].y == runs[k].y &&
           runs[e].x0 <= reach + gap) {
      reach = std::max(reach, runs[e].x1);
      ++e;
    }
    std::vector<Placed> group(runs.begin() + static_cast<std::ptrdiff_t>(k),
                              runs.begin() + static_cast<std::ptrdiff_t>(e));
    std::sort(group.begin(), group.end(), [](const Placed& a, const Placed& b) { return a.rank < b.rank; });
    line.clear();
    for (const Placed& p : group) line.push_back(p.item);
    hintLine(page, line, hints);
    k = e;
  }
  return hints;
}

}  // namespace folio::pdf
