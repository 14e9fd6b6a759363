// The fine-typography keys of a style: hanging-punctuation and
// sentence-space, read, inherited and checked with their position.
#include <gtest/gtest.h>

#include "ParseLayout.h"
#include "style/Layout.h"

namespace folio::style {
namespace {

std::optional<Layout> parse(const std::string& text, Diagnostics& diags) {
  return testutil::parseLayout(text, diags);
}

TEST(TypographyKeys, ReadAndInherited) {
  Diagnostics d;
  auto l = parse(R"(styles:
  body: {hanging-punctuation: true, sentence-space: wide}
  quote: {sentence-space: normal}
  caption: {hanging-punctuation: false}
)",
                 d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_TRUE(l->style("body").hangingPunctuation);
  EXPECT_TRUE(l->style("body").wideSentenceSpace);
  EXPECT_TRUE(l->style("quote").hangingPunctuation);  // from body
  EXPECT_FALSE(l->style("quote").wideSentenceSpace);
  EXPECT_FALSE(l->style("caption").hangingPunctuation);
  EXPECT_TRUE(l->style("caption").wideSentenceSpace);
}

TEST(TypographyKeys, OffByDefault) {
  Diagnostics d;
  auto l = parse("styles: {body: {}}\n", d);
  ASSERT_TRUE(l) << d.format();
  EXPECT_FALSE(l->style("body").hangingPunctuation);
  EXPECT_FALSE(l->style("body").wideSentenceSpace);
}

TEST(TypographyKeys, BadValuesAreReportedWhereTheyAre) {
  Diagnostics d;
  auto l = parse(R"(styles:
  body: {hanging-punctuation: maybe, sentence-space: double}
)",
                 d);
  EXPECT_FALSE(l);
  const std::string all = d.format();
  EXPECT_NE(all.find("layout.yaml:2:31"), std::string::npos) << all;
  EXPECT_NE(all.find("bad sentence-space; expected normal"), std::string::npos) << all;
  EXPECT_NE(all.find("layout.yaml:2:54"), std::string::npos) << all;
}

}  // namespace
}  // namespace folio::style
