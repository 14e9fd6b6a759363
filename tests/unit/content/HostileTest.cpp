// Hostile content (issue 7): work that must stay linear however many
// problems a generated file holds, and positions kept for later checks.
#include <chrono>

#include "ContentFixture.h"

namespace folio::content {
namespace {

class ContentHostile : public ContentTest {};

// Thousands of ids and thousands of broken references: every problem is
// reported, only the first hundred with a "did you mean" (each compares
// with every id), so the check stays fast.
TEST_F(ContentHostile, ManyBrokenReferencesStayLinear) {
  const int n = 5000;
  std::string yaml = "footnotes:\n";
  for (int i = 0; i < n; ++i) yaml += "  note-" + std::to_string(i) + ": Note.\n";
  yaml += "body:\n";
  for (int i = 0; i < n; ++i) {
    yaml += "  - paragraph: \"See [this](#blok-" + std::to_string(i) + ").[^nte-" + std::to_string(i) + "]\"\n";
    yaml += "    id: block-" + std::to_string(i) + "\n";
  }
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(build(yaml));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 20.0);  // quadratic suggestions took minutes; linear is well under a second
  size_t errors = 0, suggestions = 0;
  for (const Diagnostic& d : m_diags.all()) {
    if (d.severity != Severity::Error) continue;
    ++errors;
    if (d.message.find("did you mean") != std::string::npos) ++suggestions;
  }
  EXPECT_EQ(errors, 2u * n);
  EXPECT_EQ(suggestions, 100u);
  EXPECT_NE(diagnostics().find("content.yaml:" + std::to_string(n + 3) +
                               ":5: error: link '#blok-0' points to no block; did you mean '#block-0'?"),
            std::string::npos)
      << diagnostics().substr(0, 400);
}

TEST_F(ContentHostile, StylePositionIsKeptForTheLayoutCheck) {
  auto doc = build("body:\n  - paragraph: Text\n    style: labl\n  - markdown: \"# H\\n\\ntext\"\n    style: quote\n");
  ASSERT_TRUE(doc) << diagnostics();
  ASSERT_EQ(doc->body.size(), 3u);
  EXPECT_EQ(doc->body[0].base().style, "labl");
  EXPECT_EQ(doc->body[0].base().stylePos.line, 3);
  EXPECT_EQ(doc->body[0].base().stylePos.column, 12);
  // Blocks made by a markdown block carry its style and where it is written.
  EXPECT_EQ(doc->body[2].base().style, "quote");
  EXPECT_EQ(doc->body[2].base().stylePos.line, 5);
}

}  // namespace
}  // namespace folio::content
