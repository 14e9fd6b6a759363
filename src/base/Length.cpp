#include "base/Length.h"

#include <charconv>
#include <string>

namespace folio {

bool parseLength(std::string_view s, ParsedLength& out) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  s = trim(s);
  double value = 0;
  // from_chars is locale-independent, unlike strtod.
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end == s.data()) return false;
  std::string_view unit = trim(std::string_view(end, s.data() + s.size() - end));
  out.em = false;
  if (unit.empty() || unit == "pt") out.value = value;
  else if (unit == "mm") out.value = value * 72.0 / 25.4;
  else if (unit == "cm") out.value = value * 72.0 / 2.54;
  else if (unit == "in") out.value = value * 72.0;
  else if (unit == "pc") out.value = value * 12.0;
  else if (unit == "em") { out.value = value; out.em = true; }
  else return false;
  return true;
}

}  // namespace folio
