#include <gtest/gtest.h>

#include "TextTestSupport.h"
#include "text/LineBreaks.h"

#include <unicode/uchar.h>

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

// wordBreaks gives lineBreaks' answer wherever neither neighbour is a
// space, for every script and the tricky UAX #14 classes (quotes,
// brackets, numbers with prefixes and suffixes, hyphens and dashes,
// slashes, combining marks after a space, no-break spaces, emoji, Thai
// without spaces, Korean words), each text asked twice (the second time
// from its per-thread cache), and random mixes of them.
void expectWordBreaksMatch(const std::u32string& text, const std::string& locale) {
  const std::vector<BreakKind> full = lineBreaks(text, locale);
  for (int round = 0; round < 2; ++round) {
    const std::vector<BreakKind> words = wordBreaks(text, locale);
    ASSERT_EQ(words.size(), full.size());
    EXPECT_EQ(words.back(), BreakKind::Mandatory);
    for (size_t i = 1; i < text.size(); ++i) {
      const bool inside = text[i - 1] != U' ' && text[i] != U' ';
      EXPECT_EQ(words[i], inside ? full[i] : BreakKind::None)
          << "at " << i << " of \"" << toUtf8(text) << "\" (" << locale << ")";
    }
  }
}

const std::vector<std::string>& trickyTexts() {
  static const std::vector<std::string> texts = {
      "Hello world, this is fine. (Really?) \"Quoted\" 'single' [brackets] {braces}",
      "well-known state-of-the-art and/or http://example.org/a-b?c=d&e=f#g user@example.com",
      "$100 100% -5 +3.14 1,000.00 \u00a312 12\u00a0kg 5\u202f% 10\u2013 20 pages\u2014dash \u2014 a",
      "e.g. i.e. U.S.A. 3:30 pm a/b 1/2 (1) [2] \u201cquote\u201d \u2018x\u2019 \u00abguillemets\u00bb",
      " \u0301mark after a space, a\u200bzero width, soft\u00adhyphen, non\u2011breaking hyphen",
      "\U0001F469\u200D\U0001F4BB emoji \U0001F1EB\U0001F1F7 flags \u263A\uFE0F ok",
      "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! \u0393\u03b5\u03b9\u03b1 \u03c3\u03bf\u03c5",
      "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645\u060c 2026 \u05e9\u05dc\u05d5\u05dd-\u05e2\u05d5\u05dc\u05dd",
      "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e\u0964 \u0995\u09c7\u09ae\u09a8",
      "\u4f60\u597d\uff0c\u4e16\u754c\u3002\u300c\u5f15\u7528\u300d\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3067\u3059\u3002\u3063\u30fc",
      "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\u0e0a\u0e32\u0e27\u0e42\u0e25\u0e01 \u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22",
      "\uc548\ub155\ud558\uc138\uc694 \uc81c12\ud68c 3\uc6d4 \ud55c\uad6d\uc5b4(\u97d3\u570b\u8a9e) \u1100\u1161",
      "line\u2028sep\ttab\nnewline\r\nend ( \u00a0 ) \" \u00bb a \u201e b \u201c",
  };
  return texts;
}

TEST(WordBreaks, SameAsLineBreaksInsideWords) {
  for (const std::string& t : trickyTexts())
    for (const char* locale : {"en", "de", "fr", "ru", "ar", "he", "hi", "zh", "ja", "th", "ko", "fi", ""})
      expectWordBreaksMatch(u32(t.c_str()), locale);
}

TEST(WordBreaks, SameAsLineBreaksInsideWordsOfRandomMixes) {
  // Pieces of the texts above joined by one or two spaces or none, so the
  // classes meet across spaces in every combination (seeded: the same
  // texts each run).
  std::vector<std::u32string> pieces;
  for (const std::string& t : trickyTexts()) {
    const std::u32string u = u32(t.c_str());
    for (size_t a = 0; a < u.size(); a += 3) pieces.push_back(u.substr(a, 1 + (a * 7) % 5));
  }
  uint32_t seed = 12345;
  auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 8; };
  for (int round = 0; round < 300; ++round) {
    std::u32string text;
    const int count = 2 + static_cast<int>(next() % 12);
    for (int k = 0; k < count; ++k) {
      text += pieces[next() % pieces.size()];
      const uint32_t gap = next() % 4;
      if (gap == 1) text += U' ';
      if (gap == 2) text += U"  ";
    }
    expectWordBreaksMatch(text, round % 3 == 0 ? "en" : round % 3 == 1 ? "ja" : "ko");
  }
}

TEST(WordBreaks, NoBreakInsideAsciiLettersAndDigits) {
  // wordBreaks does not ask ICU about such words.
  const std::u32string alnum = U"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (const char* locale : {"en", "de", "ja", "zh", "ko", "th", "ar", "fi", ""}) {
    std::u32string text;
    for (char32_t a : alnum)
      for (char32_t b : alnum) text += std::u32string{a, b, U' '};
    const std::vector<BreakKind> full = lineBreaks(text, locale);
    for (size_t i = 1; i < text.size(); i += 3) EXPECT_EQ(full[i], BreakKind::None) << i << " " << locale;
    expectWordBreaksMatch(text, locale);
  }
}

TEST(WordBreaks, NoHangulLineBreakClassBelowU1100) {
  // keepKoreanWords skips pairs of characters below U+1100 for this.
  for (UChar32 c = 0; c < 0x1100; ++c) {
    const int32_t lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
    EXPECT_TRUE(lb != U_LB_H2 && lb != U_LB_H3 && lb != U_LB_JL && lb != U_LB_JV && lb != U_LB_JT) << c;
  }
}

}  // namespace
}  // namespace folio::text
