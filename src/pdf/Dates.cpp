#include "pdf/Dates.h"

#include <cctype>

namespace folio::pdf {

namespace {

std::string padded(int v, size_t width) {
  std::string s = std::to_string(v);
  return s.size() < width ? std::string(width - s.size(), '0').append(s) : s;
}

}  // namespace

std::optional<DocumentDate> parseDate(const std::string& s) {
  size_t i = s.rfind("D:", 0) == 0 ? 2 : 0;
  auto digits = [&](size_t n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(s[i + k]))) return false;
      v = v * 10 + (s[i + k] - '0');
    }
    out = v;
    i += n;
    return true;
  };
  DocumentDate d;
  static const int kMin[6] = {0, 1, 1, 0, 0, 0}, kMax[6] = {9999, 12, 31, 23, 59, 59};
  for (int f = 0; f < 6; ++f) {
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) break;
    if (!digits(f == 0 ? 4 : 2, d.v[f]) || d.v[f] < kMin[f] || d.v[f] > kMax[f]) return std::nullopt;
    d.fields = f + 1;
  }
  if (d.fields == 0 || i == s.size()) return d.fields == 0 ? std::nullopt : std::optional<DocumentDate>(d);
  char o = s[i++];
  if (o == 'Z') {
    // "Z", and the "Z00'00'" some writers add.
    std::string rest = s.substr(i);
    if (!rest.empty() && rest != "00'00'" && rest != "00'00") return std::nullopt;
    d.zone.assign(1, 'Z');
    return d;
  }
  if (o != '+' && o != '-') return std::nullopt;
  int hh = 0, mm = 0;
  if (!digits(2, hh) || hh > 23) return std::nullopt;
  if (i < s.size() && s[i] == '\'') ++i;
  if (i < s.size() && (!digits(2, mm) || mm > 59)) return std::nullopt;
  if (i < s.size() && s[i] == '\'') ++i;
  if (i != s.size()) return std::nullopt;
  d.zone = std::string(1, o).append(padded(hh, 2)).append(":").append(padded(mm, 2));
  return d;
}

std::string DocumentDate::pdf() const {
  std::string s = "D:" + padded(v[0], 4);
  for (int f = 1; f < 6; ++f) s.append(padded(v[f], 2));
  if (zone == "Z")
    s.append("Z");
  else if (!zone.empty())
    s.append(zone.substr(0, 3)).append("'").append(zone.substr(4, 2)).append("'");
  return s;
}

std::string DocumentDate::iso() const {
  std::string s = padded(v[0], 4);
  if (fields >= 2) s.append("-").append(padded(v[1], 2));
  if (fields >= 3) s.append("-").append(padded(v[2], 2));
  if (fields >= 4) {
    // XMP wants hours with minutes, and a zone only together with a time.
    s.append("T").append(padded(v[3], 2)).append(":").append(padded(v[4], 2));
    if (fields >= 6) s.append(":").append(padded(v[5], 2));
    s.append(zone);
  }
  return s;
}

}  // namespace folio::pdf
