#include "render/Render.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <set>

#include "content/ImagePath.h"
#include "content/Placeholders.h"
#include "pagination/Pagination.h"
#include "pagination/Templates.h"
#include "pdfread/PdfPageReader.h"
#include "render/Accessibility.h"
#include "text/DocumentFonts.h"
#include "text/FontFolders.h"

namespace folio::render {

namespace fs = std::filesystem;

namespace {

bool isFontFileName(const std::string& s) {
  if (s.size() < 5) return false;
  std::string ext = s.substr(s.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc";
}

// A layout may name a font file ("fonts/MissionSans.otf") where it names a
// family: it is found relative to the layout's own directory.
// Like a template's images, the file must lie in the layout's directory
// tree or an --allow-path directory.
void registerLayoutFontFiles(const style::Layout& layout, const std::string& layoutPath,
                             const std::vector<std::string>& allowedDirs, text::FontStore& fonts) {
  const fs::path dir = fs::path(layoutPath).parent_path();
  std::vector<std::string> dirs = {dir.empty() ? std::string(".") : dir.string()};
  dirs.insert(dirs.end(), allowedDirs.begin(), allowedDirs.end());
  for (const style::FontList& list : layout.fontLists)
    for (const auto& family : list.families) {
      if (!isFontFileName(family.first)) continue;
      std::error_code ec;
      const fs::path file =
          fs::path(family.first).is_absolute() ? fs::path(family.first) : dir / family.first;
      if (fs::is_regular_file(file, ec) && style::isInsideAny(file.string(), dirs))
        fonts.addFontFile(family.first, file.string());
    }
}

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
      if (isFontFileName(family->first)) {
        const std::string message =
            "font file '" + family->first +
            "' not found or not a font; expected a .ttf, .otf or .ttc file in the layout's directory tree "
            "(relative to the layout)";
        if (found)
          diags.warning(family->second, message + " (a later family in the list is used)");
        else
          diags.error(family->second, message);
        continue;
      }
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


// The {fields.NAME} placeholders of a text (NAME each), and whether any.
void fieldNames(const std::string& text, std::vector<std::string>& out) {
  for (size_t i = text.find("{fields."); i != std::string::npos; i = text.find("{fields.", i + 1)) {
    size_t close = text.find('}', i);
    if (close == std::string::npos) return;
    out.push_back(text.substr(i + 8, close - i - 8));
  }
}

// Nothing a user writes is lost in silence: a content field no template and
// no text uses (a typo such as 'adress'), and a template placeholder whose
// field the content lacks (unless the layout marks the line optional), are
// warnings with a suggestion; --strict makes them errors.
void checkTemplateFields(const content::Document& doc, const style::Layout& layout, Diagnostics& diags) {
  struct Use {
    std::string name;
    SourcePos pos;
    bool optional;
  };
  std::vector<Use> uses;
  std::set<std::string> usedNames;
  for (const style::PageTemplate* t : {&layout.first, &layout.later, layout.left ? &*layout.left : nullptr,
                                       layout.right ? &*layout.right : nullptr}) {
    if (!t) continue;
    for (const style::TemplateItem& item : t->items) {
      if (!item.imageField.empty()) {
        uses.push_back({item.imageField, item.pos, true});  // no emblem is a plain letterhead
        usedNames.insert(item.imageField);
      }
      for (const style::TemplateLine& line : item.lines) {
        std::vector<std::string> names;
        for (const std::string& seg : line.segments) fieldNames(seg, names);
        fieldNames(line.onePage, names);
        for (const std::string& n : names) {
          uses.push_back({n, line.pos, line.missingExplicit});
          usedNames.insert(n);
        }
      }
    }
  }
  {  // the letter setup's date line ("{fields.place}, {date}") reads fields too
    std::vector<std::string> names;
    fieldNames(layout.letter.dateLine, names);
    usedNames.insert(names.begin(), names.end());
  }
  std::vector<std::string> used(usedNames.begin(), usedNames.end());
  std::vector<std::string> given;
  for (const auto& [name, pos] : doc.fieldPos) given.push_back(name);
  for (const auto& [name, pos] : doc.fieldPos) {
    if (usedNames.count(name) || doc.fieldsInText.count(name)) continue;
    if (pos.file != doc.path) continue;  // a mail-merge column: the data file may hold more than a letter uses
    std::string close = closestMatch(name, used);
    diags.warning(pos, "field '" + name + "' is used neither by the layout ('" + layout.path + "') nor in the text" +
                           (close.empty() ? "; expected a field the layout reads (" +
                                                [&] {
                                                  std::string list;
                                                  for (const std::string& u : used) list += (list.empty() ? "" : ", ") + u;
                                                  return list.empty() ? std::string("none") : list;
                                                }() +
                                                ") or a {fields." + name + "} in the text"
                                          : "; did you mean '" + close + "'?"));
  }
  std::set<std::string> reported;
  for (const Use& u : uses) {
    if (u.optional || doc.fieldPos.count(u.name) || !reported.insert(u.name).second) continue;
    std::string close = closestMatch(u.name, given);
    diags.warning(u.pos, "the template uses {fields." + u.name + "}, which '" + doc.path + "' does not give" +
                             (close.empty() ? "; expected a field '" + u.name +
                                                  "' (or 'missing: drop-line' on the line, if it is optional)"
                                            : "; did you mean '" + close + "'? (the content has that field)"));
  }
}

// Images a layout takes from fields (`image: "{fields.emblem}"`): relative
// to the content file, under the same rules as image blocks.
void resolveImageFields(content::Document& doc, const style::Layout& layout, const content::Options& options,
                        Diagnostics& diags) {
  for (const style::PageTemplate* t : {&layout.first, &layout.later, layout.left ? &*layout.left : nullptr,
                                       layout.right ? &*layout.right : nullptr}) {
    if (!t) continue;
    for (const style::TemplateItem& item : t->items) {
      if (item.imageField.empty() || doc.fieldImages.count(item.imageField)) continue;
      const std::string* value = doc.field(item.imageField);
      if (!value || value->empty()) continue;
      auto pos = doc.fieldPos.find(item.imageField);
      SourcePos where = pos != doc.fieldPos.end() ? pos->second : SourcePos{doc.path, 0, 0};
      if (auto path = content::resolveImagePath(*value, where, doc.path, options, diags))
        doc.fieldImages[item.imageField] = *path;
    }
  }
}

}  // namespace

Pipeline::Pipeline(Settings settings)
    : m_settings(std::move(settings)),
      m_fonts(std::make_unique<text::FontStore>(m_settings.fontDirs)),
      m_hyphenator(std::make_unique<text::Hyphenator>()) {
  for (const std::string& dir : m_settings.fontPathDirs)
    m_fonts->addDirectory(dir, text::FontStore::kFontPath, "--font-path");
  // PDF pages as images are read by pdfread (the image stage cannot link PoDoFo).
  m_settings.imageLimits.pdfPages = pdfread::readPdfPage;
}

Pipeline::~Pipeline() = default;

// The recipe.
bool Pipeline::typeset(const Source& source, text::Shaper& shaper, Typeset& out, Diagnostics& diags,
                       const StreamTarget* stream) {
  out.dependencies.push_back(source.input);
  // This document's own font order (the PDF embeds its fonts in it), the
  // same whatever the batch rendered before or beside it.
  // (The caller may hold the scope open for writing the PDF after this.)
  // Its font context holds its own font folders too (fonts/ beside its
  // content and its layout): searched for this document only, not for the
  // batch's others.
  text::DocumentFonts documentFonts;
  std::optional<text::DocumentFonts::Scope> fontScope;
  if (!text::DocumentFonts::current()) fontScope.emplace(documentFonts);
  std::optional<content::Document> doc = load(source, diags);
  if (!doc) return false;
  std::shared_ptr<const style::Layout> layout = resolveStyles(*doc, source, out.dependencies, diags);
  if (!layout) return false;
  out.standards = m_settings.standard ? *m_settings.standard
                                      : PdfStandards{layout->print.standard, layout->print.ua1};
  if (!check(*doc, *layout, out.standards, diags)) return false;
  fillPlaceholders(*doc, *layout);
  pagination::Options po = paginationOptions(*doc, out.standards.base, source.jobName);
  po.textBoxes = textBoxesOf(layout.get());
  paragraph::Context ctx{*m_fonts, shaper, *m_hyphenator, diags};
  if (stream && out.standards.base == PdfStandard::None && pagination::canStream(*layout, po)) {
    // Each page painted and compressed as it fills (docs/performance.md,
    // "Streaming pages"); the file is written only when all went well.
    Sink* sink = stream->open();
    if (!sink) return false;
    EmitOptions eo = stream->options;
    eo.standard = out.standards.base;
    eo.ua1 = out.standards.ua1;
    std::unique_ptr<PageStreamEmitter> pdf = makePdfStream(eo, *sink, diags);
    pagination::paginate(*doc, *layout, po, ctx, *pdf, out.frames);
    out.pages = pdf->pages();
    out.dependencies.insert(out.dependencies.end(), pdf->used().begin(), pdf->used().end());
    out.streamed = true;
    return !diags.hasErrors() && pdf->finish(out.frames);
  }
  out.frames = pagination::paginate(*doc, *layout, po, ctx);
  out.pages = out.frames.pages.size();
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

namespace {

content::Options contentOptions(const Settings& settings) {
  content::Options o;
  o.allowedDirs = settings.allowedDirs;
  o.keepOnError = true;  // the layout's checks run too: every problem in one run
  o.helpers = settings.layoutHelpers;  // the layout helpers parse inline text first
  return o;
}

}  // namespace

std::optional<content::Document> Pipeline::load(const Source& source, Diagnostics& diags) {
  if (source.tree) return content::buildDocument(*source.tree, source.input, contentOptions(m_settings), diags);
  return content::loadDocument(source.input, m_settings.yamlLimits, contentOptions(m_settings), diags);
}

std::shared_ptr<const style::Layout> Pipeline::resolveStyles(content::Document& doc, const Source& source,
                                                             std::vector<std::string>& dependencies,
                                                             Diagnostics& diags) {
  std::string contentDir = fs::path(source.input).parent_path().string();
  if (contentDir.empty()) contentDir = ".";
  m_fonts->addDirectory((fs::path(contentDir) / "fonts").string(), text::FontStore::kBesideContent,
                        "fonts/ beside the content");
  std::string layoutName = m_settings.layoutOverride.empty() ? doc.layout : m_settings.layoutOverride;
  std::vector<std::string> layoutDirs = {(fs::path(contentDir) / "layouts").string()};
  layoutDirs.insert(layoutDirs.end(), m_settings.layoutDirs.begin(), m_settings.layoutDirs.end());
  // A path typed on the command line is relative to where the user is (as
  // -o and the inputs are), then to the content; one in the content to it.
  std::string layoutPath;
  if (!m_settings.layoutOverride.empty() && style::isLayoutPath(layoutName))
    layoutPath = style::findLayout(layoutName, ".", {});
  if (layoutPath.empty()) layoutPath = style::findLayout(layoutName, contentDir, layoutDirs);
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
  // Added for every document (a cached layout does not load it again).
  m_fonts->addDirectory((fs::path(layoutPath).parent_path() / "fonts").string(),
                        text::FontStore::kBesideLayout, "fonts/ beside the layout");
  std::shared_ptr<const style::Layout> layout = this->layout(layoutPath, doc.rightToLeft(), diags);
  if (!layout) return nullptr;
  // Images the layout takes from fields, found relative to the content.
  resolveImageFields(doc, *layout, contentOptions(m_settings), diags);
  return layout;
}

bool Pipeline::check(const content::Document& doc, const style::Layout& layout, const PdfStandards& standards,
                     Diagnostics& diags) {
  std::vector<std::string> styleNames;
  int suggestionsLeft = 100;
  checkBlockStyles(doc.body, layout, styleNames, suggestionsLeft, diags);
  checkTemplateFields(doc, layout, diags);
  if (standards.ua1) {
    if (!m_settings.tags) diags.error({doc.path, 0, 0}, "pdf/ua-1 needs the structure tree; expected no --no-tags");
    checkAccessibility(doc, diags);
  }
  return !diags.hasErrors();
}

void Pipeline::fillPlaceholders(content::Document& doc, const style::Layout& layout) {
  content::substitutePlaceholders(doc, [&](const std::string& name) -> std::optional<std::string> {
    if (name == "title") return doc.title;
    if (name == "author") return doc.author;
    if (name == "subject") return doc.subject;
    if (name == "date") return pagination::formatDate(doc.date, layout, doc.language);
    if (name.rfind("fields.", 0) == 0) {
      const std::string* v = doc.field(name.substr(7));
      return v ? *v : std::string();
    }
    return std::nullopt;
  });
}

pagination::Options Pipeline::paginationOptions(const content::Document& doc, PdfStandard standard,
                                                const std::string& jobName) const {
  pagination::Options po;
  po.maxPages = m_settings.maxPages;
  po.imageLimits = m_settings.imageLimits;
  po.pdfDate = pdfDate(doc.date);
  po.pageBoxes = standard == PdfStandard::PdfX4;
  po.jobName = jobName;
  po.layoutHelpers = m_settings.layoutHelpers;
  return po;
}

std::shared_ptr<const style::Layout> Pipeline::layout(const std::string& path, bool rightToLeft, Diagnostics& diags) {
  // Its fonts are checked (and its text boxes set) with the document's own
  // font folders: documents whose folders differ do not share it.
  std::string key = rightToLeft ? path + "#rtl" : path;
  if (const text::FontFolders* folders = text::DocumentFonts::currentFolders())
    key += "\x1f" + folders->key();
  std::shared_ptr<const style::Layout> hit;
  const std::vector<const text::Font*>* hitFonts = nullptr;  // entries are never removed
  {
    std::lock_guard<std::mutex> lock(m_layoutMutex);
    auto it = m_layouts.find(key);
    if (it != m_layouts.end()) hit = it->second.layout, hitFonts = &it->second.fonts;
  }
  if (hit) {
    // The font files it names serve each document that uses it.
    registerLayoutFontFiles(*hit, path, m_settings.allowedDirs, *m_fonts);
    text::DocumentFonts::note(*hitFonts);
    return hit;
  }
  // Loaded outside the lock; two threads may both load it the first time,
  // which is harmless. A layout with errors is not cached, so every
  // document that uses it reports them.
  size_t errorsBefore = diags.errorCount();
  std::optional<style::Layout> loaded = style::loadLayout(
      path, m_settings.yamlLimits, style::LayoutOptions{m_settings.allowedDirs, m_settings.layoutDirs}, diags);
  if (!loaded) return nullptr;
  m_fonts->addDirectory((fs::path(path).parent_path() / "fonts").string(), text::FontStore::kBesideLayout,
                        "fonts/ beside the layout");
  registerLayoutFontFiles(*loaded, path, m_settings.allowedDirs, *m_fonts);
  std::vector<const text::Font*> checked;
  {
    text::DocumentFonts::Collect collect(checked);
    checkLayoutFonts(*loaded, *m_fonts, diags);
  }
  text::DocumentFonts::note(checked);
  if (diags.errorCount() > errorsBefore) return nullptr;
  // A right-to-left document reads the letterhead from the right.
  if (rightToLeft && loaded->mirrorRtl) *loaded = style::mirrored(*loaded);
  auto shared = std::make_shared<const style::Layout>(std::move(*loaded));
  std::lock_guard<std::mutex> lock(m_layoutMutex);
  return m_layouts.emplace(key, LoadedLayout{shared, checked}).first->second.layout;
}

std::shared_ptr<pagination::TextBoxCache> Pipeline::textBoxesOf(const style::Layout* layout) {
  std::lock_guard<std::mutex> lock(m_layoutMutex);
  for (const auto& [key, loaded] : m_layouts)
    if (loaded.layout.get() == layout) return loaded.textBoxes;
  return nullptr;
}

std::shared_ptr<const style::Layout> Pipeline::loadLayout(const std::string& nameOrPath, Diagnostics& diags) {
  const std::string path = style::findLayout(nameOrPath, ".", m_settings.layoutDirs);
  if (path.empty()) {
    std::string close = style::isLayoutPath(nameOrPath)
                            ? ""
                            : closestMatch(nameOrPath, style::layoutNames(m_settings.layoutDirs));
    diags.error({"folio", 0, 0}, "layout '" + nameOrPath + "' not found; " +
                                     (close.empty() ? "expected a built-in layout or a path to a .yaml file"
                                                    : "did you mean '" + close + "'?"));
    return nullptr;
  }
  return layout(path, false, diags);
}

std::string pdfDate(const std::string& contentDate) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && v >= 0) {
      std::time_t t = static_cast<std::time_t>(v);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[80];  // room for any int the compiler imagines
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
