// subsetFont's batch cache: a glyph set met again gives the same subset, and
// its compressed program is shared, however many other sets came between;
// what is kept stays within the budget.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fontembed/FontSubset.h"
#include "text/Font.h"

namespace folio {
namespace {

const char* kSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";

// Glyph set number `n`: .notdef and ten glyphs, different for each n.
std::vector<uint32_t> glyphSet(uint32_t n) {
  std::vector<uint32_t> gids{0};
  for (uint32_t i = 0; i < 10; ++i) gids.push_back(3 + n + 7 * i);
  return gids;
}

TEST(SubsetCache, SetMetAgainAfterManyOthersSharesItsCompressedProgram) {
  auto font = text::Font::load(kSerif, 0, 1);
  ASSERT_TRUE(font);
  int calls = 0;
  auto compress = [&calls](std::string_view bytes, int level) {
    ++calls;
    return std::to_string(level) + ":" + std::string(bytes.substr(0, 16));
  };
  const fontembed::FontSubset first = fontembed::subsetFont(*font, glyphSet(0));
  ASSERT_TRUE(first.ok) << first.error;
  const std::string packed = first.packed(6, compress);
  EXPECT_EQ(calls, 1);
  // 40 other letters' glyph sets in between (a mail merge's body font has
  // hundreds); the cache used to keep the last eight.
  for (uint32_t n = 1; n <= 40; ++n) ASSERT_TRUE(fontembed::subsetFont(*font, glyphSet(n)).ok);
  const fontembed::FontSubset again = fontembed::subsetFont(*font, glyphSet(0));
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.program, first.program);
  EXPECT_EQ(again.newGid, first.newGid);
  EXPECT_EQ(again.packed(6, compress), packed);
  EXPECT_EQ(calls, 1) << "the set met again was compressed a second time";
}

TEST(SubsetCache, BudgetBoundsWhatIsKeptAndBytesStayTheSame) {
  auto font = text::Font::load(kSerif, 0, 2);
  ASSERT_TRUE(font);
  const size_t before = fontembed::keptSubsetBytes();
  const size_t budget = fontembed::setSubsetBudget(0);  // keep one subset per font at most
  int calls = 0;
  auto compress = [&calls](std::string_view bytes, int) {
    ++calls;
    return std::string(bytes);
  };
  const fontembed::FontSubset a = fontembed::subsetFont(*font, glyphSet(0));
  ASSERT_TRUE(a.ok);
  a.packed(6, compress);
  const size_t keptOne = fontembed::keptSubsetBytes() - before;
  EXPECT_GT(keptOne, a.program.size());
  for (uint32_t n = 1; n <= 12; ++n) {
    ASSERT_TRUE(fontembed::subsetFont(*font, glyphSet(n)).ok);
    EXPECT_LE(fontembed::keptSubsetBytes() - before, 2 * keptOne) << "set " << n;
  }
  // Given up, made again (and compressed again): the same bytes.
  const fontembed::FontSubset again = fontembed::subsetFont(*font, glyphSet(0));
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.program, a.program);
  EXPECT_EQ(again.newGid, a.newGid);
  again.packed(6, compress);
  EXPECT_EQ(calls, 2);
  fontembed::setSubsetBudget(budget);
}

}  // namespace
}  // namespace folio
