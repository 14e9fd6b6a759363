#include "content/Placeholders.h"

#include "content/Table.h"

#include <algorithm>

namespace folio::content {

namespace {

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

bool isPlaceholderName(const std::string& name) {
  if (name == "title" || name == "date" || name == "author" || name == "subject") return true;
  return name.size() > 7 && name.rfind("fields.", 0) == 0 &&
         std::all_of(name.begin() + 7, name.end(), [](char c) { return isNameChar(c) && c != '.'; });
}

// Calls f(name, begin, end, escaped) for each {NAME} and {{NAME}} in `s`.
template <typename F>
void scan(const std::string& s, F&& f) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '{') continue;
    bool doubled = i + 1 < s.size() && s[i + 1] == '{';
    size_t start = i + (doubled ? 2 : 1);
    size_t end = start;
    while (end < s.size() && isNameChar(s[end])) ++end;
    if (end >= s.size() || s[end] != '}') continue;
    std::string name = s.substr(start, end - start);
    if (!isPlaceholderName(name)) continue;
    if (doubled) {
      if (end + 1 < s.size() && s[end + 1] == '}') {
        f(name, i, end + 2, true);
        i = end + 1;
      }
      continue;  // "{{x}" is not a placeholder
    }
    f(name, i, end + 1, false);
    i = end;
  }
}

void collect(const yaml::Node& n, const std::shared_ptr<const yaml::SourceText>& source, std::vector<Placeholder>& out) {
  if (n.isScalar()) {
    std::unique_ptr<yaml::ScalarMap> map;
    scan(n.scalar, [&](const std::string& name, size_t b, size_t, bool escaped) {
      if (escaped) return;
      if (!map && source) map = std::make_unique<yaml::ScalarMap>(source, n.offset, n.scalar);
      out.push_back(Placeholder{name, map ? map->position(static_cast<uint32_t>(b)) : n.pos});
    });
  }
  for (const yaml::Node& item : n.items) collect(item, source, out);
  for (const auto& [k, v] : n.entries) collect(v, source, out);
}

// Inline text: runs of plain text between hard breaks.
void substituteText(markup::InlineText& text,
                    const std::function<std::optional<std::string>(const std::string&)>& value) {
  size_t lineStart = 0;
  bool linePlaceholders = false, lineNonEmpty = false;
  std::vector<std::pair<size_t, size_t>> emptyLines;  // [first run, one past the break]
  for (size_t r = 0; r <= text.size(); ++r) {
    bool end = r == text.size() || text[r].kind == markup::Inline::Kind::HardBreak;
    if (end) {
      if (linePlaceholders && !lineNonEmpty) emptyLines.emplace_back(lineStart, std::min(r + 1, text.size()));
      lineStart = r + 1;
      linePlaceholders = lineNonEmpty = false;
      continue;
    }
    markup::Inline& run = text[r];
    if (run.kind == markup::Inline::Kind::FootnoteRef) {
      lineNonEmpty = true;
      if (run.note) substituteText(*run.note, value);
      continue;
    }
    std::string out;
    size_t last = 0;
    bool changed = false;
    scan(run.text, [&](const std::string& name, size_t b, size_t e, bool escaped) {
      std::optional<std::string> v = escaped ? std::optional<std::string>("{" + name + "}") : value(name);
      if (!v) return;
      out.append(run.text, last, b - last);
      out += *v;
      last = e;
      changed = true;
      if (!escaped) linePlaceholders = true;
    });
    if (changed) {
      out.append(run.text, last, std::string::npos);
      run.text = std::move(out);
    }
    if (run.text.find_first_not_of(" \t") != std::string::npos) lineNonEmpty = true;
  }
  // An address line whose only field was empty goes, with its break; the
  // last line of a paragraph takes the break before it instead.
  for (auto it = emptyLines.rbegin(); it != emptyLines.rend(); ++it) {
    auto [first, last] = *it;
    bool endsWithBreak = last > first && last <= text.size() && last - 1 < text.size() &&
                         text[last - 1].kind == markup::Inline::Kind::HardBreak;
    if (!endsWithBreak && first > 0 && text[first - 1].kind == markup::Inline::Kind::HardBreak) --first;
    if (first == 0 && last >= text.size() && !endsWithBreak) continue;  // never empty a whole paragraph
    text.erase(text.begin() + static_cast<long>(first), text.begin() + static_cast<long>(last));
  }
}

void substituteBlocks(std::vector<Block>& blocks,
                      const std::function<std::optional<std::string>(const std::string&)>& value) {
  // Changing blocks: each table is this document's own copy (forEachInlineText).
  forEachBlock(blocks, [&](Block& b) {
    forEachInlineText(b, [&](markup::InlineText& text, const SourcePos&) { substituteText(text, value); });
  });
}

void substituteString(std::string& s, const std::function<std::optional<std::string>(const std::string&)>& value) {
  markup::InlineText t(1);
  t[0].text = s;
  substituteText(t, value);
  s = t.empty() ? std::string() : t[0].text;
}

}  // namespace

std::vector<Placeholder> findPlaceholders(const yaml::Node& root, const std::shared_ptr<const yaml::SourceText>& source) {
  std::vector<Placeholder> out;
  if (!root.isMapping()) return out;
  for (const auto& [k, v] : root.entries)
    if (k.scalar != "fields" && k.scalar != "layout") collect(v, source, out);
  return out;
}

void checkFieldPlaceholders(const std::vector<Placeholder>& found, const std::set<std::string>& known,
                            Diagnostics& diags) {
  std::vector<std::string> names(known.begin(), known.end());
  int suggestionsLeft = 100;
  for (const Placeholder& p : found) {
    if (p.name.rfind("fields.", 0) != 0) continue;
    std::string field = p.name.substr(7);
    if (known.count(field)) continue;
    std::string close = suggestionsLeft-- > 0 ? closestMatch(field, names) : "";
    diags.error(p.pos, "placeholder '{" + p.name + "}' names no field" +
                           (close.empty() ? "; expected a field under 'fields' (write {{" + p.name +
                                                "}} for the text itself)"
                                          : "; did you mean '{fields." + close + "}'?"));
  }
}

void substitutePlaceholders(Document& doc,
                            const std::function<std::optional<std::string>(const std::string&)>& value) {
  substituteBlocks(doc.body, value);
  for (auto& [id, text] : doc.footnotes) substituteText(text, value);
  for (std::string* s : {&doc.title, &doc.subject, &doc.author, &doc.keywords}) substituteString(*s, value);
}

}  // namespace folio::content
