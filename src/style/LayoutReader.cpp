#include "style/LayoutReader.h"

#include <charconv>

#include "base/Length.h"
#include "style/Layout.h"

namespace folio::style {

bool LayoutReader::checkKeys(const yaml::Node& map, const std::vector<std::string>& allowed, const char* what) {
  if (!map.isMapping()) {
    error(map, std::string("expected a mapping for ") + what + ", found " + map.kindName());
    return false;
  }
  for (const auto& [key, value] : map.entries) {
    bool known = false;
    for (const std::string& a : allowed) known = known || a == key.scalar;
    if (known) continue;
    std::string msg = "unknown key '" + key.scalar + "' in " + what;
    std::string close = closestMatch(key.scalar, allowed);
    if (!close.empty()) msg += "; did you mean '" + close + "'?";
    else {
      msg += "; expected one of:";
      for (size_t i = 0; i < allowed.size(); ++i) msg += (i ? ", " : " ") + allowed[i];
    }
    m_diags.error(key.pos, msg);
  }
  return true;
}

bool LayoutReader::length(const yaml::Node& n, Sp& out, Sp emSize) {
  ParsedLength l;
  if (!n.isScalar() || !parseLength(n.scalar, l)) {
    error(n, "bad length '" + (n.isScalar() ? n.scalar : std::string(n.kindName())) +
                 "'; expected a number with a unit such as 12pt, 3mm, 1.5cm, 1in, 2pc or 0.5em");
    return false;
  }
  double points = l.em ? l.value * toPt(emSize) : l.value;
  if (points < -5000 || points > 5000) {
    error(n, "length '" + n.scalar + "' is out of range; expected at most 5000pt in size");
    return false;
  }
  out = pt(points);
  return true;
}

bool LayoutReader::color(const yaml::Node& n, Color& out) {
  if (n.isScalar() && parseColor(n.scalar, m_colors, out)) return true;
  std::string msg = "bad colour '" + (n.isScalar() ? n.scalar : std::string(n.kindName())) +
                    "'; expected #rrggbb, gray(50%), cmyk(0%, 20%, 100%, 0%), spot(Name, cmyk(...)) or a name from "
                    "'colors'";
  std::vector<std::string> names;
  for (const auto& [name, c] : m_colors) names.push_back(name);
  if (n.isScalar() && maySuggest()) {
    std::string close = closestMatch(n.scalar, names);
    if (!close.empty()) msg = "unknown colour '" + n.scalar + "'; did you mean '" + close + "'?";
  }
  error(n, msg);
  return false;
}

bool LayoutReader::string(const yaml::Node& n, std::string& out) {
  if (!n.isScalar()) {
    error(n, std::string("expected a string, found ") + n.kindName());
    return false;
  }
  out = n.scalar;
  return true;
}

bool LayoutReader::boolean(const yaml::Node& n, bool& out) {
  if (n.isScalar() && (n.scalar == "true" || n.scalar == "yes")) return out = true, true;
  if (n.isScalar() && (n.scalar == "false" || n.scalar == "no")) return out = false, true;
  error(n, "expected true or false, found '" + (n.isScalar() ? n.scalar : std::string(n.kindName())) + "'");
  return false;
}

bool LayoutReader::integer(const yaml::Node& n, int& out, int min, int max, const char* name) {
  int v = 0;
  if (n.isScalar()) {
    auto [end, ec] = std::from_chars(n.scalar.data(), n.scalar.data() + n.scalar.size(), v);
    if (ec == std::errc() && end == n.scalar.data() + n.scalar.size() && v >= min && v <= max) {
      out = v;
      return true;
    }
  }
  std::string found = n.isScalar() ? "'" + n.scalar + "'" : std::string(n.kindName());
  std::string range = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  if (name) error(n, std::string(name) + " " + found + " is not valid; expected " + range);
  else error(n, "expected " + range + ", found " + found);
  return false;
}

bool LayoutReader::stringList(const yaml::Node& n, std::vector<std::string>& out) {
  out.clear();
  if (n.isScalar()) {
    out.push_back(n.scalar);
    return true;
  }
  if (n.isSequence()) {
    for (const yaml::Node& item : n.items) {
      std::string s;
      if (!string(item, s)) return false;
      out.push_back(s);
    }
    if (!out.empty()) return true;
  }
  error(n, std::string("expected a string or a list of strings, found ") + n.kindName());
  return false;
}

}  // namespace folio::style
