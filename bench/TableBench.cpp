// A long table (issue 17): lay out and paginate N rows of four columns with
// auto, fraction and decimal widths and a repeated header. Time and memory
// must grow linearly with N: compare the per-row time of 250, 1,000 and
// 4,000 rows (the items/s counter is rows per second).
#include <benchmark/benchmark.h>

#include <string>

#include "BenchCommon.h"
#include "pagination/Pagination.h"
#include "text/Shaper.h"

namespace folio::bench {
namespace {

std::string tableYaml(int rows) {
  Prose prose(17);
  std::string y = "language: en\nbody:\n  - table:\n      - [Country, Programme, Budget, Change]\n";
  for (int r = 0; r < rows; ++r) {
    y += "      - [\"Country " + std::to_string(r) + "\", \"" + prose.paragraph(6 + r % 9) + "\", \"" +
         std::to_string(1000 + (r * 7919) % 90000) + "." + std::to_string(r % 100) + "\", \"" +
         std::to_string(r % 31) + ".5 %\"]\n";
  }
  y += "    columns: [auto, 1fr, {align: decimal}, {align: decimal}]\n    continued: true\n    caption: A long table\n";
  return y;
}

void BM_PaginateTable(benchmark::State& state) {
  const int rows = static_cast<int>(state.range(0));
  const content::Document doc = parseDocument(tableYaml(rows));
  const style::Layout& layout = letterhead();
  size_t pages = 0;
  for (auto _ : state) {
    pages = paginateOnce(doc, layout);
  }
  state.counters["pages"] = static_cast<double>(pages);
  state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_PaginateTable)->Arg(250)->Arg(1000)->Arg(4000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace folio::bench
