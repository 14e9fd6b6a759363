#include "yaml/FlowNesting.h"

#include <algorithm>

namespace folio::yaml {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isBreak(char c) { return c == '\n' || c == '\r'; }
bool isFlowIndicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

class FlowScanner {
 public:
  FlowScanner(std::string_view text, int maxDepth) : m_s(text), m_maxDepth(maxDepth) {}

  size_t run() {
    while (m_i < m_s.size()) {
      if (m_lineStart) {
        startLine();
        continue;
      }
      char c = m_s[m_i];
      if (isBreak(c)) {
        newLine();
      } else if (isBlank(c)) {
        ++m_i;
      } else if (c == '#' && (m_i == 0 || isBlank(m_s[m_i - 1]))) {
        skipToLineEnd();  // comment
      } else if (c == '[' || c == '{') {
        if (++m_depth > m_maxDepth) return m_i;
        ++m_i;
      } else if (c == ']' || c == '}') {
        m_depth = std::max(0, m_depth - 1);
        ++m_i;
      } else if (c == ',') {
        ++m_i;
      } else if ((c == '-' || c == '?' || c == ':') &&
                 (m_i + 1 >= m_s.size() || isBlank(m_s[m_i + 1]) || isBreak(m_s[m_i + 1]))) {
        if (c == '-') m_innermost = std::max(m_innermost, column());
        ++m_i;  // block entry, key or value indicator
      } else if (c == ':' && m_depth > 0) {
        ++m_i;  // ':' before a flow indicator
      } else if (c == '&' || c == '!' || c == '*') {
        while (m_i < m_s.size() && !isBlank(m_s[m_i]) && !isBreak(m_s[m_i]) &&
               !(m_depth > 0 && isFlowIndicator(m_s[m_i]))) {
          ++m_i;  // anchor, tag or alias
        }
      } else if (c == '"' || c == '\'') {
        noteKeyStart();
        skipQuoted(c);
      } else if ((c == '|' || c == '>') && m_depth == 0) {
        startBlockScalar();
      } else {
        noteKeyStart();
        skipPlain();
      }
    }
    return std::string_view::npos;
  }

 private:
  int column() const { return static_cast<int>(m_i - m_lineBegin); }

  // A scalar may be a mapping key: its column bounds a block scalar's
  // indentation below it.
  void noteKeyStart() {
    if (m_depth == 0) m_innermost = std::max(m_innermost, column());
  }

  void newLine() {
    m_i += (m_s[m_i] == '\r' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '\n') ? 2 : 1;
    m_lineStart = true;
  }

  void skipToLineEnd() {
    while (m_i < m_s.size() && !isBreak(m_s[m_i])) ++m_i;
  }

  size_t indentationAt(size_t at) const {
    size_t n = 0;
    while (at + n < m_s.size() && m_s[at + n] == ' ') ++n;
    return n;
  }

  bool blankLineAt(size_t at) const {
    while (at < m_s.size() && isBlank(m_s[at])) ++at;
    return at >= m_s.size() || isBreak(m_s[at]);
  }

  bool documentMarkerAt(size_t at) const {
    std::string_view rest = m_s.substr(at);
    return (rest.starts_with("---") || rest.starts_with("...")) &&
           (rest.size() == 3 || isBlank(rest[3]) || isBreak(rest[3]));
  }

  void startLine() {
    m_lineStart = false;
    m_lineBegin = m_i;
    m_innermost = -1;
    if (m_blockScalarParent >= -1) {
      // Inside a block scalar: its lines are indented past the parent node.
      size_t indent = indentationAt(m_i);
      bool content =
          !documentMarkerAt(m_i) && (blankLineAt(m_i) || static_cast<int>(indent) > m_blockScalarParent);
      if (content) {
        skipToLineEnd();
        if (m_i < m_s.size()) newLine();
        return;
      }
      m_blockScalarParent = -2;
    }
    if (documentMarkerAt(m_i))
      m_i += 3;
    else if (m_depth == 0 && m_i < m_s.size() && m_s[m_i] == '%')
      skipToLineEnd();  // directive
  }

  void startBlockScalar() {
    // The parent is the innermost entry or key on this line; without one,
    // assume the indicator's own indentation less one (a stricter bound
    // than YAML's, so at worst more lines are scanned as structure).
    int parent = m_innermost >= 0 ? m_innermost : static_cast<int>(indentationAt(m_lineBegin)) - 1;
    m_blockScalarParent = std::max(parent, -1);
    skipToLineEnd();  // header and comment
  }

  void skipQuoted(char quote) {
    ++m_i;
    while (m_i < m_s.size()) {
      char c = m_s[m_i];
      if (quote == '"' && c == '\\') {
        m_i += 2;
      } else if (c == quote) {
        if (quote == '\'' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '\'') {
          m_i += 2;  // '' inside single quotes
        } else {
          ++m_i;
          return;
        }
      } else {
        ++m_i;
      }
    }
  }

  // A plain scalar ends at ": ", " #", the line end and, in flow context,
  // at flow indicators. A following line that continues it is scanned as
  // structure, which can only over-count.
  void skipPlain() {
    while (m_i < m_s.size()) {
      char c = m_s[m_i];
      if (isBreak(c)) return;
      if (c == ':' && (m_i + 1 >= m_s.size() || isBlank(m_s[m_i + 1]) || isBreak(m_s[m_i + 1]) ||
                       (m_depth > 0 && isFlowIndicator(m_s[m_i + 1])))) {
        return;
      }
      if (c == '#' && isBlank(m_s[m_i - 1])) return;
      if (m_depth > 0 && isFlowIndicator(c)) return;
      ++m_i;
    }
  }

  std::string_view m_s;
  int m_maxDepth;
  size_t m_i = 0;
  int m_depth = 0;
  bool m_lineStart = true;
  size_t m_lineBegin = 0;
  int m_innermost = -1;          // column of the innermost entry or key on this line
  int m_blockScalarParent = -2;  // -2: not in a block scalar
};

}  // namespace

size_t findDeepFlowNesting(std::string_view text, int maxDepth) { return FlowScanner(text, maxDepth).run(); }

}  // namespace folio::yaml
