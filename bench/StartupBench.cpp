// Per-process start-up: what a one-page letter pays before the first glyph
// (fontconfig, font files, layout, hyphenation patterns).
#include <benchmark/benchmark.h>

#include "BenchCommon.h"
#include "yaml/Node.h"

namespace folio::bench {
namespace {

// A new FontStore and the body and heading fonts of the letterhead layout.
// fontconfig's own configuration is process-wide and stays loaded after the
// first iteration, so this is the per-render cost of a batch, not of a
// fresh process (see docs/performance.md for that).
void BM_FontStoreMatch(benchmark::State& state) {
  for (auto _ : state) {
    text::FontStore store({sourceDir() + "/fonts"});
    text::FontRequest r;
    r.families = {"Noto Serif"};
    benchmark::DoNotOptimize(store.match(r));
    r.weight = 700;
    benchmark::DoNotOptimize(store.match(r));
    r.families = {"Noto Sans"};
    benchmark::DoNotOptimize(store.match(r));
  }
}
BENCHMARK(BM_FontStoreMatch)->Unit(benchmark::kMillisecond);

// Fallback for a CJK character: finds and loads the (25 MB) CJK collection.
void BM_FontStoreFallbackCjk(benchmark::State& state) {
  for (auto _ : state) {
    text::FontStore store({sourceDir() + "/fonts"});
    text::FontRequest r;
    r.families = {"Noto Serif"};
    r.language = "zh";
    benchmark::DoNotOptimize(store.fallback(U'港', 0x48616E69 /* Hani */, r));
  }
}
BENCHMARK(BM_FontStoreFallbackCjk)->Unit(benchmark::kMillisecond);

// Loading the en-US hyphenation patterns and hyphenating the first word.
void BM_HyphenatorLoadEnglish(benchmark::State& state) {
  for (auto _ : state) {
    text::Hyphenator h;
    benchmark::DoNotOptimize(h.hyphenate(U"illumination", "en"));
  }
}
BENCHMARK(BM_HyphenatorLoadEnglish)->Unit(benchmark::kMillisecond);

// Reading the letterhead layout (YAML + styles + templates).
void BM_LoadLayout(benchmark::State& state) {
  for (auto _ : state) {
    Diagnostics diags;
    benchmark::DoNotOptimize(style::loadLayout(sourceDir() + "/layouts/letterhead.yaml", yaml::Limits{}, diags));
  }
}
BENCHMARK(BM_LoadLayout)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace folio::bench
