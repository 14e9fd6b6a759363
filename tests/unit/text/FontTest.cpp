#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "TextTestSupport.h"
#include "text/Font.h"

namespace folio::text {
namespace {

using testing::notoPath;

TEST(Font, NotoSerifRegularMetricsAreSane) {
  auto f = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 7);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->id(), 7u);
  EXPECT_EQ(f->unitsPerEm(), 1000);
  const FontMetrics& m = f->metrics();
  EXPECT_GT(m.ascender, 700);
  EXPECT_LT(m.descender, -150);
  EXPECT_GE(m.lineGap, 0);
  EXPECT_GT(m.capHeight, m.xHeight);
  EXPECT_GT(m.xHeight, 400);
  EXPECT_LT(m.capHeight, m.ascender + 1);
  EXPECT_LT(m.bbox[0], 0);
  EXPECT_LT(m.bbox[1], m.descender + 1);
  EXPECT_GT(m.bbox[2], 1000);
  EXPECT_GT(m.bbox[3], m.capHeight);
  EXPECT_EQ(m.weight, 400);
  EXPECT_TRUE(m.serif);
  EXPECT_FALSE(m.italic);
  EXPECT_FALSE(m.fixedPitch);
  EXPECT_FALSE(m.symbolic);
  EXPECT_DOUBLE_EQ(m.italicAngle, 0.0);
  EXPECT_LT(m.underlinePosition, 0);
  EXPECT_GT(m.underlineThickness, 0);
  EXPECT_EQ(f->familyName(), "Noto Serif");
  EXPECT_EQ(f->postscriptName(), "NotoSerif-Regular");
  EXPECT_EQ(f->faceIndex(), 0);
  EXPECT_GT(f->data().size(), 10000u);
  EXPECT_EQ(f->data().substr(0, 4), std::string_view("\x00\x01\x00\x00", 4));
}

TEST(Font, GlyphLookupAndAdvances) {
  auto f = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 0);
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->hasCodepoint(U'A'));
  EXPECT_TRUE(f->hasCodepoint(U'Ж'));
  EXPECT_FALSE(f->hasCodepoint(0x0628));  // Arabic beh: not in Noto Serif
  EXPECT_FALSE(f->hasCodepoint(0x10FFFD));
  EXPECT_EQ(f->glyphFor(0x0628), 0u);
  const uint32_t a = f->glyphFor(U'A');
  EXPECT_NE(a, 0u);
  EXPECT_GT(f->advance(a), 500);
  EXPECT_LT(f->advance(a), 900);
  EXPECT_EQ(f->advance(f->glyphFor(U' ')), 260);  // hb-shape reports 260 for the space
  EXPECT_TRUE(f->isMark(f->glyphFor(0x0301)));    // combining acute
  EXPECT_FALSE(f->isMark(a));
}

TEST(Font, BoldAndItalicFaces) {
  auto bold = Font::load(notoPath("NotoSerif-Bold.ttf"), 0, 1);
  auto italic = Font::load(notoPath("NotoSerif-Italic.ttf"), 0, 2);
  auto sans = Font::load(notoPath("NotoSans-Regular.ttf"), 0, 3);
  ASSERT_TRUE(bold && italic && sans);
  EXPECT_EQ(bold->metrics().weight, 700);
  EXPECT_FALSE(bold->metrics().italic);
  EXPECT_TRUE(italic->metrics().italic);
  EXPECT_LT(italic->metrics().italicAngle, 0.0);
  EXPECT_FALSE(sans->metrics().serif);
  EXPECT_EQ(sans->familyName(), "Noto Sans");
}

TEST(Font, FaceInCollection) {
  const std::string path = notoPath("NotoSerifCJK-Regular.ttc");
  auto f = Font::load(path, 2, 0);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->faceIndex(), 2);
  EXPECT_TRUE(f->hasCodepoint(0x4E2D));
  EXPECT_NE(f->familyName().find("Noto Serif CJK"), std::string::npos) << f->familyName();
  EXPECT_NE(f->postscriptName(), "");
  EXPECT_EQ(f->postscriptName().find(' '), std::string::npos);
}

TEST(Font, FacesOfOneCollectionShareTheFileBytes) {
  const std::string path = notoPath("NotoSansCJK-Regular.ttc");
  auto sc = Font::load(path, 2, 0);
  auto jp = Font::load(path, 0, 1);
  ASSERT_TRUE(sc && jp);
  EXPECT_NE(sc->familyName(), jp->familyName());
  EXPECT_EQ(sc->data().data(), jp->data().data());
  EXPECT_EQ(sc->data().size(), jp->data().size());
}

TEST(Font, UnreadableFilesGiveNull) {
  EXPECT_EQ(Font::load("/nonexistent/font.ttf", 0, 0), nullptr);
  const std::string junk = ::testing::TempDir() + "/folio_junk_font.ttf";
  {
    std::ofstream out(junk, std::ios::binary);
    out << "this is not a font at all";
  }
  EXPECT_EQ(Font::load(junk, 0, 0), nullptr);
  std::remove(junk.c_str());
}

TEST(Font, ConcurrentReadsAgree) {
  auto f = Font::load(notoPath("NotoSerif-Regular.ttf"), 0, 0);
  ASSERT_NE(f, nullptr);
  std::vector<int> sums(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int s = 0;
      for (int rep = 0; rep < 50; ++rep)
        for (char32_t c = U'!'; c <= U'~'; ++c)
          s += f->advance(f->glyphFor(c)) + (f->isMark(f->glyphFor(c)) ? 1 : 0);
      sums[t] = s;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_GT(sums[0], 0);
  for (int t = 1; t < 4; ++t) EXPECT_EQ(sums[t], sums[0]);
}

}  // namespace
}  // namespace folio::text
