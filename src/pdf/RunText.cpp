#include "pdf/RunText.h"

#include <algorithm>
#include <utility>

namespace folio::pdf {

namespace {

bool isAttached(const frame::GlyphRun& run, const frame::PlacedGlyph& g) {
  if (g.advance != 0) return false;
  return g.textLength == 0 || run.font->isMark(g.gid);
}

}  // namespace

RunText planRunText(const frame::GlyphRun& run) {
  const size_t n = run.glyphs.size();
  std::vector<bool> attached(n);
  bool any = false;
  for (size_t i = 0; i < n; ++i) any |= attached[i] = isAttached(run, run.glyphs[i]);

  // Each attached glyph belongs to the nearest advancing glyph on its base's
  // side: before it in left-to-right runs, after it in right-to-left runs
  // (whose visual order puts marks ahead of their base), else the other side.
  // `members` pairs (base, glyph) for the attached ones, sorted by base.
  std::vector<std::pair<size_t, size_t>> members;
  if (any) {
    auto search = [&](size_t i, bool forward) -> size_t {
      if (forward) {
        for (size_t k = i + 1; k < n; ++k)
          if (!attached[k]) return k;
      } else {
        for (size_t k = i; k-- > 0;)
          if (!attached[k]) return k;
      }
      return n;
    };
    for (size_t i = 0; i < n; ++i) {
      if (!attached[i]) continue;
      size_t base = search(i, run.rtl);
      if (base == n) base = search(i, !run.rtl);
      if (base != n) members.emplace_back(base, i);
    }
    std::sort(members.begin(), members.end());
  }

  auto range = [&run](size_t i) {
    const frame::PlacedGlyph& g = run.glyphs[i];
    size_t begin = std::min<size_t>(g.textBegin, run.text.size());
    size_t length = std::min<size_t>(g.textLength, run.text.size() - begin);
    return std::pair<size_t, size_t>(begin, length);
  };
  RunText out;
  out.advancing.reserve(n);
  std::vector<std::pair<size_t, size_t>> ranges;
  auto member = members.begin();
  for (size_t i = 0; i < n; ++i) {
    if (attached[i]) {
      out.attached.push_back({i, U""});
      continue;
    }
    // The base's text: its own and its marks' ranges, in logical order.
    ranges.assign(1, range(i));
    for (; member != members.end() && member->first == i; ++member) ranges.push_back(range(member->second));
    std::u32string text;
    if (ranges.size() == 1) {
      text = run.text.substr(ranges[0].first, ranges[0].second);
    } else {
      std::sort(ranges.begin(), ranges.end());
      size_t covered = 0;
      for (const auto& [begin, length] : ranges) {
        size_t from = std::max(begin, covered);  // overlapping ranges add their text once
        if (from < begin + length) text.append(run.text, from, begin + length - from);
        covered = std::max(covered, begin + length);
      }
    }
    if (run.rtl) std::reverse(text.begin(), text.end());  // visual order, see RunText.h
    out.advancing.push_back({i, std::move(text)});
  }
  return out;
}

}  // namespace folio::pdf
