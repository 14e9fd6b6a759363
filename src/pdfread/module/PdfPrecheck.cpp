#include "pdfread/module/PdfPrecheck.h"

#include <cstdint>
#include <set>

namespace folio::pdfread {

namespace {

constexpr size_t kMaxSections = 64;  // /Prev hops: incremental updates of one file
constexpr size_t kTrailerWindow = 64 * 1024;

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isDelimiter(char c) {
  return isSpace(c) || c == '/' || c == '<' || c == '>' || c == '[' || c == ']' || c == '(' || c == ')' || c == '%';
}

class Reader {
 public:
  explicit Reader(std::string_view file) : m_file(file) {}

  std::string run() {
    size_t tailStart = m_file.size() > 2048 ? m_file.size() - 2048 : 0;
    size_t sx = m_file.rfind("startxref");
    if (sx == std::string_view::npos || sx < tailStart) return damaged("no startxref at the end of the file");
    size_t p = sx + 9;
    uint64_t offset = 0;
    if (!number(p, offset)) return damaged("startxref gives no offset");
    std::set<uint64_t> seen;
    for (size_t sections = 0;; ++sections) {
      if (sections >= kMaxSections) return damaged("more than 64 cross-reference sections");
      if (!seen.insert(offset).second) return damaged("the /Prev chain loops");
      if (offset >= m_file.size()) return damaged("startxref or /Prev points past the end of the file");
      std::string_view dict;
      std::string problem = section(static_cast<size_t>(offset), dict);
      if (!problem.empty()) return problem;
      if (hasKey(dict, "/Encrypt"))
        return "the PDF is encrypted";  // the image stage adds what is expected
      // A hybrid file's cross-reference stream must be where it says.
      uint64_t stm = 0;
      if (keyNumber(dict, "/XRefStm", stm) && !objectAt(stm)) return damaged("/XRefStm points at no object");
      uint64_t prev = 0;
      if (!keyNumber(dict, "/Prev", prev)) return "";
      offset = prev;
    }
  }

 private:
  static std::string damaged(const std::string& why) {
    return "the PDF cannot be parsed (its cross-reference table is damaged: " + why +
           "; re-saving it, e.g. with qpdf, repairs it)";
  }

  void skipSpace(size_t& p) const {
    while (p < m_file.size()) {
      if (isSpace(m_file[p])) {
        ++p;
      } else if (m_file[p] == '%') {  // a comment runs to the end of the line
        while (p < m_file.size() && m_file[p] != '\n' && m_file[p] != '\r') ++p;
      } else {
        break;
      }
    }
  }

  bool number(size_t& p, uint64_t& out) const {
    skipSpace(p);
    size_t start = p;
    out = 0;
    while (p < m_file.size() && isDigit(m_file[p]) && p - start < 12) out = out * 10 + uint64_t(m_file[p++] - '0');
    return p > start && (p >= m_file.size() || !isDigit(m_file[p]));
  }

  bool keyword(size_t& p, std::string_view word) const {
    skipSpace(p);
    if (m_file.substr(p, word.size()) != word) return false;
    size_t end = p + word.size();
    if (end < m_file.size() && !isDelimiter(m_file[end])) return false;
    p = end;
    return true;
  }

  // "N G obj" at `offset` (after white space); its object number in `num`.
  bool objectAt(uint64_t offset, uint64_t* num = nullptr) const {
    if (offset >= m_file.size()) return false;
    size_t p = static_cast<size_t>(offset);
    uint64_t n = 0, g = 0;
    if (!number(p, n) || !number(p, g) || !keyword(p, "obj")) return false;
    if (num) *num = n;
    return true;
  }

  // The dictionary starting at or after p ("<< ... >>", nested ones counted).
  std::string_view dictionaryAt(size_t p) const {
    skipSpace(p);
    if (m_file.substr(p, 2) != "<<") return {};
    size_t start = p, end = std::min(m_file.size(), p + kTrailerWindow);
    int depth = 0;
    while (p + 1 < end) {
      if (m_file[p] == '<' && m_file[p + 1] == '<') {
        ++depth, p += 2;
      } else if (m_file[p] == '>' && m_file[p + 1] == '>') {
        p += 2;
        if (--depth == 0) return m_file.substr(start, p - start);
      } else if (m_file[p] == '(') {  // a string may hold brackets
        int parens = 0;
        for (; p < end; ++p) {
          if (m_file[p] == '\\') ++p;
          else if (m_file[p] == '(') ++parens;
          else if (m_file[p] == ')' && --parens == 0) break;
        }
        ++p;
      } else {
        ++p;
      }
    }
    return {};
  }

  static bool hasKey(std::string_view dict, std::string_view key) {
    for (size_t at = dict.find(key); at != std::string_view::npos; at = dict.find(key, at + 1)) {
      size_t end = at + key.size();
      if (end >= dict.size() || isDelimiter(dict[end])) return true;
    }
    return false;
  }

  static bool keyNumber(std::string_view dict, std::string_view key, uint64_t& out) {
    for (size_t at = dict.find(key); at != std::string_view::npos; at = dict.find(key, at + 1)) {
      size_t p = at + key.size();
      if (p < dict.size() && !isDelimiter(dict[p])) continue;
      while (p < dict.size() && isSpace(dict[p])) ++p;
      size_t start = p;
      out = 0;
      while (p < dict.size() && isDigit(dict[p]) && p - start < 12) out = out * 10 + uint64_t(dict[p++] - '0');
      return p > start;
    }
    return false;
  }

  // One cross-reference section at `offset`: a table ("xref" ... "trailer"
  // <<...>>) whose every entry in use points at its object, or a
  // cross-reference stream object. Its trailer dictionary goes to `dict`.
  std::string section(size_t offset, std::string_view& dict) const {
    size_t p = offset;
    if (keyword(p, "xref")) {
      for (;;) {
        size_t mark = p;
        uint64_t first = 0, count = 0;
        if (!number(p, first)) {
          p = mark;
          break;
        }
        if (!number(p, count)) return damaged("a subsection header is incomplete");
        // Each entry takes 18 bytes or more: a count the file cannot hold is a lie.
        if (count > m_file.size() / 18) return damaged("a subsection claims more entries than the file holds");
        for (uint64_t i = 0; i < count; ++i) {
          uint64_t at = 0, gen = 0;
          if (!number(p, at) || !number(p, gen)) return damaged("an entry is not 'offset generation n|f'");
          skipSpace(p);
          if (p >= m_file.size() || (m_file[p] != 'n' && m_file[p] != 'f'))
            return damaged("an entry is not 'offset generation n|f'");
          bool used = m_file[p++] == 'n';
          uint64_t num = 0;
          if (used && !(objectAt(at, &num) && num == first + i))
            return damaged("object " + std::to_string(first + i) + " is not at offset " + std::to_string(at));
        }
      }
      if (!keyword(p, "trailer")) return damaged("no trailer after the table");
      dict = dictionaryAt(p);
      if (dict.empty()) return damaged("the trailer is not a dictionary");
      return "";
    }
    // A cross-reference stream: "N G obj << /Type /XRef ... >> stream".
    uint64_t n = 0, g = 0;
    if (!number(p, n) || !number(p, g) || !keyword(p, "obj"))
      return damaged("startxref or /Prev points at neither a table nor an object");
    dict = dictionaryAt(p);
    if (dict.empty() || !hasKey(dict, "/XRef")) return damaged("the object at startxref is not a cross-reference stream");
    return "";
  }

  std::string_view m_file;
};

}  // namespace

std::string precheckPdf(std::string_view file) {
  if (file.substr(0, 5) != "%PDF-" && file.substr(0, 1024).find("%PDF-") == std::string_view::npos)
    return "the PDF cannot be parsed (no %PDF- header)";
  return Reader(file).run();
}

}  // namespace folio::pdfread
