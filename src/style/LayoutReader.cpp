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
  if (n.isScalar() && parseColor(n.scalar, m_colors, out)) return checkInk(n, out);
  std::string msg = "bad colour '" + (n.isScalar() ? n.scalar : std::string(n.kindName())) +
                    "'; expected #rrggbb, gray(50%), cmyk(0%, 20%, 100%, 0%), spot(Name, cmyk(...)) or a name from "
                    "'colors'";
  if (n.isScalar() && n.scalar.rfind("cmyk", 0) == 0)
    msg = "bad colour '" + n.scalar + "'; expected cmyk() with four components from 0% to 100%, such as " +
          "cmyk(0%, 20%, 100%, 0%)";
  if (n.isScalar() && n.scalar.rfind("spot", 0) == 0) msg = spotProblem(n.scalar);
  std::vector<std::string> names;
  for (const auto& [name, c] : m_colors) names.push_back(name);
  if (n.isScalar() && maySuggest()) {
    std::string close = closestMatch(n.scalar, names);
    if (!close.empty()) msg = "unknown colour '" + n.scalar + "'; did you mean '" + close + "'?";
  }
  error(n, msg);
  return false;
}

// One ink, one appearance: a separation plate cannot have two alternates
// (PDF/X requires the same tint transform for every use of a name).
bool LayoutReader::checkInk(const yaml::Node& n, const Color& c) {
  if (c.space != Color::Space::Spot) return true;
  auto [it, fresh] = m_inks.emplace(c.spotName, c.alt);
  if (fresh || it->second == c.alt) return true;
  error(n, "spot colour '" + c.spotName + "' is given a different CMYK alternate than before; expected one " +
               "alternate per ink name");
  return false;
}

// Why a spot(...) colour was refused, in the terms of its form.
std::string LayoutReader::spotProblem(const std::string& text) const {
  std::string inner = text.substr(4);
  size_t open = inner.find('('), comma = inner.find(',');
  std::string name;
  if (open != std::string::npos && comma != std::string::npos && comma > open) {
    name = inner.substr(open + 1, comma - open - 1);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
  }
  if (name == "All" || name == "None")
    return "spot colour name '" + name + "' is reserved (registration colour / no ink); expected another ink name";
  bool defined = false;
  std::vector<std::string> inks;
  for (const auto& [key, c] : m_colors)
    if (c.space == Color::Space::Spot) {
      inks.push_back(c.spotName);
      defined = defined || c.spotName == name;
    }
  if (!name.empty() && !defined && text.find("cmyk") == std::string::npos) {
    std::string close = closestMatch(name, inks);
    return "unknown spot colour '" + name + "' in '" + text + "'; " +
           (close.empty() ? "expected an ink defined in 'colors' as spot(" + name + ", cmyk(...))"
                          : "did you mean '" + close + "'?");
  }
  return "bad colour '" + text + "'; expected spot(Name, cmyk(c%, m%, y%, k%)) with an optional tint, or " +
         "spot(Name, 40%) for an ink defined in 'colors'";
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
