#pragma once
// Renders documents for the command line: render::Pipeline, with atomic
// output and the checks that are about files.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "base/PdfStandard.h"
#include "cli/MailMerge.h"
#include "render/Render.h"
#include "image/Image.h"
#include "style/Layout.h"
#include "text/FontStore.h"
#include "text/Hyphenator.h"
#include "text/Shaper.h"
#include "yaml/Node.h"

namespace folio::cli {

// The pipeline's settings (render::Settings) and what the command line adds.
struct RenderSettings : render::Settings {
  bool strict = false;
  bool writeOutput = true;  // false for `folio check`
  // --format: what the output file holds; `frames` is frame::dump's text
  // trace (the golden files of tests/golden/).
  render::Format format = render::Format::Pdf;
};

struct RenderResult {
  bool ok = false;
  Diagnostics diags;
  std::vector<std::string> dependencies;  // every file the output depends on
  size_t pages = 0;
};

// One document to render: a content file, or a parsed content tree with a
// mail-merge record applied to it.
struct Job {
  std::string input;
  std::string output;
  const yaml::Node* tree = nullptr;  // parsed once for all records of a merge
  const Record* record = nullptr;
};

// Renders jobs: the pipeline (render::Pipeline: load -> resolve styles ->
// check -> paginate -> emit) plus what is about files: mail-merge records,
// never overwriting an input, atomic output.
class Renderer {
public:
  explicit Renderer(RenderSettings settings);
  ~Renderer();
  // Thread-safe: one Renderer serves every worker thread of a batch; each
  // thread brings its own Shaper (and so its own shaping cache).
  RenderResult render(const Job& job, text::Shaper& shaper);
  text::FontStore& fonts() { return m_pipeline.fonts(); }

private:
  RenderSettings m_settings;
  render::Pipeline m_pipeline;
};

// Writes `bytes` to `path` atomically: a temporary file beside it, then a
// rename, so a failed run never leaves a partial file or clobbers the old one.
bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string& error);

// "D:20260302000000Z" from SOURCE_DATE_EPOCH, else from the content's date.
std::string pdfDate(const std::string& contentDate);

}  // namespace folio::cli
