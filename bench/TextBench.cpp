// The text stage: shaping with and without the word cache, itemization,
// break opportunities and hyphenation.
#include <benchmark/benchmark.h>

#include <hb.h>

#include "BenchCommon.h"
#include "text/Itemizer.h"
#include "text/LineBreaks.h"
#include "text/Shaper.h"

namespace folio::bench {
namespace {

// Word ranges of a paragraph, as paragraph/Items.cpp cuts them (words and
// single spaces, each shaped on its own with the paragraph as context).
struct Ranges {
  std::u32string text;
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
};

Ranges wordRanges(const std::string& utf8) {
  Ranges r;
  r.text = toU32(utf8);
  uint32_t pos = 0;
  const uint32_t n = static_cast<uint32_t>(r.text.size());
  while (pos < n) {
    if (r.text[pos] == U' ') {
      r.ranges.emplace_back(pos, pos + 1);
      ++pos;
      continue;
    }
    uint32_t end = pos;
    while (end < n && r.text[end] != U' ') ++end;
    r.ranges.emplace_back(pos, end);
    pos = end;
  }
  return r;
}

text::ShapeRequest latinRequest() {
  text::ShapeRequest req;
  req.font = &bodyFont();
  req.size = pt(10.5);
  req.script = HB_SCRIPT_LATIN;
  req.language = "en";
  return req;
}

const Ranges& englishParagraph() {
  static const Ranges r = wordRanges(Prose(1).paragraph(200));
  return r;
}

// Warm cache: the steady state of a long document (most words seen before).
void BM_ShapeWordsCached(benchmark::State& state) {
  const Ranges& p = englishParagraph();
  const text::ShapeRequest req = latinRequest();
  text::Shaper shaper;
  std::vector<text::Glyph> glyphs;
  for (auto [b, e] : p.ranges) shaper.shape(p.text, b, e, req, glyphs);  // warm up
  for (auto _ : state) {
    glyphs.clear();
    for (auto [b, e] : p.ranges) shaper.shape(p.text, b, e, req, glyphs);
    benchmark::DoNotOptimize(glyphs.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p.ranges.size()));
  state.counters["hit%"] = 100.0 * static_cast<double>(shaper.cacheHits()) /
                           static_cast<double>(shaper.cacheHits() + shaper.cacheMisses());
}
BENCHMARK(BM_ShapeWordsCached);

// Cold cache: a fresh Shaper per paragraph (the first paragraph of a render;
// repeated words inside it still hit).
void BM_ShapeWordsColdCache(benchmark::State& state) {
  const Ranges& p = englishParagraph();
  const text::ShapeRequest req = latinRequest();
  std::vector<text::Glyph> glyphs;
  for (auto _ : state) {
    text::Shaper shaper;
    glyphs.clear();
    for (auto [b, e] : p.ranges) shaper.shape(p.text, b, e, req, glyphs);
    benchmark::DoNotOptimize(glyphs.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p.ranges.size()));
}
BENCHMARK(BM_ShapeWordsColdCache);

// No cache at all: every word is a HarfBuzz call. The Shaper exposes no
// switch, so each word gets a fresh one (hb_buffer_create is ~0.1 us of it).
void BM_ShapeWordsNoCache(benchmark::State& state) {
  const Ranges& p = englishParagraph();
  const text::ShapeRequest req = latinRequest();
  std::vector<text::Glyph> glyphs;
  for (auto _ : state) {
    glyphs.clear();
    for (auto [b, e] : p.ranges) {
      text::Shaper shaper;
      shaper.shape(p.text, b, e, req, glyphs);
    }
    benchmark::DoNotOptimize(glyphs.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p.ranges.size()));
}
BENCHMARK(BM_ShapeWordsNoCache);

// The whole paragraph in one HarfBuzz call (a lower bound for shaping).
void BM_ShapeParagraphOneCall(benchmark::State& state) {
  const Ranges& p = englishParagraph();
  const text::ShapeRequest req = latinRequest();
  std::vector<text::Glyph> glyphs;
  for (auto _ : state) {
    text::Shaper shaper;
    glyphs.clear();
    shaper.shape(p.text, 0, static_cast<uint32_t>(p.text.size()), req, glyphs);
    benchmark::DoNotOptimize(glyphs.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p.ranges.size()));
}
BENCHMARK(BM_ShapeParagraphOneCall);

// Per-script shaping of a sentence pair, word by word, warm cache.
void BM_ShapeScript(benchmark::State& state) {
  const ScriptSample& s = scriptSamples()[static_cast<size_t>(state.range(0))];
  state.SetLabel(s.language);
  text::StyleRun run;
  std::u32string text = toU32(s.text);
  run.begin = 0;
  run.end = static_cast<uint32_t>(text.size());
  run.font = bodyRequest();
  run.font.language = s.language;
  run.language = s.language;
  text::Itemization items = text::itemize(text, {run}, text::BaseDirection::Auto, fonts());
  Ranges p = wordRanges(s.text);
  text::Shaper shaper;
  std::vector<text::Glyph> glyphs;
  for (auto _ : state) {
    glyphs.clear();
    for (const text::Item& it : items.items) {
      text::ShapeRequest req;
      req.font = it.font;
      req.size = pt(10.5);
      req.rtl = it.level & 1;
      req.script = it.script;
      req.language = it.language;
      // word by word inside the item, as the paragraph stage does
      for (auto [b, e] : p.ranges) {
        uint32_t lo = std::max(b, it.begin), hi = std::min(e, it.end);
        if (lo < hi) shaper.shape(text, lo, hi, req, glyphs);
      }
    }
    benchmark::DoNotOptimize(glyphs.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ShapeScript)->DenseRange(0, 7);

// Itemization (ICU bidi, scripts, font fallback per grapheme, language).
void BM_ItemizeEnglish(benchmark::State& state) {
  const Ranges& p = englishParagraph();
  text::StyleRun run{0, static_cast<uint32_t>(p.text.size()), 0, bodyRequest(), "en"};
  std::vector<text::StyleRun> runs{run};
  for (auto _ : state) benchmark::DoNotOptimize(text::itemize(p.text, runs, text::BaseDirection::Auto, fonts()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p.text.size()));
}
BENCHMARK(BM_ItemizeEnglish);

void BM_ItemizeScript(benchmark::State& state) {
  const ScriptSample& s = scriptSamples()[static_cast<size_t>(state.range(0))];
  state.SetLabel(s.language);
  std::u32string text = toU32(s.text);
  text::StyleRun run{0, static_cast<uint32_t>(text.size()), 0, bodyRequest(), s.language};
  run.font.language = s.language;
  std::vector<text::StyleRun> runs{run};
  for (auto _ : state) benchmark::DoNotOptimize(text::itemize(text, runs, text::BaseDirection::Auto, fonts()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ItemizeScript)->DenseRange(0, 7);

// English with an Arabic and a Chinese phrase inside: bidi runs and fallback.
void BM_ItemizeMixed(benchmark::State& state) {
  std::string s = Prose(3).paragraph(40) + " " + scriptSamples()[3].text + " " + Prose(4).paragraph(40) + " " +
                  scriptSamples()[6].text + " " + Prose(5).paragraph(40);
  std::u32string text = toU32(s);
  text::StyleRun run{0, static_cast<uint32_t>(text.size()), 0, bodyRequest(), "en"};
  std::vector<text::StyleRun> runs{run};
  for (auto _ : state) benchmark::DoNotOptimize(text::itemize(text, runs, text::BaseDirection::Auto, fonts()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ItemizeMixed);

// UAX #14 break opportunities (ICU BreakIterator) for a paragraph.
void BM_LineBreakOpportunities(benchmark::State& state) {
  const Ranges& p = englishParagraph();
  for (auto _ : state) benchmark::DoNotOptimize(text::lineBreaks(p.text, "en"));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p.text.size()));
}
BENCHMARK(BM_LineBreakOpportunities);

// Hyphenation of every word of 5+ letters (libhyphen, en-US patterns loaded).
void BM_Hyphenate(benchmark::State& state) {
  const Ranges& p = englishParagraph();
  std::vector<std::u32string_view> words;
  for (auto [b, e] : p.ranges)
    if (e - b >= 5) words.push_back(std::u32string_view(p.text).substr(b, e - b));
  hyphenator().hyphenate(words.front(), "en");  // loads the patterns
  for (auto _ : state)
    for (std::u32string_view w : words) benchmark::DoNotOptimize(hyphenator().hyphenate(w, "en"));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(words.size()));
}
BENCHMARK(BM_Hyphenate);

}  // namespace
}  // namespace folio::bench
