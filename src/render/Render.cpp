#include "render/Render.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <set>

#include "pagination/Pagination.h"
#include "render/Accessibility.h"
#include "pdf/PdfPageReader.h"

namespace folio::render {

namespace fs = std::filesystem;

namespace {

// Every family a layout names must be installed: a list none of whose
// families exists is an error at its `font:` entry (the text would silently
// come out in a fallback face); a missing family followed by one that exists
// is a warning.
void checkLayoutFonts(const style::Layout& layout, text::FontStore& fonts, Diagnostics& diags) {
  std::vector<std::string> installed;
  std::map<std::string, bool> known;  // family -> installed, each looked up once
  int suggestionsLeft = 100;          // each compares with every installed family
  for (const style::FontList& list : layout.fontLists) {
    std::vector<const std::pair<std::string, SourcePos>*> missing;
    bool found = false;
    for (const auto& family : list.families) {
      auto [it, fresh] = known.emplace(family.first, false);
      if (fresh) {
        text::FontRequest request;
        request.families = {family.first};
        it->second = fonts.match(request) != nullptr;
      }
      if (it->second) found = true;
      else missing.push_back(&family);
    }
    for (const auto* family : missing) {
      if (installed.empty()) installed = fonts.familyNames();
      std::string close = suggestionsLeft-- > 0 ? closestMatch(family->first, installed) : "";
      std::string message = "font family '" + family->first + "' is not installed" +
                            (close.empty() ? "; expected an installed family (fc-list : family lists them)"
                                           : "; did you mean '" + close + "'?");
      if (found) diags.warning(family->second, message + " (a later family in the list is used)");
      else diags.error(family->second, message);
    }
  }
}

// Every `style:` of the content must name a style of the layout.
void checkBlockStyles(const std::vector<content::Block>& blocks, const style::Layout& layout,
                      std::vector<std::string>& names, int& suggestionsLeft, Diagnostics& diags) {
  content::forEachBlock(blocks, [&](const content::Block& block) {
    const content::BlockBase& b = block.base();
    if (b.style.empty() || layout.styles.count(b.style)) return;
    if (names.empty())
      for (const auto& [name, s] : layout.styles) names.push_back(name);
    // A suggestion compares with every name: only for the first problems.
    std::string close = suggestionsLeft-- > 0 ? closestMatch(b.style, names) : "";
    diags.error(b.stylePos.line > 0 ? b.stylePos : b.pos,
                "unknown style '" + b.style + "'" +
                    (close.empty() ? "; expected a style of the layout ('" + layout.path + "')"
                                   : "; did you mean '" + close + "'?"));
  });
}

}  // namespace

Pipeline::Pipeline(Settings settings)
    : m_settings(std::move(settings)),
      m_fonts(std::make_unique<text::FontStore>(m_settings.fontDirs)),
      m_hyphenator(std::make_unique<text::Hyphenator>()) {
  // PDF pages as images are parsed by the pdf stage (the image stage cannot link PoDoFo).
  m_settings.imageLimits.pdfPages = pdf::readPdfPage;
}

Pipeline::~Pipeline() = default;

// The recipe.
bool Pipeline::typeset(const Source& source, text::Shaper& shaper, Typeset& out, Diagnostics& diags) {
  out.dependencies.push_back(source.input);
  std::optional<content::Document> doc = load(source, diags);
  if (!doc) return false;
  std::shared_ptr<const style::Layout> layout = resolveStyles(*doc, source, out.dependencies, diags);
  if (!layout) return false;
  out.standards = m_settings.standard ? *m_settings.standard
                                      : PdfStandards{layout->print.standard, layout->print.ua1};
  if (!check(*doc, *layout, out.standards, diags)) return false;
  out.frames = paginate(*doc, *layout, out.standards.base, source.jobName, shaper, diags);
  std::set<std::string> used;  // fonts and images, once each, in a stable order
  for (const frame::Page& page : out.frames.pages)
    for (const frame::Item& item : page.items) {
      if (const auto* img = std::get_if<frame::ImagePlacement>(&item); img && img->image) used.insert(img->image->path);
      if (const auto* run = std::get_if<frame::GlyphRun>(&item); run && run->font) used.insert(run->font->path());
    }
  out.dependencies.insert(out.dependencies.end(), used.begin(), used.end());
  return !diags.hasErrors();
}

bool Pipeline::emit(frame::Document&& frames, Format format, const EmitOptions& options, Sink& sink,
                    Diagnostics& diags) {
  return makeEmitter(format, options)->emit(std::move(frames), sink, diags);
}

std::optional<content::Document> Pipeline::load(const Source& source, Diagnostics& diags) {
  content::Options contentOptions;
  contentOptions.allowedDirs = m_settings.allowedDirs;
  if (source.tree) return content::buildDocument(*source.tree, source.input, contentOptions, diags);
  return content::loadDocument(source.input, m_settings.yamlLimits, contentOptions, diags);
}

std::shared_ptr<const style::Layout> Pipeline::resolveStyles(const content::Document& doc, const Source& source,
                                                             std::vector<std::string>& dependencies,
                                                             Diagnostics& diags) {
  std::string contentDir = fs::path(source.input).parent_path().string();
  if (contentDir.empty()) contentDir = ".";
  std::string layoutName = m_settings.layoutOverride.empty() ? doc.layout : m_settings.layoutOverride;
  std::vector<std::string> layoutDirs = {(fs::path(contentDir) / "layouts").string()};
  layoutDirs.insert(layoutDirs.end(), m_settings.layoutDirs.begin(), m_settings.layoutDirs.end());
  std::string layoutPath = style::findLayout(layoutName, contentDir, layoutDirs);
  if (layoutPath.empty()) {
    SourcePos pos = m_settings.layoutOverride.empty() ? doc.layoutPos : SourcePos{"folio", 0, 0};
    if (pos.file.empty()) pos.file = source.input;
    std::string close = style::isLayoutPath(layoutName) ? "" : closestMatch(layoutName, style::layoutNames(layoutDirs));
    diags.error(pos, "layout '" + layoutName + "' not found; " +
                         (close.empty() ? "expected a built-in layout (letterhead, plain, memo) or a path to a .yaml file"
                                        : "did you mean '" + close + "'?"));
    return nullptr;
  }
  if (m_settings.layoutOverride.empty()) {
    // A layout named by the content (unlike --layout, the user's own choice)
    // must come from the content's directory tree, a layout directory or an
    // --allow-path directory, also after resolving '..' and symlinks.
    std::vector<std::string> dirs = {contentDir};
    dirs.insert(dirs.end(), layoutDirs.begin(), layoutDirs.end());
    dirs.insert(dirs.end(), m_settings.allowedDirs.begin(), m_settings.allowedDirs.end());
    if (!style::isInsideAny(layoutPath, dirs)) {
      std::error_code ec;
      diags.error(doc.layoutPos, "layout '" + layoutName + "' is outside the content file's directory (it resolves to '" +
                                      fs::weakly_canonical(layoutPath, ec).string() + "'); expected a layout name or a path in or below '" +
                                      contentDir + "' (or allow its directory with --allow-path)");
      return nullptr;
    }
  }
  dependencies.push_back(layoutPath);
  return this->layout(layoutPath, diags);
}

bool Pipeline::check(const content::Document& doc, const style::Layout& layout, const PdfStandards& standards,
                     Diagnostics& diags) {
  std::vector<std::string> styleNames;
  int suggestionsLeft = 100;
  checkBlockStyles(doc.body, layout, styleNames, suggestionsLeft, diags);
  if (standards.ua1) {
    if (!m_settings.tags) diags.error({doc.path, 0, 0}, "pdf/ua-1 needs the structure tree; expected no --no-tags");
    checkAccessibility(doc, diags);
  }
  return !diags.hasErrors();
}

frame::Document Pipeline::paginate(const content::Document& doc, const style::Layout& layout, PdfStandard standard,
                                   const std::string& jobName, text::Shaper& shaper, Diagnostics& diags) {
  paragraph::Context ctx{*m_fonts, shaper, *m_hyphenator, diags};
  pagination::Options po;
  po.maxPages = m_settings.maxPages;
  po.imageLimits = m_settings.imageLimits;
  po.pdfDate = pdfDate(doc.date);
  po.pageBoxes = standard == PdfStandard::PdfX4;
  po.jobName = jobName;
  return pagination::paginate(doc, layout, po, ctx);
}

std::shared_ptr<const style::Layout> Pipeline::layout(const std::string& path, Diagnostics& diags) {
  {
    std::lock_guard<std::mutex> lock(m_layoutMutex);
    auto it = m_layouts.find(path);
    if (it != m_layouts.end()) return it->second;
  }
  // Loaded outside the lock; two threads may both load it the first time,
  // which is harmless. A layout with errors is not cached, so every
  // document that uses it reports them.
  size_t errorsBefore = diags.errorCount();
  std::optional<style::Layout> loaded =
      style::loadLayout(path, m_settings.yamlLimits, style::LayoutOptions{m_settings.allowedDirs}, diags);
  if (!loaded) return nullptr;
  checkLayoutFonts(*loaded, *m_fonts, diags);
  if (diags.errorCount() > errorsBefore) return nullptr;
  auto shared = std::make_shared<const style::Layout>(std::move(*loaded));
  std::lock_guard<std::mutex> lock(m_layoutMutex);
  return m_layouts.emplace(path, shared).first->second;
}

std::string pdfDate(const std::string& contentDate) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && v >= 0) {
      std::time_t t = static_cast<std::time_t>(v);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[32];
      std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                    tm.tm_hour, tm.tm_min, tm.tm_sec);
      return buf;
    }
  }
  if (contentDate.size() >= 10 && contentDate[4] == '-' && contentDate[7] == '-')
    return "D:" + contentDate.substr(0, 4) + contentDate.substr(5, 2) + contentDate.substr(8, 2) + "000000Z";
  return {};
}

}  // namespace folio::render
