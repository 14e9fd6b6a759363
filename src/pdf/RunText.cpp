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

void planRunText(const frame::GlyphRun& run, RunText& out) {
  const size_t n = run.glyphs.size();
  out.advancing.clear();
  out.attached.clear();
  out.buffer.clear();
  out.members.clear();
  out.spans.clear();
  std::vector<char>& attached = out.isAttached;
  attached.assign(n, 0);
  bool any = false;
  for (size_t i = 0; i < n; ++i) any |= (attached[i] = isAttached(run, run.glyphs[i])) != 0;

  // Each attached glyph belongs to the nearest advancing glyph on its base's
  // side: before it in left-to-right runs, after it in right-to-left runs
  // (whose visual order puts marks ahead of their base), else the other side.
  // `members` pairs (base, glyph) for the attached ones, sorted by base.
  std::vector<std::pair<size_t, size_t>>& members = out.members;
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
  // A glyph's text is a range of run.text when it is its own range in
  // logical order (the usual case); else it is built in `buffer`, and its
  // span's offset carries kInBuffer. Views are made once `buffer` is final.
  constexpr size_t kInBuffer = size_t(1) << (sizeof(size_t) * 8 - 1);
  out.advancing.reserve(n);
  std::vector<std::pair<size_t, size_t>>& ranges = out.ranges;
  auto member = members.begin();
  for (size_t i = 0; i < n; ++i) {
    if (attached[i]) {
      out.attached.push_back({i, {}});
      continue;
    }
    const std::pair<size_t, size_t> own = range(i);
    const bool alone = member == members.end() || member->first != i;
    if (alone && (!run.rtl || own.second <= 1)) {
      out.spans.push_back(own);
    } else {
      // The base's text: its own and its marks' ranges, in logical order.
      const size_t start = out.buffer.size();
      ranges.assign(1, own);
      for (; member != members.end() && member->first == i; ++member) ranges.push_back(range(member->second));
      std::sort(ranges.begin(), ranges.end());
      size_t covered = 0;
      for (const auto& [begin, length] : ranges) {
        size_t from = std::max(begin, covered);  // overlapping ranges add their text once
        if (from < begin + length)
          out.buffer.insert(out.buffer.end(), run.text.begin() + static_cast<std::ptrdiff_t>(from),
                            run.text.begin() + static_cast<std::ptrdiff_t>(begin + length));
        covered = std::max(covered, begin + length);
      }
      // visual order, see RunText.h
      if (run.rtl) std::reverse(out.buffer.begin() + static_cast<std::ptrdiff_t>(start), out.buffer.end());
      out.spans.emplace_back(start | kInBuffer, out.buffer.size() - start);
    }
    out.advancing.push_back({i, {}});
  }
  const std::u32string_view text(run.text), buffer(out.buffer.data(), out.buffer.size());
  for (size_t k = 0; k < out.advancing.size(); ++k) {
    const auto [offset, length] = out.spans[k];
    out.advancing[k].text =
        offset & kInBuffer ? buffer.substr(offset & ~kInBuffer, length) : text.substr(offset, length);
  }
}

RunText planRunText(const frame::GlyphRun& run) {
  RunText out;
  planRunText(run, out);
  return out;
}

}  // namespace folio::pdf
