#include "FloorInputs.h"

#include <hb.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace folio::floor {

namespace {

using namespace PoDoFo;

// ------------------------------------------------------------ PDF objects

class Reader {
 public:
  explicit Reader(const std::string& path) { m_doc.Load(path.c_str()); }
  PdfMemDocument& doc() { return m_doc; }

  const PdfObject* resolve(const PdfObject* o) const {
    if (o && o->IsReference()) return m_doc.GetObjects().GetObject(o->GetReference());
    return o;
  }
  const PdfObject* key(const PdfObject* dict, const char* name) const {
    dict = resolve(dict);
    if (!dict || !dict->IsDictionary()) return nullptr;
    return resolve(dict->GetDictionary().GetKey(PdfName(name)));
  }
  static std::string streamBytes(const PdfObject* o) {
    if (!o || !o->HasStream()) return {};
    char* buf = nullptr;
    pdf_long len = 0;
    o->GetStream()->GetFilteredCopy(&buf, &len);
    std::string out(buf ? buf : "", buf ? static_cast<size_t>(len) : 0);
    podofo_free(buf);
    return out;
  }

 private:
  PdfMemDocument m_doc;
};

// ------------------------------------------------------------ tokens

// The tokens of a content stream or CMap that matter here: operators,
// names, numbers and strings (hex or literal); arrays and dictionaries are
// flattened (their strings stay operands, in order).
struct Token {
  enum Kind { Op, Name, Number, String, End } kind = End;
  std::string text;  // operator, name (without '/'), number, or string bytes
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : m_s(s) {}
  Token next() {
    for (;;) {
      skipSpace();
      if (m_i >= m_s.size()) return {};
      char c = m_s[m_i];
      if (c == '%') {
        while (m_i < m_s.size() && m_s[m_i] != '\n' && m_s[m_i] != '\r') ++m_i;
        continue;
      }
      if (c == '[' || c == ']' || c == '{' || c == '}') {
        ++m_i;
        continue;
      }
      if (c == '<' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '<') {
        m_i += 2;
        continue;
      }
      if (c == '>' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '>') {
        m_i += 2;
        continue;
      }
      if (c == '<') return hexString();
      if (c == '(') return literalString();
      if (c == '/') {
        ++m_i;
        return Token{Token::Name, word()};
      }
      std::string w = word();
      if (w.empty()) {  // a stray delimiter
        ++m_i;
        continue;
      }
      const bool number = (w[0] >= '0' && w[0] <= '9') || w[0] == '-' || w[0] == '+' || w[0] == '.';
      return Token{number ? Token::Number : Token::Op, w};
    }
  }
  // After an inline image's ID operator: skips its data up to EI.
  void skipInlineImage() {
    size_t e = m_s.find("EI", m_i);
    while (e != std::string_view::npos) {
      const bool before = e > 0 && isSpace(m_s[e - 1]);
      const bool after = e + 2 >= m_s.size() || isSpace(m_s[e + 2]);
      if (before && after) break;
      e = m_s.find("EI", e + 1);
    }
    m_i = e == std::string_view::npos ? m_s.size() : e + 2;
  }

 private:
  static bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
  }
  static bool isDelim(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '/' || c == '%';
  }
  void skipSpace() {
    while (m_i < m_s.size() && isSpace(m_s[m_i])) ++m_i;
  }
  std::string word() {
    size_t b = m_i;
    while (m_i < m_s.size() && !isSpace(m_s[m_i]) && !isDelim(m_s[m_i])) ++m_i;
    return std::string(m_s.substr(b, m_i - b));
  }
  static int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  Token hexString() {
    ++m_i;
    std::string out;
    int hi = -1;
    while (m_i < m_s.size() && m_s[m_i] != '>') {
      int v = hexValue(m_s[m_i++]);
      if (v < 0) continue;
      if (hi < 0) {
        hi = v;
      } else {
        out.push_back(static_cast<char>(hi * 16 + v));
        hi = -1;
      }
    }
    if (hi >= 0) out.push_back(static_cast<char>(hi * 16));
    ++m_i;
    return Token{Token::String, out};
  }
  Token literalString() {
    ++m_i;
    std::string out;
    int depth = 1;
    while (m_i < m_s.size()) {
      char c = m_s[m_i++];
      if (c == '\\' && m_i < m_s.size()) {
        char e = m_s[m_i++];
        switch (e) {
          case 'n':
            out.push_back('\n');
            break;
          case 'r':
            out.push_back('\r');
            break;
          case 't':
            out.push_back('\t');
            break;
          case 'b':
            out.push_back('\b');
            break;
          case 'f':
            out.push_back('\f');
            break;
          case '\r':
            if (m_i < m_s.size() && m_s[m_i] == '\n') ++m_i;
            break;
          case '\n':
            break;
          default:
            if (e >= '0' && e <= '7') {
              int v = e - '0';
              for (int k = 0; k < 2 && m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '7'; ++k)
                v = v * 8 + (m_s[m_i++] - '0');
              out.push_back(static_cast<char>(v));
            } else {
              out.push_back(e);
            }
        }
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) break;
      out.push_back(c);
    }
    return Token{Token::String, out};
  }

  std::string_view m_s;
  size_t m_i = 0;
};

// ------------------------------------------------------------ fonts

std::u32string utf16beToUtf32(const std::string& b) {
  std::u32string out;
  for (size_t i = 0; i + 1 < b.size(); i += 2) {
    char32_t u = (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < b.size()) {
      char32_t lo = (static_cast<unsigned char>(b[i + 2]) << 8) | static_cast<unsigned char>(b[i + 3]);
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    }
    out.push_back(u);
  }
  return out;
}

uint32_t codeValue(const std::string& b) {
  uint32_t v = 0;
  for (unsigned char c : b) v = (v << 8) | c;
  return v;
}

// A /ToUnicode CMap: bfchar and bfrange entries.
std::unordered_map<uint32_t, std::u32string> parseToUnicode(const std::string& cmap) {
  std::unordered_map<uint32_t, std::u32string> out;
  Tokenizer t(cmap);
  std::vector<Token> operands;
  enum { None, Char, Range } mode = None;
  for (Token tok = t.next(); tok.kind != Token::End; tok = t.next()) {
    if (tok.kind == Token::Op) {
      if (tok.text == "beginbfchar")
        mode = Char;
      else if (tok.text == "beginbfrange")
        mode = Range;
      else if (tok.text == "endbfchar" || tok.text == "endbfrange")
        mode = None;
      operands.clear();
      continue;
    }
    if (mode == None) continue;
    operands.push_back(tok);
    if (mode == Char && operands.size() == 2) {
      out[codeValue(operands[0].text)] = utf16beToUtf32(operands[1].text);
      operands.clear();
    } else if (mode == Range && operands.size() >= 3) {
      // <lo> <hi> <dst> or <lo> <hi> [<d0> <d1> ...] (the array is flattened:
      // as many strings as codes in the range).
      const uint32_t lo = codeValue(operands[0].text), hi = codeValue(operands[1].text);
      const size_t n = hi >= lo ? hi - lo + 1 : 0;
      if (operands.size() == 3 && n > 1) {
        // One destination, incremented for each code (the last unit).
        std::u32string d = utf16beToUtf32(operands[2].text);
        for (uint32_t c = lo; c <= hi && !d.empty(); ++c, ++d.back()) out[c] = d;
        operands.clear();
      } else if (operands.size() == 2 + n || n <= 1) {
        for (size_t k = 0; k < n; ++k)
          out[lo + static_cast<uint32_t>(k)] = utf16beToUtf32(operands[2 + k].text);
        operands.clear();
      }
    }
  }
  return out;
}

struct PdfFont {
  std::string psName;
  int codeBytes = 2;
  std::unordered_map<uint32_t, std::u32string> toUnicode;
};

std::string stripTag(std::string name) {
  if (name.size() > 7 && name[6] == '+') name = name.substr(7);
  return name;
}

// The number of glyphs of an embedded TrueType / OpenType program (-1 for a
// bare CFF table, which HarfBuzz does not open as a face).
int programGlyphs(const std::string& program) {
  hb_blob_t* blob = hb_blob_create(program.data(), static_cast<unsigned>(program.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  const unsigned n = hb_face_get_glyph_count(face);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return n > 0 ? static_cast<int>(n) : -1;
}

bool isSpaceText(const std::u32string& t) {
  if (t.empty()) return false;
  for (char32_t c : t)
    if (c != U' ' && c != 0xA0 && c != 0x202F && c != 0x2009 && c != 0x3000 && c != U'\t' && c != U'\n')
      return false;
  return true;
}

bool isRightToLeft(const std::vector<const std::u32string*>& glyphTexts) {
  hb_unicode_funcs_t* u = hb_unicode_funcs_get_default();
  for (const std::u32string* t : glyphTexts)
    for (char32_t c : *t) {
      hb_script_t s = hb_unicode_script(u, c);
      if (s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN) continue;
      return hb_script_get_horizontal_direction(s) == HB_DIRECTION_RTL;
    }
  return false;
}

// ------------------------------------------------------------ pages

class Collector {
 public:
  Collector(Reader& r, DocumentInputs& out) : m_r(r), m_out(out) {}

  void contents(const PdfObject* stream, const PdfObject* resources) {
    stream = m_r.resolve(stream);
    if (!stream) return;
    if (stream->IsArray()) {
      for (const PdfObject& part : stream->GetArray()) contents(&part, resources);
      return;
    }
    std::string bytes = Reader::streamBytes(stream);
    if (stream->HasStream())
      m_out.contentStoredBytes += static_cast<size_t>(stream->GetStream()->GetLength());
    run(bytes, resources);
    m_out.contentStreams.push_back(std::move(bytes));
  }

 private:
  void run(const std::string& bytes, const PdfObject* resources) {
    Tokenizer t(bytes);
    std::vector<Token> operands;
    const PdfFont* font = nullptr;
    int size = 0;
    for (Token tok = t.next(); tok.kind != Token::End; tok = t.next()) {
      if (tok.kind != Token::Op) {
        operands.push_back(std::move(tok));
        continue;
      }
      const std::string& op = tok.text;
      if (op == "Tf" && operands.size() >= 2) {
        endWord(font, size);
        font = fontOf(resources, operands[operands.size() - 2].text);
        size = static_cast<int>(std::atof(operands.back().text.c_str()) * 1000 + 0.5);
      } else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
        for (const Token& s : operands)
          if (s.kind == Token::String && font) show(*font, s.text, size);
      } else if (op == "BT" || op == "ET") {
        endWord(font, size);
      } else if (op == "Do" && !operands.empty() && operands.back().kind == Token::Name) {
        endWord(font, size);
        form(resources, operands.back().text);
      } else if (op == "ID") {
        t.skipInlineImage();
      }
      operands.clear();
    }
    endWord(font, size);
  }

  void show(const PdfFont& font, const std::string& bytes, int size) {
    for (size_t i = 0; i + font.codeBytes <= bytes.size(); i += static_cast<size_t>(font.codeBytes)) {
      uint32_t code = codeValue(bytes.substr(i, static_cast<size_t>(font.codeBytes)));
      auto it = font.toUnicode.find(code);
      if (it == font.toUnicode.end() || it->second.empty()) continue;  // a glyph without text
      if (isSpaceText(it->second)) {
        endWord(&font, size);
        continue;
      }
      m_glyphs.push_back(&it->second);
    }
  }

  void endWord(const PdfFont* font, int size) {
    if (m_glyphs.empty() || !font) {
      m_glyphs.clear();
      return;
    }
    if (isRightToLeft(m_glyphs)) std::reverse(m_glyphs.begin(), m_glyphs.end());
    std::u32string word;
    for (const std::u32string* t : m_glyphs) word += *t;
    m_glyphs.clear();
    ++m_out.words[font->psName][{size, word}];
  }

  const PdfFont* fontOf(const PdfObject* resources, const std::string& name) {
    const PdfObject* f = m_r.key(m_r.key(resources, "Font"), name.c_str());
    if (!f) return nullptr;
    const PdfReference ref = f->Reference();
    const uint64_t id = (uint64_t(ref.ObjectNumber()) << 16) | ref.GenerationNumber();
    auto it = m_fonts.find(id);
    if (it != m_fonts.end()) return it->second.get();
    auto made = std::make_unique<PdfFont>();
    const PdfObject* subtype = m_r.key(f, "Subtype");
    const bool type0 = subtype && subtype->IsName() && subtype->GetName().GetName() == "Type0";
    made->codeBytes = type0 ? 2 : 1;
    const PdfObject* descriptorOwner = f;
    if (type0) {
      const PdfObject* desc = m_r.key(f, "DescendantFonts");
      if (desc && desc->IsArray() && !desc->GetArray().empty())
        descriptorOwner = m_r.resolve(&desc->GetArray()[0]);
    }
    const PdfObject* fd = m_r.key(descriptorOwner, "FontDescriptor");
    const PdfObject* fontName = m_r.key(fd, "FontName");
    if (!fontName) fontName = m_r.key(f, "BaseFont");
    made->psName = fontName && fontName->IsName() ? stripTag(fontName->GetName().GetName()) : name;
    made->toUnicode = parseToUnicode(Reader::streamBytes(m_r.key(f, "ToUnicode")));
    if (!m_out.pdfGlyphs.count(made->psName)) {
      const PdfObject* program = m_r.key(fd, "FontFile2");
      if (!program) program = m_r.key(fd, "FontFile3");
      m_out.pdfGlyphs[made->psName] = program ? programGlyphs(Reader::streamBytes(program)) : -1;
    }
    return (m_fonts[id] = std::move(made)).get();
  }

  void form(const PdfObject* resources, const std::string& name) {
    const PdfObject* x = m_r.key(m_r.key(resources, "XObject"), name.c_str());
    if (!x) return;
    const PdfObject* subtype = m_r.key(x, "Subtype");
    if (!subtype || !subtype->IsName() || subtype->GetName().GetName() != "Form") return;
    const PdfReference ref = x->Reference();
    if (!m_forms.insert((uint64_t(ref.ObjectNumber()) << 16) | ref.GenerationNumber()).second) return;
    const PdfObject* own = m_r.key(x, "Resources");
    std::vector<const std::u32string*> saved;
    saved.swap(m_glyphs);
    contents(x, own ? own : resources);
    m_glyphs.swap(saved);
  }

  Reader& m_r;
  DocumentInputs& m_out;
  std::unordered_map<uint64_t, std::unique_ptr<PdfFont>> m_fonts;
  std::set<uint64_t> m_forms;                   // each form's stream is written (and counted) once
  std::vector<const std::u32string*> m_glyphs;  // the word being read
};

}  // namespace

DocumentInputs readDocument(const std::string& pdfPath) {
  DocumentInputs out;
  out.path = pdfPath;
  // PoDoFo's debug messages go to stdout, where folio_floor's report goes.
  PdfError::EnableDebug(false);
  PdfError::EnableLogging(false);
  try {
    Reader r(pdfPath);
    Collector c(r, out);
    out.pages = r.doc().GetPageCount();
    for (int i = 0; i < out.pages; ++i) {
      PdfPage* page = r.doc().GetPage(i);
      c.contents(page->GetContents(), page->GetResources());
    }
  } catch (const PdfError& e) {
    throw std::runtime_error(pdfPath + ": " + PdfError::ErrorMessage(e.GetError()));
  }
  return out;
}

}  // namespace folio::floor
