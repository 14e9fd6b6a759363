// The print keys of a layout (bleed, marks, standard) and spot-colour tints.
#include <gtest/gtest.h>

#include "ParseLayout.h"
#include "style/Layout.h"

namespace folio::style {
namespace {

std::optional<Layout> parse(const std::string& text, Diagnostics& diags) {
  return testutil::parseLayout(text, diags, "layout.yaml");
}

TEST(PrintSetup, OffByDefault) {
  Diagnostics d;
  auto l = parse("styles: {body: {}}\n", d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_FALSE(l->print.any());
  EXPECT_EQ(l->print.standard, PdfStandard::None);
}

TEST(PrintSetup, ExplicitDefaultsAreStillOff) {
  Diagnostics d;
  auto l = parse("bleed: 0mm\nmarks: none\nstandard: none\nstyles: {body: {}}\n", d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_FALSE(l->print.any());
}

TEST(PrintSetup, BleedMarksStandard) {
  Diagnostics d;
  auto l = parse("bleed: 3mm\nmarks: [crop, slug]\nstandard: PDF/X-4\nstyles: {body: {}}\n", d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_EQ(l->print.bleed, mm(3));
  EXPECT_TRUE(l->print.cropMarks);
  EXPECT_FALSE(l->print.registrationMarks);
  EXPECT_TRUE(l->print.slug);
  EXPECT_EQ(l->print.standard, PdfStandard::PdfX4);
}

TEST(PrintSetup, BadValuesAreErrorsAtTheirPlace) {
  Diagnostics d;
  auto l = parse("styles: {body: {}}\nbleed: -1mm\nmarks: [crop, trim]\nstandard: pdf/a-1b\n", d);
  EXPECT_FALSE(l);
  std::string all = d.format();
  EXPECT_NE(all.find("layout.yaml:2:8: error: bleed '-1mm' is negative"), std::string::npos) << all;
  EXPECT_NE(all.find("layout.yaml:3:15: error: unknown mark 'trim'"), std::string::npos) << all;
  EXPECT_NE(all.find("layout.yaml:4:11: error: unknown standard 'pdf/a-1b'; did you mean 'pdf/a-2b'?"),
            std::string::npos)
      << all;
}

TEST(SpotColours, TintOfADefinedInk) {
  Diagnostics d;
  auto l = parse(
      "colors:\n  blue: \"spot(Harbour Blue, cmyk(100%, 62%, 0%, 22%))\"\n  pale: \"spot(Harbour Blue, "
      "40%)\"\n"
      "styles: {body: {color: pale}}\n",
      d);
  ASSERT_TRUE(l) << d.format();
  const Color& pale = l->colors.at("pale");
  EXPECT_EQ(pale.space, Color::Space::Spot);
  EXPECT_EQ(pale.spotName, "Harbour Blue");
  EXPECT_FLOAT_EQ(pale.c[0], 0.4f);
  EXPECT_FLOAT_EQ(pale.alt[1], 0.62f);
}

TEST(SpotColours, UnknownReservedAndConflictingInks) {
  Diagnostics d;
  auto l = parse(
      "colors:\n  a: \"spot(Ink, cmyk(100%, 0%, 0%, 0%))\"\n  b: \"spot(Ink, cmyk(0%, 100%, 0%, 0%))\"\n"
      "  c: \"spot(Inc, 50%)\"\n  d: \"spot(All, cmyk(1, 1, 1, 1))\"\nstyles: {body: {}}\n",
      d);
  EXPECT_FALSE(l);
  std::string all = d.format();
  EXPECT_NE(all.find("layout.yaml:3:6: error: spot colour 'Ink' is given a different CMYK alternate"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("layout.yaml:4:6: error: unknown spot colour 'Inc'"), std::string::npos) << all;
  EXPECT_NE(all.find("did you mean 'Ink'?"), std::string::npos) << all;
  EXPECT_NE(all.find("layout.yaml:5:6: error: spot colour name 'All' is reserved"), std::string::npos) << all;
}

}  // namespace
}  // namespace folio::style

namespace folio::style {
namespace {

TEST(PrintSetup, HairlineRulesAreWarned) {
  Diagnostics d;
  auto l = parse(
      "styles: {body: {}}\ntemplates:\n  first:\n    items:\n      - rule: {}\n        thickness: 0.1pt\n",
      d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_NE(d.format().find("layout.yaml:6:20: warning: rule thickness '0.1pt' is a hairline"),
            std::string::npos)
      << d.format();
}

}  // namespace
}  // namespace folio::style
