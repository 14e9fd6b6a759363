#include "content/PipeTables.h"

#include <functional>

namespace folio::content {

namespace {

struct Line {
  size_t begin, end;  // without the newline
};

std::vector<Line> splitLines(std::string_view s) {
  std::vector<Line> lines;
  size_t at = 0;
  while (at < s.size()) {
    size_t nl = s.find('\n', at);
    size_t end = nl == std::string_view::npos ? s.size() : nl;
    lines.push_back(Line{at, end > at && s[end - 1] == '\r' ? end - 1 : end});
    at = nl == std::string_view::npos ? s.size() : nl + 1;
  }
  return lines;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

struct Cell {
  size_t begin = 0;  // offset in the source of the cell's first non-blank byte
  std::string text;  // `\|` unescaped
};

// Cells of a row: split at pipes not escaped by a backslash; a leading and
// a trailing pipe are optional.
std::vector<Cell> splitRow(std::string_view source, const Line& line) {
  std::string_view s = source.substr(line.begin, line.end - line.begin);
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  if (a == std::string_view::npos) return {};
  if (s[a] == '|') ++a;
  if (b >= a && s[b] == '|' && (b == 0 || s[b - 1] != '\\')) --b;
  std::vector<Cell> cells;
  Cell cur;
  size_t start = a;
  auto finish = [&](size_t end) {
    std::string_view raw = s.substr(start, end - start);
    size_t lead = raw.find_first_not_of(" \t");
    size_t trail = raw.find_last_not_of(" \t");
    cur.begin = line.begin + start + (lead == std::string_view::npos ? 0 : lead);
    if (lead != std::string_view::npos) cur.text = std::string(raw.substr(lead, trail - lead + 1));
    cells.push_back(std::move(cur));
    cur = Cell{};
  };
  for (size_t i = a; i <= b + 1 && i <= s.size(); ++i) {
    if (i == b + 1 || i == s.size()) {
      finish(i);
      break;
    }
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') {
      ++i;
      continue;
    }
    if (s[i] == '|') {
      finish(i);
      start = i + 1;
    }
  }
  for (Cell& c : cells) {
    std::string out;
    for (size_t i = 0; i < c.text.size(); ++i) {
      if (c.text[i] == '\\' && i + 1 < c.text.size() && c.text[i + 1] == '|') continue;
      out += c.text[i];
    }
    c.text = std::move(out);
  }
  return cells;
}

// A delimiter row: cells of dashes with optional colons at either end.
bool isDelimiterRow(std::string_view source, const Line& line, std::vector<CellAlign>* aligns) {
  std::string_view s = source.substr(line.begin, line.end - line.begin);
  if (s.find('-') == std::string_view::npos) return false;
  if (s.find('|') == std::string_view::npos && s.find(':') == std::string_view::npos) return false;
  for (const Cell& c : splitRow(source, line)) {
    const std::string& t = c.text;
    if (t.empty()) return false;
    bool left = t.front() == ':', right = t.back() == ':';
    size_t from = left ? 1 : 0, to = t.size() - (right ? 1 : 0);
    if (to <= from) return false;
    for (size_t i = from; i < to; ++i)
      if (t[i] != '-') return false;
    if (aligns)
      aligns->push_back(left && right ? CellAlign::Center : right ? CellAlign::Right
                                                        : left  ? CellAlign::Left
                                                                : CellAlign::Default);
  }
  return true;
}

bool isFence(std::string_view s) {
  size_t a = s.find_first_not_of(' ');
  if (a == std::string_view::npos || a > 3) return false;
  return s.substr(a, 3) == "```" || s.substr(a, 3) == "~~~";
}

}  // namespace

std::vector<MarkdownPiece> findPipeTables(std::string_view source) {
  std::vector<Line> lines = splitLines(source);
  std::vector<MarkdownPiece> pieces;
  size_t textFrom = 0;
  bool fenced = false;
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string_view s = source.substr(lines[k].begin, lines[k].end - lines[k].begin);
    if (isFence(s)) fenced = !fenced;
    if (fenced || k + 1 >= lines.size() || s.find('|') == std::string_view::npos) continue;
    // The header row must follow a blank line (or start the source) to
    // stand apart from a paragraph, and the delimiter row must match its
    // cell count.
    if (k > 0 && !blank(source.substr(lines[k - 1].begin, lines[k - 1].end - lines[k - 1].begin))) continue;
    std::vector<CellAlign> aligns;
    if (!isDelimiterRow(source, lines[k + 1], &aligns)) continue;
    if (splitRow(source, lines[k]).size() != aligns.size()) continue;
    size_t last = k + 1;
    while (last + 1 < lines.size()) {
      std::string_view next = source.substr(lines[last + 1].begin, lines[last + 1].end - lines[last + 1].begin);
      if (blank(next) || next.find('|') == std::string_view::npos) break;
      ++last;
    }
    if (lines[k].begin > textFrom) pieces.push_back(MarkdownPiece{false, textFrom, lines[k].begin});
    size_t end = last + 1 < lines.size() ? lines[last + 1].begin : source.size();
    pieces.push_back(MarkdownPiece{true, lines[k].begin, end});
    textFrom = end;
    k = last;
  }
  if (textFrom < source.size()) pieces.push_back(MarkdownPiece{false, textFrom, source.size()});
  return pieces;
}

Block pipeTable(std::string_view source, const MarkdownPiece& piece, const SourcePos& blockPos,
                const std::function<SourcePos(size_t)>& position, Diagnostics& diags) {
  TableBlock block;
  block.pos = position(piece.begin);
  auto table = std::make_shared<Table>();
  std::vector<Line> lines = splitLines(source.substr(0, piece.end));
  std::vector<Line> mine;
  for (const Line& l : lines)
    if (l.begin >= piece.begin && l.begin < piece.end) mine.push_back(l);
  std::vector<CellAlign> aligns;
  isDelimiterRow(source, mine[1], &aligns);
  for (CellAlign a : aligns) {
    TableColumn c;
    c.align = a;
    c.pos = position(mine[1].begin);
    table->columns.push_back(c);
  }
  for (size_t k = 0; k < mine.size(); ++k) {
    if (k == 1) continue;
    TableRow row;
    row.pos = position(mine[k].begin);
    std::vector<Cell> cells = splitRow(source, mine[k]);
    for (size_t c = 0; c < cells.size(); ++c) {
      TableCell cell;
      cell.pos = position(cells[c].begin);
      if (c >= aligns.size()) {
        diags.error(cell.pos, "this row has " + std::to_string(cells.size()) + " cells but the table's header has " +
                                  std::to_string(aligns.size()) +
                                  "; expected no more cells than the header (escape a '|' in text as '\\|')");
        break;
      }
      if (!cells[c].text.empty()) cell.text = markup::parseInline(cells[c].text, cell.pos, diags);
      row.cells.push_back(std::move(cell));
    }
    table->rows.push_back(std::move(row));
  }
  placeCells(table->rows, table->columns.size(), blockPos, diags, /*padShortRows=*/true);
  block.table = std::move(table);
  return block;
}

}  // namespace folio::content
