#include "base/Diagnostics.h"

#include <algorithm>

namespace folio {

std::string Diagnostic::format() const {
  std::string out = pos.file.empty() ? std::string("folio") : pos.file;
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column > 0) out += ':' + std::to_string(pos.column);
  }
  out += severity == Severity::Error ? ": error: " : ": warning: ";
  out += message;
  return out;
}

void Diagnostics::error(SourcePos pos, std::string message) {
  add(Diagnostic{Severity::Error, std::move(pos), std::move(message)});
}

void Diagnostics::warning(SourcePos pos, std::string message) {
  add(Diagnostic{Severity::Warning, std::move(pos), std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  if (m_strict) d.severity = Severity::Error;
  if (d.severity == Severity::Error) ++m_errors;
  m_items.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.m_items) add(d);
}

std::string Diagnostics::format() const {
  std::string out;
  for (const Diagnostic& d : m_items) out += d.format() + '\n';
  return out;
}

static size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = editDistance(word, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace folio
