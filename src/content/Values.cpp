#include "content/Values.h"

#include "markup/LanguageTag.h"

namespace folio::content {

SourcePos valuePos(const yaml::Node& key, const yaml::Node& value) {
  return value.isNull() || value.pos.line == 0 ? key.pos : value.pos;
}

std::string oneOf(const std::vector<std::string>& choices) {
  std::string out;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i];
  }
  return out;
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string match = closestMatch(word, candidates);
  return match.empty() ? "" : "; did you mean '" + match + "'?";
}

std::optional<std::string> readScalar(const yaml::Node& value, const SourcePos& pos, const std::string& name,
                                      const char* expected, Diagnostics& diags) {
  if (value.isScalar()) return value.scalar;
  diags.error(pos, "wrong type for '" + name + "': expected " + expected + ", found " + value.kindName());
  return std::nullopt;
}

std::optional<bool> parseBool(std::string_view s) {
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "true" || lower == "yes" || lower == "on") return true;
  if (lower == "false" || lower == "no" || lower == "off") return false;
  return std::nullopt;
}

std::optional<long long> parseWholeNumber(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 12) return std::nullopt;
  long long value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

namespace {

bool digitsAt(std::string_view s, size_t at, size_t count, int& value) {
  if (s.size() < at + count) return false;
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

bool isTime(std::string_view t) {
  int hh, mm, ss;
  if (!digitsAt(t, 0, 2, hh) || t.size() < 5 || t[2] != ':' || !digitsAt(t, 3, 2, mm) || hh > 23 || mm > 59) {
    return false;
  }
  size_t i = 5;
  if (i < t.size() && t[i] == ':') {
    if (!digitsAt(t, i + 1, 2, ss) || ss > 60) return false;  // 60: leap second
    i += 3;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
      size_t digits = 0;
      for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) ++digits;
      if (digits == 0) return false;
    }
  }
  std::string_view zone = t.substr(i);
  if (zone.empty() || zone == "Z") return true;
  if (zone[0] != '+' && zone[0] != '-') return false;
  int zh, zm = 0;
  if (!digitsAt(zone, 1, 2, zh) || zh > 14) return false;
  if (zone.size() == 3) return true;
  size_t at = zone[3] == ':' ? 4 : 3;
  return zone.size() == at + 2 && digitsAt(zone, at, 2, zm) && zm <= 59;
}

}  // namespace

bool isIsoDate(std::string_view s) {
  int year, month, day;
  if (s.size() < 10 || !digitsAt(s, 0, 4, year) || s[4] != '-' || !digitsAt(s, 5, 2, month) || s[7] != '-' ||
      !digitsAt(s, 8, 2, day)) {
    return false;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' && s[10] != ' ') return false;
  return isTime(s.substr(11));
}

bool checkLanguage(const std::string& tag, const SourcePos& pos, const std::string& name,
                   Diagnostics& diags) {
  if (markup::isPlausibleLanguageTag(tag)) return true;
  std::string suggestion = markup::suggestLanguageTag(tag);
  diags.error(pos, name + " '" + tag +
                       "' is not a BCP 47 language tag; expected a tag such as 'en', 'en-GB' or 'ar'" +
                       (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
  return false;
}

}  // namespace folio::content
