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

// Levenshtein distance if it is below `limit`, else `limit`: only a band of
// width 2*limit+1 around the diagonal is computed, and a row whose every
// cell has reached the limit ends the search. Cost O(len * limit).
static size_t boundedEditDistance(const std::string& a, const std::string& b, size_t limit) {
  size_t lengthGap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (lengthGap >= limit) return limit;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = std::min(j, limit);
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t lo = i > limit ? i - limit : 1;
    size_t hi = std::min(b.size(), i + limit);
    size_t diag = row[lo - 1];
    row[lo - 1] = lo == 1 ? std::min(i, limit) : limit;
    size_t rowMin = row[lo - 1];
    for (size_t j = lo; j <= hi; ++j) {
      size_t up = row[j];
      row[j] = std::min({limit, up + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      rowMin = std::min(rowMin, row[j]);
      diag = up;
    }
    if (hi < b.size()) row[hi + 1] = limit;  // outside the band
    if (rowMin >= limit) return limit;
  }
  return row[b.size()];
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  // A typo is a short word's problem; a suggestion for a 100-character id
  // would cost much and help little.
  constexpr size_t kLongestWord = 64;
  if (word.size() > kLongestWord) return "";
  std::string best;
  size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    if (c.size() > kLongestWord) continue;
    size_t d = boundedEditDistance(word, c, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace folio
