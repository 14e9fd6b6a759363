#include "markup/LanguageTag.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace folio::markup {

namespace {

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool allOf(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
bool isAlnum(char c) { return isAlpha(c) || isDigit(c); }

std::vector<std::string_view> splitSubtags(std::string_view tag) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t dash = tag.find('-', start);
    parts.push_back(
        tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return parts;
}

// privateuse = "x" 1*("-" (1*8alphanum))
bool isPrivateUse(const std::vector<std::string_view>& parts, size_t from) {
  if (from + 1 >= parts.size()) return false;
  for (size_t i = from + 1; i < parts.size(); ++i) {
    if (parts[i].size() > 8 || !allOf(parts[i], isAlnum)) return false;
  }
  return true;
}

}  // namespace

bool isPlausibleLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  std::vector<std::string_view> parts = splitSubtags(tag);
  size_t i = 0;
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
  };
  if (lower(parts[0]) == "x") return isPrivateUse(parts, 0);
  // Primary language: 2 or 3 letters. BCP 47 also reserves 4-8 letter
  // subtags, but none is registered, and "english" is a typical mistake.
  if (parts[0].size() < 2 || parts[0].size() > 3 || !allOf(parts[0], isAlpha)) return false;
  ++i;
  // extlang: up to three 3-letter subtags.
  for (int n = 0; n < 3 && i < parts.size() && parts[i].size() == 3 && allOf(parts[i], isAlpha); ++n) ++i;
  if (i < parts.size() && parts[i].size() == 4 && allOf(parts[i], isAlpha)) ++i;  // script
  if (i < parts.size() && ((parts[i].size() == 2 && allOf(parts[i], isAlpha)) ||
                           (parts[i].size() == 3 && allOf(parts[i], isDigit)))) {
    ++i;  // region
  }
  // variants: 5-8 alphanumerics, or a digit and 3 alphanumerics.
  while (i < parts.size() && allOf(parts[i], isAlnum) &&
         ((parts[i].size() >= 5 && parts[i].size() <= 8) || (parts[i].size() == 4 && isDigit(parts[i][0])))) {
    ++i;
  }
  // extensions: a singleton then 2-8 alphanumerics.
  while (i < parts.size() && parts[i].size() == 1 && isAlnum(parts[i][0]) && lower(parts[i]) != "x") {
    size_t j = i + 1;
    while (j < parts.size() && parts[j].size() >= 2 && parts[j].size() <= 8 && allOf(parts[j], isAlnum)) ++j;
    if (j == i + 1) return false;
    i = j;
  }
  if (i < parts.size() && lower(parts[i]) == "x") return isPrivateUse(parts, i);
  return i == parts.size();
}

std::string suggestLanguageTag(std::string_view tag) {
  std::string t(tag);
  std::replace(t.begin(), t.end(), '_', '-');
  if (t != tag && isPlausibleLanguageTag(t)) return t;
  std::string lower;
  for (char c : tag) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kNames{{
      {"arabic", "ar"},     {"bengali", "bn"}, {"chinese", "zh"},    {"czech", "cs"},    {"danish", "da"},
      {"dutch", "nl"},      {"english", "en"}, {"farsi", "fa"},      {"finnish", "fi"},  {"french", "fr"},
      {"german", "de"},     {"greek", "el"},   {"hebrew", "he"},     {"hindi", "hi"},    {"hungarian", "hu"},
      {"indonesian", "id"}, {"italian", "it"}, {"japanese", "ja"},   {"korean", "ko"},   {"norwegian", "nb"},
      {"persian", "fa"},    {"polish", "pl"},  {"portuguese", "pt"}, {"romanian", "ro"}, {"russian", "ru"},
      {"spanish", "es"},    {"swahili", "sw"}, {"swedish", "sv"},    {"thai", "th"},     {"turkish", "tr"},
      {"ukrainian", "uk"},  {"urdu", "ur"},
  }};
  for (const auto& [name, code] : kNames) {
    if (lower == name) return std::string(code);
  }
  return "";
}

}  // namespace folio::markup
