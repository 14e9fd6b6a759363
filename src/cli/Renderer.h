#pragma once
// Renders documents: the shared, thread-safe services (fonts, hyphenation
// patterns) plus the per-document recipe load -> paginate -> write.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "base/PdfStandard.h"
#include "cli/MailMerge.h"
#include "image/Image.h"
#include "style/Layout.h"
#include "text/FontStore.h"
#include "text/Hyphenator.h"
#include "text/Shaper.h"
#include "yaml/Node.h"

namespace folio::cli {

struct RenderSettings {
  std::string layoutOverride;  // --layout NAME|PATH
  std::vector<std::string> layoutDirs;
  std::vector<std::string> fontDirs;
  yaml::Limits yamlLimits;       // --max-input-size, --max-nesting, --max-nodes
  image::Limits imageLimits;     // --max-image-pixels
  // --allow-path: directories images and layouts may also be read from,
  // beyond the content file's directory tree and the layout directories.
  std::vector<std::string> allowedDirs;
  size_t maxPages = 100000;
  bool strict = false;
  bool writeOutput = true;  // false for `folio check`
  // --format: what the output file holds; `frames` is frame::dump's text
  // trace (the golden files of tests/golden/).
  enum class Format : uint8_t { Pdf, Frames } format = Format::Pdf;
  // --standard: overrides the layout's `standard:` when set.
  std::optional<PdfStandards> standard;
  bool tags = true;  // --no-tags: no structure tree (refused with pdf/ua-1)
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

class Renderer {
public:
  explicit Renderer(RenderSettings settings);
  ~Renderer();
  // Thread-safe: one Renderer serves every worker thread of a batch; each
  // thread brings its own Shaper (and so its own shaping cache).
  RenderResult render(const Job& job, text::Shaper& shaper);
  text::FontStore& fonts() { return *m_fonts; }

private:
  std::shared_ptr<const style::Layout> layout(const std::string& path, Diagnostics& diags);

  RenderSettings m_settings;
  std::mutex m_layoutMutex;
  std::map<std::string, std::shared_ptr<const style::Layout>> m_layouts;  // loaded once per batch
  std::unique_ptr<text::FontStore> m_fonts;
  std::unique_ptr<text::Hyphenator> m_hyphenator;
};

// Writes `bytes` to `path` atomically: a temporary file beside it, then a
// rename, so a failed run never leaves a partial file or clobbers the old one.
bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string& error);

// "D:20260302000000Z" from SOURCE_DATE_EPOCH, else from the content's date.
std::string pdfDate(const std::string& contentDate);

}  // namespace folio::cli
