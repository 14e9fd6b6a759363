// The text-box keys of template items and the layout's `letter:` mapping:
// read, defaulted, and refused with their position.
#include <gtest/gtest.h>

#include "ParseLayout.h"
#include "style/Layout.h"
#include "style/Words.h"

namespace folio::style {
namespace {

TEST(TextBoxKeys, Read) {
  Diagnostics d;
  auto l = testutil::parseLayout(R"(styles: {body: {}}
templates:
  first:
    items:
      - text: ["{fields.sender}"]
        width: 100mm
        height: 20mm
        max-lines: 2
        anchor: middle
        fit: shrink
        min-size: 9pt
        balance: true
        align: start
      - box: {}
        overlap: allow
        width: 10mm
        height: 10mm
)",
                                 d);
  ASSERT_TRUE(l) << d.format();
  const TemplateItem& t = l->first.items.at(0);
  EXPECT_EQ(t.maxLines, 2);
  EXPECT_EQ(t.anchor, TemplateItem::Anchor::Middle);
  EXPECT_EQ(t.fit, TemplateItem::Fit::Shrink);
  EXPECT_EQ(t.minSize, pt(9));
  EXPECT_TRUE(t.balance);
  EXPECT_EQ(t.align, Align::Start);
  EXPECT_FALSE(t.overlapAllowed);
  EXPECT_TRUE(l->first.items.at(1).overlapAllowed);
}

TEST(TextBoxKeys, Defaults) {
  Diagnostics d;
  auto l = testutil::parseLayout("styles: {body: {}}\ntemplates: {first: {items: [{text: [x]}]}}\n", d);
  ASSERT_TRUE(l) << d.format();
  const TemplateItem& t = l->first.items.at(0);
  EXPECT_EQ(t.maxLines, 0);
  EXPECT_EQ(t.anchor, TemplateItem::Anchor::Top);
  EXPECT_EQ(t.fit, TemplateItem::Fit::Wrap);
  EXPECT_FALSE(t.balance);
  EXPECT_FALSE(t.overlapAllowed);
  EXPECT_FALSE(l->letter.subject);
  EXPECT_EQ(l->letter.enclosures, "");  // the words of the document's language
  EXPECT_EQ(templateWord(*l, "ar", "enclosures"), "المرفقات");
  EXPECT_EQ(templateWord(*l, "de-AT", "copy-to"), "Verteiler");
  EXPECT_TRUE(t.mirror);
}

TEST(TextBoxKeys, MirrorFalseKeepsAnItemInPlace) {
  Diagnostics d;
  auto l = testutil::parseLayout("styles: {body: {}}\ntemplates: {first: {items: [{text: [x], x: 20mm, width: 80mm, "
                                 "mirror: false}, {text: [y], x: 20mm, width: 80mm}]}}\n",
                                 d);
  ASSERT_TRUE(l) << d.format();
  Layout m = mirrored(*l);
  EXPECT_EQ(m.first.items.at(0).x, mm(20));                       // in the window
  EXPECT_EQ(m.first.items.at(1).x, l->pageWidth - mm(20) - mm(80));  // mirrored
  Diagnostics bad;
  testutil::parseLayout("styles: {body: {}}\ntemplates: {first: {items: [{text: [x], mirror: sometimes}]}}\n", bad);
  EXPECT_TRUE(bad.hasErrors());
}

TEST(TextBoxKeys, BadValuesAreReportedWhereTheyAre) {
  Diagnostics d;
  auto l = testutil::parseLayout(R"(styles: {body: {}}
templates:
  first:
    items:
      - text: [x]
        fit: squeeze
        anchor: centre
        max-lines: 0
        min-size: 2pt
        overlap: maybe
      - rule: {}
        fit: shrink
)",
                                 d);
  EXPECT_FALSE(l);
  std::string all = d.format();
  EXPECT_NE(all.find("layout.yaml:6:14: error: bad fit 'squeeze'; expected wrap, shrink, clip-error or ellipsis"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("layout.yaml:7:17: error: bad anchor 'centre'; expected top, middle or bottom"), std::string::npos)
      << all;
  EXPECT_NE(all.find("layout.yaml:8:20:"), std::string::npos) << all;
  EXPECT_NE(all.find("layout.yaml:9:19: error: min-size '2pt' is too small"), std::string::npos) << all;
  EXPECT_NE(all.find("layout.yaml:10:18: error: bad overlap 'maybe'"), std::string::npos) << all;
  EXPECT_NE(all.find("layout.yaml:12:14: error: 'fit' is for text items"), std::string::npos) << all;
}

TEST(LetterSetup, Read) {
  Diagnostics d;
  auto l = testutil::parseLayout(R"(styles: {body: {}}
letter:
  subject-line: true
  date-line: "{fields.place}, {date}"
  enclosures: Anlagen
)",
                                 d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_TRUE(l->letter.subject);
  EXPECT_EQ(l->letter.dateLine, "{fields.place}, {date}");
  EXPECT_EQ(l->letter.enclosures, "Anlagen");
  Diagnostics bad;
  EXPECT_FALSE(testutil::parseLayout("styles: {body: {}}\nletter: {subject: true}\n", bad));
  EXPECT_NE(bad.format().find("layout.yaml:2:10: error: unknown key 'subject'"), std::string::npos) << bad.format();
}

}  // namespace
}  // namespace folio::style
