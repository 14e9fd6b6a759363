#include <gtest/gtest.h>

#include "TextTestSupport.h"
#include "text/Itemizer.h"

namespace folio::text {
namespace {

using testing::sharedStore;
using testing::tag;
using testing::u32;

StyleRun style(uint32_t begin, uint32_t end, std::string family = "Noto Serif", std::string lang = "en",
               uint32_t index = 0) {
  StyleRun s;
  s.begin = begin;
  s.end = end;
  s.styleIndex = index;
  s.font.families = {std::move(family)};
  s.language = std::move(lang);
  return s;
}

// Items must be contiguous, non-empty and cover the text in logical order.
void expectCoverage(const Itemization& it, size_t n) {
  ASSERT_EQ(it.levels.size(), n);
  uint32_t pos = 0;
  for (const Item& item : it.items) {
    EXPECT_EQ(item.begin, pos);
    EXPECT_LT(item.begin, item.end);
    EXPECT_NE(item.font, nullptr);
    for (uint32_t i = item.begin; i < item.end; ++i) EXPECT_EQ(it.levels[i], item.level);
    pos = item.end;
  }
  EXPECT_EQ(pos, n);
}

const Item& itemAt(const Itemization& it, uint32_t offset) {
  for (const Item& item : it.items)
    if (item.begin <= offset && offset < item.end) return item;
  static Item none;
  ADD_FAILURE() << "no item at " << offset;
  return none;
}

TEST(Itemizer, MixedLatinArabicNumbers) {
  const std::u32string text = u32("Hello مرحبا 123 world");
  //                               0     6     12  16
  const Itemization it = itemize(text, {style(0, text.size())}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  EXPECT_FALSE(it.rtl);
  const std::vector<uint8_t> expected = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(it.levels, expected);
  const Item& hello = itemAt(it, 0);
  EXPECT_EQ(hello.script, tag("Latn"));
  EXPECT_EQ(hello.font->familyName(), "Noto Serif");
  EXPECT_EQ(hello.end, 6u);
  const Item& arabic = itemAt(it, 6);
  EXPECT_EQ(arabic.level, 1);
  EXPECT_EQ(arabic.script, tag("Arab"));
  EXPECT_EQ(arabic.font->familyName(), "Noto Naskh Arabic");
  const Item& digits = itemAt(it, 12);
  EXPECT_EQ(digits.level, 2);
  EXPECT_EQ(digits.begin, 12u);
  EXPECT_EQ(digits.end, 15u);
  const Item& world = itemAt(it, 16);
  EXPECT_EQ(world.script, tag("Latn"));
  EXPECT_EQ(world.font->familyName(), "Noto Serif");
  EXPECT_EQ(world.language, "en");
  EXPECT_TRUE(it.missing.empty());
}

TEST(Itemizer, RtlParagraphDetectedAndForced) {
  const std::u32string arabic = u32("مرحبا بالعالم");
  Itemization it = itemize(arabic, {style(0, arabic.size())}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, arabic.size());
  EXPECT_TRUE(it.rtl);
  // The space between Arabic words stays in the Arabic font: one item.
  ASSERT_EQ(it.items.size(), 1u);
  EXPECT_EQ(it.items[0].level, 1);

  const std::u32string latin = u32("abc");
  it = itemize(latin, {style(0, 3)}, BaseDirection::Rtl, sharedStore());
  EXPECT_TRUE(it.rtl);
  EXPECT_EQ(it.levels, (std::vector<uint8_t>{2, 2, 2}));
  it = itemize(arabic, {style(0, arabic.size())}, BaseDirection::Ltr, sharedStore());
  EXPECT_FALSE(it.rtl);
  EXPECT_EQ(it.levels[0], 1);
}

TEST(Itemizer, BracketsTakeTheScriptOfTheirOpening) {
  const std::u32string text = u32("Hello שלום (world)");
  //                               0     6    11    17
  const Itemization it = itemize(text, {style(0, text.size())}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  EXPECT_FALSE(it.rtl);
  EXPECT_EQ(itemAt(it, 6).script, tag("Hebr"));
  EXPECT_EQ(itemAt(it, 6).level, 1);
  EXPECT_EQ(itemAt(it, 6).font->familyName(), "Noto Serif Hebrew");
  EXPECT_EQ(itemAt(it, 11).script, itemAt(it, 17).script) << "'(' and ')' must share a script";
  EXPECT_EQ(itemAt(it, 12).script, tag("Latn"));
  EXPECT_EQ(it.levels[11], 0);  // brackets around LTR text in an LTR paragraph
  EXPECT_EQ(it.levels[17], 0);
}

TEST(Itemizer, ScriptRunsLatinCyrillicCjk) {
  const std::u32string text = u32("Hello Привет 中文");
  //                               0     6      13
  const Itemization it = itemize(text, {style(0, text.size())}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  ASSERT_EQ(it.items.size(), 3u);
  EXPECT_EQ(it.items[0].script, tag("Latn"));
  EXPECT_EQ(it.items[1].script, tag("Cyrl"));
  EXPECT_EQ(it.items[2].script, tag("Hani"));
  EXPECT_EQ(it.items[1].begin, 6u);
  EXPECT_EQ(it.items[2].begin, 13u);
  EXPECT_EQ(it.items[0].font, it.items[1].font);  // Noto Serif has Cyrillic
  EXPECT_EQ(it.items[2].font->familyName(), "Noto Serif CJK SC");
}

TEST(Itemizer, JapaneseUsesTheJapaneseCjkFace) {
  const std::u32string text = u32("日本語のテキスト");
  const Itemization it =
      itemize(text, {style(0, text.size(), "Noto Serif", "ja")}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  for (const Item& item : it.items) EXPECT_EQ(item.font->familyName(), "Noto Serif CJK JP");
  EXPECT_EQ(itemAt(it, 3).script, tag("Hira"));
}

TEST(Itemizer, DigitsAfterAFallbackSymbolGoBackToThePrimaryFont) {
  // Noto Serif (Debian 12) lacks U+2212: the minus comes from a fallback,
  // the figures after it from Noto Serif, like every other figure around.
  const std::u32string text = u32("−13.9 %");
  const Itemization it = itemize(text, {style(0, text.size())}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  EXPECT_EQ(itemAt(it, 0).font->familyName(), "Noto Sans Mono");
  for (uint32_t i = 1; i < text.size(); ++i) EXPECT_EQ(itemAt(it, i).font->familyName(), "Noto Serif") << i;
}

TEST(Itemizer, MissingCharacterReported) {
  const std::u32string text = U"a\U0010FFFDb";
  const Itemization it = itemize(text, {style(0, 3)}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, 3);
  ASSERT_EQ(it.missing.size(), 1u);
  EXPECT_EQ(it.missing[0].offset, 1u);
  EXPECT_EQ(it.missing[0].cp, 0x10FFFDu);
  ASSERT_FALSE(it.missing[0].fontsTried.empty());
  EXPECT_EQ(it.missing[0].fontsTried[0], "Noto Serif");
  EXPECT_EQ(itemAt(it, 1).font->familyName(), "Noto Serif");  // renders .notdef in the primary font
}

TEST(Itemizer, SupplementaryCharactersMapToUtf32Offsets) {
  // Linear B (U+10000) is outside the BMP: UTF-16 offsets differ from ours.
  const std::u32string text = U"ab \U00010000\U00010001 cd";
  const Itemization it = itemize(text, {style(0, text.size())}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  EXPECT_TRUE(it.missing.empty());
  const Item& linb = itemAt(it, 3);
  EXPECT_EQ(linb.begin, 3u);
  EXPECT_EQ(linb.end, 6u);  // the following space stays in the running (Linear B) font
  EXPECT_EQ(linb.script, tag("Linb"));
  EXPECT_TRUE(linb.font->hasCodepoint(0x10000));
  EXPECT_EQ(itemAt(it, 6).font->familyName(), "Noto Serif");
}

TEST(Itemizer, MarksAndJoinersStayWithTheirBase) {
  const std::u32string text = U"e\u0301 \u0628\u200D\u0628";
  const Itemization it = itemize(text, {style(0, text.size())}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  EXPECT_EQ(itemAt(it, 1).font, itemAt(it, 0).font);
  EXPECT_EQ(itemAt(it, 4).font, itemAt(it, 3).font);  // ZWJ in the Arabic font
  EXPECT_EQ(itemAt(it, 4).begin, itemAt(it, 3).begin);
  EXPECT_TRUE(it.missing.empty());
}

TEST(Itemizer, StyleRunsAndLanguagesSplitItems) {
  const std::u32string text = u32("one two three");
  const Itemization it = itemize(text,
                                 {style(0, 4, "Noto Serif", "en", 0), style(4, 8, "Noto Serif", "en", 1),
                                  style(8, 13, "Noto Serif", "de", 2)},
                                 BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  ASSERT_EQ(it.items.size(), 3u);
  EXPECT_EQ(it.items[1].styleIndex, 1u);
  EXPECT_EQ(it.items[2].styleIndex, 2u);
  EXPECT_EQ(it.items[2].language, "de");
  EXPECT_EQ(it.items[0].font, it.items[1].font);
}

TEST(Itemizer, BoldStyleRunUsesBoldFace) {
  const std::u32string text = u32("plain bold");
  StyleRun bold = style(6, 10, "Noto Serif", "en", 1);
  bold.font.weight = 700;
  const Itemization it = itemize(text, {style(0, 6), bold}, BaseDirection::Auto, sharedStore());
  expectCoverage(it, text.size());
  EXPECT_EQ(itemAt(it, 0).font->metrics().weight, 400);
  EXPECT_EQ(itemAt(it, 7).font->metrics().weight, 700);
}

TEST(Itemizer, EmptyTextHasNoItems) {
  const Itemization it = itemize(U"", {style(0, 0)}, BaseDirection::Auto, sharedStore());
  EXPECT_TRUE(it.items.empty());
  EXPECT_TRUE(it.levels.empty());
}

TEST(Itemizer, VisualOrderRuleL2) {
  EXPECT_EQ(visualOrder({}), (std::vector<uint32_t>{}));
  EXPECT_EQ(visualOrder({0, 0, 0}), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(visualOrder({1, 1}), (std::vector<uint32_t>{1, 0}));
  // "Hello مرحبا 123 world": LTR, RTL, number inside RTL, LTR.
  EXPECT_EQ(visualOrder({0, 1, 2, 0}), (std::vector<uint32_t>{0, 2, 1, 3}));
  EXPECT_EQ(visualOrder({0, 1, 2, 1, 0}), (std::vector<uint32_t>{0, 3, 2, 1, 4}));
  // RTL paragraph with embedded LTR runs: the LTR runs keep their order.
  EXPECT_EQ(visualOrder({1, 2, 2, 1}), (std::vector<uint32_t>{3, 1, 2, 0}));
  EXPECT_EQ(visualOrder({2, 1, 2}), (std::vector<uint32_t>{2, 1, 0}));
  EXPECT_EQ(visualOrder({1, 3, 2, 1}), (std::vector<uint32_t>{3, 1, 2, 0}));
}

TEST(Itemizer, ScriptForLanguage) {
  EXPECT_EQ(scriptForLanguage("ar"), tag("Arab"));
  EXPECT_EQ(scriptForLanguage("ru"), tag("Cyrl"));
  EXPECT_EQ(scriptForLanguage("en-US"), tag("Latn"));
  EXPECT_EQ(scriptForLanguage("he"), tag("Hebr"));
  EXPECT_EQ(scriptForLanguage("hi"), tag("Deva"));
  EXPECT_EQ(scriptForLanguage("zh"), tag("Hani"));
  EXPECT_EQ(scriptForLanguage(""), 0u);
  EXPECT_EQ(scriptForLanguage("qqq"), 0u);
}

}  // namespace
}  // namespace folio::text
