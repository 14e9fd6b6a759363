#pragma once
// A table block -> flow items: its caption, booktabs rules and one group
// item per row (the cells' lines placed inside it), plus what each later
// page repeats (TableRepeat). Column widths and the arithmetic of spans and
// decimal alignment come from src/table; the cells' content is laid out by
// the flow builder (CellLayouter), so a cell holds anything a body holds.
#include <optional>
#include <string>
#include <vector>

#include "content/Document.h"
#include "pagination/Flow.h"
#include "style/Layout.h"

namespace folio::pagination {

class CellLayouter {
 public:
  enum class Pass : uint8_t { MinContent, MaxContent, Final };
  struct Request {
    const content::TableBlock* table = nullptr;
    const content::TableCell* cell = nullptr;
    const style::Style* style = nullptr;  // for inline text
    std::string blockStyle;               // the default style of blocks in the cell
    Sp width = 0;
    Pass pass = Pass::Final;  // measuring passes number no notes and report nothing
    content::Align align = content::Align::Default;
    content::Direction dir = content::Direction::Auto;
    uint32_t parent = 0;  // the structure element (TD, TH, Caption) the content goes under
  };
  // The cell's content as flow items, x relative to the content box.
  virtual std::vector<FlowItem> layoutCell(const Request& request) = 0;
  virtual Diagnostics& diagnostics() = 0;
  // A new structure element (Document::structure) under `parent`.
  virtual uint32_t structureElement(frame::Role role, uint32_t parent) = 0;
  virtual frame::StructElement& element(uint32_t index) = 0;

 protected:
  ~CellLayouter() = default;
};

struct TableInput {
  const content::TableBlock* block = nullptr;
  const style::Layout* layout = nullptr;
  Sp x = 0, width = 0;   // the measure the table fills
  std::string language;  // the table's (block's or document's)
  int id = 0;            // index into Flow::tables
  uint32_t structure = 0;  // the Table element: THead/TBody/TFoot, TR, TH/TD and Caption go under it
};

// Appends the table's items to `out` and fills `repeat`. Linear in rows.
void buildTable(const TableInput& in, CellLayouter& cells, std::vector<FlowItem>& out, TableRepeat& repeat);

// Splits a line wider than `width` at glyph boundaries into lines that fit
// (the last resort for a word wider than its cell): no glyph is dropped.
std::vector<FlowItem> splitWideLine(FlowItem line, Sp width, bool rtl);

}  // namespace folio::pagination
