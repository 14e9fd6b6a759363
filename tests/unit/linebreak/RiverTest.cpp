// Rivers (Params::riverDemerits): word spaces that line up down 3 or more
// lines cost demerits, so the breaker prefers breaks that stagger them.
#include <gtest/gtest.h>

#include "linebreak/KnuthPlass.h"

namespace folio::linebreak {
namespace {

Sp pt(double v) { return static_cast<Sp>(v * kSpPerPt); }

std::vector<Item> words(const std::vector<double>& widths) {
  std::vector<Item> items;
  for (size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) items.push_back(Item::glue(pt(1), pt(1), pt(1)));
    items.push_back(Item::box(pt(widths[i])));
  }
  finishParagraph(items);
  return items;
}

using Breaks = std::vector<size_t>;

TEST(Rivers, CountedOnlyWhenAsked) {
  // Twelve words of 2 on a measure of 11: "2 2 2 2" fills a line exactly,
  // with its spaces at [2,3], [5,6], [8,9] on every line. The third line
  // (the paragraph's last, at natural width) continues three rivers.
  const auto items = words(std::vector<double>(12, 2));
  Params params;
  Result r = breakLines(items, {pt(11)}, params);
  EXPECT_EQ(r.breaks, (Breaks{7, 15, 25}));
  EXPECT_EQ(r.rivers, 0);  // not looked for
  params.riverDemerits = 1;
  r = breakLines(items, {pt(11)}, params);
  EXPECT_EQ(r.breaks, (Breaks{7, 15, 25}));
  EXPECT_EQ(r.rivers, 3);
  EXPECT_EQ(r.demerits, 100 + 100 + 100 + 3);  // (10 + 0)^2 per line and 1 per river space
}

TEST(Rivers, TheBreakerStaggersTheSpaces) {
  // Words 2 2 2 2 | 3 2 2 3 | 2 2 2 2 ... on 11: the best lines (all exact)
  // stack spaces at [2,3] and [8,9] in lines 1 and 3 and nearly so in line
  // 2 ([3,4], [8,9]): a river down the right side. A river cost makes the
  // breaker accept looser lines that move the spaces.
  const std::vector<double> widths = {2, 2, 2, 2, 3, 2, 2, 3, 2, 2, 2, 2, 3, 2, 2, 3};
  const auto items = words(widths);
  Params params;
  params.tolerance = 1000;
  params.riverDemerits = 1;
  const Result plain = breakLines(items, {pt(11)}, params);
  params.riverDemerits = 100000;
  const Result staggered = breakLines(items, {pt(11)}, params);
  EXPECT_GT(plain.rivers, 0);
  EXPECT_LT(staggered.rivers, plain.rivers);
  EXPECT_NE(staggered.breaks, plain.breaks);
  EXPECT_FALSE(staggered.overfull);
}

}  // namespace
}  // namespace folio::linebreak
