#include "base/Length.h"

#include <charconv>
#include <cmath>
#include <string>

namespace folio {

namespace {

std::string_view trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Points per unit; 0 for em (resolved later against the font size), -1 if unknown.
double pointsPer(std::string_view unit) {
  std::string u;
  for (char c : unit) u += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (u.empty() || u == "pt") return 1;
  if (u == "mm") return 72.0 / 25.4;
  if (u == "cm") return 72.0 / 2.54;
  if (u == "in") return 72;
  if (u == "pc") return 12;
  if (u == "em") return 0;
  return -1;
}

}  // namespace

bool parseLength(std::string_view s, ParsedLength& out) {
  s = trim(s);
  // The number: [+-] digits [. digits], or [+-] . digits. std::from_chars
  // alone would also take exponents, "inf" and "nan".
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && isDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  std::string_view number = s.substr(0, i);
  if (number.front() == '+') number.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(value)) return false;
  double scale = pointsPer(trim(s.substr(i)));
  if (scale < 0) return false;
  out.em = scale == 0;
  out.value = out.em ? value : value * scale;
  return true;
}

}  // namespace folio
