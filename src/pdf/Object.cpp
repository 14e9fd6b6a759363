#include "pdf/Object.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "pdf/Syntax.h"

namespace folio::pdf {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// PdfTokenizer's delimiters and white space: escaped in names.
bool nameNeedsEscape(unsigned char c) {
  if (c <= 32 || c >= 125) return true;  // PdfTokenizer::IsPrintable is 33..124
  switch (c) {
    case '#':
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case '{':
    case '}':
    case '/':
    case '%':
      return true;
    default:
      return false;
  }
}

// PdfString's escapes in literal strings (0: the byte as it is).
char stringEscape(unsigned char c) {
  switch (c) {
    case '\n':
      return 'n';
    case '\r':
      return 'r';
    case '\t':
      return 't';
    case '\b':
      return 'b';
    case '\f':
      return 'f';
    case '(':
      return '(';
    case ')':
      return ')';
    case '\\':
      return '\\';
    default:
      return 0;
  }
}

void writeString(const String& s, std::string& out) {
  if (s.hex) {
    out += '<';
    for (char ch : s.bytes) {
      const auto c = static_cast<unsigned char>(ch);
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
    out += '>';
    return;
  }
  out += '(';
  for (char ch : s.bytes) {
    if (const char e = stringEscape(static_cast<unsigned char>(ch))) {
      out += '\\';
      out += e;
    } else {
      out += ch;
    }
  }
  out += ')';
}

auto byKey(std::vector<std::pair<std::string, Object>>& entries, std::string_view key) {
  return std::lower_bound(
      entries.begin(), entries.end(), key,
      [](const std::pair<std::string, Object>& e, std::string_view k) { return e.first < k; });
}

}  // namespace

void writeName(std::string_view name, std::string& out) {
  out += '/';
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (nameNeedsEscape(c)) {
      out += '#';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
}

void writeInteger(int64_t v, std::string& out) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

void writeReal(double v, std::string& out) {
  // PoDoFo: an ostringstream with std::fixed (six places, the classic
  // locale), then trailing zeros and a trailing point dropped.
  char buf[400];
  const int n = std::snprintf(buf, sizeof buf, "%f", v);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof buf) return;
  size_t len = static_cast<size_t>(n);
  if (std::find(buf, buf + len, '.') != buf + len) {
    while (len > 0 && buf[len - 1] == '0') --len;
    if (len > 0 && buf[len - 1] == '.') --len;
    if (len == 0) {
      out += '0';
      return;
    }
  }
  out.append(buf, len);
}

void writeObjectHeader(Ref ref, std::string& out) {
  writeInteger(ref.number, out);
  out += ' ';
  writeInteger(ref.generation, out);
  out += " obj";
}

Dictionary Dictionary::ofType(std::string_view type) {
  Dictionary d;
  d.add("Type", Name(type));
  return d;
}

void Dictionary::add(std::string_view key, Object v) {
  auto it = byKey(m_entries, key);
  if (it != m_entries.end() && it->first == key)
    it->second = std::move(v);
  else
    m_entries.emplace(it, std::string(key), std::move(v));
}

void Dictionary::remove(std::string_view key) {
  auto it = byKey(m_entries, key);
  if (it != m_entries.end() && it->first == key) m_entries.erase(it);
}

Object* Dictionary::get(std::string_view key) {
  auto it = byKey(m_entries, key);
  return it != m_entries.end() && it->first == key ? &it->second : nullptr;
}

const Object* Dictionary::get(std::string_view key) const { return const_cast<Dictionary*>(this)->get(key); }

void Object::write(std::string& out) const {
  struct Writer {
    std::string& out;
    void operator()(std::monostate) { out += " null"; }
    void operator()(bool b) { out += b ? " true" : " false"; }
    void operator()(int64_t v) {
      out += ' ';
      writeInteger(v, out);
    }
    void operator()(const Real& r) {
      out += ' ';
      writeReal(r.value, out);
    }
    void operator()(const Decimal& d) {
      out += ' ';
      out += formatNumber(d.value, 4);
    }
    void operator()(const Name& n) { writeName(n.text, out); }
    void operator()(const String& s) { writeString(s, out); }
    void operator()(const Raw& r) { out += r.bytes; }
    void operator()(Ref r) {
      out += ' ';
      writeInteger(r.number, out);
      out += ' ';
      writeInteger(r.generation, out);
      out += " R";
    }
    void operator()(const Array& a) {
      out += '[';
      for (const Object& o : a) o.write(out);
      out += ']';
    }
    void operator()(const Dictionary& d) {
      out += "<<";
      // /Type first, as PdfDictionary::Write has it.
      if (const Object* type = d.get("Type")) {
        out += "/Type";
        type->write(out);
      }
      for (const auto& [key, value] : d.entries()) {
        if (key == "Type") continue;
        writeName(key, out);
        value.write(out);
      }
      out += ">>";
    }
  };
  std::visit(Writer{out}, m_value);
}

}  // namespace folio::pdf
