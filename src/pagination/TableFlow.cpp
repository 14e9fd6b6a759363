#include "pagination/TableFlow.h"

#include <algorithm>
#include <cstdio>

#include "table/Columns.h"
#include "table/Rows.h"
#include "text/Numbers.h"

namespace folio::pagination {

namespace {

using content::CellAlign;
using content::Table;
using content::TableCell;

std::string ptText(Sp v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fpt", toPt(v));
  return buf;
}

bool isRtlLanguage(const std::string& lang) {
  std::string primary = lang.substr(0, lang.find('-'));
  for (const char* l : {"ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"})
    if (primary == l) return true;
  return false;
}

// How wide an item's content is, for min- and max-content.
Sp contentRight(const FlowItem& it) {
  switch (it.kind) {
    case FlowItem::Kind::Line: return it.x + it.line.width;
    case FlowItem::Kind::Image: return it.x + it.width;
    case FlowItem::Kind::Space:
    case FlowItem::Kind::Rule:
    case FlowItem::Kind::PageBreak:
    case FlowItem::Kind::Group: return 0;
  }
  return 0;
}

Sp itemsHeight(const std::vector<FlowItem>& items) {
  Sp h = 0;
  for (const FlowItem& it : items) h += it.height;
  return h;
}

// The visual extent of a line's glyphs, from the content box's left edge
// (a right-aligned line starts far from 0).
std::pair<Sp, Sp> inkExtent(const FlowItem& line) {
  Sp left = INT32_MAX, right = INT32_MIN;
  for (const frame::GlyphRun& run : line.line.runs) {
    Sp x = run.origin.x;
    for (const frame::PlacedGlyph& g : run.glyphs) x += g.advance;
    left = std::min(left, run.origin.x);
    right = std::max(right, x);
  }
  if (left > right) return {line.x, line.x};
  return {line.x + left, line.x + right};
}

// Where the decimal separator of a one-line cell is: the width before it
// and from it on. A cell without the separator aligns as if it ended
// just before one ("12" with "12.50"). In a language whose separator is not
// ASCII (Arabic's U+066B), a cell written with Western digits uses ".".
table::DecimalParts decimalParts(const std::vector<FlowItem>& items, const std::u32string& sep) {
  table::DecimalParts parts;
  const FlowItem* line = nullptr;
  for (const FlowItem& it : items)
    if (it.kind == FlowItem::Kind::Line) {
      line = &it;
      break;
    }
  if (!line) return parts;
  auto find = [&](const std::u32string& s) -> std::optional<Sp> {
    for (const frame::GlyphRun& run : line->line.runs) {
      Sp x = run.origin.x;
      for (const frame::PlacedGlyph& g : run.glyphs) {
        if (g.textLength > 0 && g.textBegin < run.text.size() &&
            run.text.compare(g.textBegin, std::min<size_t>(g.textLength, s.size()), s) == 0)
          return x;
        x += g.advance;
      }
    }
    return std::nullopt;
  };
  std::optional<Sp> at = find(sep);
  if (!at && (sep.size() != 1 || sep[0] > 0x7f)) at = find(U".");
  auto [left, right] = inkExtent(*line);
  parts.before = (at ? line->x + *at : right) - left;
  parts.after = right - left - parts.before;
  return parts;
}

// A style derived from `base` for cells: no justification, indents or
// space around paragraphs (the cell's padding does that).
style::Style cellStyle(const style::Style& base, bool bold) {
  style::Style s = base;
  s.align = style::Align::Start;
  s.spaceBefore = s.spaceAfter = 0;
  s.indentStart = s.indentEnd = s.firstIndent = 0;
  s.keepWithNext = s.keepTogether = false;
  if (bold) s.weight = std::max(s.weight, 700);
  return s;
}

CellAlign alignOf(const TableCell& cell, const content::TableColumn& column) {
  return cell.align != CellAlign::Default ? cell.align : column.align;
}

table::VAlign valignOf(const TableCell& cell, const content::TableColumn& column) {
  content::VAlign v = cell.valign != content::VAlign::Default ? cell.valign : column.valign;
  return v == content::VAlign::Middle   ? table::VAlign::Middle
         : v == content::VAlign::Bottom ? table::VAlign::Bottom
                                        : table::VAlign::Top;
}

content::Align toBlockAlign(CellAlign a, bool rtl) {
  switch (a) {
    case CellAlign::Start: return content::Align::Start;
    case CellAlign::End: return content::Align::End;
    case CellAlign::Left: return content::Align::Left;
    case CellAlign::Right: return content::Align::Right;
    case CellAlign::Center: return content::Align::Center;
    case CellAlign::Decimal: return rtl ? content::Align::Right : content::Align::Left;
    case CellAlign::Default: break;
  }
  return content::Align::Start;
}

FlowItem ruleItem(Sp x, Sp width, Sp thickness, Color color, int id) {
  FlowItem r;
  r.kind = FlowItem::Kind::Rule;
  r.x = x;
  r.width = width;
  r.height = thickness;
  r.color = color;
  r.breakAfter = false;
  r.table = id;
  return r;
}

class TableBuilder {
 public:
  TableBuilder(const TableInput& in, CellLayouter& cells)
      : m_in(in), m_t(*in.block->table), m_layout(*in.layout), m_ts(in.layout->table), m_cells(cells) {
    const content::TableBlock& b = *in.block;
    m_rtl = b.dir == content::Direction::Rtl || (b.dir == content::Direction::Auto && isRtlLanguage(in.language));
    const style::Style& body = m_layout.style("body");
    m_cellStyle = m_layout.styles.count(m_ts.cellStyle) ? m_layout.style(m_ts.cellStyle) : cellStyle(body, false);
    m_headerStyle = m_layout.styles.count(m_ts.headerStyle) ? m_layout.style(m_ts.headerStyle)
                                                            : cellStyle(m_cellStyle, true);
    m_cellBlockStyle = m_layout.styles.count(m_ts.cellStyle) ? m_ts.cellStyle : "body";
    m_sep = text::decimalSeparator(in.language);
  }

  void build(std::vector<FlowItem>& out, TableRepeat& repeat) {
    m_colHeaders.assign(m_t.columns.size(), {});
    measure();
    resolveColumns();
    const Sp x = m_tableX, w = m_cols.total();
    const int id = m_in.id;
    auto tag = [id](std::vector<FlowItem>& items, bool keep) {
      for (FlowItem& it : items) {
        it.table = id;
        if (keep) it.breakAfter = false;
      }
    };
    // Caption above (with the table's start) or below; the continued
    // caption goes over the repeated header.
    std::vector<FlowItem> caption, continued;
    if (!m_t.caption.empty()) {
      caption = layoutCaption(m_t.caption, CellLayouter::Pass::Final);
      if (!m_t.continued.empty()) {
        markup::InlineText text = m_t.caption;
        markup::Inline space;
        space.text = " ";
        text.push_back(space);
        text.insert(text.end(), m_t.continued.begin(), m_t.continued.end());
        continued = layoutCaption(text, CellLayouter::Pass::MinContent);  // generated: no notes numbered again
      }
    } else if (!m_t.continued.empty()) {
      continued = layoutCaption(m_t.continued, CellLayouter::Pass::MinContent);
    }
    tag(caption, m_ts.captionAbove);
    tag(continued, true);
    if (m_ts.captionAbove) out.insert(out.end(), caption.begin(), caption.end());
    repeat.items.insert(repeat.items.end(), continued.begin(), continued.end());
    if (m_ts.topRule > 0) {
      out.push_back(ruleItem(x, w, m_ts.topRule, m_ts.ruleColor, id));
      repeat.items.push_back(out.back());
    }
    const size_t rows = m_t.rows.size(), header = m_t.headerRows, footer = m_t.footerRows;
    size_t bodyIndex = 0;
    for (size_t r = 0; r < rows;) {
      size_t end = bandEnd(r);
      std::vector<FlowItem> band = layoutBand(r, end, bodyIndex);
      for (size_t k = 0; k < band.size(); ++k) {
        FlowItem& row = band[k];
        size_t index = r + k;
        row.table = id;
        bool isHeader = index < header, isFooter = index + footer >= rows;
        row.tableBody = !isHeader && !isFooter;
        // Rows are kept whole; header rows stay with the first body row,
        // the last body row with the footer.
        row.breakAfter = !isHeader && !(footer > 0 && index + footer + 1 >= rows);
        if (isHeader) repeat.items.push_back(row);
        if (isFooter) repeat.footer.push_back(row);
        out.push_back(std::move(row));
        if (index + 1 == header && m_ts.midRule > 0) {
          out.push_back(ruleItem(x, w, m_ts.midRule, m_ts.ruleColor, id));
          repeat.items.push_back(out.back());
        }
        if (footer > 0 && index + footer + 1 == rows && m_ts.midRule > 0) {
          out.push_back(ruleItem(x, w, m_ts.midRule, m_ts.ruleColor, id));
          repeat.footer.push_back(out.back());
        }
      }
      r = end;
    }
    if (m_ts.bottomRule > 0) {
      out.push_back(ruleItem(x, w, m_ts.bottomRule, m_ts.ruleColor, id));
      out.back().breakAfter = true;
    }
    if (!m_ts.captionAbove) {
      if (!caption.empty() && m_ts.bottomRule > 0) out[out.size() - 1].breakAfter = false;
      out.insert(out.end(), caption.begin(), caption.end());
    }
    if (!out.empty()) out.back().breakAfter = true;
    splitTallRows(out, repeat);
    repeat.height = itemsHeight(repeat.items);
    repeat.footerHeight = itemsHeight(repeat.footer);
    repeat.x = x;
    repeat.width = w;
    repeat.bottomRule = m_ts.bottomRule;
    repeat.ruleColor = m_ts.ruleColor;
    repeat.padY = m_ts.padY;
  }

 private:
  struct Measured {
    Sp min = 0, max = 0;
    table::DecimalParts decimal;
    bool isDecimal = false;
  };

  bool isHeaderCell(size_t row, const TableCell& cell) const { return row < m_t.headerRows || cell.header; }

  CellLayouter::Request request(size_t row, const TableCell& cell, Sp width, CellLayouter::Pass pass) const {
    CellLayouter::Request q;
    q.table = m_in.block;
    q.cell = &cell;
    q.style = isHeaderCell(row, cell) ? &m_headerStyle : &m_cellStyle;
    q.blockStyle = m_cellBlockStyle;
    q.width = width;
    q.pass = pass;
    q.parent = pass == CellLayouter::Pass::Final ? m_cellParent : m_in.structure;
    CellAlign a = alignOf(cell, m_t.columns[cell.column]);
    q.align = a == CellAlign::Default && isHeaderCell(row, cell) && m_t.columns[cell.column].align == CellAlign::Decimal
                  ? (m_rtl ? content::Align::Left : content::Align::Right)
                  : toBlockAlign(a, m_rtl);
    q.dir = m_rtl ? content::Direction::Rtl : m_in.block->dir;
    return q;
  }

  bool isDecimal(size_t row, const TableCell& cell) const {
    return !isHeaderCell(row, cell) && cell.colSpan == 1 && cell.blocks.empty() &&
           alignOf(cell, m_t.columns[cell.column]) == CellAlign::Decimal;
  }

  // Phase 1: every cell's min- and max-content width (and decimal parts).
  void measure() {
    const Sp pad = 2 * m_ts.padX;
    m_decimal.assign(m_t.columns.size(), {});
    for (size_t r = 0; r < m_t.rows.size(); ++r)
      for (const TableCell& cell : m_t.rows[r].cells) {
        Measured m;
        std::vector<FlowItem> wide = m_cells.layoutCell(request(r, cell, pt(10000), CellLayouter::Pass::MaxContent));
        Sp images = 0;
        for (const FlowItem& it : wide) {
          m.max = std::max(m.max, contentRight(it));
          if (it.kind == FlowItem::Kind::Image) images = std::max(images, std::min(it.x + it.width, pt(72)));
        }
        if (isDecimal(r, cell)) {
          m.isDecimal = true;
          m.decimal = decimalParts(wide, m_sep);
          m.min = m.max;  // a number is not broken
          m_decimal[cell.column].push_back(m.decimal);
        } else {
          std::vector<FlowItem> narrow = m_cells.layoutCell(request(r, cell, pt(1), CellLayouter::Pass::MinContent));
          for (const FlowItem& it : narrow)
            if (it.kind == FlowItem::Kind::Line) m.min = std::max(m.min, contentRight(it));
          m.min = std::max(m.min, images);
        }
        m_extents.push_back(table::CellExtent{cell.column, static_cast<size_t>(cell.colSpan), m.min + pad, m.max + pad});
        m_cellPos.push_back(cell.pos);
      }
    // A decimal column needs its widest integer part and widest fraction.
    for (size_t c = 0; c < m_decimal.size(); ++c)
      if (!m_decimal[c].empty()) {
        Sp dw = table::decimalWidth(m_decimal[c]) + pad;
        m_extents.push_back(table::CellExtent{c, 1, dw, dw});
        m_cellPos.push_back(m_t.columns[c].pos.line ? m_t.columns[c].pos : m_in.block->pos);
      }
  }

  void resolveColumns() {
    std::vector<table::ColumnWidth> spec;
    for (const content::TableColumn& c : m_t.columns) {
      table::ColumnWidth w;
      switch (c.width) {
        case content::TableColumn::Width::Auto: break;
        case content::TableColumn::Width::Length:
          w.kind = table::ColumnWidth::Kind::Fixed;
          w.fixed = c.em ? static_cast<Sp>(c.value * m_cellStyle.size) : pt(c.value);
          break;
        case content::TableColumn::Width::Percent:
          w.kind = table::ColumnWidth::Kind::Percent;
          w.value = c.value;
          break;
        case content::TableColumn::Width::Fraction:
          w.kind = table::ColumnWidth::Kind::Fraction;
          w.value = c.value;
          break;
      }
      spec.push_back(w);
    }
    m_cols = table::resolveColumns(spec, m_extents, m_in.width);
    Diagnostics& diags = m_cells.diagnostics();
    for (size_t k : m_cols.squeezed) {
      const table::CellExtent& e = m_extents[k];
      Sp have = 0;
      for (size_t c = e.column; c < std::min(m_cols.widths.size(), e.column + e.span); ++c) have += m_cols.widths[c];
      diags.warning(m_cellPos[k], "this table cell needs " + ptText(e.minContent) + " for its longest word but its " +
                                      (e.span > 1 ? "columns are " : "column is ") + ptText(have) +
                                      " wide: words are broken inside it; expected wider columns or shorter words");
    }
    if (m_cols.total() > m_in.width)
      diags.warning(m_in.block->pos, "the table is " + ptText(m_cols.total()) + " wide, wider than the " +
                                         ptText(m_in.width) + " text block; expected narrower columns");
    // Columns from the start side: mirrored in a right-to-left table.
    Sp total = m_cols.total(), at = 0;
    m_colX.assign(m_cols.widths.size(), 0);
    for (size_t c = 0; c < m_cols.widths.size(); ++c) {
      m_colX[c] = m_rtl ? total - at - m_cols.widths[c] : at;
      at += m_cols.widths[c];
    }
    m_tableX = m_in.x + (m_rtl ? std::max<Sp>(m_in.width - total, 0) : 0);
  }

  Sp spanX(const TableCell& cell) const {
    Sp x = m_colX[cell.column];
    for (size_t c = cell.column; c < cell.column + size_t(cell.colSpan); ++c) x = std::min(x, m_colX[c]);
    return x;
  }
  Sp spanWidth(const TableCell& cell) const {
    Sp w = 0;
    for (size_t c = cell.column; c < std::min(m_cols.widths.size(), cell.column + size_t(cell.colSpan)); ++c)
      w += m_cols.widths[c];
    return w;
  }

  // The rows [r, end) that row spans tie together.
  size_t bandEnd(size_t r) const {
    size_t end = r + 1;
    for (size_t k = r; k < end && k < m_t.rows.size(); ++k)
      for (const TableCell& c : m_t.rows[k].cells) end = std::max(end, k + size_t(c.rowSpan));
    return std::min(end, m_t.rows.size());
  }

  std::vector<FlowItem> layoutContent(size_t row, const TableCell& cell, Sp contentWidth) {
    std::vector<FlowItem> items = m_cells.layoutCell(request(row, cell, contentWidth, CellLayouter::Pass::Final));
    // A word wider than the cell (a squeezed column) is broken between
    // glyphs rather than left to run out of its cell.
    std::vector<FlowItem> fitted;
    for (FlowItem& it : items) {
      if (it.kind == FlowItem::Kind::Line && contentRight(it) > contentWidth + pt(0.01)) {
        it.x = 0;
        for (FlowItem& piece : splitWideLine(std::move(it), contentWidth, m_rtl)) fitted.push_back(std::move(piece));
      } else {
        fitted.push_back(std::move(it));
      }
    }
    return fitted;
  }

  std::vector<FlowItem> layoutBand(size_t first, size_t end, size_t& bodyIndex) {
    const size_t n = end - first;
    const Sp padX = m_ts.padX, padY = m_ts.padY;
    struct Content {
      const TableCell* cell;
      size_t row;
      std::vector<FlowItem> items;
      Sp x = 0;     // decimal offset
      int span = -1;  // a row-spanning cell: its number in the table
    };
    std::vector<Content> contents;
    std::vector<Sp> heights(n, 0);
    for (size_t r = first; r < end; ++r) {
      uint32_t tr = rowElement(r);
      std::vector<uint32_t> rowHeaders;
      for (const TableCell& cell : m_t.rows[r].cells) {
        m_cellParent = cellElement(r, cell, tr, rowHeaders);
        Sp width = std::max<Sp>(spanWidth(cell) - 2 * padX, pt(1));
        Content c{&cell, r, layoutContent(r, cell, width), 0};
        if (isDecimal(r, cell)) {
          table::DecimalParts mine = decimalParts(c.items, m_sep);
          std::vector<table::DecimalParts> all = m_decimal[cell.column];
          all.push_back(mine);  // the column's widest parts and this one
          Sp offset = table::alignDecimals(all, width).back();
          if (table::decimalWidth(all) <= width) {
            // The line was set flush to the start; move it so the separators line up.
            Sp lineLeft = 0;
            for (const FlowItem& it : c.items)
              if (it.kind == FlowItem::Kind::Line && !it.line.runs.empty()) {
                lineLeft = inkExtent(it).first;
                break;
              }
            c.x = offset - lineLeft;
          }
        }
        if (cell.rowSpan == 1) heights[r - first] = std::max(heights[r - first], itemsHeight(c.items) + 2 * padY);
        contents.push_back(std::move(c));
      }
    }
    // A row with only spanning cells still takes one line.
    for (Sp& h : heights)
      if (h == 0) h = m_cellStyle.leading + 2 * padY;
    // A row-spanning cell's lines stack from the top of its span (it reads
    // as one cell); its last row grows when the other cells' rows are too
    // short. A page break inside the span moves the lines below it
    // overleaf (PageBuilder), so nothing is cut.
    struct Share {
      size_t content, row;
      size_t item;
      Sp dy;
    };
    std::vector<Share> shares;
    std::vector<std::vector<int>> spansOfRow(n);
    for (size_t k = 0; k < contents.size(); ++k) {
      Content& c = contents[k];
      if (c.cell->rowSpan == 1) continue;
      size_t r0 = c.row - first, span = std::min(size_t(c.cell->rowSpan), n - r0);
      std::vector<Sp> lineHeights, rowHeights(heights.begin() + long(r0), heights.begin() + long(r0 + span));
      for (const FlowItem& it : c.items) lineHeights.push_back(it.height);
      table::SpanPlacement placement = table::stackLines(lineHeights, rowHeights, padY, padY);
      heights[r0 + span - 1] += placement.growth;
      for (size_t i = 0; i < c.items.size(); ++i) shares.push_back(Share{k, r0 + placement.row[i], i, placement.dy[i]});
      c.span = m_spanCount++;
      for (size_t j = r0; j < r0 + span; ++j) spansOfRow[j].push_back(c.span);
    }
    // One group item per row.
    std::vector<FlowItem> rows(n);
    const Sp total = m_cols.total();
    for (size_t j = 0; j < n; ++j) {
      FlowItem& g = rows[j];
      g.kind = FlowItem::Kind::Group;
      g.x = m_tableX;
      g.width = total;
      g.height = heights[j];
      g.pos = m_t.rows[first + j].pos;
      g.spans = std::move(spansOfRow[j]);
      size_t r = first + j;
      bool header = r < m_t.headerRows, footer = r + m_t.footerRows >= m_t.rows.size();
      std::optional<Color> fill = header ? m_ts.headerFill
                                  : (!footer && m_ts.stripe && bodyIndex % 2 == 1) ? m_ts.stripe
                                                                                    : std::nullopt;
      if (!header && !footer) ++bodyIndex;
      if (fill) {
        // Stripes stop at cells that span rows (they belong to no one row).
        std::vector<bool> spanned(m_cols.widths.size(), false);
        for (const Content& c : contents)
          if (c.cell->rowSpan > 1 && c.row <= r && r < c.row + size_t(c.cell->rowSpan))
            for (size_t col = c.cell->column; col < c.cell->column + size_t(c.cell->colSpan); ++col) spanned[col] = true;
        for (size_t col = 0; col < spanned.size(); ++col)
          if (!spanned[col]) g.fills.push_back(frame::Fill{Rect{m_colX[col], 0, m_cols.widths[col], heights[j]}, *fill});
      }
    }
    auto place = [&](FlowItem& g, const Content& c, size_t from, size_t to, Sp dy) {
      Sp x0 = spanX(*c.cell) + padX + c.x;
      for (size_t i = from; i < to; ++i) {
        FlowItem part = c.items[i];
        part.x += x0;
        part.dy = dy;
        part.span = c.span;
        dy += part.height;
        g.line.notes.insert(g.line.notes.end(), part.line.notes.begin(), part.line.notes.end());
        g.parts.push_back(std::move(part));
      }
    };
    for (const Content& c : contents) {
      if (c.cell->rowSpan != 1) continue;
      FlowItem& g = rows[c.row - first];
      Sp content = itemsHeight(c.items);
      Sp dy = padY + table::verticalOffset(valignOf(*c.cell, m_t.columns[c.cell->column]), g.height - 2 * padY, content);
      place(g, c, 0, c.items.size(), dy);
    }
    for (const Share& s : shares) place(rows[s.row], contents[s.content], s.item, s.item + 1, s.dy);
    return rows;
  }

  // Structure: THead, TBody and TFoot as their first rows come, a TR per
  // row, a TH or TD per cell in logical (unmirrored) column order.
  uint32_t rowElement(size_t r) {
    const size_t rows = m_t.rows.size();
    frame::Role section = r < m_t.headerRows ? frame::Role::THead
                          : r + m_t.footerRows >= rows ? frame::Role::TFoot
                                                       : frame::Role::TBody;
    if (m_sectionRole != section || m_section == frame::kArtifact) {
      m_section = m_cells.structureElement(section, m_in.structure);
      m_sectionRole = section;
    }
    return m_cells.structureElement(frame::Role::TR, m_section);
  }

  uint32_t cellElement(size_t r, const TableCell& cell, uint32_t tr, std::vector<uint32_t>& rowHeaders) {
    bool header = isHeaderCell(r, cell);
    uint32_t e = m_cells.structureElement(header ? frame::Role::TH : frame::Role::TD, tr);
    frame::StructElement& el = m_cells.element(e);
    el.rowSpan = static_cast<uint16_t>(cell.rowSpan);
    el.colSpan = static_cast<uint16_t>(cell.colSpan);
    if (header) {
      el.scope = r < m_t.headerRows ? frame::Scope::Column : frame::Scope::Row;
      el.setId("table" + std::to_string(m_in.id + 1) + "-r" + std::to_string(r + 1) + "c" +
               std::to_string(cell.column + 1));
      if (r < m_t.headerRows) {
        for (size_t c = cell.column; c < cell.column + size_t(cell.colSpan) && c < m_colHeaders.size(); ++c)
          m_colHeaders[c].push_back(e);
      } else {
        rowHeaders.push_back(e);
      }
    } else {
      std::vector<uint32_t> headers =
          el.headers();  // built aside: a cell without headers allocates no extras
      for (size_t c = cell.column; c < cell.column + size_t(cell.colSpan) && c < m_colHeaders.size(); ++c)
        for (uint32_t h : m_colHeaders[c])
          if (std::find(headers.begin(), headers.end(), h) == headers.end()) headers.push_back(h);
      headers.insert(headers.end(), rowHeaders.begin(), rowHeaders.end());
      if (!headers.empty()) el.mutableExtras().headers = std::move(headers);
    }
    return e;
  }

  std::vector<FlowItem> layoutCaption(const markup::InlineText& text, CellLayouter::Pass pass) {
    content::TableCell cell;
    cell.pos = m_in.block->pos;
    cell.text = text;
    if (&text == &m_t.caption) cell.textSource = m_t.captionSource;
    const style::Style& st = m_layout.style(m_ts.captionStyle);
    m_captionStyle = cellStyle(st, false);
    m_captionStyle.align = st.align == style::Align::Justify ? style::Align::Start : st.align;
    CellLayouter::Request q;
    q.table = m_in.block;
    q.cell = &cell;
    q.style = &m_captionStyle;
    q.blockStyle = m_ts.captionStyle;
    q.width = m_cols.total();
    q.pass = pass;
    q.parent = pass == CellLayouter::Pass::Final ? m_cells.structureElement(frame::Role::Caption, m_in.structure)
                                                 : m_in.structure;
    q.dir = m_rtl ? content::Direction::Rtl : m_in.block->dir;
    std::vector<FlowItem> items = m_cells.layoutCell(q);
    for (FlowItem& it : items) it.x += m_tableX;
    if (!items.empty()) items.back().height += m_ts.padY;  // a little air between caption and rule
    return items;
  }

  // A row taller than the smallest page (less the repeated header) would
  // be cut off: split it into slices at line boundaries, with a warning.
  void splitTallRows(std::vector<FlowItem>& out, const TableRepeat& repeat) {
    Sp page = INT32_MAX;
    for (const style::PageTemplate* t : {&m_layout.first, &m_layout.later})
      page = std::min(page, m_layout.pageHeight - t->marginTop - t->marginBottom);
    Sp room = page - itemsHeight(repeat.items) - itemsHeight(repeat.footer) - 2 * m_ts.padY;
    if (room <= pt(24)) return;
    for (size_t i = 0; i < out.size(); ++i) {
      FlowItem& g = out[i];
      if (g.kind != FlowItem::Kind::Group || g.height <= room) continue;
      m_cells.diagnostics().warning(g.pos, "this table row is taller than a page (" + ptText(g.height) +
                                               "); it is split across pages; expected shorter cells");
      std::vector<FlowItem> slices;
      FlowItem rest = std::move(g);
      std::sort(rest.parts.begin(), rest.parts.end(), [](const FlowItem& a, const FlowItem& b) { return a.dy < b.dy; });
      while (rest.height > room) {
        FlowItem slice = rest;
        slice.parts.clear();
        slice.line.notes.clear();
        FlowItem next = rest;
        next.parts.clear();
        next.line.notes.clear();
        Sp cut = room;
        // Cut above the first part that would cross the limit.
        for (const FlowItem& p : rest.parts)
          if (p.dy < room && p.dy + p.height > room && p.dy > 0) cut = std::min(cut, p.dy);
        for (FlowItem& p : rest.parts) {
          FlowItem& to = p.dy < cut ? slice : next;
          if (&to == &next) p.dy -= cut;
          to.line.notes.insert(to.line.notes.end(), p.line.notes.begin(), p.line.notes.end());
          to.parts.push_back(std::move(p));
        }
        slice.height = cut;
        for (frame::Fill& f : slice.fills) f.rect.height = cut;
        next.height = rest.height - cut;
        for (frame::Fill& f : next.fills) f.rect.height = next.height;
        slices.push_back(std::move(slice));
        rest = std::move(next);
      }
      slices.push_back(std::move(rest));
      out.erase(out.begin() + long(i));
      out.insert(out.begin() + long(i), std::make_move_iterator(slices.begin()), std::make_move_iterator(slices.end()));
      i += slices.size() - 1;
    }
  }

  const TableInput& m_in;
  const Table& m_t;
  const style::Layout& m_layout;
  const style::TableStyle& m_ts;
  CellLayouter& m_cells;
  bool m_rtl = false;
  style::Style m_cellStyle, m_headerStyle, m_captionStyle;
  std::string m_cellBlockStyle;
  std::u32string m_sep;
  std::vector<table::CellExtent> m_extents;
  std::vector<SourcePos> m_cellPos;
  std::vector<std::vector<table::DecimalParts>> m_decimal;  // per column
  table::Columns m_cols;
  std::vector<Sp> m_colX;
  Sp m_tableX = 0;
  // Structure.
  uint32_t m_cellParent = 0;
  uint32_t m_section = frame::kArtifact;
  frame::Role m_sectionRole = frame::Role::TBody;
  std::vector<std::vector<uint32_t>> m_colHeaders;  // per column: its TH elements in the header rows
  int m_spanCount = 0;  // row-spanning cells numbered so far
};

}  // namespace

void buildTable(const TableInput& in, CellLayouter& cells, std::vector<FlowItem>& out, TableRepeat& repeat) {
  if (!in.block || !in.block->table || in.block->table->columns.empty()) return;
  TableBuilder(in, cells).build(out, repeat);
}

std::vector<FlowItem> splitWideLine(FlowItem line, Sp width, bool rtl) {
  // Glyphs in visual order with their x.
  struct G {
    size_t run, glyph;
    Sp x;
  };
  std::vector<G> glyphs;
  std::vector<frame::GlyphRun>& runs = line.line.runs;
  for (size_t r = 0; r < runs.size(); ++r) {
    Sp x = runs[r].origin.x;
    for (size_t g = 0; g < runs[r].glyphs.size(); ++g) {
      glyphs.push_back(G{r, g, x});
      x += runs[r].glyphs[g].advance;
    }
  }
  std::sort(glyphs.begin(), glyphs.end(), [](const G& a, const G& b) { return a.x < b.x; });
  if (rtl) std::reverse(glyphs.begin(), glyphs.end());
  auto advance = [&](const G& g) { return runs[g.run].glyphs[g.glyph].advance; };
  // Cut before a glyph that starts a cluster (carries text and advances)
  // once the piece would pass the width.
  std::vector<std::pair<size_t, size_t>> pieces;  // [from, to) in `glyphs`
  size_t from = 0;
  Sp lo = 0, hi = 0;
  for (size_t k = 0; k < glyphs.size(); ++k) {
    const G& g = glyphs[k];
    Sp gl = g.x, gr = g.x + advance(g);
    bool starts = runs[g.run].glyphs[g.glyph].textLength > 0 && advance(g) > 0;
    if (k > from && starts && std::max(hi, gr) - std::min(lo, gl) > width) {
      pieces.push_back({from, k});
      from = k;
    }
    if (k == from) lo = gl, hi = gr;
    lo = std::min(lo, gl), hi = std::max(hi, gr);
  }
  pieces.push_back({from, glyphs.size()});
  if (pieces.size() <= 1) return {std::move(line)};
  std::vector<FlowItem> out;
  for (size_t p = 0; p < pieces.size(); ++p) {
    FlowItem piece = line;
    piece.line.runs.clear();
    piece.line.fills.clear();
    if (p > 0) {
      piece.line.links.clear();
      piece.line.notes.clear();
      piece.line.anchors.clear();
      piece.anchors.clear();
      piece.outline.clear();
    }
    std::vector<G> mine(glyphs.begin() + long(pieces[p].first), glyphs.begin() + long(pieces[p].second));
    std::sort(mine.begin(), mine.end(), [](const G& a, const G& b) { return a.x < b.x; });
    Sp left = mine.front().x, right = mine.back().x + advance(mine.back());
    Sp shift = rtl ? width - (right - left) - left : -left;
    for (size_t k = 0; k < mine.size();) {
      // Consecutive glyphs of one run form one new run.
      frame::GlyphRun run = runs[mine[k].run];
      run.glyphs.clear();
      run.origin.x = mine[k].x + shift;
      size_t r = mine[k].run;
      while (k < mine.size() && mine[k].run == r) run.glyphs.push_back(runs[r].glyphs[mine[k++].glyph]);
      piece.line.runs.push_back(std::move(run));
    }
    piece.line.width = right - left;
    piece.runStructure.clear();  // runs were regrouped: each takes the line's element
    piece.breakAfter = true;
    out.push_back(std::move(piece));
  }
  return out;
}

}  // namespace folio::pagination
