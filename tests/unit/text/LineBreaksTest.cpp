#include <gtest/gtest.h>

#include "TextTestSupport.h"
#include "text/LineBreaks.h"

namespace folio::text {
namespace {

using testing::u32;

std::vector<size_t> allowedAt(const std::vector<BreakKind>& b) {
  std::vector<size_t> out;
  for (size_t i = 0; i < b.size(); ++i)
    if (b[i] != BreakKind::None) out.push_back(i);
  return out;
}

TEST(LineBreaks, EnglishBreaksAfterSpacesOnly) {
  const std::u32string text = u32("Hello world, this is fine.");
  const std::vector<BreakKind> b = lineBreaks(text, "en");
  ASSERT_EQ(b.size(), text.size() + 1);
  EXPECT_EQ(b[0], BreakKind::None);
  EXPECT_EQ(b[text.size()], BreakKind::Mandatory);
  EXPECT_EQ(allowedAt(b), (std::vector<size_t>{6, 13, 18, 21, 26}));
  EXPECT_EQ(b[6], BreakKind::Allowed);
}

TEST(LineBreaks, HardBreaksAreMandatory) {
  const std::u32string text = U"one\ntwo\u2028three";
  const std::vector<BreakKind> b = lineBreaks(text, "en");
  EXPECT_EQ(b[4], BreakKind::Mandatory);
  EXPECT_EQ(b[8], BreakKind::Mandatory);
  EXPECT_EQ(b[1], BreakKind::None);
}

TEST(LineBreaks, HyphensAndSlashes) {
  const std::u32string text = u32("well-known");
  const std::vector<BreakKind> b = lineBreaks(text, "en");
  EXPECT_EQ(b[5], BreakKind::Allowed);  // after the hyphen
  EXPECT_EQ(b[4], BreakKind::None);
}

TEST(LineBreaks, ThaiGetsDictionaryBreaks) {
  // "ภาษาไทยง่ายนิดเดียว" has no spaces; ICU's dictionary finds the words.
  const std::u32string text = u32("ภาษาไทยง่ายนิดเดียว");
  const std::vector<BreakKind> b = lineBreaks(text, "th");
  std::vector<size_t> interior;
  for (size_t i = 1; i < text.size(); ++i)
    if (b[i] != BreakKind::None) interior.push_back(i);
  EXPECT_GE(interior.size(), 2u);
  EXPECT_EQ(b[4], BreakKind::Allowed) << "between ภาษา and ไทย";
  // Never before a combining vowel or tone mark.
  const std::vector<bool> starts = graphemeStarts(text);
  for (size_t i : interior) EXPECT_TRUE(starts[i]) << i;
}

TEST(LineBreaks, JapaneseKinsoku) {
  const std::u32string text = u32("今日は「晴れ」です。きょうは良い天気");
  // 今0 日1 は2 「3 晴4 れ5 」6 で7 す8 。9 き10 ょ11 う12
  const std::vector<BreakKind> b = lineBreaks(text, "ja");
  EXPECT_EQ(b[1], BreakKind::Allowed) << "between ideographs";
  EXPECT_EQ(b[4], BreakKind::None) << "not after 「";
  EXPECT_EQ(b[6], BreakKind::None) << "not before 」";
  EXPECT_EQ(b[9], BreakKind::None) << "not before 。";
  EXPECT_EQ(b[10], BreakKind::Allowed) << "after 。";
  EXPECT_EQ(b[11], BreakKind::None) << "not before small kana ょ";
  EXPECT_EQ(b[12], BreakKind::Allowed);
  // The tag can ask for CSS line-break:normal, which allows it.
  EXPECT_EQ(lineBreaks(text, "ja-u-lb-normal")[11], BreakKind::Allowed);
}

TEST(LineBreaks, NeverInsideGraphemes) {
  const std::u32string text = U"a \U0001F469\u200D\U0001F4BB b e\u0301";
  const std::vector<BreakKind> b = lineBreaks(text, "en");
  EXPECT_EQ(b[3], BreakKind::None);
  EXPECT_EQ(b[4], BreakKind::None);
  EXPECT_EQ(b[2], BreakKind::Allowed);
  EXPECT_EQ(b[8], BreakKind::Allowed);
  EXPECT_EQ(b[9], BreakKind::None);  // before the combining acute
}

TEST(LineBreaks, SupplementaryCharactersKeepUtf32Offsets) {
  const std::u32string text = U"\U00010000\U00010001 \U0001D400x y";
  const std::vector<BreakKind> b = lineBreaks(text, "");
  EXPECT_EQ(allowedAt(b), (std::vector<size_t>{3, 6, 7}));
}

TEST(LineBreaks, EmptyText) {
  EXPECT_EQ(lineBreaks(U"", "en"), (std::vector<BreakKind>{BreakKind::None}));
  EXPECT_TRUE(graphemeStarts(U"").empty());
}

TEST(LineBreaks, GraphemeStarts) {
  EXPECT_EQ(graphemeStarts(U"e\u0301x"), (std::vector<bool>{true, false, true}));
  EXPECT_EQ(graphemeStarts(U"\U0001F469\u200D\U0001F4BBa"), (std::vector<bool>{true, false, false, true}));
  EXPECT_EQ(graphemeStarts(U"\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA"),
            (std::vector<bool>{true, false, true, false}));
  EXPECT_EQ(graphemeStarts(U"\r\n"), (std::vector<bool>{true, false}));
  const std::u32string thai = u32("ที่");
  EXPECT_EQ(graphemeStarts(thai), (std::vector<bool>{true, false, false}));
}

}  // namespace
}  // namespace folio::text
