// Line breaking by the paragraph's language: Thai between words, CJK with
// its line-start and line-end prohibitions and justified flush, Korean at
// spaces; never inside a cluster.
#include "ParagraphFixture.h"
#include "ScriptTexts.h"
#include "text/Unicode.h"

namespace folio::paragraph {
namespace {

using testing::extent;
using testing::Fixture;
using testing::kScriptTexts;
using testing::visualText;

const char* textOf(const char* language) {
  for (const testing::ScriptText& s : kScriptTexts)
    if (std::string(s.language) == language) return s.text;
  return "";
}

std::vector<std::u32string> lineTexts(const Paragraph& p) {
  std::vector<std::u32string> out;
  for (const Line& l : p.lines) out.push_back(visualText(l));
  return out;
}

TEST(LineBreaking, ThaiBreaksBetweenWords) {
  Fixture f;
  Paragraph p = f.set(textOf("th"), f.options(pt(220), "th"));
  std::vector<std::u32string> lines = lineTexts(p);
  ASSERT_GT(lines.size(), 3u);
  // Words of the text that a break must never cut (compounds such as
  // กลาง|แจ้ง or เส้น|ทาง may break between their parts, as in Thai print).
  const char* words[] = {"มูลนิธิ",   "ประกาศ", "เทศกาล",  "ตลอด",     "ระหว่าง", "มีนาคม", "เจ้าพระยา", "ศิลปิน",
                         "ประเทศ", "เกือบ",   "กิโลเมตร", "ประภาคาร", "เขื่อน",   "บูรณะ",  "กิโลเมตร"};
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    for (const char* w : words) {
      const std::u32string word = testing::u32(w);
      for (size_t k = 1; k < word.size(); ++k) {
        const bool cut = lines[i].size() >= k && lines[i].compare(lines[i].size() - k, k, word, 0, k) == 0 &&
                         lines[i + 1].compare(0, word.size() - k, word, k) == 0;
        EXPECT_FALSE(cut) << "line " << i << " cuts " << w;
      }
    }
    // Justified: the line reaches the measure.
    EXPECT_EQ(extent(p.lines[i]).right, pt(220));
  }
}

TEST(LineBreaking, CjkKeepsPunctuationOffLineStartsAndJustifiesFlush) {
  for (const char* lang : {"zh", "ja"}) {
    SCOPED_TRACE(lang);
    Fixture f;
    for (const Sp width : {pt(200), pt(263), pt(301)}) {
      Paragraph p = f.set(textOf(lang), f.options(width, lang));
      std::vector<std::u32string> lines = lineTexts(p);
      ASSERT_GT(lines.size(), 3u);
      const std::u32string noStart =
          testing::u32("。、，．：；！？」』）》〉”’・ーッッャュョァィゥェォっゃゅょぁぃぅぇぉ");
      const std::u32string noEnd = testing::u32("「『（《〈“‘");
      for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) { EXPECT_EQ(noStart.find(lines[i].front()), std::u32string::npos) << toUtf8(lines[i]); }
        if (i + 1 < lines.size()) {
          EXPECT_EQ(noEnd.find(lines[i].back()), std::u32string::npos) << toUtf8(lines[i]);
          EXPECT_EQ(extent(p.lines[i]).right, width) << toUtf8(lines[i]);
        }
      }
    }
  }
}

TEST(LineBreaking, KoreanBreaksAtSpacesOnly) {
  Fixture f;
  const std::u32string source = testing::u32(textOf("ko"));
  Paragraph p = f.set(textOf("ko"), f.options(pt(200), "ko"));
  size_t pos = 0;
  for (const std::u32string& line : lineTexts(p)) {
    ASSERT_EQ(source.compare(pos, line.size(), line), 0) << toUtf8(line);
    pos += line.size();
    if (pos < source.size()) {
      EXPECT_EQ(source[pos], U' ') << "a line ends inside a word: " << toUtf8(line);
      ++pos;
    }
  }
}

TEST(LineBreaking, IndicLinesEndBetweenClusters) {
  for (const char* lang : {"hi", "bn"}) {
    SCOPED_TRACE(lang);
    Fixture f;
    // Bengali split vowels are carried decomposed: compare decompositions.
    const std::u32string source = text::canonicalDecomposition(testing::u32(textOf(lang)));
    Paragraph p = f.set(textOf(lang), f.options(pt(180), lang));
    size_t pos = 0;
    for (const std::u32string& carried : lineTexts(p)) {
      // Each line continues the source and ends at a space (Hindi and
      // Bengali break between words).
      const std::u32string line = text::canonicalDecomposition(carried);
      EXPECT_EQ(source.compare(pos, line.size(), line), 0) << toUtf8(line);
      pos += line.size();
      if (pos < source.size()) { EXPECT_EQ(source[pos], U' ') << toUtf8(line); }
      ++pos;
    }
  }
}

}  // namespace
}  // namespace folio::paragraph
