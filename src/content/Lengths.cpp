#include "content/Lengths.h"

#include <charconv>

namespace folio::content {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
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

LengthError readLength(std::string_view s, Length& out) {
  s = trim(s);
  // The number: [+-] digits [. digits], or [+-] . digits. No exponents, no
  // "inf": std::from_chars would take them.
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && isDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return LengthError::Malformed;
  double value = 0;
  std::string_view number = s.substr(0, i);
  if (number.front() == '+') number.remove_prefix(1);
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || end != number.data() + number.size()) return LengthError::Malformed;
  double scale = pointsPer(trim(s.substr(i)));
  if (scale < 0) return LengthError::Malformed;
  if (value < 0) return LengthError::Negative;
  bool em = scale == 0;
  double converted = em ? value : value * scale;
  if (converted > (em ? kMaxLengthEm : kMaxLengthPt)) return LengthError::TooLarge;
  out.value = converted;
  out.em = em;
  return LengthError::None;
}

std::string lengthErrorMessage(LengthError error, const std::string& attribute, const std::string& written) {
  std::string head = attribute + " '" + written + "'";
  switch (error) {
    case LengthError::None:
      return "";
    case LengthError::Malformed:
      return head +
             " is not a length; expected a number and a unit: pt, mm, cm, in, pc or em (e.g. 12pt or 5mm)";
    case LengthError::Negative:
      return head + " is negative; expected a length of 0 or more";
    case LengthError::TooLarge:
      return head + " is too large; expected at most 10000pt (or 100em)";
  }
  return head;
}

bool parseLength(const std::string& s, Length& out) { return readLength(s, out) == LengthError::None; }

}  // namespace folio::content
