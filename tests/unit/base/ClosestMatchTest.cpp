// "Did you mean": the closest candidate within a third of the word's length
// (at least 2 edits), computed in a band so that long or many names stay cheap.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>

#include "base/Diagnostics.h"

namespace folio {
namespace {

size_t fullEditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The specification closestMatch must keep: first candidate at the smallest
// distance below the threshold.
std::string reference(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = fullEditDistance(word, c);
    if (d < bestDistance) bestDistance = d, best = c;
  }
  return best;
}

TEST(ClosestMatch, Typos) {
  EXPECT_EQ(closestMatch("titel", {"title", "author", "body"}), "title");
  EXPECT_EQ(closestMatch("heding", {"paragraph", "heading", "list"}), "heading");
  EXPECT_EQ(closestMatch("Noto Serf", {"Noto Sans", "Noto Serif", "DejaVu Serif"}), "Noto Serif");
  EXPECT_EQ(closestMatch("xyz", {"title", "body"}), "");
  EXPECT_EQ(closestMatch("", {"a", "bb"}), "a");
}

TEST(ClosestMatch, SameAnswerAsTheFullEditDistance) {
  std::mt19937 rng(7);
  auto word = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>('a' + rng() % 3);
    return s;
  };
  for (int t = 0; t < 20000; ++t) {
    std::string w = word(rng() % 14);
    std::vector<std::string> candidates;
    for (int k = 0; k < 6; ++k) candidates.push_back(word(rng() % 14));
    ASSERT_EQ(closestMatch(w, candidates), reference(w, candidates)) << w;
  }
}

TEST(ClosestMatch, LongWordsAndManyCandidatesStayCheap) {
  std::string longWord(1'000'000, 'a');
  EXPECT_EQ(closestMatch(longWord, {longWord, "a"}), "");  // no suggestion past 64 characters
  std::vector<std::string> ids;
  for (int i = 0; i < 200000; ++i) ids.push_back("block-" + std::to_string(i));
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(closestMatch("blok-123456", ids), "block-123456");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

}  // namespace
}  // namespace folio
