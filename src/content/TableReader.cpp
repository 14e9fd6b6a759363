// The `table` block's YAML form (docs/content-format.md, "Tables"):
//
//   - table:                       # rows; a row is a sequence of cells
//       - [Country, Budget, Share]
//       - [France, "1234.5", 12 %]
//       - - text: Nordic countries  # a cell with attributes
//           rowspan: 2
//         - ...
//     columns: [auto, 30mm, {width: 1fr, align: decimal}]
//     header-rows: 1
//     footer-rows: 0
//     caption: Budget by country
//     continued: (continued)
#include <algorithm>
#include <cmath>

#include "content/DocumentBuilder.h"
#include "content/Lengths.h"
#include "content/Values.h"

namespace folio::content {

namespace {

bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

const std::vector<std::pair<std::string, CellAlign>>& alignWords() {
  static const std::vector<std::pair<std::string, CellAlign>> kWords{
      {"start", CellAlign::Start}, {"end", CellAlign::End},       {"left", CellAlign::Left},
      {"right", CellAlign::Right}, {"center", CellAlign::Center}, {"decimal", CellAlign::Decimal}};
  return kWords;
}

std::optional<CellAlign> parseCellAlign(const std::string& s, const SourcePos& pos, Diagnostics& diags) {
  std::vector<std::string> names;
  for (const auto& [word, align] : alignWords()) {
    if (word == s) return align;
    names.push_back(word);
  }
  diags.error(pos, "align '" + s + "' is not valid in a table; expected " + oneOf(names) + didYouMean(s, names));
  return std::nullopt;
}

std::optional<VAlign> parseVAlign(const std::string& s, const SourcePos& pos, Diagnostics& diags) {
  if (s == "top") return VAlign::Top;
  if (s == "middle") return VAlign::Middle;
  if (s == "bottom") return VAlign::Bottom;
  diags.error(pos, "valign '" + s + "' is not valid; expected top, middle or bottom" +
                       didYouMean(s, {"top", "middle", "bottom"}));
  return std::nullopt;
}

// "auto", a length ("30mm", "2em"), a percentage ("25%") or a fraction ("2fr").
bool parseColumnWidth(const std::string& s, TableColumn& col, const SourcePos& pos, Diagnostics& diags) {
  auto number = [](const std::string& t, double& v) {
    if (t.empty()) return false;
    size_t used = 0;
    try {
      v = std::stod(t, &used);
    } catch (...) {
      return false;
    }
    return used == t.size() && std::isfinite(v);
  };
  std::string t = s;
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  const std::string expected =
      "; expected auto, a length such as 30mm, a percentage such as 25% or a fraction such as 2fr";
  if (t == "auto") {
    col.width = TableColumn::Width::Auto;
    return true;
  }
  double v = 0;
  if (t.size() > 1 && t.back() == '%') {
    if (!number(t.substr(0, t.size() - 1), v) || v <= 0 || v > 100) {
      diags.error(pos, "column width '" + s + "' is not a percentage from 0 to 100" + expected);
      return false;
    }
    col.width = TableColumn::Width::Percent;
    col.value = v;
    return true;
  }
  if (t.size() > 2 && t.compare(t.size() - 2, 2, "fr") == 0) {
    if (!number(t.substr(0, t.size() - 2), v) || v <= 0 || v > 1000) {
      diags.error(pos, "column width '" + s + "' is not a positive fraction" + expected);
      return false;
    }
    col.width = TableColumn::Width::Fraction;
    col.value = v;
    return true;
  }
  Length length;
  LengthError error = readLength(s, length);
  if (error != LengthError::None || length.value <= 0) {
    diags.error(pos, "column width '" + s + "' is not valid" + expected);
    return false;
  }
  col.width = TableColumn::Width::Length;
  col.value = length.value;
  col.em = length.em;
  return true;
}

}  // namespace

void DocumentBuilder::readTableColumns(const yaml::Node& key, const yaml::Node& value, Table& table) {
  SourcePos pos = valuePos(key, value);
  if (!value.isSequence() || value.items.empty()) {
    m_diags.error(pos, std::string("wrong type for 'columns': expected a sequence of column widths such as "
                                   "[auto, 30mm, 1fr], found ") + value.kindName());
    return;
  }
  for (const yaml::Node& item : value.items) {
    TableColumn col;
    col.pos = item.pos;
    if (item.isScalar()) {
      parseColumnWidth(item.scalar, col, item.pos, m_diags);
    } else if (item.isMapping()) {
      for (const auto& [k, v] : item.entries) {
        SourcePos vpos = valuePos(k, v);
        auto text = readScalar(v, vpos, k.scalar, "a single value", m_diags);
        if (!text) continue;
        if (k.scalar == "width") {
          parseColumnWidth(*text, col, vpos, m_diags);
        } else if (k.scalar == "align") {
          if (auto a = parseCellAlign(*text, vpos, m_diags)) col.align = *a;
        } else if (k.scalar == "valign") {
          if (auto a = parseVAlign(*text, vpos, m_diags)) col.valign = *a;
        } else {
          m_diags.error(k.pos, "unknown key '" + k.scalar + "' for a table column; expected width, align or valign" +
                                   didYouMean(k.scalar, {"width", "align", "valign"}));
        }
      }
    } else {
      m_diags.error(item.pos, std::string("wrong type for a table column: expected a width or a mapping with "
                                          "width, align and valign, found ") + item.kindName());
    }
    table.columns.push_back(col);
  }
}

void DocumentBuilder::readTableAttribute(const yaml::Node& key, const yaml::Node& value, Table& table) {
  const std::string& name = key.scalar;
  SourcePos pos = valuePos(key, value);
  if (name == "columns") {
    readTableColumns(key, value, table);
  } else if (name == "caption") {
    table.caption = readInline(key, value, name);
    table.captionSource = sourceMap(value);
  } else if (name == "continued") {
    if (value.isScalar() && (value.scalar == "true" || value.scalar == "yes")) {
      markup::Inline run;
      run.text = "(continued)";
      table.continued.push_back(run);
    } else if (!(value.isScalar() && (value.scalar == "false" || value.scalar == "no"))) {
      table.continued = readInline(key, value, name);
    }
  } else if (name == "header-rows" || name == "footer-rows") {
    auto text = readScalar(value, pos, name, "a whole number", m_diags);
    if (!text) return;
    auto n = parseWholeNumber(*text);
    if (!n || *n < 0 || *n > 100) {
      m_diags.error(pos, "'" + name + "' is '" + *text + "'; expected a whole number from 0 to 100");
      return;
    }
    (name == "header-rows" ? table.headerRows : table.footerRows) = static_cast<size_t>(*n);
  }
}

TableCell DocumentBuilder::readTableCell(const yaml::Node& node) {
  TableCell cell;
  cell.pos = node.pos;
  if (node.isNull()) return cell;  // an empty cell
  if (node.isScalar()) {
    if (!isBlank(node.scalar)) {
      cell.text = markup::parseInline(node.scalar, node.pos, m_diags);
      cell.textSource = sourceMap(node);
    }
    return cell;
  }
  if (node.isSequence()) {
    cell.blocks = readBlocks(node);
    return cell;
  }
  static const std::vector<std::string> kKeys{"text", "blocks", "colspan", "rowspan", "align", "valign", "header"};
  bool content = false;
  for (const auto& [k, v] : node.entries) {
    SourcePos vpos = valuePos(k, v);
    if (k.scalar == "text") {
      content = true;
      if (!v.isNull() && !(v.isScalar() && isBlank(v.scalar))) {
        cell.text = readInline(k, v, "text");
        cell.textSource = sourceMap(v);
      }
      continue;
    }
    if (k.scalar == "blocks") {
      content = true;
      if (!v.isSequence() || v.items.empty())
        m_diags.error(vpos, std::string("wrong type for 'blocks': expected a sequence of blocks, found ") + v.kindName());
      else cell.blocks = readBlocks(v);
      continue;
    }
    if (std::find(kKeys.begin(), kKeys.end(), k.scalar) == kKeys.end()) {
      std::string suggestion = didYouMean(k.scalar, kKeys);
      m_diags.error(k.pos, "unknown key '" + k.scalar + "' for a table cell" +
                               (suggestion.empty() ? "; expected " + oneOf(kKeys) : suggestion));
      continue;
    }
    auto text = readScalar(v, vpos, k.scalar, "a single value", m_diags);
    if (!text) continue;
    if (k.scalar == "colspan" || k.scalar == "rowspan") {
      auto n = parseWholeNumber(*text);
      if (!n || *n < 1 || *n > 1000) {
        m_diags.error(vpos, "'" + k.scalar + "' is '" + *text + "'; expected a whole number from 1 to 1000");
        continue;
      }
      (k.scalar == "colspan" ? cell.colSpan : cell.rowSpan) = static_cast<int>(*n);
    } else if (k.scalar == "align") {
      if (auto a = parseCellAlign(*text, vpos, m_diags)) cell.align = *a;
    } else if (k.scalar == "valign") {
      if (auto a = parseVAlign(*text, vpos, m_diags)) cell.valign = *a;
    } else if (k.scalar == "header") {
      if (auto b = parseBool(*text)) cell.header = *b;
      else m_diags.error(vpos, "header '" + *text + "' is not true or false; expected true or false");
    }
  }
  if (!content && !node.entries.empty())
    m_diags.error(node.pos, "a table cell with attributes but no 'text' or 'blocks'; expected text: or blocks: "
                            "beside them (a cell whose text holds ': ' must be quoted)");
  return cell;
}

void DocumentBuilder::readTable(const yaml::Node& key, const yaml::Node& value, Table& table) {
  SourcePos pos = valuePos(key, value);
  if (!value.isSequence() || value.items.empty()) {
    m_diags.error(pos, std::string("wrong type for 'table': expected a sequence of rows, each a sequence of "
                                   "cells, found ") + (value.isSequence() ? "an empty sequence" : value.kindName()));
    return;
  }
  for (const yaml::Node& rowNode : value.items) {
    TableRow row;
    row.pos = rowNode.pos;
    if (!rowNode.isSequence()) {
      m_diags.error(rowNode.pos, std::string("wrong type for a table row: expected a sequence of cells such as "
                                             "[France, 12.5], found ") + rowNode.kindName());
      continue;
    }
    if (rowNode.items.empty()) {
      m_diags.error(rowNode.pos, "empty table row; expected at least one cell");
      continue;
    }
    for (const yaml::Node& cellNode : rowNode.items) row.cells.push_back(readTableCell(cellNode));
    table.rows.push_back(std::move(row));
  }
}

void DocumentBuilder::finishTable(const SourcePos& pos, Table& table) {
  size_t errors = m_diags.errorCount();
  size_t width = placeCells(table.rows, table.columns.size(), pos, m_diags);
  if (m_diags.errorCount() != errors || width == 0) return;
  table.columns.resize(width);
  if (table.headerRows + table.footerRows > table.rows.size())
    m_diags.error(pos, "the table has " + std::to_string(table.rows.size()) + " rows but " +
                           std::to_string(table.headerRows) + " header and " + std::to_string(table.footerRows) +
                           " footer rows; expected fewer header-rows or footer-rows");
  // A row span may not cross from the header or into the footer.
  for (size_t r = 0; r < table.rows.size(); ++r)
    for (const TableCell& c : table.rows[r].cells) {
      size_t last = r + static_cast<size_t>(c.rowSpan) - 1;
      bool header = r < table.headerRows, footer = r + table.footerRows >= table.rows.size();
      bool lastHeader = last < table.headerRows, lastFooter = last + table.footerRows >= table.rows.size();
      if (header != lastHeader || footer != lastFooter)
        m_diags.error(c.pos, "this cell's rowspan crosses the edge of the table's header or footer rows; expected "
                             "it to end inside them");
    }
}

}  // namespace folio::content
