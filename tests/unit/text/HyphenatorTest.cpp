#include <gtest/gtest.h>

#include <thread>

#include "TextTestSupport.h"
#include "text/Hyphenator.h"

namespace folio::text {
namespace {

using testing::u32;

// Inserts "-" at the positions, for readable assertions.
std::string show(const std::u32string& word, const std::vector<uint32_t>& pos) {
  std::u32string out;
  size_t k = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (k < pos.size() && pos[k] == i) {
      out += U'-';
      ++k;
    }
    out += word[i];
  }
  return toUtf8(out);
}

std::string hyph(Hyphenator& h, const char* word, const char* lang) {
  const std::u32string w = u32(word);
  return show(w, h.hyphenate(w, lang));
}

Hyphenator& shared() {
  static Hyphenator h;
  return h;
}

TEST(Hyphenator, English) {
  Hyphenator& h = shared();
  EXPECT_EQ(hyph(h, "hyphenation", "en-US"), "hy-phen-ation");
  EXPECT_EQ(hyph(h, "hyphenation", "en"), "hy-phen-ation");
  EXPECT_EQ(hyph(h, "Hyphenation", "en-GB"), "Hy-phen-ation");  // capitalised words are fine
  EXPECT_EQ(hyph(h, "typesetting", "en"), "type-set-ting");
  EXPECT_TRUE(h.hasLanguage("en"));
}

TEST(Hyphenator, EnglishMinimums) {
  Hyphenator& h = shared();
  // Right minimum 3: never "...-ly" / "...-ed" with two letters.
  for (const char* w : {"quickly", "computer", "hyphenated"}) {
    const std::u32string word = u32(w);
    for (uint32_t p : h.hyphenate(word, "en")) {
      EXPECT_GE(p, 2u) << w;
      EXPECT_LE(p, word.size() - 3) << w;
    }
  }
}

TEST(Hyphenator, German) {
  Hyphenator& h = shared();
  EXPECT_EQ(hyph(h, "Silbentrennung", "de"), "Sil-ben-tren-nung");
  EXPECT_EQ(hyph(h, "Silbentrennung", "de-DE"), "Sil-ben-tren-nung");
  EXPECT_EQ(hyph(h, "Größenänderung", "de"), "Grö-ßen-än-de-rung");  // non-ASCII in ISO-8859-1 patterns
}

TEST(Hyphenator, Russian) {
  Hyphenator& h = shared();
  EXPECT_EQ(hyph(h, "переносы", "ru"), "пе-ре-но-сы");  // KOI8-R pattern file
  // Debian's hyph_ru_RU.dic is sparse: libhyphen itself (checked with a
  // direct hnj_hyphen_hyphenate2 call) finds no break in "програм".
  EXPECT_EQ(hyph(h, "Программирование", "ru-RU"), "Программи-ро-ва-ние");
  EXPECT_EQ(hyph(h, "ПЕРЕНОСЫ", "ru"), "ПЕРЕНОСЫ");  // all capitals: an acronym for us
}

TEST(Hyphenator, French) {
  Hyphenator& h = shared();
  EXPECT_EQ(hyph(h, "typographie", "fr"), "ty-po-gra-phie");
  EXPECT_EQ(hyph(h, "l'ordinateur", "fr-FR"), "l'or-di-na-teur");
}

TEST(Hyphenator, SpanishAndItalian) {
  Hyphenator& h = shared();
  EXPECT_EQ(hyph(h, "computadora", "es"), "com-pu-ta-do-ra");
  EXPECT_EQ(hyph(h, "tipografia", "it"), "ti-po-gra-fia");
}

TEST(Hyphenator, AcronymsAndDigitsAreNotHyphenated) {
  Hyphenator& h = shared();
  EXPECT_TRUE(h.hyphenate(u32("NASA"), "en").empty());
  EXPECT_TRUE(h.hyphenate(u32("HYPHENATION"), "en").empty());
  EXPECT_TRUE(h.hyphenate(u32("hyphenation2"), "en").empty());
  EXPECT_TRUE(h.hyphenate(u32("a"), "en").empty());
}

TEST(Hyphenator, SoftHyphensOverridePatterns) {
  Hyphenator& h = shared();
  const std::u32string word = U"hyphen\u00ADation";
  EXPECT_EQ(h.hyphenate(word, "en"), (std::vector<uint32_t>{7}));
  EXPECT_EQ(h.hyphenate(U"ab\u00ADcd\u00ADef", "xx"), (std::vector<uint32_t>{3, 6}));
}

TEST(Hyphenator, UnknownLanguage) {
  Hyphenator& h = shared();
  EXPECT_FALSE(h.hasLanguage("qq"));
  EXPECT_FALSE(h.hasLanguage(""));
  EXPECT_TRUE(h.hyphenate(u32("hyphenation"), "qq").empty());
  Hyphenator none(std::vector<std::string>{"/nonexistent"});
  EXPECT_FALSE(none.hasLanguage("en"));
  EXPECT_TRUE(none.hyphenate(u32("hyphenation"), "en").empty());
}

TEST(Hyphenator, ConcurrentUse) {
  // A fresh instance so the threads race on loading too (en and fr load
  // fast; the German file takes libhyphen seconds, tested once above).
  Hyphenator h;
  std::vector<std::string> got(6);
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      const char* lang = (t % 2) ? "fr" : "en-US";
      const char* word = (t % 2) ? "typographie" : "hyphenation";
      for (int i = 0; i < 50; ++i) got[t] = hyph(h, word, lang);
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 6; ++t) EXPECT_EQ(got[t], (t % 2) ? "ty-po-gra-phie" : "hy-phen-ation");
}

TEST(Hyphenator, TagsNamingTheSameFileShareIt) {
  Hyphenator& h = shared();
  EXPECT_TRUE(h.hasLanguage("de"));  // already loaded by the German test, or loaded here once
  EXPECT_TRUE(h.hasLanguage("de-DE"));
  EXPECT_TRUE(h.hasLanguage("DE_de"));
  EXPECT_EQ(hyph(h, "Silbentrennung", "de-AT"), "Sil-ben-tren-nung");
  EXPECT_FALSE(h.hasLanguage("../../etc/passwd"));
}

}  // namespace
}  // namespace folio::text
