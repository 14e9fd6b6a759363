#include "cli/MailMerge.h"

#include <fstream>
#include <sstream>

namespace folio::cli {

const std::string* Record::value(const std::string& name) const {
  for (const auto& [k, v] : values)
    if (k == name) return &v;
  return nullptr;
}

namespace {

constexpr std::string_view kOpen = "{fields.";

// Calls f(name, begin, end) for every {fields.NAME} in `s`.
template <typename F>
void forEachPlaceholder(const std::string& s, F&& f) {
  for (size_t i = s.find(kOpen); i != std::string::npos; i = s.find(kOpen, i + 1)) {
    size_t close = s.find('}', i);
    if (close == std::string::npos) return;
    f(s.substr(i + kOpen.size(), close - i - kOpen.size()), i, close + 1);
  }
}

std::string substitute(const std::string& s, const Record& r, bool& ok) {
  std::string out;
  size_t last = 0;
  forEachPlaceholder(s, [&](const std::string& name, size_t b, size_t e) {
    out.append(s, last, b - last);
    if (const std::string* v = r.value(name)) out += *v;
    else ok = false, out.append(s, b, e - b);
    last = e;
  });
  out.append(s, last, std::string::npos);
  return out;
}

// CSV as RFC 4180 describes it: commas, double quotes with "" escapes,
// newlines inside quotes, CRLF or LF. Hand-written: no CSV library is among
// Debian's C++ packages this project may use, and the grammar is tiny.
bool parseCsv(const std::string& text, const std::string& path, std::vector<std::vector<std::string>>& rows,
              std::vector<int>& rowLines, Diagnostics& diags) {
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, cellStarted = false;
  int line = 1, rowLine = 1, quoteLine = 0;
  auto endRow = [&] {
    row.push_back(cell);
    bool blank = row.size() == 1 && row[0].empty() && !cellStarted;
    if (!blank) rows.push_back(row), rowLines.push_back(rowLine);
    row.clear();
    cell.clear();
    cellStarted = false;
  };
  size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a BOM from spreadsheets
  for (size_t i = start; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty()) quoted = cellStarted = true, quoteLine = line;
    else if (c == ',') row.push_back(cell), cell.clear(), cellStarted = true;
    else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    else if (c == '\n') {
      endRow();
      rowLine = ++line;
    } else cell += c, cellStarted = true;
  }
  if (quoted) {
    diags.error({path, quoteLine, 0}, "a quoted CSV cell is never closed; expected a matching '\"'");
    return false;
  }
  if (!cell.empty() || !row.empty() || cellStarted) endRow();
  return true;
}

bool loadCsv(const std::string& path, const yaml::Limits& limits, std::vector<Record>& out, Diagnostics& diags) {
  // The limits and encoding checks every input file gets (yaml::load's).
  std::optional<std::string> text = yaml::readTextFile(path, limits, diags);
  if (!text) return false;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  if (!parseCsv(*text, path, rows, lines, diags)) return false;
  if (rows.empty()) {
    diags.error({path, 1, 1}, "the CSV file is empty; expected a header row with field names");
    return false;
  }
  const std::vector<std::string>& header = rows[0];
  for (size_t c = 0; c < header.size(); ++c)
    if (header[c].empty()) {
      diags.error({path, 1, 0}, "column " + std::to_string(c + 1) + " of the header has no name; expected a field name");
      return false;
    }
  bool ok = true;
  for (size_t r = 1; r < rows.size(); ++r) {
    Record rec;
    rec.number = r;
    rec.pos = {path, lines[r], 1};
    if (rows[r].size() != header.size()) {
      diags.error(rec.pos, "record " + std::to_string(r) + " has " + std::to_string(rows[r].size()) + " cells; expected " +
                               std::to_string(header.size()) + " as in the header");
      ok = false;
      continue;
    }
    for (size_t c = 0; c < header.size(); ++c) rec.values.emplace_back(header[c], rows[r][c]);
    out.push_back(std::move(rec));
  }
  return ok;
}

bool loadYamlRecords(const std::string& path, const yaml::Limits& limits, std::vector<Record>& out,
                     Diagnostics& diags) {
  std::unique_ptr<yaml::Node> root = yaml::load(path, limits, diags);
  if (!root) return false;
  if (!root->isSequence()) {
    diags.error(root->pos, std::string("the data file must be a list of mappings, one per record; found ") + root->kindName());
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < root->items.size(); ++i) {
    const yaml::Node& item = root->items[i];
    Record rec;
    rec.number = i + 1;
    rec.pos = item.pos;
    if (!item.isMapping()) {
      diags.error(item.pos, "record " + std::to_string(i + 1) + " is " + item.kindName() + "; expected a mapping of field names to values");
      ok = false;
      continue;
    }
    for (const auto& [k, v] : item.entries) {
      if (!v.isScalar() && !v.isNull()) {
        diags.error(v.pos, "field '" + k.scalar + "' of record " + std::to_string(i + 1) + " is " + v.kindName() + "; expected a single value");
        ok = false;
        continue;
      }
      rec.values.emplace_back(k.scalar, v.scalar);
    }
    out.push_back(std::move(rec));
  }
  return ok;
}

}  // namespace

bool loadRecords(const std::string& path, const yaml::Limits& limits, std::vector<Record>& out, Diagnostics& diags) {
  auto endsWith = [&](const char* ext) {
    std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (endsWith(".csv")) return loadCsv(path, limits, out, diags);
  if (endsWith(".yaml") || endsWith(".yml")) return loadYamlRecords(path, limits, out, diags);
  diags.error({path, 0, 0}, "unknown data file type; expected a .csv file with a header row or a .yaml list of mappings");
  return false;
}

void collectFieldNames(const std::string& text, std::set<std::string>& names) {
  forEachPlaceholder(text, [&](const std::string& name, size_t, size_t) { names.insert(name); });
}

void collectFieldNames(const yaml::Node& node, std::set<std::string>& names) {
  if (node.isScalar()) collectFieldNames(node.scalar, names);
  for (const yaml::Node& item : node.items) collectFieldNames(item, names);
  for (const auto& [k, v] : node.entries) collectFieldNames(v, names);
}

namespace {
void substituteTree(yaml::Node& node, const Record& record) {
  if (node.isScalar() && node.scalar.find(kOpen) != std::string::npos) {
    bool ok = true;
    node.scalar = substitute(node.scalar, record, ok);
  }
  for (yaml::Node& item : node.items) substituteTree(item, record);
  for (auto& [k, v] : node.entries) substituteTree(v, record);
}

Record only(const Record& record, const std::set<std::string>& names) {
  Record out = record;
  std::erase_if(out.values, [&](const auto& v) { return !names.count(v.first); });
  return out;
}
}  // namespace

void applyRecord(yaml::Node& root, const Record& record, const std::set<std::string>& markup) {
  if (!markup.empty()) substituteTree(root, only(record, markup));
  if (!root.isMapping()) return;
  yaml::Node* fields = nullptr;
  for (auto& [k, v] : root.entries)
    if (k.scalar == "fields") fields = &v;
  if (!fields) {
    yaml::Node key;
    key.kind = yaml::Node::Kind::Scalar;
    key.scalar = "fields";
    key.pos = root.pos;
    yaml::Node map;
    map.kind = yaml::Node::Kind::Mapping;
    map.pos = root.pos;
    root.entries.emplace_back(key, map);
    fields = &root.entries.back().second;
  }
  if (!fields->isMapping()) return;  // the content check reports it
  for (const auto& [name, value] : record.values) {
    yaml::Node* slot = nullptr;
    for (auto& [k, v] : fields->entries)
      if (k.scalar == name) slot = &v;
    if (!slot) {
      yaml::Node key;
      key.kind = yaml::Node::Kind::Scalar;
      key.scalar = name;
      key.pos = record.pos;
      fields->entries.emplace_back(key, yaml::Node{});
      slot = &fields->entries.back().second;
    }
    slot->kind = yaml::Node::Kind::Scalar;
    slot->scalar = value;
    slot->quoted = true;
    slot->pos = record.pos;
  }
}

bool expandPattern(const std::string& pattern, const Record& record, std::string& out) {
  bool ok = true;
  out = substitute(pattern, record, ok);
  return ok;
}

}  // namespace folio::cli
