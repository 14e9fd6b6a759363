// Value offsets of a scalar map back to the line and column where each
// character was written, whatever the scalar's style.
#include <gtest/gtest.h>

#include "yaml/Node.h"
#include "yaml/ScalarSource.h"

namespace folio::yaml {
namespace {

// Parses `text`, takes the scalar under `key` of the root mapping, and
// returns the position of the first occurrence of `needle` in its value.
std::string where(const std::string& text, const std::string& key, const std::string& needle) {
  Diagnostics diags;
  auto root = parse(text, "t.yaml", Limits{}, diags);
  EXPECT_TRUE(root) << diags.format();
  if (!root) return "";
  for (const auto& entry : root->entries) {
    if (entry.first.scalar != key) continue;
    const Node& value = entry.second;
    auto source = std::make_shared<const SourceText>("t.yaml", text);
    ScalarMap map(source, value.offset, value.scalar);
    size_t at = value.scalar.find(needle);
    EXPECT_NE(at, std::string::npos) << value.scalar;
    SourcePos pos = map.position(static_cast<uint32_t>(at));
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
  }
  ADD_FAILURE() << "no key " << key;
  return "";
}

TEST(ScalarSource, PlainScalarOnOneLine) { EXPECT_EQ(where("a: one two X three\n", "a", "X"), "1:12"); }

TEST(ScalarSource, PlainScalarFoldedOverLines) {
  EXPECT_EQ(where("a: one two\n  three X four\n", "a", "X"), "2:9");
}

TEST(ScalarSource, QuotedScalars) {
  EXPECT_EQ(where("a: \"one X\"\n", "a", "X"), "1:9");
  EXPECT_EQ(where("a: 'it''s X'\n", "a", "X"), "1:11");
}

TEST(ScalarSource, EscapesCountAsWhatTheyProduce) {
  // \u00e9 is six bytes in the file and two in the value.
  EXPECT_EQ(where("a: \"caf\\u00e9 X\"\n", "a", "X"), "1:15");
  EXPECT_EQ(where("a: \"tab\\tX\"\n", "a", "X"), "1:10");
}

TEST(ScalarSource, LiteralAndFoldedBlocks) {
  EXPECT_EQ(where("a: |\n  first\n  second X\n", "a", "X"), "3:10");
  EXPECT_EQ(where("a: >-\n  first\n  second X\n", "a", "X"), "3:10");
}

TEST(ScalarSource, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(where("a: \xd0\xb4\xd0\xb0 X\n", "a", "X"), "1:7");  // "да X"
}

TEST(ScalarSource, AByteOrderMarkIsNotAColumn) {
  EXPECT_EQ(where("\xEF\xBB\xBF"
                  "a: one X\n",
                  "a", "X"),
            "1:8");
}

}  // namespace
}  // namespace folio::yaml
