// PDF writing: pages of a paginated document at several Flate levels, font
// subsetting (hb-subset) on its own, and one font against many.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "BenchCommon.h"
#include "base/Utf8.h"
#include "pagination/Pagination.h"
#include "fontembed/FontSubset.h"
#include "pdf/PdfWriter.h"
#include "text/Shaper.h"

namespace folio::bench {
namespace {

std::string tempPdf() {
  static const std::string path = "/tmp/folio-bench-" + std::to_string(::getpid()) + ".pdf";
  return path;
}

struct Cleanup {
  ~Cleanup() { std::remove(tempPdf().c_str()); }
} cleanup;

const frame::Document& paginated(int pages) {
  static std::map<int, frame::Document> cache;
  auto it = cache.find(pages);
  if (it != cache.end()) return it->second;
  const content::Document doc = parseDocument(documentYaml(pages));
  Diagnostics diags;
  text::Shaper shaper;
  paragraph::Context ctx{fonts(), shaper, hyphenator(), diags};
  return cache.emplace(pages, pagination::paginate(doc, letterhead(), pagination::Options{}, ctx)).first->second;
}

// writePdf of a paginated document: content streams, fonts (subset once),
// links, outline, metadata, serialization and the file write.
void BM_WritePdf(benchmark::State& state) {
  const frame::Document& doc = paginated(static_cast<int>(state.range(0)));
  pdf::WriteOptions options;
  options.compressionLevel = static_cast<int>(state.range(1));
  long size = 0;
  for (auto _ : state) {
    Diagnostics diags;
    if (!pdf::writePdf(doc, tempPdf(), options, diags)) state.SkipWithError("writePdf failed");
    benchmark::ClobberMemory();
  }
  if (FILE* f = std::fopen(tempPdf().c_str(), "rb")) {
    std::fseek(f, 0, SEEK_END);
    size = std::ftell(f);
    std::fclose(f);
  }
  state.SetLabel("flate " + std::to_string(options.compressionLevel));
  state.counters["pages"] = static_cast<double>(doc.pages.size());
  state.counters["KiB"] = static_cast<double>(size) / 1024.0;
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(doc.pages.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_WritePdf)->ArgsProduct({{10, 100}, {0, 1, 6, 9}})->Unit(benchmark::kMillisecond);

// The glyphs a text uses in a font (as the document would).
std::vector<uint32_t> glyphsOf(const text::Font& font, const std::u32string& text) {
  std::set<uint32_t> s{0};
  for (char32_t c : text)
    if (uint32_t g = font.glyphFor(c)) s.insert(g);
  return {s.begin(), s.end()};
}

struct FontCase {
  const char* family;
  int weight;
  bool italic;
  const char* language;
  std::string sample;
};

const std::vector<FontCase>& fontCases() {
  static const std::vector<FontCase> cases = [] {
    std::string latin = Prose(11).paragraph(400) + " 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ —“”’";
    const auto& s = scriptSamples();
    return std::vector<FontCase>{
        {"Noto Serif", 400, false, "en", latin},
        {"Noto Serif", 700, false, "en", latin},
        {"Noto Serif", 400, true, "en", latin},
        {"Noto Sans", 700, false, "en", latin},
        {"Noto Naskh Arabic", 400, false, "ar", s[3].text},
        {"Noto Serif Hebrew", 400, false, "he", s[4].text},
        {"Noto Serif Devanagari", 400, false, "hi", s[5].text},
        {"Noto Serif CJK SC", 400, false, "zh", std::string(s[6].text) + s[7].text},
    };
  }();
  return cases;
}

const text::Font* fontFor(const FontCase& c) {
  text::FontRequest r;
  r.families = {c.family};
  r.weight = c.weight;
  r.italic = c.italic;
  r.language = c.language;
  return fonts().match(r);
}

// hb-subset of one face to the glyphs of a sample text.
void BM_SubsetFont(benchmark::State& state) {
  const FontCase& c = fontCases()[static_cast<size_t>(state.range(0))];
  const text::Font* font = fontFor(c);
  if (!font) {
    state.SkipWithError((std::string(c.family) + " is not installed").c_str());
    return;
  }
  std::vector<uint32_t> gids = glyphsOf(*font, toUtf32(c.sample));
  size_t bytes = 0;
  for (auto _ : state) {
    fontembed::FontSubset s = fontembed::subsetFont(*font, gids);
    bytes = s.program.size();
    benchmark::DoNotOptimize(s.program.data());
  }
  state.SetLabel(std::string(c.family) + (c.weight == 700 ? " Bold" : "") + (c.italic ? " Italic" : ""));
  state.counters["glyphs"] = static_cast<double>(gids.size());
  state.counters["subsetKiB"] = static_cast<double>(bytes) / 1024.0;
  state.counters["fileKiB"] = static_cast<double>(font->data().size()) / 1024.0;
}
BENCHMARK(BM_SubsetFont)->DenseRange(0, 7)->Unit(benchmark::kMillisecond);

// A one-page document using the first N fonts of fontCases(): the difference
// between N = 1 and N = 8 is the per-font cost of writePdf (subset + embed +
// widths + ToUnicode).
void BM_WritePdfFonts(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  frame::Document doc;
  frame::Page page;
  page.width = mm(210);
  page.height = mm(297);
  Sp y = mm(20);
  for (size_t i = 0; i < n && i < fontCases().size(); ++i) {
    const text::Font* font = fontFor(fontCases()[i]);
    if (!font) continue;
    std::u32string text = toUtf32(fontCases()[i].sample).substr(0, 400);
    // 10 lines of 40 characters each
    for (size_t l = 0; l * 40 < text.size() && l < 10; ++l) {
      frame::GlyphRun run;
      run.font = font;
      run.size = pt(10);
      run.origin = {mm(20), y};
      run.text = text.substr(l * 40, 40);
      for (uint32_t k = 0; k < run.text.size(); ++k) {
        frame::PlacedGlyph g;
        g.gid = font->glyphFor(run.text[k]);
        g.advance = pt(5);
        g.textBegin = k;
        g.textLength = 1;
        run.glyphs.push_back(g);
      }
      page.items.emplace_back(std::move(run));
      y += pt(12);
    }
  }
  doc.pages.push_back(page);
  for (auto _ : state) {
    Diagnostics diags;
    if (!pdf::writePdf(doc, tempPdf(), pdf::WriteOptions{}, diags)) state.SkipWithError("writePdf failed");
  }
  state.counters["fonts"] = static_cast<double>(n);
}
BENCHMARK(BM_WritePdfFonts)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace folio::bench
