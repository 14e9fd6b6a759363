// The stages around the text: reading content (YAML, markup, validation),
// one paragraph end to end, and pagination of a generated document.
#include <benchmark/benchmark.h>

#include "BenchCommon.h"
#include "markup/Inline.h"
#include "pagination/Pagination.h"
#include "paragraph/Paragraph.h"
#include "text/Shaper.h"
#include "yaml/Node.h"

namespace folio::bench {
namespace {

// YAML parsing + inline markup + validation of a generated document.
void BM_LoadContent(benchmark::State& state) {
  const int pages = static_cast<int>(state.range(0));
  const std::string y = documentYaml(pages);
  for (auto _ : state) {
    Diagnostics diags;
    std::unique_ptr<yaml::Node> root = yaml::parse(y, "bench.yaml", yaml::Limits{}, diags);
    std::optional<content::Document> doc = content::buildDocument(*root, sourceDir() + "/content/bench.yaml", diags);
    benchmark::DoNotOptimize(doc->body.data());
  }
  state.counters["pages"] = pages;
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(y.size()));
}
BENCHMARK(BM_LoadContent)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

// YAML parsing alone (libyaml + positioned nodes + budgets).
void BM_ParseYaml(benchmark::State& state) {
  const std::string y = documentYaml(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Diagnostics diags;
    benchmark::DoNotOptimize(yaml::parse(y, "bench.yaml", yaml::Limits{}, diags));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(y.size()));
}
BENCHMARK(BM_ParseYaml)->Arg(100)->Unit(benchmark::kMillisecond);

// One justified body paragraph: flatten, itemize, shape, items, break, finalize.
void BM_LayoutParagraph(benchmark::State& state) {
  const int words = static_cast<int>(state.range(0));
  const bool warm = state.range(1) != 0;
  Diagnostics diags;
  markup::InlineText text = markup::parseInline(Prose(static_cast<uint32_t>(words)).paragraph(words), {}, diags);
  const style::Layout& layout = letterhead();
  paragraph::Options o;
  o.style = &layout.style("body");
  o.layout = &layout;
  o.width = static_cast<Sp>(160.0 / 25.4 * 72 * kSpPerPt);
  text::Shaper warmShaper;
  size_t lines = 0;
  for (auto _ : state) {
    text::Shaper coldShaper;
    paragraph::Context ctx{fonts(), warm ? warmShaper : coldShaper, hyphenator(), diags};
    paragraph::Paragraph p = paragraph::layoutParagraph(text, o, ctx);
    lines = p.lines.size();
    benchmark::DoNotOptimize(p.lines.data());
  }
  state.SetLabel(warm ? "warm cache" : "cold cache");
  state.counters["lines"] = static_cast<double>(lines);
  state.SetItemsProcessed(state.iterations() * words);
}
BENCHMARK(BM_LayoutParagraph)->ArgsProduct({{50, 150, 500}, {0, 1}});

// Whole pagination (every paragraph laid out, pages filled, templates drawn)
// with a fresh shaper per run, as one render has.
void BM_Paginate(benchmark::State& state) {
  const int pages = static_cast<int>(state.range(0));
  const content::Document doc = parseDocument(documentYaml(pages));
  const style::Layout& layout = letterhead();
  size_t out = 0;
  for (auto _ : state) {
    out = paginateOnce(doc, layout);
  }
  state.counters["pages"] = static_cast<double>(out);
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(out), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Paginate)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace folio::bench
