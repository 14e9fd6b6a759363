#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "TextTestSupport.h"
#include "text/DocumentFonts.h"
#include "text/FontStore.h"

namespace folio::text {
namespace {

using testing::sharedStore;
using testing::tag;

FontRequest req(std::string family, int weight = 400, bool italic = false, std::string lang = {}) {
  FontRequest r;
  r.families = {std::move(family)};
  r.weight = weight;
  r.italic = italic;
  r.language = std::move(lang);
  return r;
}

TEST(FontStore, MatchesWeightAndSlantToDistinctFiles) {
  FontStore& s = sharedStore();
  const Font* regular = s.match(req("Noto Serif"));
  const Font* bold = s.match(req("Noto Serif", 700));
  const Font* italic = s.match(req("Noto Serif", 400, true));
  const Font* boldItalic = s.match(req("Noto Serif", 700, true));
  ASSERT_TRUE(regular && bold && italic && boldItalic);
  EXPECT_EQ(regular->familyName(), "Noto Serif");
  EXPECT_EQ(bold->familyName(), "Noto Serif");
  EXPECT_EQ(regular->metrics().weight, 400);
  EXPECT_EQ(bold->metrics().weight, 700);
  EXPECT_FALSE(regular->metrics().italic);
  EXPECT_TRUE(italic->metrics().italic);
  EXPECT_TRUE(boldItalic->metrics().italic);
  EXPECT_EQ(boldItalic->metrics().weight, 700);
  std::vector<std::string> paths = {regular->path(), bold->path(), italic->path(), boldItalic->path()};
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(std::unique(paths.begin(), paths.end()), paths.end()) << "faces must come from distinct files";
  // Loaded once: the same request gives the same object.
  EXPECT_EQ(s.match(req("Noto Serif", 700)), bold);
  EXPECT_EQ(s.match(req("noto serif")), regular);  // fontconfig's family match is case-insensitive
}

TEST(FontStore, UnknownFamilyIsNullNotASubstitute) {
  FontStore& s = sharedStore();
  EXPECT_EQ(s.match(req("No Such Family Folio")), nullptr);
  FontRequest r;
  r.families = {"No Such Family Folio", "Noto Sans"};
  const Font* f = s.match(r);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->familyName(), "Noto Sans");
  EXPECT_EQ(s.match(FontRequest{}), nullptr);
}

TEST(FontStore, ScriptFallbacks) {
  FontStore& s = sharedStore();
  const FontRequest serif = req("Noto Serif");
  const Font* arabic = s.fallback(0x0628, tag("Arab"), serif);
  ASSERT_NE(arabic, nullptr);
  EXPECT_EQ(arabic->familyName(), "Noto Naskh Arabic");
  const Font* deva = s.fallback(0x0915, tag("Deva"), serif);
  ASSERT_NE(deva, nullptr);
  EXPECT_EQ(deva->familyName(), "Noto Serif Devanagari");
  const Font* devaSans = s.fallback(0x0915, tag("Deva"), req("Noto Sans"));
  ASSERT_NE(devaSans, nullptr);
  EXPECT_EQ(devaSans->familyName(), "Noto Sans Devanagari");
  const Font* han = s.fallback(0x4E2D, tag("Hani"), serif);
  ASSERT_NE(han, nullptr);
  EXPECT_EQ(han->familyName(), "Noto Serif CJK SC");
  const Font* hebrew = s.fallback(0x05E9, tag("Hebr"), serif);
  ASSERT_NE(hebrew, nullptr);
  EXPECT_EQ(hebrew->familyName(), "Noto Serif Hebrew");
  const Font* thai = s.fallback(0x0E01, tag("Thai"), req("Noto Sans"));
  ASSERT_NE(thai, nullptr);
  EXPECT_EQ(thai->familyName(), "Noto Sans Thai");
  // The requested family comes first when it has the character.
  const Font* latin = s.fallback(U'a', tag("Latn"), serif);
  ASSERT_NE(latin, nullptr);
  EXPECT_EQ(latin, s.match(serif));
  // Weight is honoured by the fallback family.
  const Font* arabicBold = s.fallback(0x0628, tag("Arab"), req("Noto Serif", 700));
  ASSERT_NE(arabicBold, nullptr);
  EXPECT_EQ(arabicBold->metrics().weight, 700);
}

TEST(FontStore, CjkRegionalVariantsFollowLanguage) {
  FontStore& s = sharedStore();
  const Font* ja = s.fallback(0x4E2D, tag("Hani"), req("Noto Serif", 400, false, "ja"));
  const Font* ko = s.fallback(0x4E2D, tag("Hani"), req("Noto Sans", 400, false, "ko-KR"));
  const Font* tw = s.fallback(0x4E2D, tag("Hani"), req("Noto Serif", 400, false, "zh-TW"));
  const Font* kana = s.fallback(0x3042, tag("Hira"), req("Noto Serif"));
  ASSERT_TRUE(ja && ko && tw && kana);
  EXPECT_EQ(ja->familyName(), "Noto Serif CJK JP");
  EXPECT_EQ(ko->familyName(), "Noto Sans CJK KR");
  EXPECT_EQ(tw->familyName(), "Noto Serif CJK TC");
  EXPECT_EQ(kana->familyName(), "Noto Serif CJK JP");
}

TEST(FontStore, LastResortFindsAnyCoveringFont) {
  FontStore& s = sharedStore();
  // Linear B is in no chain; only "Noto Sans Linear B" has it.
  const Font* linearB = s.fallback(0x10000, tag("Linb"), req("Noto Serif"));
  ASSERT_NE(linearB, nullptr);
  EXPECT_TRUE(linearB->hasCodepoint(0x10000));
  // Nobody has a plane-16 private-use character.
  EXPECT_EQ(s.fallback(0x10FFFD, tag("Zzzz"), req("Noto Serif")), nullptr);
}

TEST(FontStore, ChainListsFamiliesInOrder) {
  FontStore& s = sharedStore();
  std::vector<std::string> arab = s.chainFor(tag("Arab"), req("Noto Serif"));
  ASSERT_GE(arab.size(), 3u);
  EXPECT_EQ(arab[0], "Noto Serif");
  EXPECT_EQ(arab[1], "Noto Naskh Arabic");
  EXPECT_EQ(arab[2], "Noto Sans Arabic");
  std::vector<std::string> hebr = s.chainFor(tag("Hebr"), req("Noto Sans"));
  ASSERT_GE(hebr.size(), 3u);
  EXPECT_EQ(hebr[1], "Noto Sans Hebrew");
  EXPECT_EQ(hebr[2], "Noto Serif Hebrew");
  std::vector<std::string> latn = s.chainFor(tag("Latn"), req("Noto Sans"));
  EXPECT_EQ(latn, (std::vector<std::string>{"Noto Sans", "Noto Serif", "Noto Sans Mono"}));
}

TEST(FontStore, MinusSignComesFromNotoNotAnyCoveringFont) {
  // Debian 12's Noto Serif and Noto Sans lack U+2212; the chain's Noto Sans
  // Mono has it in both weights, so fontconfig's DejaVu Sans is not asked.
  FontStore& s = sharedStore();
  for (int weight : {400, 700}) {
    const Font* minus = s.fallback(0x2212, tag("Zyyy"), req("Noto Serif", weight));
    ASSERT_NE(minus, nullptr);
    EXPECT_EQ(minus->familyName(), "Noto Sans Mono");
    EXPECT_EQ(minus->metrics().weight, weight);
  }
}

TEST(FontStore, IdsFollowLoadOrderAndAreStable) {
  FontStore s({});
  const Font* a = s.match(req("Noto Sans"));
  const Font* b = s.match(req("Noto Serif", 700));
  const Font* c = s.match(req("Noto Sans"));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a, c);
  EXPECT_EQ(a->id(), 0u);
  EXPECT_EQ(b->id(), 1u);
  std::vector<const Font*> all = s.loaded();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0], a);
  EXPECT_EQ(all[1], b);
}

// Work done ahead of document order (a helper thread laying out a later
// paragraph) loads fonts without giving them ids; replaying its look-ups
// when the document reaches it gives the ids one thread would have given.
TEST(FontStore, RecordingLeavesIdsToDocumentOrder) {
  FontStore s({});
  FontCalls later;
  const Font* arabicAhead = nullptr;
  const Font* boldAhead = nullptr;
  std::thread helper([&] {
    FontStore::Recording recording(later);
    boldAhead = s.match(req("Noto Serif", 700));
    arabicAhead = s.fallback(0x0628, tag("Arab"), req("Noto Serif", 700));
    EXPECT_EQ(s.match(req("Noto Serif", 700)), boldAhead);  // a repeat is noted once
  });
  helper.join();
  ASSERT_TRUE(arabicAhead && boldAhead);
  EXPECT_EQ(boldAhead->id(), Font::kNoId);
  EXPECT_EQ(arabicAhead->id(), Font::kNoId);
  EXPECT_EQ(later.calls.size(), 2u);
  // Document order: a regular paragraph first, then the one laid out ahead.
  const Font* regular = s.match(req("Noto Serif"));
  ASSERT_NE(regular, nullptr);
  EXPECT_EQ(regular->id(), 0u);
  s.replay(later);
  EXPECT_EQ(boldAhead->id(), 1u);
  EXPECT_EQ(arabicAhead->id(), 2u);
  // The same answers as without a Recording.
  EXPECT_EQ(s.match(req("Noto Serif", 700)), boldAhead);
  EXPECT_EQ(s.fallback(0x0628, tag("Arab"), req("Noto Serif", 700)), arabicAhead);
  std::vector<const Font*> all = s.loaded();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0], regular);
  EXPECT_EQ(all[2], arabicAhead);
}

TEST(FontStore, ConcurrentUseLoadsEachFileOnce) {
  FontStore s({});
  std::vector<const Font*> got(8, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] { got[t] = s.fallback(0x0628, tag("Arab"), req("Noto Serif")); });
  }
  for (auto& th : threads) th.join();
  ASSERT_NE(got[0], nullptr);
  for (const Font* f : got) EXPECT_EQ(f, got[0]);
  std::vector<std::string> paths;
  for (const Font* f : s.loaded()) paths.push_back(f->path() + "#" + std::to_string(f->faceIndex()));
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(std::unique(paths.begin(), paths.end()), paths.end());
}

// A document's own fonts/ folder serves that document only: two folders
// with different files of one family give each document its own file,
// whatever was looked up before, and a document without folders neither.
TEST(FontStore, DocumentFoldersServeTheirOwnDocumentOnly) {
  namespace fs = std::filesystem;
  const fs::path regular = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
  const fs::path bold = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf";
  if (!fs::exists(regular) || !fs::exists(bold)) GTEST_SKIP() << "fonts-dejavu-core is not installed";
  const fs::path root = fs::path(::testing::TempDir()) / "folio-font-folders";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "fonts");
  fs::create_directories(root / "b" / "fonts");
  fs::copy_file(regular, root / "a" / "fonts" / regular.filename());
  fs::copy_file(bold, root / "b" / "fonts" / bold.filename());
  const std::string inA = fs::canonical(root / "a" / "fonts" / regular.filename()).string();
  const std::string inB = fs::canonical(root / "b" / "fonts" / bold.filename()).string();
  FontStore& s = sharedStore();
  auto pathFor = [&](const char* folder) {
    DocumentFonts document;
    DocumentFonts::Scope scope(document);
    s.addDirectory((root / folder / "fonts").string(), FontStore::kBesideContent,
                   "fonts/ beside the content");
    const Font* f = s.match(req("DejaVu Serif"));
    return f ? f->path() : std::string();
  };
  EXPECT_EQ(pathFor("a"), inA);
  EXPECT_EQ(pathFor("b"), inB);
  EXPECT_EQ(pathFor("a"), inA);
  const Font* none = s.match(req("DejaVu Serif"));  // no document folders: the system's, if any
  if (none) {
    EXPECT_NE(none->path(), inA);
    EXPECT_NE(none->path(), inB);
  }
  // Another thread's document with other folders at the same time.
  std::string fromThread;
  std::thread t([&] { fromThread = pathFor("b"); });
  const std::string here = pathFor("a");
  t.join();
  EXPECT_EQ(here, inA);
  EXPECT_EQ(fromThread, inB);
  fs::remove_all(root);
}

}  // namespace
}  // namespace folio::text
