// Reads a layout file into style::Layout: page geometry, colours, styles
// (with inheritance) and page templates.
#include "style/Layout.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "style/LayoutReader.h"
#include "style/LayoutMerge.h"
#include "style/Words.h"

namespace folio::style {

namespace fs = std::filesystem;

const std::vector<std::string>& requiredStyleNames() {
  static const std::vector<std::string> names = {"body",  "heading1", "heading2", "heading3", "label", "title",
                                                 "date",  "quote",    "list",     "code",     "caption",
                                                 "footnote"};
  return names;
}

const Style& Layout::style(const std::string& name) const {
  auto it = styles.find(name);
  if (it != styles.end()) return it->second;
  static const Style fallback;
  auto body = styles.find("body");
  return body != styles.end() ? body->second : fallback;
}

const PageTemplate& Layout::templateFor(size_t pageIndex) const {
  if (pageIndex == 0) return first;
  bool even = (pageIndex + 1) % 2 == 0;
  if (even && left) return *left;
  if (!even && right) return *right;
  return later;
}

namespace {

const std::vector<std::string> kTopKeys = {"page",  "colors", "styles",      "templates", "links", "lists",
                                           "footnotes", "tables", "widows", "orphans", "date-format", "month-names",
                                           "bleed", "marks", "standard", "letter", "extends", "words", "mirror-rtl"};
const std::vector<std::string> kStyleKeys = {
    "inherit", "font",  "script-fonts", "weight",     "style",    "size",         "leading",
    "color",   "align", "space-before", "space-after", "indent",  "indent-end",   "first-indent",
    "features", "hyphenate", "tracking", "uppercase",  "keep-with-next", "keep-together",
    "hanging-punctuation", "protrusion", "sentence-space", "expansion", "expansion-step",
    "justify-letter-spacing", "hyphen-limit",
    "hyphen-min-word", "hyphenate-capitalized", "last-line-min", "justify-arabic", "autolink"};

constexpr size_t kMaxInheritance = 32;  // styles in one 'inherit' chain

struct PageSize {
  const char* name;
  double wMm, hMm;
};
constexpr PageSize kSizes[] = {{"A3", 297, 420}, {"A4", 210, 297}, {"A5", 148, 210},
                               {"Letter", 215.9, 279.4}, {"Legal", 215.9, 355.6}};

class Builder {
public:
  Builder(Layout& layout, const LayoutOptions& options, Diagnostics& diags)
      : m_layout(layout), m_options(options), m_diags(diags), m_read(diags, layout.colors) {}

  void build(const yaml::Node& root) {
    if (!root.isMapping()) {
      m_diags.error(root.pos, std::string("a layout must be a mapping with 'page' and 'styles'; found ") +
                                  root.kindName());
      return;
    }
    m_read.checkKeys(root, kTopKeys, "the layout");
    if (const yaml::Node* c = root.find("colors")) readColors(*c);
    if (const yaml::Node* p = root.find("page")) readPage(*p);
    if (const yaml::Node* s = root.find("styles")) readStyles(*s);
    else m_diags.error(root.pos, "the layout has no 'styles'; expected a mapping of style names");
    if (const yaml::Node* t = root.find("templates")) readTemplates(*t);
    if (const yaml::Node* n = root.find("widows")) m_read.integer(*n, m_layout.widows, 1, 10, "widows");
    if (const yaml::Node* n = root.find("orphans")) m_read.integer(*n, m_layout.orphans, 1, 10, "orphans");
    if (const yaml::Node* n = root.find("date-format")) {
      if (n->isMapping()) {
        for (const auto& [lang, pattern] : n->entries) m_read.string(pattern, m_layout.dateFormats[lang.scalar]);
      } else {
        m_read.string(*n, m_layout.dateFormat);
      }
    }
    if (const yaml::Node* n = root.find("month-names")) {
      if (m_read.stringList(*n, m_layout.monthNames) && m_layout.monthNames.size() != 12)
        m_read.error(*n, "expected 12 month names, found " + std::to_string(m_layout.monthNames.size()));
    }
    if (const yaml::Node* n = root.find("links")) readLinks(*n);
    if (const yaml::Node* n = root.find("words")) readWords(*n);
    if (const yaml::Node* n = root.find("mirror-rtl")) m_read.boolean(*n, m_layout.mirrorRtl);
    readPrintSetup(root, m_read, m_layout.print);
    readLetterSetup(root, m_read, m_layout.letter);
    if (const yaml::Node* n = root.find("lists")) {
      if (m_read.checkKeys(*n, {"indent", "bullet"}, "'lists'")) {
        if (const yaml::Node* v = n->find("indent")) m_read.length(*v, m_layout.listIndent);
        if (const yaml::Node* v = n->find("bullet")) m_read.string(*v, m_layout.bullet);
      }
    }
    if (const yaml::Node* n = root.find("tables")) readTableStyle(*n, m_read, m_layout.table);
    if (const yaml::Node* n = root.find("footnotes")) {
      if (m_read.checkKeys(*n, {"separator", "gap"}, "'footnotes'")) {
        if (const yaml::Node* v = n->find("separator")) m_read.length(*v, m_layout.footnoteSeparatorWidth);
        if (const yaml::Node* v = n->find("gap")) m_read.length(*v, m_layout.footnoteGap);
      }
    }
  }

private:
  void readColors(const yaml::Node& n) {
    if (!n.isMapping()) return m_read.error(n, std::string("expected a mapping of colour names, found ") + n.kindName());
    for (const auto& [key, value] : n.entries) {
      Color c;
      if (m_read.color(value, c)) m_layout.colors[key.scalar] = c;
    }
  }

  void readPage(const yaml::Node& n) {
    if (!m_read.checkKeys(n, {"size", "margins"}, "'page'")) return;
    if (const yaml::Node* size = n.find("size")) {
      if (size->isScalar()) {
        bool found = false;
        std::vector<std::string> names;
        for (const PageSize& s : kSizes) {
          names.push_back(s.name);
          if (size->scalar == s.name) {
            m_layout.pageWidth = mm(s.wMm);
            m_layout.pageHeight = mm(s.hMm);
            found = true;
          }
        }
        if (!found) {
          std::string close = closestMatch(size->scalar, names);
          m_read.error(*size, "unknown page size '" + size->scalar + "'; expected A3, A4, A5, Letter, Legal or [width, height]" +
                                  (close.empty() ? "" : "; did you mean '" + close + "'?"));
        }
      } else if (size->isSequence() && size->items.size() == 2) {
        m_read.length(size->items[0], m_layout.pageWidth);
        m_read.length(size->items[1], m_layout.pageHeight);
        if (m_layout.pageWidth < pt(72) || m_layout.pageHeight < pt(72))
          m_read.error(*size, "page size too small; expected at least 1in by 1in");
      } else {
        m_read.error(*size, "bad page size; expected A4, Letter, ... or [width, height]");
      }
    }
    if (const yaml::Node* margins = n.find("margins")) {
      readMargins(*margins, m_layout.first);
      m_layout.later = m_layout.first;
    }
  }

  void readMargins(const yaml::Node& n, PageTemplate& t) {
    if (n.isScalar()) {
      Sp all;
      if (m_read.length(n, all)) t.marginTop = t.marginBottom = t.marginLeft = t.marginRight = all;
      return;
    }
    if (!m_read.checkKeys(n, {"top", "bottom", "left", "right"}, "'margins'")) return;
    if (const yaml::Node* v = n.find("top")) m_read.length(*v, t.marginTop);
    if (const yaml::Node* v = n.find("bottom")) m_read.length(*v, t.marginBottom);
    if (const yaml::Node* v = n.find("left")) m_read.length(*v, t.marginLeft);
    if (const yaml::Node* v = n.find("right")) m_read.length(*v, t.marginRight);
  }

  // words: {LANG: {NAME: TEXT}}: a layout's own template words.
  void readWords(const yaml::Node& n) {
    if (!n.isMapping()) return m_read.error(n, "expected a mapping of language tags to {word: text} mappings");
    for (const auto& [lang, table] : n.entries) {
      if (!table.isMapping()) {
        m_read.error(table, "expected a mapping of word names to text, such as {telephone: Tel.}");
        continue;
      }
      for (const auto& [name, text] : table.entries) {
        std::string close = closestMatch(name.scalar, templateWordNames());
        bool known = false;
        for (const std::string& w : templateWordNames()) known = known || w == name.scalar;
        if (!known) {
          m_diags.error(name.pos, "unknown template word '" + name.scalar + "'" +
                                      (close.empty() ? "; expected one of the words in docs/layout-format.md"
                                                     : "; did you mean '" + close + "'?"));
          continue;
        }
        m_read.string(text, m_layout.words[lang.scalar][name.scalar]);
      }
    }
  }

  void readLinks(const yaml::Node& n) {
    if (!m_read.checkKeys(n, {"color", "underline"}, "'links'")) return;
    if (const yaml::Node* v = n.find("color")) m_read.color(*v, m_layout.links.color);
    if (const yaml::Node* v = n.find("underline")) m_read.boolean(*v, m_layout.links.underline);
  }

  // Styles inherit from `inherit` (default: body); resolved depth-first with
  // cycle detection so the order of definition does not matter.
  void readStyles(const yaml::Node& n) {
    if (!n.isMapping()) return m_read.error(n, std::string("expected a mapping of style names, found ") + n.kindName());
    for (const auto& [key, value] : n.entries) m_nodes[key.scalar] = &value;
    for (const auto& [key, value] : n.entries) resolve(key.scalar, value.pos);
    for (const std::string& name : requiredStyleNames())
      if (!m_layout.styles.count(name)) m_layout.styles[name] = m_layout.style("body"), m_layout.styles[name].name = name;
  }

  const Style* resolve(const std::string& name, const SourcePos& from) {
    if (auto it = m_layout.styles.find(name); it != m_layout.styles.end()) return &it->second;
    auto node = m_nodes.find(name);
    if (node == m_nodes.end()) {
      std::string close;
      if (m_read.maySuggest()) {
        std::vector<std::string> names;
        for (const auto& [n, v] : m_nodes) names.push_back(n);
        close = closestMatch(name, names);
      }
      m_diags.error(from, "unknown style '" + name + "'" + (close.empty() ? "; expected a style defined in 'styles'" : "; did you mean '" + close + "'?"));
      return nullptr;
    }
    if (m_resolving.count(name)) {
      m_diags.error(node->second->pos, "style '" + name + "' inherits from itself; expected a chain ending at a base style");
      return nullptr;
    }
    // Resolution recurses along the chain: bound it, or a generated layout
    // with a chain of 100,000 styles would overflow the stack.
    if (m_resolving.size() >= kMaxInheritance) {
      m_diags.error(node->second->pos, "style '" + name + "' inherits through more than " +
                                           std::to_string(kMaxInheritance) +
                                           " styles; expected a shorter chain of 'inherit'");
      return nullptr;
    }
    m_resolving.insert(name);
    const yaml::Node& n = *node->second;
    Style s;
    std::string parent = name == "body" ? "" : "body";
    if (n.isMapping()) {
      if (const yaml::Node* v = n.find("inherit")) m_read.string(*v, parent);
    }
    if (!parent.empty() && (parent != "body" || m_nodes.count("body"))) {
      if (const Style* p = resolve(parent, n.pos)) s = *p;
    }
    s.name = name;
    s.keepWithNext = false;
    if (n.isMapping()) readStyle(n, s);
    else if (!n.isNull()) m_read.error(n, std::string("expected a mapping of style properties, found ") + n.kindName());
    m_resolving.erase(name);
    return &(m_layout.styles[name] = s);
  }

  // Reads a font list and notes where each family is written, so that a
  // family that is not installed can be reported at its place.
  void readFonts(const yaml::Node& n, std::vector<std::string>& out) {
    if (!m_read.stringList(n, out)) return;
    FontList list;
    list.pos = n.pos;
    if (n.isScalar()) list.families.emplace_back(n.scalar, n.pos);
    for (const yaml::Node& item : n.items) list.families.emplace_back(item.scalar, item.pos);
    m_layout.fontLists.push_back(std::move(list));
  }

  void readStyle(const yaml::Node& n, Style& s) {
    m_read.checkKeys(n, kStyleKeys, "a style");
    if (const yaml::Node* v = n.find("font")) readFonts(*v, s.fonts);
    if (const yaml::Node* v = n.find("script-fonts")) {
      if (v->isMapping())
        for (const auto& [k, fam] : v->entries) readFonts(fam, s.scriptFonts[k.scalar]);
      else m_read.error(*v, "expected a mapping of script codes (Arab, Hebr, Deva, ...) to fonts");
    }
    if (const yaml::Node* v = n.find("weight")) {
      if (v->isScalar() && v->scalar == "bold") s.weight = 700;
      else if (v->isScalar() && (v->scalar == "normal" || v->scalar == "regular")) s.weight = 400;
      else m_read.integer(*v, s.weight, 100, 900, "weight");
    }
    if (const yaml::Node* v = n.find("style")) {
      if (v->isScalar() && (v->scalar == "italic" || v->scalar == "normal")) s.italic = v->scalar == "italic";
      else m_read.error(*v, "bad font style; expected italic or normal");
    }
    if (const yaml::Node* v = n.find("size")) {
      Sp old = s.size;
      if (m_read.length(*v, s.size, old) && s.size <= 0) m_read.error(*v, "font size '" + v->scalar + "' is not positive; expected a size such as 10pt");
      // A leading given as a ratio of the old size scales with the new one.
      if (!n.find("leading") && old > 0) s.leading = static_cast<Sp>(static_cast<int64_t>(s.leading) * s.size / old);
    }
    if (const yaml::Node* v = n.find("leading")) m_read.length(*v, s.leading, s.size);
    if (const yaml::Node* v = n.find("color")) m_read.color(*v, s.color);
    if (const yaml::Node* v = n.find("align")) {
      static const std::vector<std::pair<std::string, Align>> kAligns = {
          {"start", Align::Start}, {"end", Align::End}, {"left", Align::Left},
          {"right", Align::Right}, {"center", Align::Center}, {"justify", Align::Justify}};
      bool ok = false;
      for (const auto& [word, a] : kAligns)
        if (v->isScalar() && v->scalar == word) s.align = a, ok = true;
      if (!ok) m_read.error(*v, "bad alignment; expected start, end, left, right, center or justify");
    }
    if (const yaml::Node* v = n.find("space-before")) m_read.length(*v, s.spaceBefore, s.size);
    if (const yaml::Node* v = n.find("space-after")) m_read.length(*v, s.spaceAfter, s.size);
    if (const yaml::Node* v = n.find("indent")) m_read.length(*v, s.indentStart, s.size);
    if (const yaml::Node* v = n.find("indent-end")) m_read.length(*v, s.indentEnd, s.size);
    if (const yaml::Node* v = n.find("first-indent")) m_read.length(*v, s.firstIndent, s.size);
    if (const yaml::Node* v = n.find("features")) m_read.string(*v, s.features);
    if (const yaml::Node* v = n.find("hyphenate")) m_read.boolean(*v, s.hyphenate);
    if (const yaml::Node* v = n.find("tracking")) m_read.length(*v, s.tracking, s.size);
    if (const yaml::Node* v = n.find("uppercase")) m_read.boolean(*v, s.uppercase);
    if (const yaml::Node* v = n.find("keep-with-next")) m_read.boolean(*v, s.keepWithNext);
    if (const yaml::Node* v = n.find("keep-together")) m_read.boolean(*v, s.keepTogether);
    if (const yaml::Node* v = n.find("hanging-punctuation")) m_read.boolean(*v, s.hangingPunctuation);
    if (const yaml::Node* v = n.find("protrusion")) share(*v, s.protrusion, 1.0, "protrusion");
    if (const yaml::Node* v = n.find("sentence-space")) {
      if (v->isScalar() && (v->scalar == "normal" || v->scalar == "wide"))
        s.wideSentenceSpace = v->scalar == "wide";
      else
        m_read.error(*v, "bad sentence-space; expected normal (a word space) or wide (a third more, as TeX's "
                         "\\nonfrenchspacing)");
    }
    if (const yaml::Node* v = n.find("expansion")) share(*v, s.expansion, 0.05, "expansion");
    if (const yaml::Node* v = n.find("expansion-step")) {
      if (share(*v, s.expansionStep, 0.05, "expansion-step") && s.expansionStep <= 0)
        m_read.error(*v, "expansion-step '" + v->scalar + "' is not positive; expected a step such as 0.5%");
    }
    if (const yaml::Node* v = n.find("justify-letter-spacing"))
      share(*v, s.justifyLetterSpacing, 0.05, "justify-letter-spacing");
    if (const yaml::Node* v = n.find("hyphen-limit")) m_read.integer(*v, s.hyphenLimit, 0, 3, "hyphen-limit");
    if (const yaml::Node* v = n.find("hyphen-min-word")) m_read.integer(*v, s.hyphenMinWord, 2, 20, "hyphen-min-word");
    if (const yaml::Node* v = n.find("hyphenate-capitalized")) m_read.boolean(*v, s.hyphenateCapitalized);
    if (const yaml::Node* v = n.find("last-line-min")) share(*v, s.lastLineMin, 1.0, "last-line-min");
    if (const yaml::Node* v = n.find("justify-arabic")) {
      if (v->isScalar() && (v->scalar == "spaces" || v->scalar == "kashida"))
        s.kashida = v->scalar == "kashida";
      else
        m_read.error(*v, "bad justify-arabic '" + (v->isScalar() ? v->scalar : std::string()) +
                             "'; expected spaces (the default) or kashida (tatweel elongation, then spaces)");
    }
    if (const yaml::Node* v = n.find("autolink")) m_read.boolean(*v, s.autolink);
  }

  // "2%" or "0.02" -> 0.02, within [0, max].
  bool share(const yaml::Node& v, double& out, double max, const char* what) {
    std::string t = v.isScalar() ? v.scalar : std::string();
    const bool percent = !t.empty() && t.back() == '%';
    if (percent) t.pop_back();
    char* end = nullptr;
    const double d = t.empty() ? -1 : std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size() || !(d >= 0)) {
      m_read.error(v, std::string("bad ") + what + " '" + (v.isScalar() ? v.scalar : "") +
                          "'; expected a percentage such as 2% (or 0 for none)");
      return false;
    }
    const double value = percent ? d / 100 : d;
    if (value > max) {
      m_read.error(v, std::string(what) + " '" + v.scalar + "' is too large; expected at most " +
                          std::to_string(static_cast<int>(max * 100)) + "%");
      return false;
    }
    out = value;
    return true;
  }

  void readTemplates(const yaml::Node& n) {
    if (!m_read.checkKeys(n, {"first", "later", "left", "right"}, "'templates'")) return;
    PageTemplate base = m_layout.first;
    if (const yaml::Node* f = n.find("first")) readTemplate(*f, m_layout.first, base);
    if (const yaml::Node* l = n.find("later")) readTemplate(*l, m_layout.later, base);
    if (const yaml::Node* l = n.find("left")) readTemplate(*l, m_layout.left.emplace(), m_layout.later);
    if (const yaml::Node* r = n.find("right")) readTemplate(*r, m_layout.right.emplace(), m_layout.later);
    // The body text keeps one measure on every page (the flow is set once);
    // margins may move it sideways but not change its width.
    Sp width = m_layout.pageWidth - m_layout.first.marginLeft - m_layout.first.marginRight;
    for (const auto* t : {&m_layout.later, m_layout.left ? &*m_layout.left : nullptr, m_layout.right ? &*m_layout.right : nullptr})
      if (t && std::abs(m_layout.pageWidth - t->marginLeft - t->marginRight - width) > 4)  // rounding of mm
        m_diags.error(n.pos, "every page template must give the body the same width (left + right margins); "
                             "expected the same total as the first page's");
  }

  void readTemplate(const yaml::Node& n, PageTemplate& t, const PageTemplate& base) {
    t = base;
    if (!m_read.checkKeys(n, {"margins", "items"}, "a page template")) return;
    if (const yaml::Node* m = n.find("margins")) readMargins(*m, t);
    if (const yaml::Node* items = n.find("items")) {
      t.items.clear();  // a template's own items replace those of the template it inherits from
      if (!items->isSequence()) return m_read.error(*items, std::string("expected a list of template items, found ") + items->kindName());
      for (const yaml::Node& item : items->items) readItem(item, t);
    }
  }

  void readItem(const yaml::Node& n, PageTemplate& t) {
    static const std::vector<std::string> kKinds = {"text", "image", "rule", "box"};
    if (!m_read.checkKeys(n, {"text", "image", "rule", "box", "style", "x", "y", "x2", "y2", "width", "height", "align",
                              "thickness", "color", "page", "max-lines", "anchor", "fit", "min-size", "overlap",
                              "balance", "id", "missing", "separator", "remove", "mirror"},
                          "a template item"))
      return;
    TemplateItem item;
    item.pos = n.pos;
    int kinds = 0;
    for (size_t k = 0; k < kKinds.size(); ++k)
      if (n.find(kKinds[k])) ++kinds, item.kind = static_cast<TemplateItem::Kind>(k);
    if (kinds != 1) return m_diags.error(n.pos, "a template item needs exactly one of text, image, rule or box");
    if (const yaml::Node* v = n.find("x")) m_read.length(*v, item.x);
    if (const yaml::Node* v = n.find("y")) m_read.length(*v, item.y);
    if (const yaml::Node* v = n.find("x2")) m_read.length(*v, item.x2);
    if (const yaml::Node* v = n.find("y2")) m_read.length(*v, item.y2);
    if (const yaml::Node* v = n.find("width")) m_read.length(*v, item.width);
    if (const yaml::Node* v = n.find("height")) m_read.length(*v, item.height);
    if (const yaml::Node* v = n.find("thickness")) {
      // Presses lose hairlines; preflight flags anything under 0.25 pt.
      if (m_read.length(*v, item.thickness) && item.thickness < pt(0.25))
        m_diags.warning(v->pos, "rule thickness '" + v->scalar +
                                    "' is a hairline that may not print; expected at least 0.25pt");
    }
    if (const yaml::Node* v = n.find("color")) m_read.color(*v, item.color);
    if (const yaml::Node* v = n.find("id")) m_read.string(*v, item.id);
    if (const yaml::Node* v = n.find("mirror")) m_read.boolean(*v, item.mirror);
    if (const yaml::Node* v = n.find("remove"))
      m_read.error(*v, "'remove' takes away an item of the layout named by 'extends'; expected it in a layout "
                       "with 'extends' and an 'id' of the base layout's item");
    if (const yaml::Node* v = n.find("page")) {
      if (item.kind != TemplateItem::Kind::Image) m_read.error(*v, "'page' is for image items; expected it beside 'image'");
      else m_read.integer(*v, item.page, 1, 1000000, "page");
    }
    if (const yaml::Node* v = n.find("style")) {
      m_read.string(*v, item.style);
      if (!m_layout.styles.count(item.style)) resolve(item.style, v->pos);
    }
    if (const yaml::Node* v = n.find("align")) {
      if (v->isScalar() && v->scalar == "left") item.align = Align::Left;
      else if (v->isScalar() && v->scalar == "right") item.align = Align::Right;
      else if (v->isScalar() && v->scalar == "center") item.align = Align::Center;
      else if (v->isScalar() && v->scalar == "start") item.align = Align::Start;
      else if (v->isScalar() && v->scalar == "end") item.align = Align::End;
      else m_read.error(*v, "bad alignment for a template item; expected left, center, right, start or end");
    }
    readTextBoxKeys(n, m_read, item);
    switch (item.kind) {
      case TemplateItem::Kind::Text:
        readLines(n, item);
        break;
      case TemplateItem::Kind::Image: {
        std::string rel;
        if (!m_read.string(*n.find("image"), rel)) break;
        if (rel.rfind("{fields.", 0) == 0 && rel.back() == '}') item.imageField = rel.substr(8, rel.size() - 9);
        else readImagePath(*n.find("image"), rel, item);
        break;
      }
      case TemplateItem::Kind::Rule:
      case TemplateItem::Kind::Box:
        break;
    }
    t.items.push_back(std::move(item));
  }

  // The policy for a missing field: the item's `missing`, or a line's own.
  bool readMissing(const yaml::Node& n, MissingField& out) {
    static const std::vector<std::string> kNames = {"drop-line", "drop-segment", "fail"};
    for (size_t i = 0; i < kNames.size(); ++i)
      if (n.isScalar() && n.scalar == kNames[i]) return out = static_cast<MissingField>(i), true;
    std::string close = n.isScalar() ? closestMatch(n.scalar, kNames) : "";
    m_read.error(n, "bad 'missing' policy" + (close.empty() ? std::string("; expected drop-line, drop-segment or fail")
                                                           : "; did you mean '" + close + "'?"));
    return false;
  }

  // text: a line is a string, or {segments: [...], separator, missing, one-page}
  // or {line: "...", missing, one-page}.
  void readLines(const yaml::Node& item, TemplateItem& out) {
    TemplateLine defaults;
    if (const yaml::Node* v = item.find("missing")) defaults.missingExplicit = readMissing(*v, defaults.missing);
    if (const yaml::Node* v = item.find("separator")) m_read.string(*v, defaults.separator);
    const yaml::Node& text = *item.find("text");
    std::vector<const yaml::Node*> lines;
    if (text.isSequence())
      for (const yaml::Node& l : text.items) lines.push_back(&l);
    else lines.push_back(&text);
    for (const yaml::Node* l : lines) {
      TemplateLine line = defaults;
      line.pos = l->pos;
      if (l->isScalar()) {
        line.segments.push_back(l->scalar);
      } else if (l->isMapping() && m_read.checkKeys(*l, {"line", "segments", "separator", "missing", "one-page"},
                                                     "a template line")) {
        if (const yaml::Node* v = l->find("line")) line.segments.emplace_back(), m_read.string(*v, line.segments.back());
        if (const yaml::Node* v = l->find("segments")) {
          std::vector<std::string> segs;
          if (m_read.stringList(*v, segs)) line.segments.insert(line.segments.end(), segs.begin(), segs.end());
        }
        if (const yaml::Node* v = l->find("separator")) m_read.string(*v, line.separator);
        if (const yaml::Node* v = l->find("missing")) line.missingExplicit = readMissing(*v, line.missing);
        if (const yaml::Node* v = l->find("one-page")) {
          m_read.string(*v, line.onePage);
          line.hasOnePage = true;
        }
        if (line.segments.empty()) m_read.error(*l, "a template line needs 'line' or 'segments'");
      } else if (!l->isMapping()) {
        m_read.error(*l, std::string("expected a template line (a string, or a mapping with 'line' or 'segments'), "
                                     "found ") + l->kindName());
      }
      checkWords(line, *l);
      out.lines.push_back(std::move(line));
    }
  }

  // {words.NAME} must name a template word.
  void checkWords(const TemplateLine& line, const yaml::Node& n) {
    std::vector<std::string> texts = line.segments;
    texts.push_back(line.onePage);
    for (const std::string& t : texts)
      for (size_t i = t.find("{words."); i != std::string::npos; i = t.find("{words.", i + 1)) {
        size_t close = t.find('}', i);
        if (close == std::string::npos) break;
        std::string name = t.substr(i + 7, close - i - 7);
        bool known = false;
        for (const std::string& w : templateWordNames()) known = known || w == name;
        if (known) continue;
        std::string near = closestMatch(name, templateWordNames());
        m_read.error(n, "unknown template word '{words." + name + "}'" +
                            (near.empty() ? "; expected a word of the table in docs/layout-format.md"
                                          : "; did you mean '{words." + near + "}'?"));
      }
  }

  // A template image: relative to the layout, present, and inside the
  // layout's directory tree or an allowed directory (no escape by '..' or
  // symbolic links), so a layout cannot pull in arbitrary files.
  void readImagePath(const yaml::Node& n, const std::string& rel, TemplateItem& item) {
    // Relative to the file that names it: an extending layout's own images
    // beside it, the base layout's beside the base.
    std::string dir = fs::path(n.pos.file).parent_path().string();
    if (dir.empty()) dir = m_layout.dir;  // a tree parsed from text, or a layout in the working directory
    fs::path p = fs::path(dir.empty() ? "." : dir) / rel;
    item.imagePath = p.lexically_normal().string();
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
      m_read.error(n, "image '" + rel + "' not found next to the layout (" + item.imagePath +
                          "); expected a PNG, JPEG or PDF file in the layout's directory");
      return;
    }
    std::vector<std::string> dirs = m_options.allowedDirs;
    dirs.insert(dirs.begin(), dir.empty() ? "." : dir);
    if (!isInsideAny(item.imagePath, dirs)) {
      std::string real = fs::weakly_canonical(p, ec).string();
      m_read.error(n, "image '" + rel + "' is outside the layout's directory (it resolves to '" + real +
                          "'); expected a file in or below '" + dirs.front() + "'");
    }
  }

  Layout& m_layout;
  const LayoutOptions& m_options;
  Diagnostics& m_diags;
  LayoutReader m_read;
  std::map<std::string, const yaml::Node*> m_nodes;
  std::set<std::string> m_resolving;
};

}  // namespace

std::optional<Layout> buildLayout(const yaml::Node& root, const std::string& path, Diagnostics& diags) {
  return buildLayout(root, path, LayoutOptions{}, diags);
}

std::optional<Layout> buildLayout(const yaml::Node& root, const std::string& path, const LayoutOptions& options,
                                  Diagnostics& diags) {
  size_t before = diags.errorCount();
  try {
    Layout layout;
    layout.path = path;
    layout.dir = fs::path(path).parent_path().string();
    Builder(layout, options, diags).build(root);
    if (diags.errorCount() > before) return std::nullopt;
    return layout;
  } catch (const std::exception& e) {  // out of memory: exceptions must not leave the module
    diags.error(SourcePos{path, 0, 0}, std::string("cannot read the layout: ") + e.what());
    return std::nullopt;
  }
}

std::optional<Layout> loadLayout(const std::string& path, const yaml::Limits& limits, Diagnostics& diags) {
  return loadLayout(path, limits, LayoutOptions{}, diags);
}

std::optional<Layout> loadLayout(const std::string& path, const yaml::Limits& limits, const LayoutOptions& options,
                                 Diagnostics& diags) {
  std::unique_ptr<yaml::Node> root = yaml::load(path, limits, diags);
  if (!root) return std::nullopt;
  if (root->isNull()) {
    diags.error(SourcePos{path, 1, 1}, "empty layout; expected a YAML mapping with 'page' and 'styles'");
    return std::nullopt;
  }
  if (!resolveExtends(*root, path, limits, options.searchDirs, diags)) return std::nullopt;
  return buildLayout(*root, path, options, diags);
}

std::vector<std::string> layoutNames(const std::vector<std::string>& searchDirs) {
  std::set<std::string> names;
  for (const std::string& dir : searchDirs) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".yaml") names.insert(it->path().stem().string());
    }
  }
  return {names.begin(), names.end()};
}

bool isLayoutPath(const std::string& nameOrPath) {
  return nameOrPath.find('/') != std::string::npos ||
         (nameOrPath.size() > 5 && nameOrPath.substr(nameOrPath.size() - 5) == ".yaml");
}

bool isInsideAny(const std::string& path, const std::vector<std::string>& dirs) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return false;
  for (const std::string& dir : dirs) {
    fs::path root = fs::canonical(dir.empty() ? "." : dir, ec);
    if (ec) continue;
    auto [rootEnd, realEnd] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
    if (rootEnd == root.end()) return true;
  }
  return false;
}

std::string findLayout(const std::string& nameOrPath, const std::string& contentDir,
                       const std::vector<std::string>& searchDirs) {
  std::error_code ec;
  if (isLayoutPath(nameOrPath)) {
    fs::path p = fs::path(nameOrPath).is_absolute() ? fs::path(nameOrPath) : fs::path(contentDir) / nameOrPath;
    return fs::is_regular_file(p, ec) ? p.lexically_normal().string() : std::string();
  }
  for (const std::string& dir : searchDirs) {
    fs::path p = fs::path(dir) / (nameOrPath + ".yaml");
    if (fs::is_regular_file(p, ec)) return p.lexically_normal().string();
  }
  return {};
}

}  // namespace folio::style
