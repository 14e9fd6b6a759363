#pragma once
// Renders documents for the command line: render::Pipeline, with atomic
// output and the checks that are about files.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "base/PdfStandard.h"
#include "cli/MailMerge.h"
#include "frame/Frame.h"
#include "image/Image.h"
#include "render/Render.h"
#include "style/Layout.h"
#include "text/FontStore.h"
#include "text/Hyphenator.h"
#include "text/Shaper.h"
#include "yaml/Node.h"

namespace folio::cli {

// The pipeline's settings (render::Settings) and what the command line adds.
struct RenderSettings : render::Settings {
  bool strict = false;
  // Mail-merge fields whose values are CommonMark (--markup-fields); the
  // others are inserted as literal text.
  std::set<std::string> markupFields;
  bool writeOutput = true;  // false for `folio check`
  // Threads that help one document (-j N on a single document: N - 1);
  // they compress page streams while pages are painted. Same bytes for any N.
  unsigned helperThreads = 0;
  bool keepFrames = false;  // also hand the pages back (--combine)
  // --format: what the output file holds; `frames` is frame::dump's text
  // trace (the golden files of tests/golden/).
  render::Format format = render::Format::Pdf;
};

struct RenderResult {
  bool ok = false;
  Diagnostics diags;
  std::vector<std::string> dependencies;  // every file the output depends on
  size_t pages = 0;
  std::shared_ptr<frame::Document> frames;  // with RenderSettings::keepFrames, instead of a file
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
  // A layout by name or path (as --layout takes it), with its fonts/ folder
  // and the font files it names registered (for `folio fonts --layout`).
  std::shared_ptr<const style::Layout> loadLayout(const std::string& nameOrPath, Diagnostics& diags) {
    return m_pipeline.loadLayout(nameOrPath, diags);
  }

  // Writes pages as a PDF atomically to `output` (a temporary file beside
  // it, then a rename).
  bool writeFrames(frame::Document&& frames, const std::string& output, const PdfStandards& standards,
                   const std::string& jobName, Diagnostics& diags);

private:
  bool emitAtomically(frame::Document&& frames, render::Format format, const std::string& output,
                      const PdfStandards& standards, const std::string& jobName, Diagnostics& diags);
  render::EmitOptions emitOptions(const PdfStandards& standards, const std::string& jobName) const;
  static std::string temporaryBeside(const std::string& output, Diagnostics& diags);
  static bool renameInto(const std::string& temp, const std::string& output, Diagnostics& diags);

  RenderSettings m_settings;
  render::Pipeline m_pipeline;
};

// Writes `bytes` to `path` atomically: a temporary file beside it, then a
// rename, so a failed run never leaves a partial file or clobbers the old one.
bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string& error);

// "D:20260302000000Z" from SOURCE_DATE_EPOCH, else from the content's date.
std::string pdfDate(const std::string& contentDate);

}  // namespace folio::cli
