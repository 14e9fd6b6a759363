#include "cli/Renderer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>

#include "cli/Accessibility.h"
#include "cli/IccProfiles.h"
#include "content/Document.h"
#include "pagination/Pagination.h"
#include "pdf/PdfPageReader.h"
#include "pdf/PdfWriter.h"
#include "style/Layout.h"
#include "text/Shaper.h"

namespace folio::cli {

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
  for (const content::Block& b : blocks) {
    if (!b.style.empty() && !layout.styles.count(b.style)) {
      if (names.empty())
        for (const auto& [name, s] : layout.styles) names.push_back(name);
      // A suggestion compares with every name: only for the first problems.
      std::string close = suggestionsLeft-- > 0 ? closestMatch(b.style, names) : "";
      diags.error(b.stylePos.line > 0 ? b.stylePos : b.pos,
                  "unknown style '" + b.style + "'" +
                      (close.empty() ? "; expected a style of the layout ('" + layout.path + "')"
                                     : "; did you mean '" + close + "'?"));
    }
    for (const auto& item : b.items) checkBlockStyles(item, layout, names, suggestionsLeft, diags);
    checkBlockStyles(b.children, layout, names, suggestionsLeft, diags);
    if (b.table)
      for (const content::TableRow& row : b.table->rows)
        for (const content::TableCell& cell : row.cells)
          checkBlockStyles(cell.blocks, layout, names, suggestionsLeft, diags);
  }
}

}  // namespace

Renderer::Renderer(RenderSettings settings)
    : m_settings(std::move(settings)),
      m_fonts(std::make_unique<text::FontStore>(m_settings.fontDirs)),
      m_hyphenator(std::make_unique<text::Hyphenator>()) {
  // PDF pages as images are parsed by the pdf stage (the image stage cannot link PoDoFo).
  m_settings.imageLimits.pdfPages = pdf::readPdfPage;
}

Renderer::~Renderer() = default;

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

bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string& error) {
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n <= 0) {
      error = "cannot write '" + path + "': " + std::strerror(errno);
      ::close(fd);
      ::unlink(name.data());
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  fchmod(fd, 0644);
  if (::close(fd) != 0 || std::rename(name.data(), path.c_str()) != 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    ::unlink(name.data());
    return false;
  }
  return true;
}

std::shared_ptr<const style::Layout> Renderer::layout(const std::string& path, Diagnostics& diags) {
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

RenderResult Renderer::render(const Job& job, text::Shaper& shaper) {
  RenderResult result;
  Diagnostics& diags = result.diags;
  diags.setStrict(m_settings.strict);
  const std::string& input = job.input;
  const std::string& output = job.output;
  result.dependencies.push_back(input);

  std::optional<content::Document> doc;
  content::Options contentOptions{m_settings.allowedDirs};
  if (job.tree) {
    yaml::Node tree = *job.tree;
    if (job.record) applyRecord(tree, *job.record);
    doc = content::buildDocument(tree, input, contentOptions, diags);
  } else {
    doc = content::loadDocument(input, m_settings.yamlLimits, contentOptions, diags);
  }
  if (!doc) return result;

  std::string contentDir = fs::path(input).parent_path().string();
  if (contentDir.empty()) contentDir = ".";
  std::string layoutName = m_settings.layoutOverride.empty() ? doc->layout : m_settings.layoutOverride;
  std::vector<std::string> layoutDirs = {(fs::path(contentDir) / "layouts").string()};
  layoutDirs.insert(layoutDirs.end(), m_settings.layoutDirs.begin(), m_settings.layoutDirs.end());
  std::string layoutPath = style::findLayout(layoutName, contentDir, layoutDirs);
  if (layoutPath.empty()) {
    SourcePos pos = m_settings.layoutOverride.empty() ? doc->layoutPos : SourcePos{"folio", 0, 0};
    if (pos.file.empty()) pos.file = input;
    std::string close = style::isLayoutPath(layoutName) ? "" : closestMatch(layoutName, style::layoutNames(layoutDirs));
    diags.error(pos, "layout '" + layoutName + "' not found; " +
                         (close.empty() ? "expected a built-in layout (letterhead, plain, memo) or a path to a .yaml file"
                                        : "did you mean '" + close + "'?"));
    return result;
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
      diags.error(doc->layoutPos, "layout '" + layoutName + "' is outside the content file's directory (it resolves to '" +
                                      fs::weakly_canonical(layoutPath, ec).string() + "'); expected a layout name or a path in or below '" +
                                      contentDir + "' (or allow its directory with --allow-path)");
      return result;
    }
  }
  result.dependencies.push_back(layoutPath);
  std::shared_ptr<const style::Layout> layout = this->layout(layoutPath, diags);
  if (!layout) return result;
  std::vector<std::string> styleNames;
  int suggestionsLeft = 100;
  checkBlockStyles(doc->body, *layout, styleNames, suggestionsLeft, diags);
  const PdfStandards standards =
      m_settings.standard ? *m_settings.standard : PdfStandards{layout->print.standard, layout->print.ua1};
  if (standards.ua1) {
    if (!m_settings.tags)
      diags.error({doc->path, 0, 0}, "pdf/ua-1 needs the structure tree; expected no --no-tags");
    checkAccessibility(*doc, diags);
  }
  if (diags.hasErrors()) return result;

  paragraph::Context ctx{*m_fonts, shaper, *m_hyphenator, diags};
  pagination::Options po;
  po.maxPages = m_settings.maxPages;
  po.imageLimits = m_settings.imageLimits;
  po.pdfDate = pdfDate(doc->date);
  const PdfStandard standard = standards.base;
  po.pageBoxes = standard == PdfStandard::PdfX4;
  po.jobName = fs::path(output).filename().string();
  frame::Document frames = pagination::paginate(*doc, *layout, po, ctx);
  result.pages = frames.pages.size();
  std::set<std::string> used;  // fonts and images, once each, in a stable order
  for (const frame::Page& page : frames.pages)
    for (const frame::Item& item : page.items) {
      if (const auto* img = std::get_if<frame::ImagePlacement>(&item); img && img->image) used.insert(img->image->path);
      if (const auto* run = std::get_if<frame::GlyphRun>(&item); run && run->font) used.insert(run->font->path());
    }
  result.dependencies.insert(result.dependencies.end(), used.begin(), used.end());
  if (diags.hasErrors()) return result;
  if (!m_settings.writeOutput) {
    result.ok = true;
    return result;
  }

  // Never write over a file the document is made from (-o doc.yaml, or the
  // layout, an image, a font): that would lose it.
  for (const std::string& dep : result.dependencies) {
    std::error_code ec;
    if (fs::equivalent(output, dep, ec)) {
      diags.error({output, 0, 0}, "the output would overwrite '" + dep +
                                      "', which the document is made from; expected a different output path "
                                      "(a .pdf file)");
      return result;
    }
  }

  if (m_settings.format == RenderSettings::Format::Frames) {
    std::string error;
    if (!writeFileAtomically(output, frame::dump(frames), error)) {
      diags.error({output, 0, 0}, error + "; expected a writable directory");
      return result;
    }
    result.ok = true;
    return result;
  }

  // The writer needs a file; write beside the target, then rename into place.
  fs::path target(output);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    diags.error({output, 0, 0}, std::string("cannot write the output: ") + std::strerror(errno) +
                                    "; expected a writable directory");
    return result;
  }
  ::close(fd);
  pdf::WriteOptions wo;
  wo.standard = standard;
  wo.ua1 = standards.ua1;
  wo.tags = m_settings.tags;
  wo.jobName = po.jobName;
  if (standard != PdfStandard::None) {
    IccProfiles profiles;
    if (!loadIccProfiles(profiles, diags)) {
      ::unlink(name.data());
      return result;
    }
    wo.srgbProfile = std::move(profiles.srgb);
    wo.cmykProfile = std::move(profiles.cmyk);
  }
  if (!pdf::writePdf(std::move(frames), name.data(), wo, diags)) {
    ::unlink(name.data());
    return result;
  }
  ::chmod(name.data(), 0644);
  if (std::rename(name.data(), output.c_str()) != 0) {
    diags.error({output, 0, 0}, std::string("cannot write the output: ") + std::strerror(errno));
    ::unlink(name.data());
    return result;
  }
  result.ok = true;
  return result;
}

}  // namespace folio::cli
