#pragma once
// Folio's own PDF object model and its serialiser: null, booleans, integers,
// reals, names, strings, arrays, dictionaries and references, written
// exactly as PoDoFo 0.9.8 writes them in its compact mode (ePdfWriteMode_Compact),
// which is what every Folio PDF was made with before, so the bytes stay the same:
//   - a blank before every number, boolean, null and reference (" 12", " 3 0 R");
//     none before names, strings, arrays and dictionaries, none between tokens;
//   - dictionaries with /Type first, then their keys sorted bytewise
//     (PoDoFo's std::map<PdfName, ...>);
//   - names with "#XX" for bytes outside '!'..'|' and for any of #()<>[]{}/%;
//   - literal strings with \n \r \t \b \f \( \) \\ escaped, hex strings in capitals;
//   - reals as `std::fixed` (six places) without trailing zeros.
//
// Why hand-written: loading libpodofo.so and the libraries it pulls in cost
// 10.4 M instructions, ~405 page faults and 12-18 ms of CPU in every process
// (docs/performance.md, "Issue 15, third round: start-up"), more than the
// whole 8 ms target for a one-word document, and Debian 12 has no static
// PoDoFo. The writer needs only this small part of it. It is also cheaper
// per object: values live in place (no heap node per value, no virtual
// calls, no printf), and serialise straight into one reused buffer.
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace folio::pdf {

// An indirect object's number and generation ("12 0 R").
struct Ref {
  uint32_t number = 0;
  uint16_t generation = 0;
  constexpr Ref() = default;
  constexpr explicit Ref(uint32_t n, uint16_t g = 0) : number(n), generation(g) {}
  bool operator==(const Ref&) const = default;
  bool valid() const { return number != 0; }
};

struct Name {
  std::string text;  // unescaped
  explicit Name(std::string_view s) : text(s) {}
};
// A string's bytes, kept as they are; `hex` writes <...> instead of (...).
struct String {
  std::string bytes;
  bool hex = false;
  explicit String(std::string_view b, bool asHex = false) : bytes(b), hex(asHex) {}
};
// A real as PoDoFo's PdfVariant(double) writes it ("0.1", "-0.0005", "1000000").
struct Real {
  double value = 0;
};
// A length at 4 decimals, Folio's own format (Syntax.h formatNumber).
struct Decimal {
  double value = 0;
};
// Bytes written verbatim (already PDF syntax).
struct Raw {
  std::string bytes;
};

class Object;

class Array {
 public:
  Array() = default;
  void push_back(Object v);
  // The bodies that touch m_items follow class Object: clang instantiates
  // them where they stand, and Object is incomplete here.
  void reserve(size_t n);
  size_t size() const;
  bool empty() const;
  const Object& operator[](size_t i) const;
  std::vector<Object>::const_iterator begin() const;
  std::vector<Object>::const_iterator end() const;

 private:
  std::vector<Object> m_items;
};

class Dictionary {
 public:
  Dictionary() = default;
  // A dictionary with /Type `type`.
  static Dictionary ofType(std::string_view type);
  // Sets `key` (replacing a value it had).
  void add(std::string_view key, Object v);
  void remove(std::string_view key);
  const Object* get(std::string_view key) const;
  Object* get(std::string_view key);
  bool has(std::string_view key) const { return get(key) != nullptr; }
  bool empty() const;
  size_t size() const;
  // Sorted bytewise by key.
  const std::vector<std::pair<std::string, Object>>& entries() const { return m_entries; }

 private:
  std::vector<std::pair<std::string, Object>> m_entries;
};

class Object {
 public:
  using Value =
      std::variant<std::monostate, bool, int64_t, Real, Decimal, Name, String, Raw, Ref, Array, Dictionary>;

  Object() = default;  // null
  template <class T, std::enable_if_t<std::is_same_v<T, bool>, int> = 0>
  Object(T b) : m_value(b) {}
  Object(Real r) : m_value(r) {}
  Object(Decimal d) : m_value(d) {}
  Object(Name n) : m_value(std::move(n)) {}
  Object(String s) : m_value(std::move(s)) {}
  Object(Raw r) : m_value(std::move(r)) {}
  Object(Ref r) : m_value(r) {}
  Object(Array a) : m_value(std::move(a)) {}
  Object(Dictionary d) : m_value(std::move(d)) {}
  static Object integer(int64_t v) {
    Object o;
    o.m_value = v;
    return o;
  }

  bool isNull() const { return m_value.index() == 0; }
  bool isDictionary() const { return std::holds_alternative<Dictionary>(m_value); }
  bool isReference() const { return std::holds_alternative<Ref>(m_value); }
  bool isInteger() const { return std::holds_alternative<int64_t>(m_value); }
  Dictionary& dictionary() { return std::get<Dictionary>(m_value); }
  const Dictionary& dictionary() const { return std::get<Dictionary>(m_value); }
  Ref reference() const { return std::get<Ref>(m_value); }
  int64_t integerValue() const { return std::get<int64_t>(m_value); }
  const Value& value() const { return m_value; }

  // Appends the object's syntax, as PoDoFo's compact mode writes it.
  void write(std::string& out) const;

 private:
  Value m_value;
};

inline void Array::push_back(Object v) { m_items.push_back(std::move(v)); }
inline void Array::reserve(size_t n) { m_items.reserve(n); }
inline size_t Array::size() const { return m_items.size(); }
inline bool Array::empty() const { return m_items.empty(); }
inline const Object& Array::operator[](size_t i) const { return m_items[i]; }
inline std::vector<Object>::const_iterator Array::begin() const { return m_items.begin(); }
inline std::vector<Object>::const_iterator Array::end() const { return m_items.end(); }
inline bool Dictionary::empty() const { return m_entries.empty(); }
inline size_t Dictionary::size() const { return m_entries.size(); }

// Serialising pieces, also for what is written by hand around objects.
void writeName(std::string_view name, std::string& out);  // "/" and the escaped name
void writeInteger(int64_t v, std::string& out);           // no blank
void writeReal(double v, std::string& out);               // no blank
// "N G obj" (no line break: compact mode), as an indirect object starts.
void writeObjectHeader(Ref ref, std::string& out);

}  // namespace folio::pdf
