// Step 4a of a paragraph: the widths of one line's pieces. Spaces (and the
// inter-character glue of CJK and Thai) take the line's slack in proportion
// to their stretch or shrink, to the scaled point, so a justified line ends
// exactly at the measure. A line that cannot be filled within 2.5 times the
// natural space width (long unhyphenated words: Georgian, Armenian) also
// spaces its letters a little before its spaces open further.
#include <algorithm>
#include <cmath>

#include "paragraph/Internal.h"

namespace folio::paragraph::detail {

namespace {

// Spaces stretch by half their width at ratio 1 (Items.cpp); at 3 they are
// two and a half times as wide, the most a reader takes for an even grey.
constexpr double kMaxStretchRatio = 3.0;

// Adds `total` to the glue of `placed` in proportion to `weight` (stretch
// or shrink), exactly: the rounding remainder goes to the first glues.
void distribute(std::vector<Placed>& placed, const std::vector<Sp>& weight, Sp total) {
  int64_t sum = 0;
  for (Sp w : weight) sum += w;
  if (sum <= 0 || total == 0) return;
  int64_t given = 0;
  for (size_t i = 0; i < placed.size(); ++i) {
    const int64_t share = static_cast<int64_t>(total) * weight[i] / sum;
    placed[i].width += static_cast<Sp>(share);
    given += share;
  }
  int64_t rest = total - given;
  const int step = rest > 0 ? 1 : -1;
  for (size_t i = 0; i < placed.size() && rest != 0; ++i) {
    if (weight[i] == 0) continue;
    placed[i].width += step;
    rest -= step;
  }
}

}  // namespace

size_t letterGaps(const Shaped& shaped, const Piece& piece, const Options& options) {
  if (piece.kind != Piece::Kind::Box || !allowsLetterSpacing(shaped.items.items[piece.item].script)) return 0;
  (void)options;
  size_t gaps = 0;
  const text::Glyph* prev = nullptr;
  for (uint32_t g = piece.glyphBegin; g < piece.glyphEnd; ++g) {
    const text::Glyph& gl = shaped.glyphs[g];
    if (gl.advance == 0) continue;
    if (prev && prev->cluster != gl.cluster) ++gaps;
    prev = &gl;
  }
  return gaps;
}

void fitLine(const Shaped& shaped, const Options& options, size_t begin, size_t end, bool justify, LineFit& out) {
  const std::vector<linebreak::Item>& kp = shaped.kp;
  out.placed.clear();
  out.letterExtra = 0;
  out.flushStart = false;
  std::vector<Sp>& stretch = out.stretch;
  std::vector<Sp>& shrink = out.shrink;
  stretch.clear();
  shrink.clear();
  uint32_t lastPiece = kNoPiece;
  Sp natural = 0;
  for (size_t k = begin; k < end; ++k) {
    const linebreak::Item& it = kp[k];
    if (it.tag == kNoPiece || it.type == linebreak::Item::Type::Penalty) continue;
    if (it.type == linebreak::Item::Type::Glue) {
      // Ragged-right helpers and fills draw nothing; a space's own glue
      // comes once even when the ragged-right recipe splits it in three.
      if (it.width == 0 && shaped.pieces[it.tag].kind != Piece::Kind::Opportunity) continue;
      if (it.tag == lastPiece) continue;
      out.placed.push_back(Placed{it.tag, it.width});
      stretch.push_back(it.stretch - shaped.pieces[it.tag].letterStretch);  // the space's own
      shrink.push_back(it.shrink);
    } else {
      out.placed.push_back(Placed{it.tag, it.width});
      stretch.push_back(0);
      shrink.push_back(0);
    }
    natural += it.width;
    lastPiece = it.tag;
  }
  // The hyphen of a hyphenated line.
  if (end < kp.size() && kp[end].type == linebreak::Item::Type::Penalty && kp[end].width > 0 && kp[end].tag != kNoPiece) {
    out.placed.push_back(Placed{kp[end].tag, kp[end].width});
    stretch.push_back(0);
    shrink.push_back(0);
    natural += kp[end].width;
  }
  if (!justify) return;

  Sp slack = options.width - natural;
  if (slack < 0) {
    int64_t can = 0;
    for (Sp s : shrink) can += s;
    distribute(out.placed, shrink, static_cast<Sp>(-std::min<int64_t>(-slack, can)));
    return;
  }
  int64_t can = 0;
  for (Sp s : stretch) can += s;
  if (slack <= can * kMaxStretchRatio) {
    distribute(out.placed, stretch, slack);
    return;
  }
  // Too loose for the spaces alone: they open to their limit and the
  // letters take the rest, up to theirs.
  const Sp opened = static_cast<Sp>(can * kMaxStretchRatio);
  size_t gaps = 0;
  for (const Placed& p : out.placed) gaps += letterGaps(shaped, shaped.pieces[p.piece], options);
  const int64_t cap = int64_t(options.style->size) * kMaxLetterSpacingPerMille / 1000;
  const int64_t letters = std::min<int64_t>(cap * static_cast<int64_t>(gaps), slack - opened);
  if (gaps > 0) {
    out.letterGaps = gaps;
    out.letterExtra = static_cast<Sp>(letters / static_cast<int64_t>(gaps));
    slack -= out.letterExtra * static_cast<Sp>(gaps);
  }
  // What is left goes to the spaces, as long as none grows past an em (a
  // line of long unhyphenated words); beyond that (a long URL among few
  // spaces) the line keeps its natural spacing, flush to the start side,
  // rather than gaping holes that readers and text extractors take for
  // column gaps.
  int64_t room = 0;
  for (size_t i = 0; i < out.placed.size(); ++i)
    if (stretch[i] > 0 && shaped.pieces[out.placed[i].piece].kind == Piece::Kind::Space)
      room += std::max<int64_t>(0, options.style->size - out.placed[i].width - stretch[i] * 3);
  if (slack - opened <= room) {
    distribute(out.placed, stretch, slack);
    return;
  }
  out.letterExtra = 0;
  out.letterGaps = 0;
  out.flushStart = true;
}

}  // namespace folio::paragraph::detail
