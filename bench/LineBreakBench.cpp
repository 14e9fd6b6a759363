// Knuth-Plass on realistic item lists: words shaped in Noto Serif 10.5pt,
// hyphenated with the en-US patterns, on the letterhead measure (160 mm).
#include <benchmark/benchmark.h>

#include <hb.h>

#include "BenchCommon.h"
#include "linebreak/KnuthPlass.h"
#include "text/Shaper.h"

namespace folio::bench {
namespace {

constexpr Sp kMeasure = static_cast<Sp>(160.0 / 25.4 * 72 * kSpPerPt);

// Items the way paragraph/Items.cpp builds them: one box per syllable,
// flagged hyphen penalties between syllables, stretchable glue for spaces.
std::vector<linebreak::Item> buildItems(int words, bool ragged, uint32_t seed) {
  std::u32string text = toU32(Prose(seed).paragraph(words));
  text::ShapeRequest req;
  req.font = &bodyFont();
  req.size = pt(10.5);
  req.script = HB_SCRIPT_LATIN;
  req.language = "en";
  text::Shaper shaper;
  std::vector<text::Glyph> g;
  auto width = [&](uint32_t b, uint32_t e) {
    g.clear();
    shaper.shape(text, b, e, req, g);
    Sp w = 0;
    for (const text::Glyph& x : g) w += x.advance;
    return w;
  };
  const std::u32string hyphen = U"-";
  g.clear();
  shaper.shape(hyphen, 0, 1, req, g);
  const Sp hyphenWidth = g.empty() ? 0 : g[0].advance;
  const Sp space = width(0, 1) > 0 ? pt(2.6) : pt(2.6);

  std::vector<linebreak::Item> items;
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t pos = 0;
  while (pos < n) {
    if (text[pos] == U' ') {
      if (ragged) {
        const Sp rag = 3 * pt(10.5);
        items.push_back(linebreak::Item::glue(0, rag, 0));
        items.push_back(linebreak::Item::penaltyItem(0, 0));
        items.push_back(linebreak::Item::glue(space, -rag, 0));
      } else {
        items.push_back(linebreak::Item::glue(space, space / 2, space / 3));
      }
      ++pos;
      continue;
    }
    uint32_t end = pos;
    while (end < n && text[end] != U' ') ++end;
    uint32_t from = pos;
    for (uint32_t cut : hyphenator().hyphenate(std::u32string_view(text).substr(pos, end - pos), "en")) {
      items.push_back(linebreak::Item::box(width(from, pos + cut)));
      items.push_back(linebreak::Item::penaltyItem(hyphenWidth, 50, true));
      from = pos + cut;
    }
    items.push_back(linebreak::Item::box(width(from, end)));
    pos = end;
  }
  linebreak::finishParagraph(items);
  return items;
}

void BM_BreakLines(benchmark::State& state) {
  const int words = static_cast<int>(state.range(0));
  const bool ragged = state.range(1) != 0;
  std::vector<linebreak::Item> items = buildItems(words, ragged, static_cast<uint32_t>(words));
  linebreak::Params params;
  params.emergencyStretch = 3 * pt(10.5);
  std::vector<Sp> widths{kMeasure};
  size_t lines = 0;
  int pass = 0;
  for (auto _ : state) {
    linebreak::Result r = linebreak::breakLines(items, widths, params);
    lines = r.breaks.size();
    pass = r.pass;
    benchmark::DoNotOptimize(r.breaks.data());
  }
  state.SetLabel(ragged ? "ragged" : "justified");
  state.counters["items"] = static_cast<double>(items.size());
  state.counters["lines"] = static_cast<double>(lines);
  state.counters["pass"] = pass;
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(items.size()));
}
BENCHMARK(BM_BreakLines)->ArgsProduct({{30, 100, 300, 1000, 3000}, {0, 1}});

}  // namespace
}  // namespace folio::bench
