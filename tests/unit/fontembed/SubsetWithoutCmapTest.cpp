// hb-subset reads a font with its cmap hidden (fontembed/FontSubset.cpp):
// the subset program has no cmap table and exactly the glyphs asked for,
// each with its outline and advance, and the font itself still maps
// characters for shaping.
#include <gtest/gtest.h>
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <string>
#include <vector>

#include "fontembed/CffTable.h"
#include "fontembed/FontSubset.h"
#include "text/Font.h"

namespace folio {
namespace {

const char* kSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
const char* kCjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

std::vector<uint32_t> glyphsOf(const text::Font& font, std::u32string_view text) {
  std::vector<uint32_t> gids{0};
  for (char32_t c : text) {
    const uint32_t g = font.glyphFor(c);
    EXPECT_NE(g, 0u) << "U+" << std::hex << static_cast<uint32_t>(c);
    gids.push_back(g);
  }
  std::sort(gids.begin(), gids.end());
  gids.erase(std::unique(gids.begin(), gids.end()), gids.end());
  return gids;
}

struct Face {
  hb_blob_t* blob;
  hb_face_t* face;
  hb_font_t* font;
  explicit Face(const std::string& bytes)
      : blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                            nullptr, nullptr)),
        face(hb_face_create(blob, 0)),
        font(hb_font_create(face)) {}
  ~Face() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  unsigned tableLength(const char* tag) const {
    hb_blob_t* t = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
    const unsigned n = hb_blob_get_length(t);
    hb_blob_destroy(t);
    return n;
  }
};

TEST(SubsetWithoutCmap, TrueTypeProgramHasNoCmapAndTheSameGlyphs) {
  auto font = text::Font::load(kSerif, 0, 1);
  ASSERT_TRUE(font);
  const std::vector<uint32_t> gids = glyphsOf(*font, U"Ministry of Foreign Affairs, 4-line address");
  const fontembed::FontSubset sub = fontembed::subsetFont(*font, gids);
  ASSERT_TRUE(sub.ok) << sub.error;
  ASSERT_FALSE(sub.cff);
  Face out(sub.program);
  EXPECT_EQ(out.tableLength("cmap"), 0u) << "the subset still carries a cmap";
  EXPECT_EQ(out.tableLength("cmaq"), 0u) << "the hidden cmap's tag leaked into the subset";
  for (const char* needed : {"glyf", "loca", "head", "hhea", "hmtx", "maxp"})
    EXPECT_GT(out.tableLength(needed), 0u) << needed;
  // No composite glyph among them: nothing else is kept.
  EXPECT_EQ(hb_face_get_glyph_count(out.face), gids.size());
  for (uint32_t g : gids) {
    if (g == 0) continue;  // .notdef's outline is dropped (hb-subset's default, as before)
    const uint32_t n = sub.newGid.at(g);
    hb_glyph_extents_t a{}, b{};
    hb_font_get_glyph_extents(font->hbFont(), g, &a);
    hb_font_get_glyph_extents(out.font, n, &b);
    EXPECT_EQ(a.x_bearing, b.x_bearing) << "glyph " << g;
    EXPECT_EQ(a.y_bearing, b.y_bearing) << "glyph " << g;
    EXPECT_EQ(a.width, b.width) << "glyph " << g;
    EXPECT_EQ(a.height, b.height) << "glyph " << g;
    EXPECT_EQ(hb_font_get_glyph_h_advance(font->hbFont(), g), hb_font_get_glyph_h_advance(out.font, n))
        << "glyph " << g;
  }
  // The font the document shapes with keeps its cmap.
  EXPECT_NE(font->glyphFor(U'M'), 0u);
}

// A face of a collection (its own table directory), CFF outlines: the
// subset has exactly the glyphs asked for. With the cmap visible, hb-subset
// also kept every variant the cmap's variation sequences (format 14) name
// for the characters of those glyphs: unused glyphs in every CJK subset.
TEST(SubsetWithoutCmap, CollectionFaceGetsNoVariantGlyphsItDidNotAskFor) {
  for (int face : {0, 2}) {
    auto font = text::Font::load(kCjk, face, 10 + face);
    ASSERT_TRUE(font) << "face " << face;
    const std::vector<uint32_t> gids = glyphsOf(*font, U"\u845b\u8fbb\u908a\u6f22\u5b57\u9ad9\u5d0e");
    const fontembed::FontSubset sub = fontembed::subsetFont(*font, gids);
    ASSERT_TRUE(sub.ok) << sub.error;
    ASSERT_TRUE(sub.cff);
    ASSERT_TRUE(sub.cffInfo.valid);
    EXPECT_EQ(sub.cffInfo.gidToCid.size(), gids.size()) << "face " << face << ": glyphs in the subset";
    EXPECT_EQ(sub.newGid.size(), gids.size());
  }
}

}  // namespace
}  // namespace folio
