#pragma once
// User-facing problems. Every stage collects Diagnostics with a source
// position instead of throwing across module boundaries; the CLI prints them
// as FILE:LINE:COL: severity: message.
#include <cstdint>
#include <string>
#include <vector>

namespace folio {

struct SourcePos {
  std::string file;  // as the user named it
  int line = 0;      // 1-based; 0 = unknown
  int column = 0;    // 1-based; 0 = unknown
};

enum class Severity : uint8_t { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourcePos pos;
  std::string message;  // "what is wrong; what was expected"
  std::string format() const;  // "file:line:col: error: message"
};

class Diagnostics {
public:
  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);
  void add(Diagnostic d);
  void append(const Diagnostics& other);

  bool hasErrors() const { return m_errors > 0; }
  size_t errorCount() const { return m_errors; }
  // Warnings become errors (--strict).
  void setStrict(bool strict) { m_strict = strict; }
  const std::vector<Diagnostic>& all() const { return m_items; }
  std::string format() const;  // one line per diagnostic

private:
  std::vector<Diagnostic> m_items;
  size_t m_errors = 0;
  bool m_strict = false;
};

// "did you mean" helper: the candidate closest to `word` by edit distance, or
// "" when none is close enough to be a plausible typo.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace folio
