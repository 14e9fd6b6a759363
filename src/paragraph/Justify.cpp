// Step 4a of a paragraph: the widths of one line's pieces. Spaces (and the
// inter-character glue of Chinese and Japanese) take the line's slack in
// proportion to their stretch or shrink, to the scaled point, so that a
// justified line ends exactly at the measure. Thai spreads its letters
// evenly instead. A line that cannot be filled with spaces at 2.5 times their
// width (long unhyphenated words: Georgian, Armenian) also spaces its
// letters a little before its spaces open further.
#include <algorithm>

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

// Thai word boundaries take the same extra as the letters around them.
void widenThaiBoundaries(const Shaped& shaped, const Options& options, LineFit& out) {
  if (out.distributedExtra == 0) return;
  for (Placed& p : out.placed) {
    const Piece& piece = shaped.pieces[p.piece];
    if (piece.kind == Piece::Kind::Opportunity &&
        distributesLetters(options, shaped.items.items[piece.item].script))
      p.width += out.distributedExtra;
  }
}

// The width of a box or hyphen whose glyphs are scaled by the line's font
// expansion, summed as LineBuilder::emitGlyphs places them.
Sp expandedWidth(const Shaped& shaped, const Options& options, const Piece& piece, double scale, Sp track) {
  if (!piece.expandable || (scale == 1.0 && track == 0)) return piece.width;
  const Sp tracking =
      piece.kind == Piece::Kind::Box ? letterSpacing(options, shaped.items.items[piece.item].script) : 0;
  Sp w = 0;
  for (uint32_t g = piece.glyphBegin; g < piece.glyphEnd; ++g) {
    const Sp a = shaped.glyphs[g].advance;
    if (a != 0) w += scaledAdvance(a, scale) + tracking;
  }
  if (piece.kind == Piece::Kind::Box && !piece.letterSpaceable)
    w += track * static_cast<Sp>(letterGapsOf(shaped, piece));
  return w;
}

// Arabic justified with kashida: whole tatweels first, one more per word
// and round, the best-ranked words first (Kashida.cpp), up to kMaxKashidas
// each, while a whole tatweel still fits; the spaces take what is left.
// Returns the width spent.
Sp spendKashida(const Shaped& shaped, LineFit& out, Sp slack) {
  std::vector<size_t> order;
  for (size_t i = 0; i < out.placed.size(); ++i) {
    const Piece& piece = shaped.pieces[out.placed[i].piece];
    if (piece.kind == Piece::Kind::Box && piece.kashidaAt != 0 && piece.kashidaUnit > 0) order.push_back(i);
  }
  if (order.empty()) return 0;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return shaped.pieces[out.placed[a].piece].kashidaRank > shaped.pieces[out.placed[b].piece].kashidaRank;
  });
  Sp spent = 0;
  for (int round = 0; round < kMaxKashidas; ++round) {
    for (size_t i : order) {
      const Sp unit = shaped.pieces[out.placed[i].piece].kashidaUnit;
      if (slack - spent < unit) continue;
      ++out.placed[i].kashidas;
      out.placed[i].width += unit;
      spent += unit;
    }
  }
  return spent;
}

// See kLooseSpacePerMille. Letter spacing languages (letterSpaceable)
// and Thai have their own steps below; this is for the others.
void rescueLooseLine(const Shaped& shaped, const Options& options, int64_t own, Sp& slack, LineFit& out) {
  if (own <= 0 || slack <= own) return;  // spaces at most 1.5 times their width: never loose
  const int64_t most = int64_t(options.style->size) * kLooseSpacePerMille / 1000;
  int64_t room = 0;  // what the spaces may take before they open past `most`
  size_t gaps = 0;
  for (size_t i = 0; i < out.placed.size(); ++i) {
    const Piece& piece = shaped.pieces[out.placed[i].piece];
    if (piece.kind == Piece::Kind::Space && out.stretch[i] > 0)
      room += std::max<int64_t>(0, most - out.placed[i].width);
    if (piece.kind == Piece::Kind::Box && piece.expandable && !piece.letterSpaceable)
      gaps += letterGapsOf(shaped, piece);
  }
  if (slack <= room || gaps == 0) return;
  const int64_t cap = int64_t(options.style->size) * kRescueLetterSpacingPerMille / 1000;
  out.rescueExtra = static_cast<Sp>(std::min<int64_t>(cap, (slack - room) / static_cast<int64_t>(gaps)));
  slack -= out.rescueExtra * static_cast<Sp>(gaps);
}

}  // namespace

size_t letterGaps(const Shaped& shaped, const Piece& piece) {
  return piece.letterSpaceable ? letterGapsOf(shaped, piece) : 0;
}

size_t letterGapsOf(const Shaped& shaped, const Piece& piece) {
  if (piece.kind != Piece::Kind::Box) return 0;
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

void fitLine(const Shaped& shaped, const Options& options, size_t begin, size_t end, bool justify,
             LineFit& out) {
  const std::vector<linebreak::Item>& kp = shaped.kp;
  out.placed.clear();
  out.letterExtra = 0;
  out.distributedExtra = 0;
  out.rescueExtra = 0;
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
      natural += it.width;
    } else {
      const Sp w = it.expand != 0
                       ? expandedWidth(shaped, options, shaped.pieces[it.tag], out.scale, out.track)
                       : it.width;
      out.placed.push_back(Placed{it.tag, w});
      stretch.push_back(0);
      shrink.push_back(0);
      natural += w;
    }
    lastPiece = it.tag;
  }
  // The hyphen of a hyphenated line.
  if (end < kp.size() && kp[end].type == linebreak::Item::Type::Penalty && kp[end].width > 0 &&
      kp[end].tag != kNoPiece) {
    const Sp w = expandedWidth(shaped, options, shaped.pieces[kp[end].tag], out.scale, out.track);
    out.placed.push_back(Placed{kp[end].tag, w});
    stretch.push_back(0);
    shrink.push_back(0);
    natural += w;
  }
  // Hanging punctuation: the line is filled to the measure plus what its
  // first and last glyphs may protrude.
  Sp slack = options.width + out.hangStart + out.hangEnd - natural;
  // A line that is not justified (a paragraph's last) keeps its natural
  // spacing unless it is too long: the line breaker may have chosen to
  // shrink its spaces, as TeX does, and it must then fit like any other.
  if (!justify && slack >= 0) return;
  if (slack < 0) {
    int64_t can = 0;
    for (Sp s : shrink) can += s;
    distribute(out.placed, shrink, static_cast<Sp>(-std::min<int64_t>(-slack, can)));
    return;
  }
  int64_t own = 0;
  for (Sp s : stretch) own += s;
  size_t distributed = 0, other = 0;
  for (const Placed& p : out.placed) {
    const Piece& piece = shaped.pieces[p.piece];
    const bool thai = distributesLetters(options, shaped.items.items[piece.item].script);
    if (thai && piece.kind == Piece::Kind::Opportunity) ++distributed;  // a word boundary is a letter gap too
    const size_t gaps = letterGaps(shaped, piece);
    if (thai)
      distributed += gaps;
    else
      other += gaps;
  }
  const int64_t cap = int64_t(options.style->size) * kMaxLetterSpacingPerMille / 1000;
  // 0. Arabic with kashida (`justify-arabic: kashida`): tatweels first.
  slack -= spendKashida(shaped, out, slack);
  // 0b. A loose line of expandable letters: what would open its spaces past
  //     kLooseSpacePerMille of an em goes to its letter gaps (at most
  //     kRescueLetterSpacingPerMille of an em each).
  rescueLooseLine(shaped, options, own, slack, out);

  // 1. Spaces to their stretch, the letters of Thai (and its kin) sharing
  //    the slack in proportion from the first point.
  const int64_t thai = cap * static_cast<int64_t>(distributed);
  if (slack <= own + thai) {
    const int64_t toLetters = own + thai > 0 ? slack * thai / (own + thai) : 0;
    if (distributed) out.distributedExtra = static_cast<Sp>(toLetters / static_cast<int64_t>(distributed));
    const Sp rest = slack - out.distributedExtra * static_cast<Sp>(distributed);
    if (own > 0) {
      distribute(out.placed, stretch, rest);
    } else {
      // No space on the line: the rounding remainder (a few scaled
      // points) goes to a word boundary, so the line still ends exactly.
      for (Placed& p : out.placed)
        if (shaped.pieces[p.piece].kind == Piece::Kind::Opportunity) {
          p.width += rest;
          break;
        }
    }
    widenThaiBoundaries(shaped, options, out);
    return;
  }
  if (distributed) out.distributedExtra = static_cast<Sp>(cap);
  slack -= static_cast<Sp>(thai);
  // 2. Spaces up to two and a half times their width.
  if (slack <= own * kMaxStretchRatio) {
    distribute(out.placed, stretch, slack);
    widenThaiBoundaries(shaped, options, out);
    return;
  }
  // 3. The letters of other scripts, up to their limit: long words with no
  //    hyphenation patterns (Georgian, Armenian).
  const int64_t opened = static_cast<int64_t>(own * kMaxStretchRatio);
  if (other) {
    out.letterExtra = static_cast<Sp>(std::min<int64_t>(cap, (slack - opened) / static_cast<int64_t>(other)));
    slack -= out.letterExtra * static_cast<Sp>(other);
  }
  // 4. In such a line, spaces on up to an em. Elsewhere, and beyond that (a
  //    long URL among few spaces), the line keeps its natural spacing,
  //    flush to the start side, rather than gaping holes that readers and
  //    text extractors take for column gaps.
  int64_t room = 0;
  const bool longWords = other + distributed > 0;  // a language without hyphenation patterns
  for (size_t i = 0; longWords && i < out.placed.size(); ++i)
    if (stretch[i] > 0 && shaped.pieces[out.placed[i].piece].kind == Piece::Kind::Space)
      room += std::max<int64_t>(0, options.style->size - out.placed[i].width - stretch[i] * 3);
  if (longWords && slack - opened <= room) {
    distribute(out.placed, stretch, slack);
    widenThaiBoundaries(shaped, options, out);
    return;
  }
  out.letterExtra = 0;
  out.distributedExtra = 0;
  out.flushStart = true;
}

}  // namespace folio::paragraph::detail
