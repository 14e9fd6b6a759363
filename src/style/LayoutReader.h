#pragma once
// Small helpers to read typed values out of layout YAML with positioned,
// "expected ..." diagnostics.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "base/Color.h"
#include "base/Diagnostics.h"
#include "base/Units.h"
#include "yaml/Node.h"

namespace folio::style {

class LayoutReader {
public:
  LayoutReader(Diagnostics& diags, const std::map<std::string, Color>& colors) : m_diags(diags), m_colors(colors) {}

  // Reports every key of `map` not in `allowed` (with a suggestion). False if
  // `map` is not a mapping.
  bool checkKeys(const yaml::Node& map, const std::vector<std::string>& allowed, const char* what);
  bool length(const yaml::Node& n, Sp& out, Sp emSize = pt(10));
  bool color(const yaml::Node& n, Color& out);
  std::string spotProblem(const std::string& text) const;
  bool string(const yaml::Node& n, std::string& out);
  bool boolean(const yaml::Node& n, bool& out);
  // `name` ("widows") makes the message say which value is wrong.
  bool integer(const yaml::Node& n, int& out, int min, int max, const char* name = nullptr);
  // A string or a sequence of strings.
  bool stringList(const yaml::Node& n, std::vector<std::string>& out);
  void error(const yaml::Node& n, const std::string& message) { m_diags.error(n.pos, message); }
  // "Did you mean" compares a name with every candidate; a generated layout
  // with thousands of names and thousands of mistakes would make that
  // quadratic, so only the first problems get suggestions.
  bool maySuggest() { return m_suggestionsLeft > 0 && m_suggestionsLeft--; }

private:
  bool checkInk(const yaml::Node& n, const Color& c);

  Diagnostics& m_diags;
  const std::map<std::string, Color>& m_colors;
  int m_suggestionsLeft = 100;
  std::map<std::string, std::array<float, 4>> m_inks;  // spot name -> its CMYK alternate
};

}  // namespace folio::style
