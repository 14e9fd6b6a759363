#pragma once
// The body as a vertical list: lines, spaces, images and rules, each with
// the information the page builder needs to break pages well.
#include <memory>
#include <string>
#include <vector>

#include "content/Document.h"
#include "frame/Frame.h"
#include "image/Image.h"
#include "paragraph/Paragraph.h"
#include "style/Layout.h"

namespace folio::pagination {

struct FlowItem {
  enum class Kind : uint8_t { Line, Space, Image, Rule, PageBreak, Group };
  Kind kind = Kind::Line;
  Sp height = 0;        // vertical advance in the flow
  Sp baseline = 0;      // Line: from the top of its slot to the baseline
  Sp x = 0;             // offset from the body's left edge
  Sp width = 0;         // measure (Line), drawn width (Image, Rule)
  bool breakAfter = true;   // may a page end after this item?
  bool discardable = false; // vanishes at the top of a page (space between blocks)
  paragraph::Line line;
  std::vector<frame::GlyphRun> extraRuns;  // list markers, drawn with the line
  std::shared_ptr<const image::Image> image;
  std::string alt;
  Color color;               // Rule
  std::vector<frame::Anchor> anchors;  // at the top of the item (block ids, headings)
  std::vector<frame::OutlineEntry> outline;
  SourcePos pos;  // the block it comes from
  // The structure element of the item (frame::Document::structure), and for
  // a line, of each run (parallel to line.runs; empty: all `structure`), of
  // each link (parallel to line.links) and of its list marker (extraRuns).
  uint32_t structure = frame::kArtifact;
  std::vector<uint32_t> runStructure;
  std::vector<uint32_t> linkStructure;
  uint32_t markerStructure = frame::kArtifact;

  // Group (a table row): `parts` placed at (x + part.x, top + part.dy), over
  // `fills` (stripes, rules; x from the group's left, y from its top down
  // to the fill's top). The parts' footnote numbers are also in line.notes,
  // so the page builder places their notes with the row.
  std::vector<FlowItem> parts;
  std::vector<frame::Fill> fills;
  Sp dy = 0;  // a part: offset from the top of its group
  // Tables: which table an item belongs to (-1: none), and whether it is a
  // body row, after which a page may continue the table under a repeated
  // header (Flow::tables).
  int table = -1;
  bool tableBody = false;
  // Row-spanning cells: a group lists the cells (numbered per table) whose
  // span covers its row; a part, the cell it is a line of (-1: none). The
  // page builder moves a cut span's lines overleaf by these.
  std::vector<int> spans;
  int span = -1;
};

// What a table repeats at the top of each page it runs onto: its top rule,
// the continued caption, the header rows and the rule under them; and at
// the foot of each page it leaves for the next: the rule over its footer
// rows and the footer rows.
struct TableRepeat {
  std::vector<FlowItem> items;
  Sp height = 0;
  std::vector<FlowItem> footer;
  Sp footerHeight = 0;
  Sp x = 0, width = 0;  // the table's box, for the rule that closes a page
  Sp bottomRule = 0;
  Color ruleColor;
  Sp padY = 0;  // cell padding above and below, for lines moved overleaf
};

// A laid-out footnote: its lines in the footnote style.
struct Footnote {
  int number = 0;
  bool rtl = false;  // its paragraph runs right to left (the separator goes on the right)
  std::vector<FlowItem> lines;
};

struct Flow {
  // A window of the flow when it is laid out on demand (FlowSource): items[0]
  // is item number `first` of the whole flow; those before it were placed
  // on pages and dropped.
  std::vector<FlowItem> items;
  size_t first = 0;
  std::vector<Footnote> notes;  // index = number - 1
  std::vector<frame::OutlineEntry> outline;  // filled by the page builder, in page order
  std::vector<TableRepeat> tables;           // index = FlowItem::table
  std::vector<frame::StructElement> structure;  // the document's, in reading order
};

struct FlowContext;
// `helpers`: threads that lay out paragraphs ahead (LayoutAhead.h); the
// flow is the same for any number.
Flow buildFlow(const content::Document& doc, const style::Layout& layout, Sp bodyWidth,
               const image::Limits& imageLimits, paragraph::Context& context, unsigned helpers = 0);

// The flow laid out on demand, a few top-level blocks at a time, as the
// page filler asks for items: a long document never holds all its lines at
// once (docs/performance.md, "Streaming pages"). The same items, notes,
// tables and structure as buildFlow, in the same order.
class FlowBuilder;
class LayoutAhead;
class FlowSource {
 public:
  // `helpers`: as buildFlow's.
  FlowSource(const content::Document& doc, const style::Layout& layout, Sp bodyWidth,
             const image::Limits& imageLimits, paragraph::Context& context, unsigned helpers = 0);
  // The same, releasing each top-level block of `doc.body` once it is laid
  // out (the content of a long document goes as its pages are made); the
  // blocks move out of `doc.body` at once, which is left empty.
  struct Consume {};
  FlowSource(content::Document& doc, Consume, const style::Layout& layout, Sp bodyWidth,
             const image::Limits& imageLimits, paragraph::Context& context, unsigned helpers = 0);
  ~FlowSource();
  Flow& flow();
  // Lays out the next `blocks` top-level blocks (their items appended to
  // flow().items, their notes to flow().notes); false when none was left.
  // One call, so that a caller may lay out several blocks ahead at once.
  bool pull(size_t blocks = 1);

 private:
  std::unique_ptr<LayoutAhead> m_ahead;  // made before the builder, stopped before it goes
  std::unique_ptr<FlowBuilder> m_builder;
};

// Vertical metrics shared by the body and the templates: where a line's
// baseline sits in a slot of height `leading` for text of `size`.
Sp baselineInSlot(Sp leading, Sp size);

}  // namespace folio::pagination
