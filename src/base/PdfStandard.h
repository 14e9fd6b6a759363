#pragma once
// The PDF standards Folio can write to (docs/standards.md): PDF/X-4 for a
// print shop, PDF/A-2b for an archive, and PDF/UA-1 (docs/accessibility.md),
// which combines with either. Shared by the layout (`standard:`), the
// command line (--standard) and the writer.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace folio {

enum class PdfStandard : uint8_t { None, PdfX4, PdfA2b };

// "pdf/x-4", "pdf/a-2b", "none" (case-insensitive); nullopt for anything else.
inline std::optional<PdfStandard> parsePdfStandard(std::string_view s) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  auto is = [&](std::string_view word) {
    if (s.size() != word.size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
      if (lower(s[i]) != word[i]) return false;
    return true;
  };
  if (is("none")) return PdfStandard::None;
  if (is("pdf/x-4")) return PdfStandard::PdfX4;
  if (is("pdf/a-2b")) return PdfStandard::PdfA2b;
  return std::nullopt;
}

// The standards one file meets: at most one of PDF/X-4 and PDF/A-2b (their
// output intents differ), plus PDF/UA-1, which is about structure and
// combines with either.
struct PdfStandards {
  PdfStandard base = PdfStandard::None;
  bool ua1 = false;
};

// A list of standards separated by ',' or '+' ("pdf/a-2b,pdf/ua-1"), or
// "none". nullopt for an unknown name (its text in `bad`) or for two base
// standards (`bad` is then the whole value).
inline std::optional<PdfStandards> parsePdfStandards(std::string_view s, std::string* bad = nullptr) {
  PdfStandards out;
  bool haveBase = false;
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  const std::string_view all = s;
  while (true) {
    size_t sep = s.find_first_of(",+");
    std::string_view word = trim(s.substr(0, sep));
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    std::string w;
    for (char c : word) w += lower(c);
    if (w == "pdf/ua-1") {
      out.ua1 = true;
    } else if (std::optional<PdfStandard> b = parsePdfStandard(word)) {
      if (*b != PdfStandard::None && haveBase && out.base != *b) {
        if (bad) *bad = std::string(all);
        return std::nullopt;
      }
      if (*b != PdfStandard::None) out.base = *b, haveBase = true;
    } else {
      if (bad) *bad = std::string(word);
      return std::nullopt;
    }
    if (sep == std::string_view::npos) break;
    s.remove_prefix(sep + 1);
  }
  return out;
}

inline const char* pdfStandardName(PdfStandard s) {
  switch (s) {
    case PdfStandard::PdfX4:
      return "pdf/x-4";
    case PdfStandard::PdfA2b:
      return "pdf/a-2b";
    case PdfStandard::None:
      break;
  }
  return "none";
}

}  // namespace folio
