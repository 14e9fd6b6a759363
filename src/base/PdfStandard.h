#pragma once
// The PDF standards Folio can write to (docs/standards.md): PDF/X-4 for a
// print shop, PDF/A-2b for an archive. Shared by the layout (`standard:`),
// the command line (--standard) and the writer.
#include <cstdint>
#include <optional>
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
