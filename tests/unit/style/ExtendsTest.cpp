// Layout inheritance (extends:), template words, mirroring, missing-field
// policies as the layout reader sees them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "style/Layout.h"
#include "style/LayoutMerge.h"
#include "style/Words.h"
#include "ParseLayout.h"

namespace folio::style {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<yaml::Node> parse(const std::string& text, const std::string& name, Diagnostics& d) {
  return yaml::parse(text, name, yaml::Limits{}, d);
}

const char* kBase =
    "page: {size: A4, margins: {top: 50mm, left: 25mm, right: 25mm}}\n"
    "colors: {accent: '#103a6e'}\n"
    "styles:\n"
    "  body: {size: 10pt, leading: 13pt}\n"
    "  name: {size: 15pt, weight: bold, color: accent}\n"
    "templates:\n"
    "  first:\n"
    "    items:\n"
    "      - {id: sender, text: ['{fields.sender}'], style: name, x: 49mm, y: 17mm, width: 80mm}\n"
    "      - {id: reference, text: ['{fields.reference}'], x: 49mm, y: 25mm, width: 80mm}\n"
    "      - {id: rule, rule: {}, x: 25mm, y: 43mm, x2: 185mm, y2: 43mm}\n";

TEST(Extends, MergesMappingsAndItemsById) {
  Diagnostics d;
  auto base = parse(kBase, "base.yaml", d);
  auto child = parse(
      "styles: {name: {size: 11pt}}\n"
      "page: {margins: {top: 64mm}}\n"
      "templates:\n"
      "  first:\n"
      "    items:\n"
      "      - {id: sender, width: 60mm}\n"
      "      - {id: reference, remove: true}\n"
      "      - {id: motto, text: ['Pro bono'], x: 25mm, y: 280mm}\n",
      "child.yaml", d);
  ASSERT_TRUE(base && child) << d.format();
  mergeLayoutTrees(*base, *child, d);
  ASSERT_FALSE(d.hasErrors()) << d.format();
  auto layout = buildLayout(*base, "/tmp/layouts/child.yaml", d);
  ASSERT_TRUE(layout) << d.format();
  const Style& name = layout->style("name");
  EXPECT_EQ(name.size, pt(11));
  EXPECT_EQ(name.weight, 700);  // kept from the base
  EXPECT_EQ(layout->first.marginTop, mm(64));
  EXPECT_EQ(layout->first.marginLeft, mm(25));
  ASSERT_EQ(layout->first.items.size(), 3u);
  EXPECT_EQ(layout->first.items[0].id, "sender");
  EXPECT_EQ(layout->first.items[0].width, mm(60));
  EXPECT_EQ(layout->first.items[0].x, mm(49));  // only the width changed
  EXPECT_EQ(layout->first.items[1].id, "rule");
  EXPECT_EQ(layout->first.items[2].id, "motto");
}

TEST(Extends, UnknownIdIsAnErrorWithASuggestion) {
  Diagnostics d;
  auto base = parse(kBase, "base.yaml", d);
  auto child = parse("templates: {first: {items: [{id: sendr, remove: true}]}}\n", "child.yaml", d);
  mergeLayoutTrees(*base, *child, d);
  EXPECT_NE(d.format().find("child.yaml:1:34: error: no template item with id 'sendr' in the base layout; did you "
                            "mean 'sender'?"),
            std::string::npos)
      << d.format();
}

TEST(Extends, ResolvesABaseByNameAndRefusesCycles) {
  fs::path dir = fs::temp_directory_path() / ("folio-extends-" + std::to_string(::getpid()));
  fs::create_directories(dir / "builtin");
  std::ofstream(dir / "builtin" / "letterhead.yaml") << kBase;
  // A user's own layouts/letterhead.yaml may extend the built-in one.
  std::ofstream(dir / "letterhead.yaml") << "extends: letterhead\ncolors: {accent: '#14553c'}\n";
  std::ofstream(dir / "a.yaml") << "extends: b.yaml\n";
  std::ofstream(dir / "b.yaml") << "extends: a.yaml\n";
  Diagnostics d;
  auto layout = loadLayout((dir / "letterhead.yaml").string(), yaml::Limits{},
                           LayoutOptions{{}, {(dir / "builtin").string()}}, d);
  ASSERT_TRUE(layout) << d.format();
  EXPECT_EQ(layout->first.items.size(), 3u);
  Diagnostics d2;
  EXPECT_FALSE(loadLayout((dir / "a.yaml").string(), yaml::Limits{}, LayoutOptions{}, d2));
  EXPECT_NE(d2.format().find("extends itself"), std::string::npos) << d2.format();
  Diagnostics d3;
  std::ofstream(dir / "c.yaml") << "extends: leterhead\n";
  EXPECT_FALSE(loadLayout((dir / "c.yaml").string(), yaml::Limits{}, LayoutOptions{{}, {(dir / "builtin").string()}}, d3));
  EXPECT_NE(d3.format().find("did you mean 'letterhead'?"), std::string::npos) << d3.format();
  fs::remove_all(dir);
}

TEST(TemplateWords, PerLanguageWithLayoutOverrides) {
  Layout layout;
  EXPECT_EQ(templateWord(layout, "en", "telephone"), "Telephone");
  EXPECT_EQ(templateWord(layout, "fr-CH", "telephone"), "Téléphone");
  EXPECT_EQ(templateWord(layout, "ar", "page-of"), "صفحة {page} من {pages}");
  EXPECT_EQ(templateWord(layout, "zh-Hans", "page-of"), "第{page}页，共{pages}页");
  EXPECT_EQ(templateWord(layout, "xx", "fax"), "Fax");  // English for a language not in the table
  for (const char* lang : {"en", "fr", "es", "ru", "ar", "zh", "de", "az"})
    for (const std::string& name : templateWordNames()) EXPECT_FALSE(templateWord(layout, lang, name).empty()) << lang;
  Diagnostics d;
  auto custom = testutil::parseLayout("styles: {body: {}}\nwords: {en: {telephone: Tel.}, '*': {fax: Facsimile}}\n", d);
  ASSERT_TRUE(custom) << d.format();
  EXPECT_EQ(templateWord(*custom, "en-GB", "telephone"), "Tel.");
  EXPECT_EQ(templateWord(*custom, "de", "fax"), "Facsimile");
  Diagnostics d2;
  EXPECT_FALSE(testutil::parseLayout("styles: {body: {}}\nwords: {en: {telefone: Tel.}}\n", d2));
  EXPECT_NE(d2.format().find("did you mean 'telephone'?"), std::string::npos) << d2.format();
}

TEST(Mirror, PositionsAlignmentAndMargins) {
  Diagnostics d;
  auto layout = testutil::parseLayout(
      "page: {margins: {left: 20mm, right: 30mm}}\nstyles: {body: {}}\n"
      "templates: {first: {items: [{text: [x], x: 49mm, y: 1mm, width: 80mm, align: left},"
      " {rule: {}, x: 25mm, y: 1mm, x2: 185mm, y2: 1mm}, {box: {}, x: 10mm, y: 1mm, width: 5mm, height: 5mm}]}}\n",
      d);
  ASSERT_TRUE(layout) << d.format();
  Layout m = mirrored(*layout);
  EXPECT_EQ(m.first.marginLeft, mm(30));
  EXPECT_EQ(m.first.marginRight, mm(20));
  EXPECT_NEAR(toPt(m.first.items[0].x), toPt(mm(210 - 49 - 80)), 0.01);
  EXPECT_EQ(m.first.items[0].align, Align::Right);
  EXPECT_NEAR(toPt(m.first.items[1].x), toPt(mm(185)), 0.01);
  EXPECT_NEAR(toPt(m.first.items[1].x2), toPt(mm(25)), 0.01);
  EXPECT_NEAR(toPt(m.first.items[2].x), toPt(mm(195)), 0.01);
}

TEST(TemplateLines, MissingPoliciesSegmentsAndOnePage) {
  Diagnostics d;
  auto layout = testutil::parseLayout(
      "styles: {body: {}}\ntemplates: {first: {items: [{text: ['{fields.a}', {segments: ['Tel {fields.phone}', "
      "'Fax {fields.fax}'], separator: ' | ', missing: drop-segment}, {line: '{words.page-of}', one-page: "
      "'{words.page}'}], missing: drop-line}]}}\n",
      d);
  ASSERT_TRUE(layout) << d.format();
  const auto& lines = layout->first.items[0].lines;
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].missing, MissingField::DropLine);
  EXPECT_TRUE(lines[0].missingExplicit);
  EXPECT_EQ(lines[1].missing, MissingField::DropSegment);
  EXPECT_EQ(lines[1].separator, " | ");
  EXPECT_EQ(lines[1].segments.size(), 2u);
  EXPECT_EQ(lines[2].onePage, "{words.page}");
  Diagnostics d2;
  EXPECT_FALSE(testutil::parseLayout("styles: {body: {}}\ntemplates: {first: {items: [{text: [x], missing: drop-lin}]}}\n", d2));
  EXPECT_NE(d2.format().find("did you mean 'drop-line'?"), std::string::npos) << d2.format();
  Diagnostics d3;
  EXPECT_FALSE(testutil::parseLayout("styles: {body: {}}\ntemplates: {first: {items: [{text: ['{words.pag}']}]}}\n", d3));
  EXPECT_NE(d3.format().find("did you mean '{words.page}'?"), std::string::npos) << d3.format();
}

}  // namespace
}  // namespace folio::style
