#include "pagination/Templates.h"

#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "base/Utf8.h"
#include "pagination/Flow.h"
#include "pagination/GeometryCheck.h"
#include "pagination/PageBuilder.h"
#include "pagination/TextBox.h"
#include "style/Words.h"
#include "text/Dates.h"

namespace folio::pagination {

std::string formatDate(const std::string& iso, const style::Layout& layout, const std::string& language) {
  static const std::vector<std::string> kEnglish = {"January", "February", "March",     "April",   "May",      "June",
                                                    "July",    "August",   "September", "October", "November", "December"};
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
  int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12) return iso;
  // The layout's pattern for this language (exact tag, primary language,
  // "*"), else its one pattern, else the language's own long date.
  std::string f = layout.dateFormat;
  std::string primary = language.substr(0, language.find_first_of("-_"));
  for (const std::string& key : {std::string("*"), primary, language})
    if (auto it = layout.dateFormats.find(key); it != layout.dateFormats.end()) f = it->second;
  if (f.empty()) {
    std::string local = text::longDate(year, month, day, language);
    if (!local.empty()) return local;
    f = "{month} {day}, {year}";
  }
  const std::vector<std::string>& names = layout.monthNames.size() == 12 ? layout.monthNames : kEnglish;
  std::string out;
  for (size_t i = 0; i < f.size();) {
    if (f[i] == '{') {
      size_t close = f.find('}', i);
      if (close != std::string::npos) {
        std::string key = f.substr(i + 1, close - i - 1);
        char two[3] = {char('0' + month / 10), char('0' + month % 10), 0};
        char dd[3] = {char('0' + day / 10), char('0' + day % 10), 0};
        if (key == "year") out += std::to_string(year);
        else if (key == "month") out += names[month - 1];
        else if (key == "mm") out += two;
        else if (key == "day") out += std::to_string(day);
        else if (key == "dd") out += dd;
        else out += f.substr(i, close - i + 1);
        i = close + 1;
        continue;
      }
    }
    out += f[i++];
  }
  return out;
}

std::string expandFields(const std::string& pattern, const content::Document& doc, const style::Layout& layout,
                         int page, int pages, bool& missing, std::vector<std::string>* missingNames) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        std::string key = pattern.substr(i + 1, close - i - 1);
        std::string value;
        bool known = true;
        if (key == "title") value = doc.title;
        else if (key == "short-title") value = doc.shortTitle.empty() ? doc.title : doc.shortTitle;
        else if (key == "recipient") {
          for (const std::string& line : doc.letter.recipient) value += (value.empty() ? "" : "\n") + line;
        } else if (key == "sender-line") value = doc.letter.senderLine;
        else if (key == "reference" || key == "fields.reference") {
          // The letter part, or the version 1 field of the same name.
          const std::string* f = doc.field("reference");
          value = !doc.letter.reference.empty() ? doc.letter.reference : f ? *f : "";
        } else if (key == "your-reference") value = doc.letter.yourReference;
        else if (key == "author") value = doc.author;
        else if (key == "subject") value = doc.subject;
        else if (key == "date") value = formatDate(doc.date, layout, doc.language);
        else if (key == "page") value = std::to_string(page);
        else if (key == "pages") value = std::to_string(pages);
        else if (key.rfind("fields.", 0) == 0) {
          const std::string* f = doc.field(key.substr(7));
          value = f ? *f : "";
        } else if (key.rfind("words.", 0) == 0) {
          // A word may itself hold {page} and {pages} ("Page {page} of {pages}").
          bool unused = false;
          value = expandFields(style::templateWord(layout, doc.language, key.substr(6)), doc, layout, page, pages,
                               unused, nullptr);
        } else known = false;
        if (known) {
          if (value.empty()) {
            missing = true;
            if (missingNames) missingNames->push_back(key);
          }
          out += value;
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::optional<std::string> composeLine(const style::TemplateLine& line, const content::Document& doc,
                                       const style::Layout& layout, int page, int pages,
                                       std::vector<std::string>& missingNames) {
  if (pages == 1 && line.hasOnePage) {
    // `one-page: ""` drops the line on a one-page document ("1 / 1" says
    // nothing a reader needs).
    if (line.onePage.empty()) return std::nullopt;
    bool missing = false;
    std::string text = expandFields(line.onePage, doc, layout, page, pages, missing, &missingNames);
    if (missing) return std::nullopt;
    return text;
  }
  std::string out;
  bool any = false;
  for (const std::string& segment : line.segments) {
    bool missing = false;
    std::string text = expandFields(segment, doc, layout, page, pages, missing, &missingNames);
    if (missing) {
      if (line.missing == style::MissingField::DropSegment) continue;  // the segment and its separator go
      return std::nullopt;  // DropLine; Fail is reported by the caller from missingNames
    }
    if (any) out += line.separator;
    out += text;
    any = true;
  }
  if (!any) return std::nullopt;
  return out;
}

namespace {

class TemplateDrawer {
public:
 TemplateDrawer(const content::Document& doc, const style::Layout& layout, const image::Limits& limits,
                paragraph::Context& ctx, TextBoxCache* boxes)
     : m_doc(doc),
       m_layout(layout),
       m_limits(limits),
       m_ctx(ctx),
       m_rtl(doc.rightToLeft()),
       m_batchBoxes(boxes) {}

 void draw(frame::Page& page, const style::PageTemplate& t, int number, int count) {
   m_drawn.clear();
   for (const style::TemplateItem& item : t.items) {
     switch (item.kind) {
       case style::TemplateItem::Kind::Text: {
         const size_t before = page.items.size();
         drawText(page, item, number, count);
         if (number == 1 && &t == &m_layout.first && page.items.size() > before && !showsPageNumber(item))
           m_content.push_back({before, page.items.size()});
         break;
       }
       case style::TemplateItem::Kind::Image:
         drawImage(page, item);
         break;
       case style::TemplateItem::Kind::Rule: {
         page.items.push_back(frame::Stroke{Point{item.x, page.height - item.y},
                                            Point{item.x2, page.height - item.y2}, item.thickness,
                                            item.color});
         Sp half = item.thickness / 2;
         m_drawn.push_back({&item,
                            {PageBox{std::min(item.x, item.x2) - (item.y == item.y2 ? 0 : half),
                                     std::min(item.y, item.y2) - half,
                                     std::max(item.x, item.x2) + (item.y == item.y2 ? 0 : half),
                                     std::max(item.y, item.y2) + half}},
                            itemName(item)});
         break;
       }
       case style::TemplateItem::Kind::Box:
         page.items.push_back(frame::Fill{
             Rect{item.x, page.height - item.y - item.height, item.width, item.height}, item.color});
         m_drawn.push_back(
             {&item, {PageBox{item.x, item.y, item.x + item.width, item.y + item.height}}, itemName(item)});
         break;
     }
   }
  }

  // Page 1's text items that are content, not page furniture (see drawTemplates).
  std::vector<std::pair<size_t, size_t>> m_content;

  // Checks what draw() drew on one page.
  void check(const PageGeometry& geometry) { m_check.check(m_drawn, geometry, m_ctx.diags); }

private:
  // A folio: {page}, {pages}, or the template words that hold them
  // ({words.page}, {words.page-of}).
  static bool showsPageNumber(const style::TemplateItem& item) {
    auto folio = [](const std::string& s) {
      return s.find("{page}") != std::string::npos || s.find("{pages}") != std::string::npos ||
             s.find("{words.page") != std::string::npos;
    };
    for (const style::TemplateLine& line : item.lines) {
      for (const std::string& segment : line.segments)
        if (folio(segment)) return true;
      if (folio(line.onePage)) return true;
    }
    return false;
  }

  void drawText(frame::Page& page, const style::TemplateItem& item, int number, int count) {
    std::vector<std::string> texts;
    for (const style::TemplateLine& templateLine : item.lines) {
      std::vector<std::string> missingNames;
      std::optional<std::string> composed = composeLine(templateLine, m_doc, m_layout, number, count, missingNames);
      if (templateLine.missing == style::MissingField::Fail && !missingNames.empty() &&
          m_failReported.insert(&templateLine).second)
        m_ctx.diags.error(templateLine.pos, "the template line needs {" + missingNames.front() +
                                                "}, which the document does not give; expected that field in the "
                                                "content (the layout says missing: fail)");
      if (!composed) continue;  // "a missing field leaves its line out"
      // A multi-line field value keeps its lines (content format 1.1).
      size_t start = 0;
      for (size_t nl = composed->find('\n'); nl != std::string::npos; nl = composed->find('\n', start)) {
        texts.push_back(composed->substr(start, nl - start));
        start = nl + 1;
      }
      texts.push_back(composed->substr(start));
    }
    if (texts.empty()) return;
    // Most template text is the same on every page: set it once.
    std::string key = std::to_string(reinterpret_cast<uintptr_t>(&item));
    for (const std::string& t : texts) key += '\x1f' + t;
    auto it = m_boxes.find(key);
    if (it == m_boxes.end()) {
      Sp measure = item.width > 0 ? item.width : 0;
      TextBox box = m_batchBoxes ? m_batchBoxes->get(item, texts, measure, m_layout, m_doc.language, m_ctx)
                                 : setTextBox(item, texts, measure, m_layout, m_doc.language, m_ctx);
      if (!box.problem.empty()) {
        size_t chars = 0;
        for (const std::string& t : texts) chars += toUtf32(t).size();
        m_check.reportFit(item, itemName(item) + " (" + std::to_string(chars) + " characters) " + box.problem,
                          m_ctx.diags);
      }
      if (m_boxes.size() > 256) m_boxes.clear();  // {page} makes a new text on every page
      it = m_boxes.emplace(std::move(key), std::move(box)).first;
    }
    const TextBox& box = it->second;
    // The box's height anchors the lines: `height`, else `max-lines` lines.
    Sp boxHeight = item.height > 0 ? item.height : item.maxLines * box.leading;
    Sp top = item.y;
    if (item.anchor == style::TemplateItem::Anchor::Middle) top += (boxHeight - box.height) / 2;
    else if (item.anchor == style::TemplateItem::Anchor::Bottom) top += boxHeight - box.height;
    // Messages name the value's length: "sender (70 characters) overlaps ...".
    size_t chars = 0;
    for (const std::string& t : texts) chars += toUtf32(t).size();
    DrawnItem drawn{&item, {}, itemName(item) + " (" + std::to_string(chars) + " characters)"};
    for (size_t i = 0; i < box.lines.size(); ++i) {
      const paragraph::Line& line = box.lines[i];
      Sp baseline = top + box.baselines[i];
      if (!line.runs.empty()) {
        Sp left = 0, right = 0;
        bool any = false;
        for (const frame::GlyphRun& r : line.runs) {
          Sp w = 0;
          for (const frame::PlacedGlyph& g : r.glyphs) w += g.advance;
          if (!any || r.origin.x < left) left = r.origin.x;
          if (!any || r.origin.x + w > right) right = r.origin.x + w;
          any = true;
        }
        drawn.boxes.push_back(PageBox{item.x + left, baseline - line.ascent, item.x + right, baseline + line.descent});
      }
      placeLine(page, line, {}, item.x, page.height - baseline);
    }
    m_drawn.push_back(std::move(drawn));
  }

  void drawImage(frame::Page& page, const style::TemplateItem& item) {
    std::string path = item.imagePath;
    if (!item.imageField.empty()) {  // the content names the file, or there is no image
      auto named = m_doc.fieldImages.find(item.imageField);
      if (named == m_doc.fieldImages.end()) return;
      path = named->second;
    }
    const std::string key = path + "#" + std::to_string(item.page);
    auto it = m_images.find(key);
    if (it == m_images.end()) it = m_images.emplace(key, loadShared(item, path, key)).first;
    const auto& img = it->second;
    if (!img || img->width == 0) return;
    // The natural size as for body images (image::naturalSize, the one
    // owner): a PDF page at its own size, a raster at the file's resolution,
    // else 150 dpi.
    double naturalW = 0, naturalH = 0;
    image::naturalSize(*img, 150.0, naturalW, naturalH);
    double aspect = naturalH / naturalW;
    Sp w = item.width, h = item.height;
    if (w > 0 && h == 0) h = static_cast<Sp>(w * aspect);
    else if (h > 0 && w == 0) w = static_cast<Sp>(h / aspect);
    else if (w == 0 && h == 0) w = pt(naturalW), h = static_cast<Sp>(w * aspect);
    const Sp x = item.mirrored ? page.width - item.x - w : item.x;
    page.items.emplace_back(frame::ImagePlacement{img, Rect{x, page.height - item.y - h, w, h}, {}});
    m_drawn.push_back({&item, {PageBox{x, item.y, x + w, item.y + h}}, itemName(item)});
  }

  // A letterhead's images are decoded once per process, not once per
  // document: in a batch of letters decoding the emblem cost 10% of each
  // letter (docs/performance.md). Images are immutable and shared; only
  // images that loaded are kept, so every document reports a bad one.
  std::shared_ptr<const image::Image> loadShared(const style::TemplateItem& item, const std::string& path,
                                                 const std::string& key) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const image::Image>> loaded;
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto hit = loaded.find(key);
      if (hit != loaded.end()) return hit->second;
    }
    std::shared_ptr<const image::Image> img =
        image::load(path, m_limits, item.pos, m_ctx.diags, item.page);
    if (img) {
      // Two documents may decode the same image at once (-j): the first one
      // kept is the one both use, so the batch holds one copy.
      std::lock_guard<std::mutex> lock(mutex);
      if (loaded.size() < 64) return loaded.emplace(key, img).first->second;
    }
    return img;
  }

  const content::Document& m_doc;
  const style::Layout& m_layout;
  const image::Limits& m_limits;
  paragraph::Context& m_ctx;
  bool m_rtl;
  std::map<std::string, std::shared_ptr<const image::Image>> m_images;
  std::set<const style::TemplateLine*> m_failReported;  // once per document, not once per page
  TextBoxCache* m_batchBoxes;                           // the batch's, or nullptr
  std::map<std::string, TextBox> m_boxes;  // set text by item and value
  std::vector<DrawnItem> m_drawn;          // what the current page's template covers
  GeometryCheck m_check;
};

}  // namespace

namespace {

// Page i's template, beneath a body of the page's size.
frame::Page drawTemplate(TemplateDrawer& drawer, const style::Layout& layout, size_t i, int count, Sp width,
                         Sp height) {
  frame::Page t;
  t.width = width;
  t.height = height;
  drawer.draw(t, layout.templateFor(i), static_cast<int>(i) + 1, count);
  BodyArea body = bodyArea(layout, i);
  drawer.check(PageGeometry{t.width, t.height, layout.print.bleed,
                            PageBox{body.left, body.top, body.left + body.width, body.top + body.height},
                            static_cast<int>(i) + 1});
  // Page furniture: artifacts in the structure.
  t.itemStructure.assign(t.items.size(), frame::kArtifact);
  t.templateItems = t.items.size();
  return t;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> drawTemplates(std::vector<frame::Page>& pages,
                                                     const content::Document& doc,
                                                     const style::Layout& layout, const image::Limits& limits,
                                                     paragraph::Context& context, TextBoxCache* boxes) {
  TemplateDrawer drawer(doc, layout, limits, context, boxes);
  int count = static_cast<int>(pages.size());
  for (int i = 0; i < count; ++i) {
    // Templates are painted first, beneath the body (a coloured band or a
    // background image must not cover text).
    frame::Page t =
        drawTemplate(drawer, layout, static_cast<size_t>(i), count, pages[i].width, pages[i].height);
    pages[i].templateItems += t.items.size();
    pages[i].itemStructure.insert(pages[i].itemStructure.begin(), t.itemStructure.begin(),
                                  t.itemStructure.end());
    pages[i].items.insert(pages[i].items.begin(), std::make_move_iterator(t.items.begin()),
                          std::make_move_iterator(t.items.end()));
    pages[i].links.insert(pages[i].links.end(), t.links.begin(), t.links.end());
    pages[i].anchors.insert(pages[i].anchors.end(), t.anchors.begin(), t.anchors.end());
  }
  // The template's items come first on the page: their indices hold.
  return std::move(drawer.m_content);
}

struct TemplatePages::Drawer : TemplateDrawer {
  using TemplateDrawer::TemplateDrawer;
};

TemplatePages::TemplatePages(const content::Document& doc, const style::Layout& layout,
                             const image::Limits& limits, paragraph::Context& context, size_t count,
                             TextBoxCache* boxes)
    : m_layout(layout),
      m_count(count),
      m_drawer(std::make_unique<Drawer>(doc, layout, limits, context, boxes)) {}

TemplatePages::~TemplatePages() = default;

frame::Page TemplatePages::draw(size_t i) {
  return drawTemplate(*m_drawer, m_layout, i, static_cast<int>(m_count), m_layout.pageWidth,
                      m_layout.pageHeight);
}

const std::vector<std::pair<size_t, size_t>>& TemplatePages::firstPageContent() const {
  return m_drawer->m_content;
}

}  // namespace folio::pagination
