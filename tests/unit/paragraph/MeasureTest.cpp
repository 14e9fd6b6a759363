// No glyph leaves the measure, in any script: every line's glyph boxes
// (origins and advances) lie within [0, width], and a justified line ends
// exactly at the measure, right-to-left lines at both edges too.
#include "ParagraphFixture.h"
#include "ScriptTexts.h"

namespace folio::paragraph {
namespace {

using testing::extent;
using testing::Fixture;
using testing::kScriptTexts;

// Georgian, Armenian, Azerbaijani and Korean have no hyphenation patterns
// in Debian: on a narrow measure a line that cannot be filled with spaces at
// 2.5 times their width plus 4% letter spacing is set flush to its start
// instead (Justify.cpp).
bool mayHaveLooseLines(const std::string& language, Sp width) {
  return width < pt(400) && (language == "ka" || language == "hy" || language == "az" || language == "ko");
}

TEST(Measure, NoLineLeavesTheMeasureInAnyScript) {
  for (const Sp width : {pt(453), pt(260)}) {
    for (const testing::ScriptText& s : kScriptTexts) {
      SCOPED_TRACE(std::string(s.language) + " at " + std::to_string(toPt(width)) + "pt");
      Fixture f;
      Paragraph p = f.set(s.text, f.options(width, s.language));
      EXPECT_TRUE(f.diags.all().empty()) << "warnings: " << f.diags.all().front().message;
      ASSERT_GT(p.lines.size(), 1u);
      size_t loose = 0;
      for (size_t i = 0; i < p.lines.size(); ++i) {
        SCOPED_TRACE("line " + std::to_string(i));
        const testing::Extent e = extent(p.lines[i]);
        EXPECT_GE(e.left, 0);
        EXPECT_LE(e.right, width);
        if (i + 1 == p.lines.size()) continue;
        const bool full = e.right == width && (!p.rtl || e.left == 0);
        if (!full && mayHaveLooseLines(s.language, width))
          ++loose;
        else
          EXPECT_TRUE(full) << "a justified line spans " << toPt(e.left) << "-" << toPt(e.right) << "pt";
      }
      if (loose > 0)
        std::printf("%s at %.0fpt: %zu of %zu lines loose\n", s.language, toPt(width), loose, p.lines.size());
    }
  }
}

TEST(Measure, RaggedRightToLeftLinesHangFromTheRight) {
  Fixture f;
  f.body.align = style::Align::Start;
  for (const testing::ScriptText& s : kScriptTexts) {
    const std::string lang = s.language;
    if (lang != "ar" && lang != "he") continue;
    SCOPED_TRACE(lang);
    Paragraph p = f.set(s.text, f.options(pt(300), lang));
    ASSERT_TRUE(p.rtl);
    for (const Line& line : p.lines) {
      const testing::Extent e = extent(line);
      EXPECT_EQ(e.right, pt(300));
      EXPECT_GT(e.left, 0);
    }
  }
}

}  // namespace
}  // namespace folio::paragraph
