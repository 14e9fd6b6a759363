#pragma once
// The pipeline, visible as one recipe (Pipeline::typeset, then emit):
//
//   load -> resolveStyles -> check -> paginate -> emit
//
// load: the content (content::loadDocument, or a parsed tree with a mail-
// merge record applied); resolveStyles: find, load (once per process) and
// check the layout, its fonts installed, the images the layout takes from
// fields; check: the content against the layout (every `style:` exists,
// every field used, PDF/UA's content rules); fillPlaceholders: {fields.X},
// {date} and the like in the text; paginate: frames with structure; emit:
// the frames in a format (render/Emitter.h). The command line (cli/) adds
// what is about files: atomic output, depfiles, batches, --combine.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "base/PdfStandard.h"
#include "content/Document.h"
#include "frame/Frame.h"
#include "image/Image.h"
#include "pagination/Pagination.h"
#include "pagination/TextBox.h"
#include "render/Emitter.h"
#include "style/Layout.h"
#include "text/FontStore.h"
#include "text/Hyphenator.h"
#include "text/Shaper.h"
#include "yaml/Node.h"

namespace folio::render {

struct Settings {
  std::string layoutOverride;  // --layout NAME|PATH
  std::vector<std::string> layoutDirs;
  std::vector<std::string> fontDirs;      // Folio's own fonts/
  std::vector<std::string> fontPathDirs;  // --font-path DIR, searched first
  yaml::Limits yamlLimits;    // --max-input-size, --max-nesting, --max-nodes
  image::Limits imageLimits;  // --max-image-pixels
  // --allow-path: directories images and layouts may also be read from,
  // beyond the content file's directory tree and the layout directories.
  std::vector<std::string> allowedDirs;
  size_t maxPages = 100000;
  // --standard: overrides the layout's `standard:` when set.
  std::optional<PdfStandards> standard;
  bool tags = true;  // --no-tags: no structure tree (refused with pdf/ua-1)
  // Threads that lay out a document's paragraphs ahead (pagination::Options).
  unsigned layoutHelpers = 0;
};

// One document: a content file, or its tree already parsed (and a mail-
// merge record applied to it).
struct Source {
  std::string input;
  const yaml::Node* tree = nullptr;
  std::string jobName;  // the output's file name (PDF/X title, print slug)
};

// Where typeset may write a PDF as its pages fill (pagination::canStream,
// no PDF standard), instead of handing back every page.
struct StreamTarget {
  EmitOptions options;
  std::function<Sink*()> open;  // the output, opened when streaming starts
};

struct Typeset {
  frame::Document frames;  // no pages when streamed
  bool streamed = false;   // the PDF is written (when typeset succeeded)
  size_t pages = 0;
  PdfStandards standards;
  std::vector<std::string> dependencies;  // every file the output depends on
};

class Pipeline {
 public:
  explicit Pipeline(Settings settings);
  ~Pipeline();
  // Thread-safe: one Pipeline serves every worker thread of a batch; each
  // thread brings its own Shaper. Fills out.dependencies even on failure.
  bool typeset(const Source& source, text::Shaper& shaper, Typeset& out, Diagnostics& diags,
               const StreamTarget* stream = nullptr);
  static bool emit(frame::Document&& frames, Format format, const EmitOptions& options, Sink& sink,
                   Diagnostics& diags);
  text::FontStore& fonts() { return *m_fonts; }
  // A layout by name or path (as --layout takes it), with its fonts/ folder
  // and the font files it names registered (for `folio fonts --layout`).
  std::shared_ptr<const style::Layout> loadLayout(const std::string& nameOrPath, Diagnostics& diags);

 private:
  std::optional<content::Document> load(const Source& source, Diagnostics& diags);
  std::shared_ptr<const style::Layout> resolveStyles(content::Document& doc, const Source& source,
                                                     std::vector<std::string>& dependencies, Diagnostics& diags);
  bool check(const content::Document& doc, const style::Layout& layout, const PdfStandards& standards,
             Diagnostics& diags);
  static void fillPlaceholders(content::Document& doc, const style::Layout& layout);
  pagination::Options paginationOptions(const content::Document& doc, PdfStandard standard,
                                        const std::string& jobName) const;
  std::shared_ptr<const style::Layout> layout(const std::string& path, bool rightToLeft, Diagnostics& diags);

  Settings m_settings;
  std::mutex m_layoutMutex;
  struct LoadedLayout {
    std::shared_ptr<const style::Layout> layout;
    // The fonts checking it looked up, in order: each document that uses
    // the layout notes them first, as if it had checked it itself.
    std::vector<const text::Font*> fonts;
    // Its template text as set by earlier documents of the batch.
    std::shared_ptr<pagination::TextBoxCache> textBoxes = std::make_shared<pagination::TextBoxCache>();
  };
  std::shared_ptr<pagination::TextBoxCache> textBoxesOf(const style::Layout* layout);
  std::map<std::string, LoadedLayout> m_layouts;  // loaded once per batch
  std::unique_ptr<text::FontStore> m_fonts;
  std::unique_ptr<text::Hyphenator> m_hyphenator;
};

// "D:20260302000000Z" from SOURCE_DATE_EPOCH, else from the content's date.
std::string pdfDate(const std::string& contentDate);

}  // namespace folio::render
