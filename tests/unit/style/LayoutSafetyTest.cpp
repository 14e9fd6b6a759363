// Hostile and broken layouts (issue 7): containment of template images,
// font lists with positions, colours that cannot recurse, named messages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "style/Layout.h"

namespace folio::style {
namespace {

namespace fs = std::filesystem;

// A scratch tree: ROOT/layouts/{layout.yaml, emblem.png, link.png ->
// ../outside/secret.png} and ROOT/outside/secret.png.
class LayoutSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() / ("folio-layout-safety-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "layouts");
    fs::create_directories(root / "outside");
    std::ofstream(root / "layouts" / "emblem.png") << "png";
    std::ofstream(root / "outside" / "secret.png") << "png";
    fs::create_symlink("../outside/secret.png", root / "layouts" / "link.png");
  }
  void TearDown() override { fs::remove_all(root); }

  std::optional<Layout> build(const std::string& text, Diagnostics& diags, LayoutOptions options = {}) {
    auto node = yaml::parse(text, "layout.yaml", yaml::Limits{}, diags);
    if (!node) return std::nullopt;
    return buildLayout(*node, (root / "layouts" / "layout.yaml").string(), options, diags);
  }

  static std::string withImage(const std::string& image) {
    return "styles:\n  body: {size: 10pt}\ntemplates:\n  first:\n    items:\n      - image: " + image +
           "\n        x: 10mm\n        y: 10mm\n";
  }

  fs::path root;
};

TEST_F(LayoutSafety, TemplateImageInsideTheLayoutDirectory) {
  Diagnostics d;
  EXPECT_TRUE(build(withImage("emblem.png"), d)) << d.format();
}

TEST_F(LayoutSafety, TemplateImageEscapingByDotDotIsRefused) {
  Diagnostics d;
  EXPECT_FALSE(build(withImage("../outside/secret.png"), d));
  ASSERT_EQ(d.all().size(), 1u) << d.format();
  EXPECT_EQ(d.all()[0].pos.line, 6);
  EXPECT_NE(d.all()[0].message.find("image '../outside/secret.png' is outside the layout's directory"),
            std::string::npos);
}

TEST_F(LayoutSafety, TemplateImageEscapingBySymlinkIsRefused) {
  Diagnostics d;
  EXPECT_FALSE(build(withImage("link.png"), d));
  ASSERT_EQ(d.all().size(), 1u) << d.format();
  EXPECT_NE(d.all()[0].message.find("is outside the layout's directory"), std::string::npos);
}

TEST_F(LayoutSafety, AllowedDirectoryWidensTemplateImages) {
  Diagnostics d;
  LayoutOptions options;
  options.allowedDirs = {(root / "outside").string()};
  EXPECT_TRUE(build(withImage("../outside/secret.png"), d, options)) << d.format();
  EXPECT_TRUE(build(withImage("link.png"), d, options)) << d.format();
}

TEST_F(LayoutSafety, IsInsideAnyResolvesDotDotAndSymlinks) {
  std::string layouts = (root / "layouts").string();
  EXPECT_TRUE(isInsideAny(layouts + "/emblem.png", {layouts}));
  EXPECT_TRUE(isInsideAny(layouts + "/../layouts/emblem.png", {layouts}));
  EXPECT_FALSE(isInsideAny(layouts + "/../outside/secret.png", {layouts}));
  EXPECT_FALSE(isInsideAny(layouts + "/link.png", {layouts}));
  EXPECT_TRUE(isInsideAny(layouts + "/link.png", {layouts, (root / "outside").string()}));
  EXPECT_FALSE(isInsideAny(layouts + "/missing.png", {layouts}));
  // A sibling whose name starts like the directory is not inside it.
  fs::create_directories(root / "layouts-evil");
  std::ofstream(root / "layouts-evil" / "x.png") << "png";
  EXPECT_FALSE(isInsideAny((root / "layouts-evil" / "x.png").string(), {layouts}));
}

TEST_F(LayoutSafety, LayoutNamesForSuggestions) {
  std::ofstream(root / "layouts" / "letterhead.yaml") << "styles: {}\n";
  std::ofstream(root / "layouts" / "memo.yaml") << "styles: {}\n";
  EXPECT_EQ(layoutNames({(root / "layouts").string(), "/nonexistent"}),
            (std::vector<std::string>{"letterhead", "memo"}));
  EXPECT_TRUE(isLayoutPath("layouts/x.yaml"));
  EXPECT_TRUE(isLayoutPath("x.yaml"));
  EXPECT_FALSE(isLayoutPath("letterhead"));
}

TEST_F(LayoutSafety, FontListsRememberWhereEachFamilyIsWritten) {
  Diagnostics d;
  auto l = build(
      "styles:\n"
      "  body: {font: [Noto Serif, Noto Sans], size: 10pt}\n"
      "  code:\n"
      "    font: Noto Sans Mono\n"
      "    script-fonts: {Arab: [Noto Naskh Arabic]}\n",
      d);
  ASSERT_TRUE(l) << d.format();
  ASSERT_EQ(l->fontLists.size(), 3u);
  ASSERT_EQ(l->fontLists[0].families.size(), 2u);
  EXPECT_EQ(l->fontLists[0].families[1].first, "Noto Sans");
  EXPECT_EQ(l->fontLists[0].families[1].second.line, 2);
  EXPECT_EQ(l->fontLists[0].families[1].second.column, 29);
  EXPECT_EQ(l->fontLists[1].families[0].first, "Noto Sans Mono");
  EXPECT_EQ(l->fontLists[1].families[0].second.line, 4);
  EXPECT_EQ(l->fontLists[2].families[0].first, "Noto Naskh Arabic");
}

TEST_F(LayoutSafety, NestedSpotColoursAreRefusedWithoutRecursion) {
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "spot(a, ";
  deep += "cmyk(0, 0, 0, 1)";
  deep += std::string(200000, ')');
  Color c;
  EXPECT_FALSE(parseColor(deep, {}, c));
  EXPECT_FALSE(parseColor("spot(a, spot(b, cmyk(0, 0, 0, 1)))", {}, c));
  EXPECT_TRUE(parseColor("spot(a, cmyk(0, 0, 0, 1), 50%)", {}, c));
  EXPECT_EQ(c.space, Color::Space::Spot);
}

TEST_F(LayoutSafety, OutOfRangeNumbersNameTheirKey) {
  Diagnostics d;
  EXPECT_FALSE(build("widows: 100\nstyles:\n  body: {size: 10pt}\n", d));
  ASSERT_EQ(d.all().size(), 1u) << d.format();
  EXPECT_EQ(d.all()[0].format(), "layout.yaml:1:9: error: widows '100' is not valid; expected a whole number from 1 to 10");
}

TEST_F(LayoutSafety, EmptyLayoutFileHasALine) {
  std::string path = (root / "layouts" / "empty.yaml").string();
  std::ofstream(path) << "# nothing\n";
  Diagnostics d;
  EXPECT_FALSE(loadLayout(path, yaml::Limits{}, d));
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].format(), path + ":1:1: error: empty layout; expected a YAML mapping with 'page' and 'styles'");
}

}  // namespace
}  // namespace folio::style

namespace folio::style {
namespace {

// A generated chain of 100,000 'inherit's overflowed the stack; resolution
// now stops at 32 levels with a message at the style that goes too deep.
TEST(LayoutHostile, LongInheritanceChainIsAnErrorNotACrash) {
  std::string text = "styles:\n  body: {size: 10pt}\n";
  const int n = 100000;
  for (int i = 0; i < n; ++i) text += "  s" + std::to_string(i) + ": {inherit: s" + std::to_string(i + 1) + "}\n";
  text += "  s" + std::to_string(n) + ": {size: 9pt}\n";
  Diagnostics d;
  auto root = yaml::parse(text, "layout.yaml", yaml::Limits{}, d);
  ASSERT_TRUE(root) << d.format();
  EXPECT_FALSE(buildLayout(*root, "/tmp/layouts/layout.yaml", d));
  ASSERT_TRUE(d.hasErrors());
  EXPECT_NE(d.all()[0].message.find("inherits through more than 32 styles"), std::string::npos) << d.format();
}

TEST(LayoutHostile, ThirtyTwoLevelsOfInheritanceAreFine) {
  std::string text = "styles:\n  body: {size: 10pt}\n";
  for (int i = 0; i < 30; ++i) text += "  s" + std::to_string(i) + ": {inherit: s" + std::to_string(i + 1) + "}\n";
  text += "  s30: {size: 9pt}\n";
  Diagnostics d;
  auto root = yaml::parse(text, "layout.yaml", yaml::Limits{}, d);
  ASSERT_TRUE(root) << d.format();
  auto l = buildLayout(*root, "/tmp/layouts/layout.yaml", d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_EQ(l->style("s0").size, pt(9));
}

}  // namespace
}  // namespace folio::style
