#include <gtest/gtest.h>

#include "markup/LanguageTag.h"

namespace folio::markup {
namespace {

TEST(LanguageTag, AcceptsCommonTags) {
  for (const char* tag :
       {"en", "en-GB", "ar", "ar-EG", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996", "es-419", "fil",
        "x-private", "en-x-custom", "en-US-u-ca-gregory", "und", "EN-gb"}) {
    EXPECT_TRUE(isPlausibleLanguageTag(tag)) << tag;
  }
}

TEST(LanguageTag, RefusesMistakes) {
  for (const char* tag : {"", "e", "english", "en_US", "en-", "-en", "en--GB", "en-GB-", "12", "en-x", "a-b",
                          "en-toolongvariant", "en GB"}) {
    EXPECT_FALSE(isPlausibleLanguageTag(tag)) << tag;
  }
}

TEST(LanguageTag, Suggestions) {
  EXPECT_EQ(suggestLanguageTag("en_US"), "en-US");
  EXPECT_EQ(suggestLanguageTag("English"), "en");
  EXPECT_EQ(suggestLanguageTag("ARABIC"), "ar");
  EXPECT_EQ(suggestLanguageTag("klingon"), "");
}

}  // namespace
}  // namespace folio::markup
