#pragma once
// The output model: finished pages of positioned glyph runs, rules, images,
// links and anchors. Everything a writer needs and nothing it has to compute;
// `dump()` renders it as a diff-friendly text trace for tests.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/Color.h"
#include "base/Units.h"
#include "frame/Structure.h"
#include "text/Font.h"

namespace folio::image { struct Image; }

namespace folio::frame {

struct PlacedGlyph {
  uint32_t gid = 0;
  Sp advance = 0;       // the pen moves this far after the glyph (includes justification)
  Sp xOffset = 0, yOffset = 0;
  uint32_t textBegin = 0;  // the glyph carries run.text[textBegin, textBegin+textLength)
  uint32_t textLength = 0; // 0 for glyphs that carry no text (marks of a cluster, etc.)
};

// Glyphs of one font, size and colour on one baseline, in visual order.
struct GlyphRun {
  const text::Font* font = nullptr;
  Sp size = 0;
  Color color;
  Point origin;            // baseline start (left end) in page coordinates
  std::u32string text;     // the source text these glyphs carry (logical order)
  std::vector<PlacedGlyph> glyphs;
  bool rtl = false;
  // The direction of the paragraph the run belongs to, where known: a line
  // of a right-to-left paragraph may be mostly Latin (a URL), and readers
  // that rebuild reading order need its direction (pdf/PaintOrder.h).
  std::optional<bool> paragraphRtl;
  // Its bidi embedding level (UAX #9) when the paragraph engine set it, else
  // kNoLevel: the writer reverses runs level by level to read them logically.
  static constexpr uint8_t kNoLevel = 0xff;
  uint8_t level = kNoLevel;
  // Horizontal scale of the glyphs (font expansion, PDF's Tz): 1.02 draws
  // them 2 % wider. Advances and offsets above are already scaled.
  double hScale = 1.0;
};

// A filled rectangle (rules, boxes, underlines).
struct Fill {
  Rect rect;
  Color color;
};

// A stroked rectangle outline or line (crop marks, boxes).
struct Stroke {
  Point from, to;
  Sp width = 0;
  Color color;
};

struct ImagePlacement {
  std::shared_ptr<const image::Image> image;
  Rect rect;
  std::string alt;
};

using Item = std::variant<GlyphRun, Fill, Stroke, ImagePlacement>;

struct Link {
  std::vector<Rect> rects;  // one per line the link covers
  std::string uri;          // external target, or ""
  std::string destination;  // internal anchor name, or ""
  uint32_t structure = kArtifact;  // its Link element in Document::structure
};

struct Anchor {
  std::string name;  // block id, "fn:3", "fnref:3"
  Point at;          // top-left of the target
};

// A page printed on a larger sheet: the trim (the finished page) and the
// bleed around it, in the coordinates of the sheet (the MediaBox).
struct PrintBoxes {
  Rect trim, bleed;
};

struct Page {
  Sp width = 0, height = 0;
  std::vector<Item> items;  // painted in order
  // Parallel to `items` (same length once pagination has filled it): the
  // index in Document::structure of the element each item belongs to, or
  // kArtifact for page furniture. Empty when no structure was recorded.
  std::vector<uint32_t> itemStructure;
  // Set only for print output (a layout's bleed or marks, or PDF/X); then
  // `items` are clipped at the bleed box, and `marks` (crop and
  // registration marks, the slug) are painted after them, outside it.
  std::optional<PrintBoxes> boxes;
  std::vector<Item> marks;
  std::vector<Link> links;
  std::vector<Anchor> anchors;
  // items[0, templateItems) come from the page template (letterhead, running
  // head, folio): page furniture, which a tagged PDF marks as artifacts.
  size_t templateItems = 0;
};

struct OutlineEntry {
  int level = 1;  // 1..3
  std::string title;
  std::string anchor;  // Anchor name on some page
};

struct Metadata {
  std::string title, author, subject, keywords, language;
  std::string creator = "Folio";
  std::string date;  // PDF date form "D:YYYYMMDDHHmmSSZ" or ""
};

struct Document {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  Metadata metadata;
  // The logical structure in reading order: element 0 is the Document root,
  // a parent always comes before its children, siblings in reading order.
  std::vector<StructElement> structure;
};

enum class DumpDetail : uint8_t {
  Full,    // with each item's structure element and the structure tree
  Layout,  // geometry only (what the PDF writer hashes into the document ID)
};

// Text trace: one line per item, positions in pt with 2 decimals; with
// DumpDetail::Full each item starts with its element ("[P#12]",
// "[H2#3]", "[Artifact]") and the structure tree follows the pages.
std::string dump(const Document& doc, DumpDetail detail = DumpDetail::Full);

}  // namespace folio::frame
