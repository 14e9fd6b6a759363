// Random YAML-ish text: parse() must never throw or crash, and must either
// return a tree or report at least one error.
#include <gtest/gtest.h>

#include <random>

#include "yaml/Node.h"

namespace folio::yaml {
namespace {

TEST(YamlRobustness, RandomInput) {
  static const std::vector<std::string> pieces{
      "a",  "key",    ":",     ": ",    "- ",  "-",  "\n", "  ", "[",           "]",    "{",
      "}",  ",",      "&x ",   "*x",    "&y ", "*y", "'",  "\"", "|",           ">",    "#",
      "? ", "!!str ", "---\n", "...\n", "~",   "\\", "é",  "\t", "%YAML 1.2\n", "<<: ", "\r\n"};
  std::mt19937 rng(777);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    size_t length = 1 + static_cast<size_t>(i % 80);
    while (text.size() < length) text += pieces[pick(rng)];
    Diagnostics diags;
    std::unique_ptr<Node> root = parse(text, "r.yaml", Limits{}, diags);
    if (!root) {
      EXPECT_TRUE(diags.hasErrors()) << text;
    }
  }
}

}  // namespace
}  // namespace folio::yaml
