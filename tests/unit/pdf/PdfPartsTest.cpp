// The hand-written pieces of the writer, each on its own.
#include <gtest/gtest.h>
#include <hb.h>

#include <fstream>
#include <sstream>

#include "PdfTestSupport.h"
#include "fontembed/CMaps.h"
#include "fontembed/CffTable.h"
#include "fontembed/GlyphOutline.h"
#include "pdf/Dates.h"
#include "pdf/Md5.h"
#include "pdf/RunText.h"
#include "pdf/Syntax.h"

namespace folio::pdf {
namespace {

using fontembed::CffInfo;
using fontembed::codeToCidCMap;
using fontembed::readCff;
using fontembed::toUnicodeCMap;

TEST(SyntaxTest, Numbers) {
  EXPECT_EQ(formatNumber(12), "12");
  EXPECT_EQ(formatNumber(-0.5), "-0.5");
  EXPECT_EQ(formatNumber(595.27559055), "595.2756");
  EXPECT_EQ(formatNumber(0.00001), "0");   // never exponent notation
  EXPECT_EQ(formatNumber(-0.00001), "0");  // never "-0"
  EXPECT_EQ(formatNumber(1.0 / 3, 3), "0.333");
  EXPECT_EQ(formatPt(pt(72)), "72");
  EXPECT_EQ(formatPt(1), "0");  // 1 sp
  EXPECT_EQ(formatPt(pt(10.25)), "10.25");
}

TEST(SyntaxTest, Utf16) {
  EXPECT_EQ(utf16beHex(U"A\u00E9"), "004100E9");
  EXPECT_EQ(utf16beHex(U"\U0001F600"), "D83DDE00");
  EXPECT_EQ(utf16beWithBom("A"), std::string("\xFE\xFF\x00\x41", 4));
  EXPECT_EQ(hex4(0xBEEF), "BEEF");
  EXPECT_TRUE(isPlainAscii("Hello (world)"));
  EXPECT_FALSE(isPlainAscii("\xC3\xBC"));
  EXPECT_EQ(xmlEscape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
}

std::string hex(const std::array<uint8_t, 16>& d) {
  static const char k[] = "0123456789abcdef";
  std::string s;
  for (uint8_t b : d) s.append(1, k[b >> 4]).append(1, k[b & 15]);
  return s;
}

TEST(Md5Test, Rfc1321Vectors) {
  EXPECT_EQ(hex(md5("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(hex(md5("abc")), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(hex(md5("message digest")), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(hex(md5("12345678901234567890123456789012345678901234567890123456789012345678901234567890")),
            "57edf4a22be3c955ac49da2e2107b67a");
  // 55 and 56 bytes: the padding boundary.
  EXPECT_EQ(hex(md5(std::string(55, 'a'))), "ef1772b6dff9a122358552954ad0df65");
  EXPECT_EQ(hex(md5(std::string(56, 'a'))), "3b0c8ac703f828b04c6c197006d17218");
  // Many blocks (the unrolled steps of every round over varied words).
  EXPECT_EQ(hex(md5(std::string(1000000, 'a'))), "7707d6ae4e027c70eea2a935c2296f21");
}

TEST(Md5Test, PiecesGiveTheDigestOfTheWhole) {
  // The object writer digests the file as it goes: any cut must give the same /ID.
  std::string data;
  for (int i = 0; i < 300; ++i) data += static_cast<char>('a' + i * 7 % 26);
  for (size_t cut : {0u, 1u, 55u, 63u, 64u, 65u, 128u, 200u, 300u}) {
    Md5 m;
    m.update(std::string_view(data).substr(0, cut));
    for (size_t at = cut; at < data.size(); at += 13) m.update(std::string_view(data).substr(at, 13));
    EXPECT_EQ(hex(m.digest()), hex(md5(data))) << "cut at " << cut;
  }
}

TEST(DatesTest, ParsesAndWritesBothForms) {
  auto d = parseDate("D:20240131120005Z");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pdf(), "D:20240131120005Z");
  EXPECT_EQ(d->iso(), "2024-01-31T12:00:05Z");

  d = parseDate("D:20240131120005+05'30'");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pdf(), "D:20240131120005+05'30'");
  EXPECT_EQ(d->iso(), "2024-01-31T12:00:05+05:30");

  d = parseDate("D:202401");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pdf(), "D:20240101000000");
  EXPECT_EQ(d->iso(), "2024-01");

  EXPECT_FALSE(parseDate("yesterday"));
  EXPECT_FALSE(parseDate("D:20241301"));  // month 13
  EXPECT_FALSE(parseDate("D:2024-01-01"));
  EXPECT_FALSE(parseDate(""));
}

TEST(CMapsTest, ToUnicodeMapsEmptyToNothingAndSplitsBlocks) {
  std::vector<std::pair<uint16_t, std::u32string>> e = {{1, U"A"}, {2, U""}, {3, U"ffi"}};
  std::string cmap = toUnicodeCMap(e);
  EXPECT_NE(cmap.find("3 beginbfchar\n<0001> <0041>\n<0002> <>\n<0003> <006600660069>\nendbfchar"),
            std::string::npos)
      << cmap;
  std::vector<std::pair<uint16_t, std::u32string>> many;
  for (uint16_t c = 1; c <= 150; ++c) many.push_back({c, U"x"});
  cmap = toUnicodeCMap(many);
  EXPECT_NE(cmap.find("100 beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("50 beginbfchar"), std::string::npos);
}

TEST(CMapsTest, CodeToCidMergesRuns) {
  std::string cmap =
      codeToCidCMap("Test-F1", {"Adobe", "Identity", 0}, {{1, 100}, {2, 101}, {3, 102}, {4, 7}});
  EXPECT_NE(cmap.find("2 begincidrange\n<0001> <0003> 100\n<0004> <0004> 7\nendcidrange"), std::string::npos)
      << cmap;
  EXPECT_NE(cmap.find("/CMapName /Test-F1 def"), std::string::npos);
  EXPECT_NE(cmap.find("/Registry (Adobe) def"), std::string::npos);
}

std::string cffTable(const char* path, unsigned face) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  hb_blob_t* blob = hb_blob_create(data.data(), static_cast<unsigned>(data.size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* f = hb_face_create(blob, face);
  hb_blob_t* t = hb_face_reference_table(f, hb_tag_from_string("CFF ", 4));
  unsigned len = 0;
  const char* d = hb_blob_get_data(t, &len);
  std::string out(d ? d : "", d ? len : 0);
  hb_blob_destroy(t);
  hb_face_destroy(f);
  hb_blob_destroy(blob);
  return out;
}

TEST(CffTableTest, CidKeyedAndNameKeyed) {
  std::string cjk = cffTable("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0);
  ASSERT_FALSE(cjk.empty()) << "Noto Sans CJK missing";
  CffInfo info = readCff(cjk);
  ASSERT_TRUE(info.valid);
  EXPECT_TRUE(info.cidKeyed);
  EXPECT_EQ(info.registry, "Adobe");
  EXPECT_EQ(info.ordering, "Identity");
  ASSERT_GT(info.gidToCid.size(), 20035u);
  EXPECT_EQ(info.gidToCid[9544], 9544u);  // U+4E2D in Noto Sans CJK: CID = GID
  EXPECT_EQ(info.gidToCid[0], 0u);

  std::string nimbus = cffTable("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf", 0);
  ASSERT_FALSE(nimbus.empty()) << "Nimbus Sans missing";
  info = readCff(nimbus);
  EXPECT_TRUE(info.valid);
  EXPECT_FALSE(info.cidKeyed);

  EXPECT_FALSE(readCff("").valid);
  EXPECT_FALSE(readCff(cjk.substr(0, 100)).valid);
}

TEST(RunTextTest, MarksRideOnTheirBase) {
  auto naskh = text::Font::load(pdftest::kNaskh, 0, 1);
  ASSERT_TRUE(naskh);
  // beh + kasra, seen: the kasra is drawn after the letters and its text
  // goes to the beh, stored in visual order (reversed) in this RTL run.
  frame::GlyphRun run = pdftest::shapedRtlRun(naskh.get(), pt(12), {0, 0}, U"\u0628\u0650\u0633");
  RunText plan = planRunText(run);
  ASSERT_EQ(plan.advancing.size(), 2u);
  ASSERT_EQ(plan.attached.size(), 1u);
  EXPECT_EQ(plan.attached[0].text, U"");
  EXPECT_EQ(plan.advancing[0].text, U"\u0633");                // seen: leftmost in visual order
  EXPECT_EQ(plan.advancing[1].text, U"\u0650\u0628");          // beh carries its kasra, reversed
  EXPECT_LT(plan.attached[0].index, plan.advancing[1].index);  // the mark came before its base

  auto serif = text::Font::load(pdftest::kSerif, 0, 2);
  ASSERT_TRUE(serif);
  // Left to right: a text-less zero-advance glyph joins the glyph before it.
  frame::GlyphRun ltr = pdftest::simpleRun(serif.get(), pt(12), {0, 0}, U"ab");
  ltr.glyphs.push_back({serif->glyphFor(U'\u0301'), 0, -pt(3), 0, 0, 0});
  plan = planRunText(ltr);
  ASSERT_EQ(plan.advancing.size(), 2u);
  EXPECT_EQ(plan.advancing[1].text, U"b");
  ASSERT_EQ(plan.attached.size(), 1u);
  EXPECT_EQ(plan.attached[0].index, 2u);
}

TEST(GlyphOutlineTest, OutlinesInThousandthsOfAnEm) {
  auto naskh = text::Font::load(pdftest::kNaskh, 0, 1);
  ASSERT_TRUE(naskh);
  // The kasra: a closed, filled path of cubic curves (TrueType quadratics
  // raised), in 1/1000 em.
  const uint32_t kasra = naskh->glyphFor(U'\u0650');
  ASSERT_NE(kasra, 0u);
  const fontembed::GlyphOutline outline = fontembed::glyphOutline(*naskh, kasra);
  const std::string& path = outline.path;
  EXPECT_EQ(path.rfind(" m\n", 40) != std::string::npos, true) << path;
  EXPECT_NE(path.find(" c\n"), std::string::npos) << path;
  EXPECT_NE(path.find("h\n"), std::string::npos) << path;
  EXPECT_EQ(path.substr(path.size() - 2), "f\n");
  // The kasra sits below the baseline, a few hundredths of an em wide.
  EXPECT_LT(outline.top, 0);
  EXPECT_GT(outline.right - outline.left, 50);
  EXPECT_LT(outline.right - outline.left, 500);
  std::istringstream in(path);
  std::string tok;
  std::vector<double> nums;
  while (in >> tok)
    if (tok.find_first_not_of("-.0123456789") == std::string::npos) nums.push_back(std::stod(tok));
  ASSERT_GE(nums.size(), 6u);
  for (size_t i = 0; i + 1 < nums.size(); i += 2) {
    // every point, on the curve or a control point, inside the extents
    EXPECT_GE(nums[i], outline.left - 1) << i;
    EXPECT_LE(nums[i], outline.right + 1) << i;
    EXPECT_GE(nums[i + 1], outline.bottom - 1) << i;
    EXPECT_LE(nums[i + 1], outline.top + 1) << i;
  }
  // A space has no outline: nothing to draw.
  EXPECT_EQ(fontembed::glyphOutline(*naskh, naskh->glyphFor(U' ')).path, "");
}

}  // namespace
}  // namespace folio::pdf
