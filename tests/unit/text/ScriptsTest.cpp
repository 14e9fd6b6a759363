// The text module's handling of each script Folio's users write: shaping
// that matches hb-shape for the same font and text, Korean word breaking,
// script extensions in itemization, per-script font choices, the direction
// of text without strong characters, canonical decomposition.
#include <gtest/gtest.h>

#include "TextTestSupport.h"
#include "text/Itemizer.h"
#include "text/LineBreaks.h"
#include "text/Shaper.h"
#include "text/Unicode.h"

namespace folio::text {
namespace {

using testing::notoPath;
using testing::sharedStore;
using testing::tag;
using testing::u32;

// Every glyph of Folio's shaping equals hb-shape's for the same file, text,
// script, language and direction (sizes in font units).
void expectLikeHbShape(const std::string& file, int faceIndex, const char* utf8, uint32_t script,
                       const char* lang, bool rtl) {
  testing::expectShapesLikeHbShape(file, faceIndex, u32(utf8), script, lang, rtl);
}

TEST(Scripts, EveryScriptShapesLikeHbShape) {
  expectLikeHbShape(notoPath("NotoSerif-Regular.ttf"), 0, "Şəhər ğ ı ə — ёлка, Ещё", tag("Latn"), "az",
                    false);
  expectLikeHbShape(notoPath("NotoSerifArmenian-Regular.ttf"), 0, "Բարի գալուստ Գյումրի։", tag("Armn"), "hy",
                    false);
  expectLikeHbShape(notoPath("NotoSerifGeorgian-Regular.ttf"), 0, "კეთილი იყოს თქვენი მობრძანება",
                    tag("Geor"), "ka", false);
  expectLikeHbShape(notoPath("NotoNaskhArabic-Bold.ttf"), 0, "للتواصل الإعلامي فنانًا", tag("Arab"), "ar",
                    true);
  expectLikeHbShape(notoPath("NotoSerifHebrew-Regular.ttf"), 0, "שָׁלוֹם ה־12 בנמל", tag("Hebr"), "he", true);
  expectLikeHbShape(notoPath("NotoSerifDevanagari-Regular.ttf"), 0, "पुनर्स्थापित श्रीमती निःशुल्क कृतियाँ",
                    tag("Deva"), "hi", false);
  expectLikeHbShape(notoPath("NotoSerifBengali-Regular.ttf"), 0, "পুরোনো চৌত্রিশ বিজ্ঞপ্তি স্বাস্থ্য", tag("Beng"),
                    "bn", false);
  expectLikeHbShape(notoPath("NotoSerifThai-Regular.ttf"), 0, "ที่นี่ น้ำ ผู้ใหญ่ ค่อย ๆ", tag("Thai"), "th", false);
  // Noto Serif CJK: faces 0-4 of the collection are JP, KR, SC, TC, HK.
  const std::string cjk = notoPath("NotoSerifCJK-Regular.ttc");
  expectLikeHbShape(cjk, 2, "港口信托今天宣布了“港湾灯光节”。", tag("Hani"), "zh-Hans", false);
  expectLikeHbShape(cjk, 0, "港湾トラストは本日、「ハーバー」を発表しました。", tag("Hira"), "ja", false);
  expectLikeHbShape(cjk, 1, "항만문화재단은 오늘 발표했다.", tag("Hang"), "ko", false);
}

std::vector<size_t> breaksIn(const std::u32string& text, const char* locale) {
  std::vector<size_t> out;
  const std::vector<BreakKind> b = lineBreaks(text, locale);
  for (size_t i = 1; i < text.size(); ++i)
    if (b[i] != BreakKind::None) out.push_back(i);
  return out;
}

TEST(Scripts, KoreanBreaksBetweenWordsOnly) {
  // "축제는 3월 20일부터 열립니다.": breaks only after the spaces (keep-all).
  const std::u32string text = u32("축제는 3월 20일부터 열립니다.");
  EXPECT_EQ(breaksIn(text, "ko"), (std::vector<size_t>{4, 7, 13}));
  // Hangul stays together in any paragraph; digits and Latin next to it
  // only in a Korean one.
  EXPECT_EQ(breaksIn(u32("한국어 단어"), "en"), (std::vector<size_t>{4}));
}

TEST(Scripts, CommonCharacterTakesItsScriptExtension) {
  // The Arabic comma after a Latin word is Arabic (Script_Extensions), so
  // it comes from the Arabic font, not from a last-resort one.
  const std::u32string text = u32("مهرجان (Festival)، الذي");
  StyleRun run;
  run.end = static_cast<uint32_t>(text.size());
  run.font.families = {"Noto Serif"};
  run.language = "ar";
  Itemization it = itemize(text, {run}, BaseDirection::Auto, sharedStore(), "ar");
  const size_t comma = text.find(U'،');
  for (const Item& item : it.items)
    if (item.begin <= comma && comma < item.end) {
      EXPECT_EQ(item.script, tag("Arab"));
      ASSERT_NE(item.font, nullptr);
      EXPECT_EQ(item.font->familyName(), "Noto Naskh Arabic");
    }
  EXPECT_TRUE(it.missing.empty());
}

TEST(Scripts, ScriptFontsOverrideTheStyleFamilies) {
  // script-fonts: {Cyrl: [Noto Sans]} sets Cyrillic in Noto Sans although
  // Noto Serif covers it; Latin stays in Noto Serif.
  const std::u32string text = u32("Harbour Гавань");
  StyleRun run;
  run.end = static_cast<uint32_t>(text.size());
  run.font.families = {"Noto Serif"};
  run.font.scriptFamilies["Cyrl"] = {"Noto Sans"};
  run.language = "en";
  Itemization it = itemize(text, {run}, BaseDirection::Auto, sharedStore(), "en");
  ASSERT_GE(it.items.size(), 2u);
  EXPECT_EQ(it.items.front().font->familyName(), "Noto Serif");
  EXPECT_EQ(it.items.back().font->familyName(), "Noto Sans");
  EXPECT_EQ(sharedStore().chainFor(tag("Cyrl"), run.font).front(), "Noto Sans");
}

TEST(Scripts, TextWithoutStrongCharactersTakesTheLanguageDirection) {
  const std::u32string text = u32("2026");
  StyleRun run;
  run.end = 4;
  run.font.families = {"Noto Serif"};
  EXPECT_TRUE(itemize(text, {run}, BaseDirection::Auto, sharedStore(), "ar").rtl);
  EXPECT_TRUE(itemize(text, {run}, BaseDirection::Auto, sharedStore(), "he-IL").rtl);
  EXPECT_FALSE(itemize(text, {run}, BaseDirection::Auto, sharedStore(), "en").rtl);
  // A strong character still decides (UAX #9 P2).
  EXPECT_FALSE(itemize(u32("Folio 2026"), {StyleRun{0, 10, 0, run.font, "ar"}}, BaseDirection::Auto,
                       sharedStore(), "ar")
                   .rtl);
  EXPECT_TRUE(isRtlLanguage("fa"));
  EXPECT_FALSE(isRtlLanguage("ru"));
}

TEST(Scripts, CanonicalDecompositionOfSplitVowels) {
  EXPECT_EQ(canonicalDecomposition(u32("কো")), u32("ক\u09C7\u09BE"));
  EXPECT_EQ(canonicalDecomposition(u32("কৌ")), u32("ক\u09C7\u09D7"));
  EXPECT_EQ(canonicalDecomposition(u32("abc")), u32("abc"));
}

}  // namespace
}  // namespace folio::text
