// Colour syntax of layouts. Hand-written: a few forms, no library parses
// exactly this set (#rgb, gray(), cmyk(), spot()).
#include <charconv>
#include <cctype>
#include <string>

#include "style/Layout.h"

namespace folio::style {

namespace {

std::string_view trim(std::string_view v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  return v;
}

// "20%" -> 0.2, "0.2" -> 0.2
bool parseComponent(std::string_view s, float& out) {
  s = trim(s);
  bool percent = !s.empty() && s.back() == '%';
  if (percent) s.remove_suffix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  if (percent) v /= 100.0;
  if (!(v >= 0 && v <= 1)) return false;  // also refuses nan
  out = static_cast<float>(v);
  return true;
}

// Splits "a, b, c" at top-level commas (not inside parentheses).
std::vector<std::string_view> splitArgs(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    else if (s[i] == ')') --depth;
    else if (s[i] == ',' && depth == 0) {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.push_back(trim(s.substr(start)));
  return out;
}

bool functionArgs(std::string_view s, std::string_view name, std::vector<std::string_view>& args) {
  if (s.substr(0, name.size()) != name) return false;
  std::string_view rest = trim(s.substr(name.size()));
  if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return false;
  args = splitArgs(rest.substr(1, rest.size() - 2));
  return true;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

namespace {

// Every form but spot(): a spot colour's alternate is parsed with this, so
// spot() cannot nest (no recursion on hostile input such as
// "spot(a, spot(a, spot(...)))").
bool parsePlainColor(std::string_view text, const std::map<std::string, Color>& named, Color& out) {
  std::string_view s = trim(text);
  if (auto it = named.find(std::string(s)); it != named.end()) {
    out = it->second;
    return true;
  }
  if (!s.empty() && s[0] == '#') {
    std::string_view h = s.substr(1);
    if (h.size() != 3 && h.size() != 6) return false;
    int v[6];
    for (size_t i = 0; i < h.size(); ++i)
      if ((v[i] = hexDigit(h[i])) < 0) return false;
    auto channel = [&](int i) {
      return h.size() == 3 ? (v[i] * 17) / 255.0f : (v[2 * i] * 16 + v[2 * i + 1]) / 255.0f;
    };
    out = Color::rgb(channel(0), channel(1), channel(2));
    return true;
  }
  std::vector<std::string_view> args;
  if (functionArgs(s, "gray", args) || functionArgs(s, "grey", args)) {
    float g;
    if (args.size() != 1 || !parseComponent(args[0], g)) return false;
    out = Color::gray(g);
    return true;
  }
  if (functionArgs(s, "cmyk", args)) {
    float c[4];
    if (args.size() != 4) return false;
    for (int i = 0; i < 4; ++i)
      if (!parseComponent(args[i], c[i])) return false;
    out = Color::cmyk(c[0], c[1], c[2], c[3]);
    return true;
  }
  return false;
}

}  // namespace

bool parseColor(const std::string& text, const std::map<std::string, Color>& named, Color& out) {
  std::string_view s = trim(text);
  std::vector<std::string_view> args;
  if (named.count(std::string(s)) || !functionArgs(s, "spot", args)) return parsePlainColor(s, named, out);
  // spot(Name, cmyk(...)[, tint]), or spot(Name, tint) for an ink that a
  // colour of `named` defines. "All" and "None" are reserved ink names
  // (registration colour, nothing).
  if (args.size() < 2 || args.size() > 3 || args[0].empty() || args[0] == "All" || args[0] == "None") return false;
  float shade = 1;
  if (args.size() == 2 && parseComponent(args[1], shade)) {
    for (const auto& [name, c] : named)
      if (c.space == Color::Space::Spot && c.spotName == args[0]) {
        out = c;
        out.c[0] = shade;
        return true;
      }
    return false;
  }
  Color alt;
  if (!parsePlainColor(args[1], named, alt) || alt.space != Color::Space::Cmyk) return false;
  float tint = 1;
  if (args.size() == 3 && !parseComponent(args[2], tint)) return false;
  out = Color{};
  out.space = Color::Space::Spot;
  out.spotName = std::string(args[0]);
  out.c[0] = tint;
  out.alt = alt.c;
  return true;
}

}  // namespace folio::style
