#include <gtest/gtest.h>

#include <thread>

#include "TextTestSupport.h"
#include "text/Shaper.h"

namespace folio::text {
namespace {

using testing::notoPath;
using testing::tag;
using testing::u32;

ShapeRequest request(const Font* font, Sp size, uint32_t script, std::string_view lang, bool rtl = false) {
  ShapeRequest r;
  r.font = font;
  r.size = size;
  r.script = script;
  r.language = lang;
  r.rtl = rtl;
  return r;
}

// Face 0 of `file`, compared glyph by glyph with hb-shape (TextTestSupport.h).
void expectSameAsHbShape(const std::string& file, const std::u32string& text, uint32_t script,
                         const char* lang, bool rtl) {
  testing::expectShapesLikeHbShape(file, 0, text, script, lang, rtl);
}

TEST(Shaper, LatinWithKerningMatchesHbShape) {
  const std::string file = notoPath("NotoSerif-Regular.ttf");
  expectSameAsHbShape(file, u32("AVATAR"), tag("Latn"), "en", false);
  // And kerning really happened: some advance differs from the nominal one.
  auto font = Font::load(file, 0, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  std::vector<Glyph> g;
  shaper.shape(u32("AVATAR"), 0, 6, request(font.get(), 1000, tag("Latn"), "en"), g);
  int kerned = 0;
  for (const Glyph& x : g) kerned += x.advance != font->advance(x.gid);
  EXPECT_GT(kerned, 0);
}

TEST(Shaper, ArabicMatchesHbShape) {
  expectSameAsHbShape(notoPath("NotoNaskhArabic-Regular.ttf"), u32("مرحبا"), tag("Arab"), "ar", true);
}

TEST(Shaper, DevanagariMatchesHbShape) {
  expectSameAsHbShape(notoPath("NotoSerifDevanagari-Regular.ttf"), u32("क्षत्रिय"), tag("Deva"), "hi", false);
}

TEST(Shaper, ThaiMatchesHbShape) {
  expectSameAsHbShape(notoPath("NotoSerifThai-Regular.ttf"), u32("สวัสดีครับ ภาษาไทย"), tag("Thai"), "th",
                      false);
}

TEST(Shaper, LigatureAndMonotoneClusters) {
  auto font = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  const std::u32string text = u32("office");
  std::vector<Glyph> g;
  shaper.shape(text, 0, 6, request(font.get(), pt(10), tag("Latn"), "en"), g);
  EXPECT_LT(g.size(), text.size()) << "expected the ffi ligature";
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g.front().cluster, 0u);
  for (size_t i = 1; i < g.size(); ++i) EXPECT_GE(g[i].cluster, g[i - 1].cluster);
  // With "-liga" every letter keeps its glyph.
  std::vector<Glyph> noLiga;
  ShapeRequest r = request(font.get(), pt(10), tag("Latn"), "en");
  r.features = "-liga, +kern";
  shaper.shape(text, 0, 6, r, noLiga);
  EXPECT_EQ(noLiga.size(), text.size());
}

TEST(Shaper, RtlClustersDecreaseInVisualOrder) {
  auto font = Font::load(notoPath("NotoNaskhArabic-Regular.ttf"), 0, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  const std::u32string text = u32("مرحبا");
  std::vector<Glyph> g;
  shaper.shape(text, 0, 5, request(font.get(), pt(12), tag("Arab"), "ar", true), g);
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g.back().cluster, 0u);
  for (size_t i = 1; i < g.size(); ++i) EXPECT_LE(g[i].cluster, g[i - 1].cluster);
}

TEST(Shaper, ScalesToSpWithRounding) {
  auto font = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  const std::u32string text = u32("x");
  for (Sp size : {pt(12), pt(9.5), pt(2000)}) {
    std::vector<Glyph> g;
    shaper.shape(text, 0, 1, request(font.get(), size, tag("Latn"), "en"), g);
    ASSERT_EQ(g.size(), 1u);
    const int64_t adv = font->advance(g[0].gid);
    const int64_t expected = (adv * size + 500) / 1000;  // 2000 pt: adv * size overflows 32 bits
    EXPECT_EQ(g[0].advance, expected) << "size " << size;
  }
}

TEST(Shaper, CachesRepeatedWordsWithIdenticalOutput) {
  auto font = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  const std::u32string text = u32("word, word");
  const ShapeRequest r = request(font.get(), pt(11), tag("Latn"), "en");
  std::vector<Glyph> first, second;
  shaper.shape(text, 0, 4, r, first);
  shaper.shape(text, 6, 10, r, second);
  EXPECT_EQ(shaper.cacheMisses(), 1u);
  EXPECT_EQ(shaper.cacheHits(), 1u);
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].gid, second[i].gid);
    EXPECT_EQ(first[i].advance, second[i].advance);
    EXPECT_EQ(first[i].cluster + 6, second[i].cluster);
  }
  // A fresh shaper (no cache) gives the same glyphs for the second range.
  Shaper fresh;
  std::vector<Glyph> uncached;
  fresh.shape(text, 6, 10, r, uncached);
  ASSERT_EQ(uncached.size(), second.size());
  for (size_t i = 0; i < second.size(); ++i) {
    EXPECT_EQ(uncached[i].gid, second[i].gid);
    EXPECT_EQ(uncached[i].cluster, second[i].cluster);
    EXPECT_EQ(uncached[i].advance, second[i].advance);
  }
  // A different size is a different cache entry.
  std::vector<Glyph> bigger;
  shaper.shape(text, 6, 10, request(font.get(), pt(22), tag("Latn"), "en"), bigger);
  EXPECT_EQ(shaper.cacheMisses(), 2u);
  ASSERT_EQ(bigger.size(), first.size());
  EXPECT_GT(bigger[0].advance, first[0].advance);
}

TEST(Shaper, ArabicJoinsAcrossItemBoundary) {
  auto font = Font::load(notoPath("NotoNaskhArabic-Regular.ttf"), 0, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  const ShapeRequest r = request(font.get(), pt(12), tag("Arab"), "ar", true);
  // The isolated form, shaped alone (and possibly cached).
  std::vector<Glyph> isolated;
  shaper.shape(u32("ب"), 0, 1, r, isolated);
  ASSERT_EQ(isolated.size(), 1u);
  // The whole word: beh in initial then final form.
  const std::u32string text = u32("بب");
  std::vector<Glyph> whole;
  shaper.shape(text, 0, 2, r, whole);
  ASSERT_EQ(whole.size(), 2u);
  // Two items with the paragraph as context must give the joined forms.
  std::vector<Glyph> first, second;
  shaper.shape(text, 0, 1, r, first);
  shaper.shape(text, 1, 2, r, second);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_NE(first[0].gid, isolated[0].gid) << "first beh must be initial, not isolated";
  EXPECT_NE(second[0].gid, isolated[0].gid) << "second beh must be final, not isolated";
  EXPECT_EQ(first[0].gid, whole[1].gid);  // visual order: cluster 0 is on the right
  EXPECT_EQ(second[0].gid, whole[0].gid);
  EXPECT_EQ(second[0].cluster, 1u);
}

TEST(Shaper, UnknownScriptAndLanguageAreGuessedDeterministically) {
  auto font = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  const std::u32string text = u32("office");
  std::vector<Glyph> guessed, explicitLatin;
  shaper.shape(text, 0, 6, request(font.get(), pt(10), 0, ""), guessed);
  shaper.shape(text, 0, 6, request(font.get(), pt(10), tag("Latn"), ""), explicitLatin);
  ASSERT_EQ(guessed.size(), explicitLatin.size());
  for (size_t i = 0; i < guessed.size(); ++i) EXPECT_EQ(guessed[i].gid, explicitLatin[i].gid);
}

TEST(Shaper, EmptyOrInvalidRangesAppendNothing) {
  auto font = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  std::vector<Glyph> g;
  const std::u32string text = u32("abc");
  shaper.shape(text, 1, 1, request(font.get(), pt(10), tag("Latn"), "en"), g);
  shaper.shape(text, 2, 9, request(font.get(), pt(10), tag("Latn"), "en"), g);
  shaper.shape(text, 0, 3, request(nullptr, pt(10), tag("Latn"), "en"), g);
  EXPECT_TRUE(g.empty());
}

TEST(Shaper, ShapersInThreadsShareAFont) {
  auto font = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 0);
  ASSERT_NE(font, nullptr);
  const std::u32string text = u32("Typesetting in parallel: office AVATAR Waffle");
  std::vector<std::vector<Glyph>> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Shaper shaper;
      for (int rep = 0; rep < 20; ++rep) {
        results[t].clear();
        shaper.shape(text, 0, static_cast<uint32_t>(text.size()),
                     request(font.get(), pt(10), tag("Latn"), "en"), results[t]);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; ++t) {
    ASSERT_EQ(results[t].size(), results[0].size());
    for (size_t i = 0; i < results[0].size(); ++i) {
      EXPECT_EQ(results[t][i].gid, results[0][i].gid);
      EXPECT_EQ(results[t][i].advance, results[0][i].advance);
    }
  }
}

}  // namespace
}  // namespace folio::text
