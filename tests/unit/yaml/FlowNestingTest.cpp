#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "yaml/FlowNesting.h"
#include "yaml/Node.h"

namespace folio::yaml {
namespace {

constexpr size_t npos = std::string_view::npos;

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(FlowNesting, CountsNestedFlowCollections) {
  EXPECT_EQ(findDeepFlowNesting(repeat("[", 64), 64), npos);
  EXPECT_EQ(findDeepFlowNesting(repeat("[", 65), 64), 64u);
  EXPECT_EQ(findDeepFlowNesting("a: " + repeat("{b: ", 3), 2), 11u);
  EXPECT_EQ(findDeepFlowNesting("a: [[x], [y], [z]]\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("a: [[x], [y], [[z]]]\n", 2), 15u);
  EXPECT_EQ(findDeepFlowNesting("- - - [[a]]\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("k: &a !t [[[a]]]\n", 2), 11u);
  EXPECT_EQ(findDeepFlowNesting("--- [[[a]]]\n", 2), 6u);
}

TEST(FlowNesting, IgnoresBracketsInsideScalarsAndComments) {
  std::string deep = repeat("[", 100);
  EXPECT_EQ(findDeepFlowNesting("a: '" + deep + "'\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("a: 'it''s " + deep + "'\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("a: \"x\\\" " + deep + "\"\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("a: \"multi\n  line " + deep + "\"\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("a: text " + deep + "\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("- see [1] and " + deep + "\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("# " + deep + "\na: 1 # " + deep + "\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("a: |\n  " + deep + "\n\n  " + deep + "\nb: [x]\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("- k: >-\n    " + deep + "\n- x\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("[ 'a]]]', \"]]\", [b]]\n", 2), npos);
  EXPECT_EQ(findDeepFlowNesting("[a#b, c]", 1), npos);
}

TEST(FlowNesting, CountsBracketsYamlCppWouldTokenize) {
  // After a quoted scalar or a flow collection, a bracket starts a token.
  EXPECT_NE(findDeepFlowNesting("key: 'a' [[[[", 2), npos);
  EXPECT_NE(findDeepFlowNesting("key: [] [[[[", 2), npos);
  // A block scalar ends at a line not indented past its parent key.
  EXPECT_NE(findDeepFlowNesting("- k: |\n  [[[[\n", 2), npos);
  EXPECT_NE(findDeepFlowNesting("a: |\n  x\nb: [[[[\n", 2), npos);
  EXPECT_NE(findDeepFlowNesting("a: |\n  x\n---\n[[[[\n", 2), npos);
}

TEST(FlowNesting, HugeInputIsRefusedQuicklyByParse) {
  std::string text(8u << 20, '[');
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  EXPECT_FALSE(parse(text, "big.yaml", Limits{}, diags));
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].format(),
            "big.yaml:1:65: error: nesting deeper than 64 levels; expected a flatter document");
  EXPECT_LT(ms, 5000);
}

TEST(FlowNesting, LongFlatFlowSequencesStayLinear) {
  // Positions on one very long line must not cost a rescan each.
  std::string text = "[" + repeat("[a],[b], ", 40000) + "]";
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  auto root = parse(text, "flat.yaml", Limits{}, diags);
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(root) << diags.format();
  EXPECT_EQ(root->items.size(), 80000u);
  EXPECT_EQ(root->items[79999].pos.column, 2 + 39999 * 9 + 4);
  EXPECT_LT(ms, 10000);  // quadratic would be hours; generous for sanitizer builds
}

}  // namespace
}  // namespace folio::yaml
