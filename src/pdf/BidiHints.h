#pragma once
// Text for extractors that rebuild the order of a line from its glyphs with
// a bidi pass of their own, given where poppler and the others would read it
// wrong.
//
// PDFium (Chrome) concatenates a line's text objects from left to right,
// each in drawing order, splits the result into runs of strong right-to-left
// letters, strong left-to-right letters, "weak" characters (digits and the
// separators . , : + - % and marks) and neutrals, and in a right-to-left line
// reverses the order of those runs and the characters of the right-to-left
// ones (core/fpdftext/cpdf_textpage.cpp, CloseTempLine). A weak run is kept
// in drawing order, so a number and the full stop after it ("22:15." at the
// end of a right-to-left line, drawn as ".22:15") come back as ".22:15".
//
// PDFium reads /ActualText on a marked-content sequence of any tag, poppler
// only on /Span with an inline dictionary, and pdf.js, MuPDF 1.21 and
// pdfminer not at all. So a hint is an /ActualText under the tag kBidiTag:
// only PDFium sees it, and every other reader keeps the glyphs' own text.
// A hint that is U+FFFD (not printable to PDFium) makes PDFium skip the
// glyphs: marks whose characters their base carries are shown that way
// instead of as their codes.
#include <optional>
#include <string>
#include <vector>

#include "frame/Frame.h"

namespace folio::pdf {

inline constexpr const char* kBidiTag = "BidiText";
inline constexpr char32_t kSkipText = U'\uFFFD';

// One entry per page item (indices of page.items); set for the glyph runs
// whose text PDFium should read as given (visual order; kSkipText alone:
// nothing). `order` is the paint order (paintOrder(page)).
// What PDFium must read, left to right, to return the line `logical`.
std::u32string pdfiumOrder(const std::u32string& logical);

std::vector<std::optional<std::u32string>> bidiHints(const frame::Page& page,
                                                     const std::vector<size_t>& order);

}  // namespace folio::pdf
