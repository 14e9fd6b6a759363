#include <gtest/gtest.h>

#include "ParseLayout.h"
#include "style/Layout.h"

namespace folio::style {
namespace {

std::optional<Layout> parse(const std::string& text, Diagnostics& diags) {
  return testutil::parseLayout(text, diags);
}

TEST(Layout, ReadsPageStylesAndInheritance) {
  Diagnostics d;
  auto l = parse(R"(
page: {size: Letter, margins: {top: 1in, bottom: 20mm, left: 2cm, right: 3pc}}
colors: {accent: "#ff0000"}
styles:
  body: {font: [Noto Serif, Noto Sans], size: 11pt, leading: 15pt, color: accent}
  heading1: {weight: bold, size: 14pt}
  small: {inherit: heading1, style: italic, size: 7pt}
)",
                 d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_EQ(l->pageWidth, mm(215.9));
  EXPECT_EQ(l->first.marginTop, pt(72));
  EXPECT_EQ(l->first.marginRight, pt(36));
  const Style& h = l->style("heading1");
  EXPECT_EQ(h.weight, 700);
  EXPECT_EQ(h.fonts, (std::vector<std::string>{"Noto Serif", "Noto Sans"}));  // inherited from body
  EXPECT_EQ(h.color, Color::rgb(1, 0, 0));
  // A size change without a leading scales the leading.
  EXPECT_EQ(h.leading, static_cast<Sp>(int64_t(pt(15)) * pt(14) / pt(11)));
  const Style& s = l->style("small");
  EXPECT_TRUE(s.italic);
  EXPECT_EQ(s.weight, 700);
  // Every name the content format promises exists.
  for (const std::string& name : requiredStyleNames()) EXPECT_TRUE(l->styles.count(name)) << name;
}

TEST(Layout, UnknownKeysGetSuggestionsWithPositions) {
  Diagnostics d;
  auto l = parse("page: {size: A4}\nstyles:\n  body: {font: Noto Serif, sise: 10pt}\n", d);
  EXPECT_FALSE(l);
  EXPECT_NE(d.format().find("layout.yaml:3:28: error: unknown key 'sise' in a style; did you mean 'size'?"),
            std::string::npos)
      << d.format();
}

TEST(Layout, BadValuesAreReported) {
  Diagnostics d;
  auto l = parse(R"(page: {size: A7}
colors: {a: "#12345g"}
styles:
  body: {size: twelve, align: middle, color: acent}
  x: {inherit: y}
  y: {inherit: x}
)",
                 d);
  EXPECT_FALSE(l);
  std::string all = d.format();
  EXPECT_NE(all.find("unknown page size 'A7'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad colour '#12345g'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad length 'twelve'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad alignment; expected start, end, left, right, center or justify"), std::string::npos)
      << all;
  EXPECT_NE(all.find("inherits from itself"), std::string::npos) << all;
}

// Lengths read as content reads them (base/Length): any unit case; a
// length that is not a finite number is an error at its position.
TEST(Layout, LengthsShareTheContentSyntax) {
  Diagnostics d;
  auto l = parse("styles:\n  body: {size: 11PT, leading: 15Pt}\n", d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_EQ(l->style("body").size, pt(11));
  EXPECT_EQ(l->style("body").leading, pt(15));
  Diagnostics bad;
  EXPECT_FALSE(parse("styles:\n  body: {size: 11pt, leading: nan}\n", bad));
  std::string all = bad.format();
  EXPECT_NE(all.find("layout.yaml:2:"), std::string::npos) << all;
  EXPECT_NE(all.find("bad length 'nan'"), std::string::npos) << all;
  Diagnostics inf;
  EXPECT_FALSE(parse("styles:\n  body: {size: inf}\n", inf));
}

TEST(Layout, TemplatesAndTemplateChoice) {
  Diagnostics d;
  auto l = parse(R"(styles: {body: {}}
templates:
  first:
    margins: {top: 60mm}
    items:
      - text: ["{fields.sender}", "Tel. {fields.phone}"]
        x: 20mm
        y: 10mm
        align: right
      - rule: {}
        x2: 190mm
        thickness: 1pt
  later:
    items:
      - box: {}
        width: 210mm
        height: 5mm
  left:
    margins: {left: 30mm, right: 20mm}
)",
                 d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_EQ(l->first.marginTop, mm(60));
  ASSERT_EQ(l->first.items.size(), 2u);
  EXPECT_EQ(l->first.items[0].lines.size(), 2u);
  EXPECT_EQ(l->first.items[0].align, Align::Right);
  EXPECT_EQ(l->first.items[1].kind, TemplateItem::Kind::Rule);
  EXPECT_EQ(&l->templateFor(0), &l->first);
  EXPECT_EQ(&l->templateFor(1), &*l->left);  // page 2 is a left page
  EXPECT_EQ(&l->templateFor(2), &l->later);  // page 3: no right template
  EXPECT_EQ(l->templateFor(1).marginLeft, mm(30));
}

TEST(Layout, TemplatesMustKeepTheMeasure) {
  Diagnostics d;
  auto l = parse("styles: {body: {}}\ntemplates:\n  later:\n    margins: {left: 40mm}\n", d);
  EXPECT_FALSE(l);
  EXPECT_NE(d.format().find("the same width"), std::string::npos) << d.format();
}

TEST(Colors, Forms) {
  std::map<std::string, Color> named = {{"ink", Color::gray(0.2f)}};
  Color c;
  ASSERT_TRUE(parseColor("#1a2b3c", named, c));
  EXPECT_EQ(c.space, Color::Space::Rgb);
  EXPECT_FLOAT_EQ(c.c[0], 0x1a / 255.0f);
  ASSERT_TRUE(parseColor("#fff", named, c));
  EXPECT_FLOAT_EQ(c.c[2], 1.0f);
  ASSERT_TRUE(parseColor("gray(50%)", named, c));
  EXPECT_EQ(c.space, Color::Space::Gray);
  EXPECT_FLOAT_EQ(c.c[0], 0.5f);
  ASSERT_TRUE(parseColor("cmyk(0%, 20%, 100%, 0%)", named, c));
  EXPECT_EQ(c.space, Color::Space::Cmyk);
  EXPECT_FLOAT_EQ(c.c[1], 0.2f);
  ASSERT_TRUE(parseColor("spot(Harbour Blue, cmyk(100%, 60%, 0%, 20%))", named, c));
  EXPECT_EQ(c.space, Color::Space::Spot);
  EXPECT_EQ(c.spotName, "Harbour Blue");
  EXPECT_FLOAT_EQ(c.alt[1], 0.6f);
  ASSERT_TRUE(parseColor("ink", named, c));
  EXPECT_EQ(c, Color::gray(0.2f));
  EXPECT_FALSE(parseColor("#12", named, c));
  EXPECT_FALSE(parseColor("cmyk(1, 2, 3)", named, c));
  EXPECT_FALSE(parseColor("gray(150%)", named, c));
  EXPECT_FALSE(parseColor("spot(X, #ff0000)", named, c));
}

TEST(FindLayout, NamesAndPaths) {
  std::string dir = FOLIO_SOURCE_DIR;
  EXPECT_EQ(findLayout("letterhead", "/nonexistent", {dir + "/layouts"}), dir + "/layouts/letterhead.yaml");
  EXPECT_EQ(findLayout("nosuch", "/nonexistent", {dir + "/layouts"}), "");
  EXPECT_EQ(findLayout("layouts/plain.yaml", dir, {}), dir + "/layouts/plain.yaml");
}

TEST(BuiltInLayouts, AllLoadCleanly) {
  for (const char* name : {"letterhead", "plain", "memo"}) {
    Diagnostics d;
    auto l = loadLayout(std::string(FOLIO_SOURCE_DIR) + "/layouts/" + name + ".yaml", yaml::Limits{}, d);
    EXPECT_TRUE(l) << name << "\n" << d.format();
    EXPECT_FALSE(d.hasErrors()) << d.format();
  }
}

}  // namespace
}  // namespace folio::style
