#pragma once
// Renders documents: the shared, thread-safe services (fonts, hyphenation
// patterns) plus the per-document recipe load -> paginate -> write.
#include <memory>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "text/FontStore.h"
#include "text/Hyphenator.h"
#include "yaml/Node.h"

namespace folio::cli {

struct RenderSettings {
  std::string layoutOverride;  // --layout NAME|PATH
  std::vector<std::string> layoutDirs;
  std::vector<std::string> fontDirs;
  yaml::Limits yamlLimits;
  size_t maxPages = 100000;
  bool strict = false;
  bool writeOutput = true;  // false for `folio check`
};

struct RenderResult {
  bool ok = false;
  Diagnostics diags;
  std::vector<std::string> dependencies;  // every file the output depends on
  size_t pages = 0;
};

class Renderer {
public:
  explicit Renderer(RenderSettings settings);
  ~Renderer();
  // Thread-safe: one Renderer serves every worker thread of a batch.
  RenderResult render(const std::string& input, const std::string& output);
  text::FontStore& fonts() { return *m_fonts; }

private:
  RenderSettings m_settings;
  std::unique_ptr<text::FontStore> m_fonts;
  std::unique_ptr<text::Hyphenator> m_hyphenator;
};

// Writes `bytes` to `path` atomically: a temporary file beside it, then a
// rename, so a failed run never leaves a partial file or clobbers the old one.
bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string& error);

// "D:20260302000000Z" from SOURCE_DATE_EPOCH, else from the content's date.
std::string pdfDate(const std::string& contentDate);

}  // namespace folio::cli
