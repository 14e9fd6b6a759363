#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "pdf/BidiHints.h"

namespace folio::pdf {
namespace {

// PDFium's reading of one line (core/fpdftext/cpdf_textpage.cpp,
// CloseTempLine, with fxcrt/fx_bidi.cpp's CFX_BidiString), modelled here on
// its own: runs of strong left, "weak left" (EN AN NSM CS ES ET BN), strong
// right (R AL) and other characters; right to left overall when there are
// right-to-left runs and at least as many as left-to-right ones, then the
// runs in reverse order; a right-to-left run, or a neutral one met while
// the direction is right to left, reversed and mirrored.
int group(char32_t c) {
  switch (u_charDirection(static_cast<UChar32>(c))) {
    case U_LEFT_TO_RIGHT:
      return 0;
    case U_EUROPEAN_NUMBER:
    case U_ARABIC_NUMBER:
    case U_DIR_NON_SPACING_MARK:
    case U_COMMON_NUMBER_SEPARATOR:
    case U_EUROPEAN_NUMBER_SEPARATOR:
    case U_EUROPEAN_NUMBER_TERMINATOR:
    case U_BOUNDARY_NEUTRAL:
      return 1;
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC:
      return 2;
    default:
      return 3;
  }
}
char32_t mirror(char32_t c) {
  const std::u32string pairs = U"()[]{}<>\u00AB\u00BB\u2039\u203A\u201C\u201D";
  const size_t k = pairs.find(c);
  return k == std::u32string::npos ? c : pairs[k ^ 1];
}
std::u32string pdfiumReads(const std::u32string& drawn) {
  std::vector<std::u32string> runs;
  std::vector<int> groups;
  for (char32_t c : drawn) {
    if (groups.empty() || groups.back() != group(c)) {
      runs.emplace_back();
      groups.push_back(group(c));
    }
    runs.back() += c;
  }
  const auto right = std::count(groups.begin(), groups.end(), 2),
             left = std::count(groups.begin(), groups.end(), 0);
  const bool rtl = right > 0 && right >= left;
  if (rtl) {
    std::reverse(runs.begin(), runs.end());
    std::reverse(groups.begin(), groups.end());
  }
  bool current = rtl;
  std::u32string out;
  for (size_t k = 0; k < runs.size(); ++k) {
    std::u32string r = runs[k];
    if (groups[k] == 2 || (groups[k] == 3 && current)) {
      current = true;
      std::reverse(r.begin(), r.end());
      for (char32_t& c : r) c = mirror(c);
    } else if (groups[k] != 1) {
      current = false;
    }
    out += r;
  }
  return out;
}

TEST(BidiHintsTest, PdfiumGetsEachLineBack) {
  for (const std::u32string& line : {
           std::u32string(U"\u05d1\u05e9\u05e2\u05d4 22:15."),  // a number and its full stop
           std::u32string(
               U"\u05d4\u05be12 (Jaffa Light Festival), \u05e9\u05d9"),  // a Latin phrase in brackets
           std::u32string(
               U"\u201e\u05e8\u05e6\u05d9\u05e0\u05d5 \u05d4\u05d9\u05dd\u201d, \u05d0\u05de\u05e8\u05d4"),
           std::u32string(U"\u0628\u064a\u0646 18:30 \u064821:00\u060c \u062a\u0646\u0637\u0644\u0642"),
           std::u32string(U"Latin only, (with) 3 numbers."),
           std::u32string(
               U"\u05ea\u05db\u05e0\u05d9\u05ea: https://www.example/he"),  // left to right to PDFium
       }) {
    EXPECT_EQ(pdfiumReads(pdfiumOrder(line)), line);
  }
  // What it needs is what is drawn where PDFium's rules and the Unicode
  // algorithm agree: a plain right-to-left line, any left-to-right one.
  EXPECT_EQ(pdfiumOrder(U"\u05d0\u05d1 \u05d2\u05d3"), U"\u05d3\u05d2 \u05d1\u05d0");
  EXPECT_EQ(pdfiumOrder(U"Latin (only) 12."), U"Latin (only) 12.");
}

frame::GlyphRun run(Sp x, const std::u32string& logical, bool rtl) {
  frame::GlyphRun r;
  r.size = 10 * 65536;
  r.origin = {x, 0};
  r.rtl = rtl;
  // one glyph per character, in drawing order, each carrying its character
  for (size_t k = 0; k < logical.size(); ++k) {
    const size_t c = rtl ? logical.size() - 1 - k : k;
    r.glyphs.push_back({1, 5 * 65536, 0, 0, static_cast<uint32_t>(r.text.size()), 1});
    r.text += logical[c];
  }
  return r;
}

TEST(BidiHintsTest, ANumbersFullStopIsReadAfterIt) {
  // "בשעה 22:15." at the end of a right-to-left line: drawn ". 22:15 בשעה"
  // from left to right; PDFium alone would read ".22:15".
  frame::Page page;
  page.items.push_back(run(30 * 5 * 65536, U"\u05d1\u05e9\u05e2\u05d4 ", true));
  page.items.push_back(run(25 * 5 * 65536, U"22:15", false));
  page.items.push_back(run(24 * 5 * 65536, U".", true));
  const auto hints = bidiHints(page, {0, 1, 2});
  ASSERT_EQ(hints.size(), 3u);
  EXPECT_FALSE(hints[0]);  // the Hebrew word is read right as drawn
  ASSERT_TRUE(hints[1] && hints[2]);
  // left to right: the full stop's run, the number's, the word's
  EXPECT_EQ(pdfiumReads(*hints[2] + *hints[1] + U" \u05d4\u05e2\u05e9\u05d1"),
            U"\u05d1\u05e9\u05e2\u05d4 22:15.");
  // Table cells a column gap apart are separate lines: no hints.
  frame::Page cells;
  cells.items.push_back(run(0, U"12", false));
  cells.items.push_back(run(100 * 65536, U"\u05d0.", true));
  EXPECT_FALSE(bidiHints(cells, {0, 1})[0]);
}

}  // namespace
}  // namespace folio::pdf
