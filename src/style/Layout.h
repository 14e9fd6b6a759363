#pragma once
// A layout: page geometry, colours, named styles and the page templates
// (letterhead, running heads, footers) that frame the body text. Pure data,
// read from layouts/NAME.yaml; nothing about it is hard-coded.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/Color.h"
#include "base/Diagnostics.h"
#include "base/PdfStandard.h"
#include "base/Units.h"
#include "style/Style.h"
#include "yaml/Node.h"

namespace folio::style {

// What a template line does when one of its placeholders has no value.
enum class MissingField : uint8_t {
  DropLine,     // the line is left out and the lines below move up
  DropSegment,  // only the segment holding it goes, with its separator
  Fail,         // the document is refused
};

// One line of a text item: one or more segments joined by `separator`.
struct TemplateLine {
  std::vector<std::string> segments;
  std::string separator = " \u00b7 ";
  MissingField missing = MissingField::DropLine;
  bool missingExplicit = false;  // the layout said so: a missing field is then no warning
  std::string onePage;           // used instead on a one-page document, when set
  bool hasOnePage = false;       // `one-page:` given (an empty one drops the line there)
  SourcePos pos;
};

// An element of a page template, positioned from the page's top-left corner.
struct TemplateItem {
  enum class Kind : uint8_t { Text, Image, Rule, Box };
  Kind kind = Kind::Text;
  SourcePos pos;
  // Text: each line may hold {fields}; a line whose fields are all missing
  // or empty is left out, and later lines move up.
  std::vector<TemplateLine> lines;
  std::string id;  // by which an extending layout replaces or removes it
  std::string style = "body";
  Sp x = 0, y = 0;          // top-left of the item
  Sp width = 0;             // Text: the box the lines align in; Image: width
  Sp height = 0;            // Image, Box
  Align align = Align::Left;  // Text: left, center, right, start or end (start/end follow the text's direction)
  std::string imagePath;    // resolved against the directory of the layout file that names it
  std::string imageField;   // Image: "{fields.NAME}": the content's field NAME names the file
  bool mirrored = false;    // Image: x is the right edge's distance from the page's right side
  int page = 1;             // Image: the page placed when the file is a PDF
  Sp x2 = 0, y2 = 0;        // Rule: the other end
  Sp thickness = pt(0.5);   // Rule
  Color color = Color::black();  // Rule, Box fill
  // Text: the box the lines are set in (docs/layout-format.md, "Text boxes").
  // `width` is the measure; `height` or `maxLines` (0: unlimited) bound it.
  enum class Anchor : uint8_t { Top, Middle, Bottom };
  enum class Fit : uint8_t { Wrap, Shrink, ClipError, Ellipsis };
  Anchor anchor = Anchor::Top;
  Fit fit = Fit::Wrap;
  int maxLines = 0;
  Sp minSize = 0;             // Fit::Shrink: the smallest size tried (0: 70% of the style's)
  bool balance = false;       // wrapped lines of about equal length
  bool overlapAllowed = false;  // `overlap: allow`: exempt from the overlap check (a band, a watermark)
  // `mirror: false`: stays where it is when a right-to-left document mirrors
  // the templates (an address in an envelope's window, fold marks).
  bool mirror = true;
};

struct PageTemplate {
  Sp marginTop = mm(25), marginBottom = mm(25), marginLeft = mm(25), marginRight = mm(25);
  std::vector<TemplateItem> items;
};

// A `font:` (or `script-fonts:`) entry as written, for checking later that
// its families are installed; the families are in order of preference.
struct FontList {
  SourcePos pos;                                             // the entry's value
  std::vector<std::pair<std::string, SourcePos>> families;  // each name and where it is written
};

struct LinkStyle {
  Color color = Color::rgb(0.05f, 0.25f, 0.6f);
  bool underline = false;
};

// Print production (docs/layout-format.md, "Print"). All off by default, and
// then pages are exactly the trim size with no extra page boxes.
struct PrintSetup {
  Sp bleed = 0;  // how far past the trim edge template items are kept (BleedBox)
  bool cropMarks = false, registrationMarks = false, slug = false;
  PdfStandard standard = PdfStandard::None;
  bool ua1 = false;  // `standard:` includes pdf/ua-1
  // Does the page need a sheet larger than the trim, or page boxes?
  bool any() const { return bleed > 0 || cropMarks || registrationMarks || slug; }
  bool marks() const { return cropMarks || registrationMarks || slug; }
};

// How tables look (docs/layout-format.md, "Tables"): booktabs rules by
// default (a heavier rule above and below the table, a light one under the
// header), no vertical rules, optional zebra stripes.
struct TableStyle {
  Sp topRule = pt(0.8), midRule = pt(0.4), bottomRule = pt(0.8);  // 0: none
  Color ruleColor = Color::black();
  std::optional<Color> stripe;       // fill of every second body row
  std::optional<Color> headerFill;   // fill behind the header rows
  Sp padX = pt(4), padY = pt(3);     // inside each cell
  std::string cellStyle = "table", headerStyle = "table-header", captionStyle = "caption";
  bool captionAbove = true;
};

// Letter layouts (layout key `letter:`): whether the subject line is
// printed, and the words of the letter parts the flow carries.
struct LetterSetup {
  bool subject = false;
  // A line the flow carries after the closing, e.g. "{fields.place}, {date}"
  // (a note verbale's place and date); "" for none.
  std::string dateLine;
  // The words before the references and the headings of the enclosures and
  // copies when the flow carries them; "" = the template words of the
  // document's language ("Our reference:", "Enclosures", "Copy to").
  std::string yourReference, reference, enclosures, cc;
};

struct Layout {
  std::string path;  // the layout file
  std::string dir;   // its directory (images in templates are relative to it)
  Sp pageWidth = mm(210), pageHeight = mm(297);
  PageTemplate first, later;
  // Optional templates for even (left) and odd (right) pages after the
  // first, e.g. for mirrored margins; `later` when absent.
  std::optional<PageTemplate> left, right;
  const PageTemplate& templateFor(size_t pageIndex) const;  // 0-based
  std::map<std::string, Style> styles;
  std::map<std::string, Color> colors;
  LinkStyle links;
  int widows = 2, orphans = 2;
  std::string dateFormat;  // "" = the document language's long date (ICU)
  // `date-format: {en: "{day} {month} {year}", de: ...}`: per language (a
  // tag or its primary language; "*" for any); the others get ICU's.
  std::map<std::string, std::string> dateFormats;
  // Template words per language, overriding the table shipped with Folio
  // (style/Words.h): language -> word name -> text.
  std::map<std::string, std::map<std::string, std::string>> words;
  bool mirrorRtl = true;  // `mirror-rtl`: mirror the templates for right-to-left documents
  std::vector<std::string> monthNames;  // 12 names for {month}; English by default
  Sp listIndent = pt(18);
  std::string bullet = "\u2022";
  Sp footnoteSeparatorWidth = mm(40);
  Sp footnoteGap = pt(10);
  TableStyle table;
  std::vector<FontList> fontLists;  // every font list the layout names, in source order
  PrintSetup print;
  LetterSetup letter;

  const Style& style(const std::string& name) const;  // falls back to "body"
};

// The names every built-in layout defines (content-format spec).
const std::vector<std::string>& requiredStyleNames();

struct LayoutOptions {
  // Images in templates must lie in the layout file's directory tree (after
  // resolving '..' and symlinks) or in one of these directories.
  std::vector<std::string> allowedDirs;
  // Where `extends: NAME` looks for NAME.yaml (the content's layouts/, then
  // Folio's own).
  std::vector<std::string> searchDirs;
};

// The layout with every template mirrored left to right (positions,
// alignment, margins), for a right-to-left document.
Layout mirrored(const Layout& layout);

std::optional<Layout> buildLayout(const yaml::Node& root, const std::string& path, Diagnostics& diags);
std::optional<Layout> buildLayout(const yaml::Node& root, const std::string& path, const LayoutOptions& options,
                                  Diagnostics& diags);
std::optional<Layout> loadLayout(const std::string& path, const yaml::Limits& limits, Diagnostics& diags);
std::optional<Layout> loadLayout(const std::string& path, const yaml::Limits& limits, const LayoutOptions& options,
                                 Diagnostics& diags);

// Resolves `nameOrPath`: a path (contains '/' or ends in .yaml) relative to
// `contentDir`, else NAME.yaml in each of `searchDirs`. "" if not found.
std::string findLayout(const std::string& nameOrPath, const std::string& contentDir,
                       const std::vector<std::string>& searchDirs);
// The names of the layouts in `searchDirs` (NAME of each NAME.yaml), for
// "did you mean" when a name is not found.
std::vector<std::string> layoutNames(const std::vector<std::string>& searchDirs);
// Is `nameOrPath` a path rather than a layout name (see findLayout)?
bool isLayoutPath(const std::string& nameOrPath);
// Does `path`, after resolving '..' and symbolic links, lie in (or below)
// one of `dirs`? False if it does not exist.
bool isInsideAny(const std::string& path, const std::vector<std::string>& dirs);

class LayoutReader;

// Parses "#1a2b3c", "#abc", "gray(50%)", "cmyk(0%, 20%, 100%, 0%)", "spot(Name, cmyk(...))"
// or a colour name defined in `named`.
bool parseColor(const std::string& s, const std::map<std::string, Color>& named, Color& out);

// Reads a template item's text-box keys (max-lines, anchor, fit, min-size,
// balance, overlap) into `item` (TextBoxKeys.cpp).
void readTextBoxKeys(const yaml::Node& n, LayoutReader& read, TemplateItem& item);

// Reads the layout's `letter:` mapping (LetterKeys.cpp).
void readLetterSetup(const yaml::Node& root, LayoutReader& read, LetterSetup& letter);

// Reads `bleed`, `marks` and `standard` of a layout's top level into `print`.
void readPrintSetup(const yaml::Node& root, LayoutReader& read, PrintSetup& print);
// Reads a layout's `tables:` mapping into `table`.
void readTableStyle(const yaml::Node& n, LayoutReader& read, TableStyle& table);

}  // namespace folio::style
