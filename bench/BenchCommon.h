#pragma once
// Shared set-up for the micro-benchmarks: the font store and hyphenator
// (loaded once per process, as a batch does), a deterministic English text
// source, and generated content documents parsed the way the CLI parses them.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "content/Document.h"
#include "style/Layout.h"
#include "text/FontStore.h"
#include "text/Hyphenator.h"

namespace folio::bench {

std::string sourceDir();  // the repository (FOLIO_SOURCE_DIR)

// Process-wide services, created on first use (their start-up cost is
// measured separately in StartupBench.cpp).
text::FontStore& fonts();
text::Hyphenator& hyphenator();
const style::Layout& letterhead();

// The body font of the letterhead layout (Noto Serif regular).
const text::Font& bodyFont();
text::FontRequest bodyRequest();

// Deterministic pseudo-English: Zipf-weighted words with a long tail of
// derived forms (as bench/generate.py), `words` words in sentences.
class Prose {
 public:
  explicit Prose(uint32_t seed);
  std::string paragraph(int words);
  std::string word();

 private:
  uint32_t next();
  uint64_t m_state;
};

// Content YAML of roughly `pages` pages in the letterhead layout: chapters,
// headings, paragraphs with emphasis, links and footnotes.
std::string documentYaml(int pages, uint32_t seed = 8);

// Parses YAML text into a Document (errors abort the benchmark).
content::Document parseDocument(const std::string& yamlText, const std::string& name = "bench.yaml");

// One whole pagination as a render has it (fresh shaper and diagnostics);
// returns the page count.
size_t paginateOnce(const content::Document& doc, const style::Layout& layout);

// The paragraph languages used by the multi-script benchmarks.
struct ScriptSample {
  const char* language;
  const char* text;  // UTF-8
};
const std::vector<ScriptSample>& scriptSamples();

std::u32string toU32(const std::string& utf8);

}  // namespace folio::bench
