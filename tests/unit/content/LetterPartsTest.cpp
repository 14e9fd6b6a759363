// Letter parts (content format 1.1): read from the top level, refused with
// positions, and turned into the flow's blocks.
#include <gtest/gtest.h>

#include "ContentFixture.h"
#include "content/LetterParts.h"

namespace folio::content {
namespace {

using LetterParts = ContentTest;

TEST_F(LetterParts, ReadEveryPart) {
  auto doc = build(R"(recipient:
  - Ms Hana Novak
  - 7 Ropewalk Lane
sender-line: Harbour Trust · 12 Quay Street
reference: HT-088
your-reference: NGS-14
subject: Your exhibition space
opening: "Dear Ms Novak,"
closing: "Yours sincerely,"
signature: {name: Amira Castellanos, title: "Director of *Culture*"}
enclosures: [Agreement, Floor plan]
cc: Technical office
body: [Text.]
)");
  ASSERT_TRUE(doc) << diagnostics();
  const content::LetterParts& l = doc->letter;
  EXPECT_EQ(l.recipient, (std::vector<std::string>{"Ms Hana Novak", "7 Ropewalk Lane"}));
  EXPECT_EQ(l.senderLine, "Harbour Trust · 12 Quay Street");
  EXPECT_EQ(l.reference, "HT-088");
  EXPECT_EQ(l.yourReference, "NGS-14");
  EXPECT_EQ(doc->subject, "Your exhibition space");
  ASSERT_TRUE(l.signature);
  EXPECT_EQ(l.signature->title.size(), 2u);  // "Director of " and the emphasised "Culture"
  EXPECT_EQ(l.enclosures.size(), 2u);
  EXPECT_EQ(l.cc.size(), 1u);
}

TEST_F(LetterParts, RecipientStringKeepsItsLines) {
  auto doc = build("recipient: |\n  Frau\n  Dr. Johanna Müller\n  Seilerweg 7\nbody: [Text.]\n");
  ASSERT_TRUE(doc) << diagnostics();
  EXPECT_EQ(doc->letter.recipient, (std::vector<std::string>{"Frau", "Dr. Johanna Müller", "Seilerweg 7"}));
}

TEST_F(LetterParts, MistakesAreReportedWhereTheyAre) {
  expectDiagnostics("signature: {name: A, titel: B}\nbody: [a]\n",
                    "content.yaml:1:22: error: unknown key 'titel' in 'signature'; did you mean 'title'?\n");
  expectDiagnostics("recipinet: [a]\nbody: [a]\n",
                    "content.yaml:1:1: error: unknown key 'recipinet'; did you mean 'recipient'?\n");
  expectDiagnostics("signature: [a]\nbody: [a]\n",
                    "content.yaml:1:12: error: wrong type for 'signature': expected a mapping with name, title and "
                    "image, found a sequence\n");
}

TEST_F(LetterParts, VersionOneFileHasNone) {
  auto doc = build("title: T\nsubject: S\nfields: {reference: R}\nbody: [a]\n");
  ASSERT_TRUE(doc) << diagnostics();
  EXPECT_TRUE(doc->letter.empty());
  LetterFlowOptions o;
  LetterBlocks b = letterBlocks(*doc, o, [](const std::string&) { return true; });
  EXPECT_TRUE(b.before.empty());
  EXPECT_TRUE(b.after.empty());
}

TEST_F(LetterParts, FlowBlocksInOrder) {
  auto doc = build(R"(recipient: [A, B]
subject: S
opening: O
closing: C
signature: {name: N, title: T}
enclosures: [E]
cc: [X]
body: [a]
)");
  ASSERT_TRUE(doc) << diagnostics();
  LetterFlowOptions o;
  o.recipient = true;
  o.subject = true;
  LetterBlocks b = letterBlocks(*doc, o, [](const std::string& s) { return s != "cc-label"; });
  std::vector<std::string> before, after;
  for (const Block& x : b.before) before.push_back(x.base().style);
  for (const Block& x : b.after) after.push_back(x.base().style);
  EXPECT_EQ(before, (std::vector<std::string>{"recipient", "subject", "opening"}));
  // A style the layout lacks leaves the part in `body` (style "").
  EXPECT_EQ(after, (std::vector<std::string>{"closing", "signature-name", "signature-title", "enclosures-label",
                                             "enclosures", "", "cc"}));
}

}  // namespace
}  // namespace folio::content
