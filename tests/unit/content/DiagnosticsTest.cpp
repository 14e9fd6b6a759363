// One test per content diagnostic: exact message and line:column.
#include "ContentFixture.h"

namespace folio::content {
namespace {

class ContentDiagnostics : public ContentTest {};

TEST_F(ContentDiagnostics, EmptyFile) {
  EXPECT_FALSE(build(""));
  EXPECT_EQ(diagnostics(), "content.yaml:1:1: error: empty file; expected a YAML mapping with a 'body' key\n");
}

TEST_F(ContentDiagnostics, TopLevelNotAMapping) {
  expectDiagnostics(
      "- a\n- b\n",
      "content.yaml:1:1: error: the file holds a sequence; expected a YAML mapping with a 'body' key\n");
}

TEST_F(ContentDiagnostics, MissingBody) {
  expectDiagnostics(
      "title: x\n",
      "content.yaml:1:1: error: missing 'body'; expected a key 'body' holding a sequence of blocks\n");
}

TEST_F(ContentDiagnostics, EmptyBody) {
  expectDiagnostics("body: []\n", "content.yaml:1:7: error: 'body' is empty; expected at least one block\n");
  expectDiagnostics("body:\n", "content.yaml:1:1: error: 'body' is empty; expected at least one block\n");
}

TEST_F(ContentDiagnostics, BodyNotASequence) {
  expectDiagnostics(
      "body: Hello\n",
      "content.yaml:1:7: error: wrong type for 'body': expected a sequence of blocks, found a string "
      "(start each block with '- ')\n");
}

TEST_F(ContentDiagnostics, UnknownTopLevelKey) {
  expectDiagnostics("titel: x\nbody: [a]\n",
                    "content.yaml:1:1: error: unknown key 'titel'; did you mean 'title'?\n");
  expectDiagnostics(
      "colour: red\nbody: [a]\n",
      "content.yaml:1:1: error: unknown key 'colour'; expected one of layout, title, author, subject, "
      "keywords, language, date, fields, footnotes, body, short-title, recipient, sender-line, reference, "
      "your-reference, opening, closing, signature, enclosures, cc or dir\n");
}

TEST_F(ContentDiagnostics, WrongTypes) {
  expectDiagnostics("title: [a, b]\nauthor: {x: 1}\nbody: [a]\n",
                    "content.yaml:1:8: error: wrong type for 'title': expected a string, found a sequence\n"
                    "content.yaml:2:9: error: wrong type for 'author': expected a string, found a mapping\n");
}

TEST_F(ContentDiagnostics, Language) {
  expectDiagnostics(
      "language: english\nbody: [a]\n",
      "content.yaml:1:11: error: language 'english' is not a BCP 47 language tag; expected a tag such "
      "as 'en', 'en-GB' or 'ar'; did you mean 'en'?\n");
  expectDiagnostics(
      "language: en_GB\nbody: [a]\n",
      "content.yaml:1:11: error: language 'en_GB' is not a BCP 47 language tag; expected a tag such as "
      "'en', 'en-GB' or 'ar'; did you mean 'en-GB'?\n");
}

TEST_F(ContentDiagnostics, Date) {
  expectDiagnostics(
      "date: 2026-02-30\nbody: [a]\n",
      "content.yaml:1:7: error: date '2026-02-30' is not a valid ISO 8601 date; expected YYYY-MM-DD, "
      "optionally with a time (e.g. 2026-03-02 or 2026-03-02T14:30)\n");
  expectDiagnostics("date: March 2, 2026\nbody: [a]\n",
                    "content.yaml:1:7: error: date 'March 2, 2026' is not a valid ISO 8601 date; expected "
                    "YYYY-MM-DD, optionally with a time (e.g. 2026-03-02 or 2026-03-02T14:30)\n");
}

TEST_F(ContentDiagnostics, Fields) {
  expectDiagnostics(
      "fields: [a]\nbody: [a]\n",
      "content.yaml:1:9: error: wrong type for 'fields': expected a mapping of names to strings, found "
      "a sequence\n");
  expectDiagnostics(
      "fields:\n  phone: [1, 2]\n  my field: x\nbody: [a]\n",
      "content.yaml:2:10: error: wrong type for 'fields.phone': expected a string, found a sequence\n"
      "content.yaml:3:3: error: field name 'my field' cannot be used in templates; expected letters, "
      "digits, '-' and '_'\n");
}

TEST_F(ContentDiagnostics, Footnotes) {
  expectDiagnostics(
      "footnotes: x\nbody: [a]\n",
      "content.yaml:1:12: error: wrong type for 'footnotes': expected a mapping of ids to note text, "
      "found a string\n");
  expectDiagnostics(
      "footnotes:\n  a:\n  b c: text\n  d: [x]\nbody: ['x[^a][^b c][^d]']\n",
      "content.yaml:2:3: error: footnote 'a' is empty; expected its text\n"
      "content.yaml:3:3: error: footnote id 'b c' cannot be referenced as [^id]; expected no spaces, "
      "brackets or backslashes\n"
      "content.yaml:4:6: error: wrong type for 'footnotes.d': expected inline text, found a sequence\n"
      "content.yaml:5:8: error: footnote '[^a]' is not defined; expected 'a' under the top-level "
      "'footnotes' key\n"
      "content.yaml:5:8: error: footnote '[^d]' is not defined; expected 'd' under the top-level "
      "'footnotes' key\n");
}

TEST_F(ContentDiagnostics, UndefinedFootnoteSuggestsAClosedOne) {
  expectDiagnostics(
      "footnotes:\n  src: The source.\nbody:\n  - Income rose.[^srcs]\n",
      "content.yaml:4:5: error: footnote '[^srcs]' is not defined; did you mean 'src'?\n"
      "content.yaml:2:8: warning: footnote 'src' is defined but never used; expected a reference "
      "[^src] in the text\n");
}

TEST_F(ContentDiagnostics, UnusedFootnoteIsOnlyAWarning) {
  EXPECT_TRUE(build("footnotes:\n  old: Stale.\nbody:\n  - Text.\n"));
  EXPECT_EQ(diagnostics(),
            "content.yaml:2:8: warning: footnote 'old' is defined but never used; expected a reference "
            "[^old] in the "
            "text\n");
}

TEST_F(ContentDiagnostics, FootnotesCannotHaveFootnotes) {
  EXPECT_TRUE(build("footnotes:\n  a: See [^b].\n  b: B.\nbody:\n  - x[^a][^b]\n"));
  EXPECT_EQ(
      diagnostics(),
      "content.yaml:2:6: warning: a footnote inside a footnote ('[^b]') is not supported (kept as text); "
      "expected notes without notes of their own\n");
}

TEST_F(ContentDiagnostics, UnknownBlockWithSuggestion) {
  expectDiagnostics("body:\n  - heding: Title\n",
                    "content.yaml:2:5: error: unknown block 'heding'; did you mean 'heading'?\n");
  expectDiagnostics("body:\n  - paragrph: x\n    style: body\n",
                    "content.yaml:2:5: error: unknown block 'paragrph'; did you mean 'paragraph'?\n");
}

TEST_F(ContentDiagnostics, UnknownBlockThatIsReallyText) {
  expectDiagnostics(
      "body:\n  - Note: the office is closed\n",
      "content.yaml:2:5: error: unknown block 'Note'; expected one of paragraph, heading, list, quote, "
      "image, rule, spacer, page-break, markdown or table (for text containing ': ' or ending in ':', put the "
      "text in quotes)\n");
  expectDiagnostics(
      "body:\n  - list:\n      - - Revenue grew by:\n          - list: [a, b]\n",
      "content.yaml:3:11: error: unknown block 'Revenue grew by'; expected one of paragraph, heading, "
      "list, quote, image, rule, spacer, page-break, markdown or table (for text containing ': ' or ending in "
      "':', put the text in quotes)\n");
}

TEST_F(ContentDiagnostics, BlockWithOnlyAttributes) {
  expectDiagnostics(
      "body:\n  - style: label\n",
      "content.yaml:2:5: error: a block with attributes but no content; expected one of paragraph, "
      "heading, list, quote, image, rule, spacer, page-break, markdown or table beside 'style'\n");
}

TEST_F(ContentDiagnostics, TwoBlockKeys) {
  expectDiagnostics(
      "body:\n  - heading: A\n    paragraph: B\n",
      "content.yaml:3:5: error: two block kinds in one item, 'heading' and 'paragraph'; expected one "
      "block key per item (start a new '- ' item for the second)\n");
}

TEST_F(ContentDiagnostics, EmptyAndInvalidItems) {
  expectDiagnostics(
      "body:\n  -\n  - [a, b]\n  - ''\n",
      "content.yaml:2:4: error: empty block; expected a paragraph (a string) or a mapping such as "
      "'heading: Title'\n"
      "content.yaml:3:5: error: a block cannot be a sequence; expected a paragraph (a string) or a "
      "mapping such as 'heading: Title'\n"
      "content.yaml:4:5: error: empty paragraph; expected text\n");
}

TEST_F(ContentDiagnostics, UnknownAttribute) {
  expectDiagnostics(
      "body:\n  - heading: A\n    levle: 2\n",
      "content.yaml:3:5: error: unknown attribute 'levle' for a heading; did you mean 'level'?\n");
  expectDiagnostics(
      "body:\n  - quote: A\n    colour: red\n",
      "content.yaml:3:5: error: unknown attribute 'colour' for a quote; expected id, style, lang, dir "
      "or keep-with-next\n");
  expectDiagnostics(
      "body:\n  - paragraph: A\n    level: 2\n",
      "content.yaml:3:5: error: unknown attribute 'level' for a paragraph; expected id, style, lang, "
      "dir, keep-with-next or align\n");
}

TEST_F(ContentDiagnostics, HeadingLevel) {
  expectDiagnostics("body:\n  - heading: A\n    level: 4\n",
                    "content.yaml:3:12: error: heading level 4 is out of range; expected 1, 2 or 3\n");
  expectDiagnostics("body:\n  - heading: A\n    level: two\n",
                    "content.yaml:3:12: error: heading level 'two' is not a number; expected 1, 2 or 3\n");
}

TEST_F(ContentDiagnostics, DirAndAlign) {
  expectDiagnostics(
      "body:\n  - paragraph: A\n    dir: RTL\n    align: centre\n",
      "content.yaml:3:10: error: dir 'RTL' is not valid; expected ltr, rtl or auto; did you mean "
      "'rtl'?\n"
      "content.yaml:4:12: error: align 'centre' is not valid for a paragraph; expected start, end, "
      "left, right, center or justify; did you mean 'center'?\n");
  expectDiagnostics(
      "body:\n  - image: a.png\n    align: justify\n",
      "content.yaml:2:12: error: image file 'a.png' not found (looked for '" + dir().string() +
          "/a.png'); expected a path relative to the content file\n"
          "content.yaml:3:12: error: align 'justify' is not valid for an image; expected start, end, "
          "left, right or center\n");
}

TEST_F(ContentDiagnostics, AttributeTypes) {
  expectDiagnostics(
      "body:\n  - paragraph: A\n    style: [a]\n    id: my id\n    lang: xx-\n",
      "content.yaml:3:12: error: wrong type for 'style': expected a string, found a sequence\n"
      "content.yaml:4:9: error: id 'my id' is not valid; expected letters, digits, '-', '_', '.' or "
      "':'\n"
      "content.yaml:5:11: error: lang 'xx-' is not a BCP 47 language tag; expected a tag such as 'en', "
      "'en-GB' or 'ar'\n");
}

TEST_F(ContentDiagnostics, Lengths) {
  expectDiagnostics(
      "body:\n  - spacer: 12px\n  - spacer: -3mm\n  - spacer: 20000pt\n  - spacer:\n  - rule:\n    "
      "thickness: "
      "[1]\n",
      "content.yaml:2:13: error: spacer '12px' is not a length; expected a number and a unit: pt, mm, cm, "
      "in, pc or "
      "em (e.g. 12pt or 5mm)\n"
      "content.yaml:3:13: error: spacer '-3mm' is negative; expected a length of 0 or more\n"
      "content.yaml:4:13: error: spacer '20000pt' is too large; expected at most 10000pt (or 100em)\n"
      "content.yaml:5:5: error: 'spacer' needs a length; expected a number and a unit such as 12pt or 5mm\n"
      "content.yaml:7:16: error: wrong type for 'thickness': expected a length, found a sequence\n");
}

TEST_F(ContentDiagnostics, RuleAndPageBreakTakeNoValue) {
  expectDiagnostics(
      "body:\n  - rule: thick\n  - page-break: yes\n",
      "content.yaml:2:11: error: 'rule' takes no value; expected nothing after 'rule:' (set "
      "'thickness' and 'width' beside it)\n"
      "content.yaml:3:17: error: 'page-break' takes no value; expected nothing after 'page-break:'\n");
}

TEST_F(ContentDiagnostics, Lists) {
  expectDiagnostics(
      "body:\n  - list: one\n  - list: []\n  - list:\n      - a\n      -\n",
      "content.yaml:2:11: error: wrong type for 'list': expected a sequence of items, found a string "
      "(start each item with '- ')\n"
      "content.yaml:3:11: error: 'list' is empty; expected at least one item\n"
      "content.yaml:6:8: error: empty list item; expected inline text or a sequence of blocks\n");
  expectDiagnostics(
      "body:\n  - list: [a]\n    numbered: maybe\n    start: -1\n",
      "content.yaml:3:15: error: numbered 'maybe' is not true or false; expected true or false\n"
      "content.yaml:4:12: error: list start '-1' is not valid; expected a whole number from 0 to "
      "999999999\n");
}

TEST_F(ContentDiagnostics, StartOnABulletList) {
  EXPECT_TRUE(build("body:\n  - list: [a]\n    numbered: false\n    start: 3\n"));
  EXPECT_EQ(diagnostics(),
            "content.yaml:2:5: warning: 'start' has no effect on a bullet list; expected 'numbered: true'\n");
}

TEST_F(ContentDiagnostics, Quote) {
  expectDiagnostics(
      "body:\n  - quote: {a: b}\n  - quote: []\n  - quote:\n",
      "content.yaml:2:12: error: wrong type for 'quote': expected inline text or a sequence of blocks, "
      "found a mapping\n"
      "content.yaml:3:12: error: 'quote' is empty; expected inline text or a sequence of blocks\n"
      "content.yaml:4:5: error: 'quote' is empty; expected inline text\n");
}

TEST_F(ContentDiagnostics, EmptyInlineBlocks) {
  expectDiagnostics("body:\n  - paragraph:\n  - heading: '  '\n  - markdown: ''\n",
                    "content.yaml:2:5: error: 'paragraph' is empty; expected inline text\n"
                    "content.yaml:3:14: error: 'heading' is empty; expected inline text\n"
                    "content.yaml:4:15: error: 'markdown' is empty; expected Markdown text\n");
}

TEST_F(ContentDiagnostics, DuplicateIds) {
  expectDiagnostics("body:\n  - heading: A\n    id: intro\n  - paragraph: B\n    id: intro\n",
                    "content.yaml:4:5: error: duplicate id 'intro'; first used at 2:5\n");
}

TEST_F(ContentDiagnostics, InternalLinks) {
  expectDiagnostics(
      "body:\n  - heading: A\n    id: intro\n  - See [above](#intro2) and [here](#nothing-like-it).\n",
      "content.yaml:4:5: error: link '#intro2' points to no block; did you mean '#intro'?\n"
      "content.yaml:4:5: error: link '#nothing-like-it' points to no block; expected the id of a block "
      "in this document\n");
}

TEST_F(ContentDiagnostics, LinkSchemes) {
  expectDiagnostics(
      "body:\n  - '[x](javascript:alert(1)) [y](file:///etc/passwd)'\n  - '[r](report.pdf) "
      "[w](www.example.org)'\n",
      "content.yaml:2:5: error: link scheme 'javascript:' is not allowed; use http, https, mailto or tel\n"
      "content.yaml:2:5: error: link scheme 'file:' is not allowed; use http, https, mailto or tel\n"
      "content.yaml:3:5: error: link 'report.pdf' has no scheme; expected an http, https, mailto or tel URL, "
      "or "
      "'#id' for a block in this document\n"
      "content.yaml:3:5: error: link 'www.example.org' has no scheme; expected an http, https, mailto or tel "
      "URL, "
      "or '#id' for a block in this document; did you mean 'https://www.example.org'?\n");
  EXPECT_TRUE(
      build("body:\n  - '[a](HTTPS://x.org) [b](mailto:a@b.org) [c](tel:+15550100) <http://x.org>'\n"))
      << diagnostics();
}

TEST_F(ContentDiagnostics, LinksInsideNotesAndLists) {
  expectDiagnostics(
      "footnotes:\n  n: '[x](ftp://a)'\nbody:\n  - list:\n      - 'y^[[z](#none)]'\n      - x[^n]\n",
      "content.yaml:5:9: error: link '#none' points to no block; expected the id of a block in this "
      "document\n"
      "content.yaml:2:6: error: link scheme 'ftp:' is not allowed; use http, https, mailto or tel\n");
}

TEST_F(ContentDiagnostics, InlineWarningsPointAtTheScalar) {
  EXPECT_TRUE(build("body:\n  - paragraph: a <b>bold</b>\n"));
  EXPECT_EQ(diagnostics(),
            "content.yaml:2:16: warning: unsupported tag '<b>' (kept as text); expected <sup>, <sub>, <span "
            "lang=\"..\"> or <br>; write **text** for strong text\n"
            "content.yaml:2:16: warning: unsupported tag '</b>' (kept as text); expected <sup>, <sub>, <span "
            "lang=\"..\"> or <br>; write **text** for strong text\n");
}

TEST_F(ContentDiagnostics, AllErrorsAreCollected) {
  build("titel: x\nlanguage: klingon\nbody:\n  - heding: A\n  - heading: B\n    level: 9\n  - spacer: 1px\n");
  EXPECT_EQ(m_diags.errorCount(), 5u) << diagnostics();
}

TEST_F(ContentDiagnostics, YamlErrorsComeThrough) {
  expectDiagnostics("title: a\ntitle: b\nbody: [x]\n",
                    "content.yaml:2:1: error: duplicate key 'title'; first defined at 1:1\n");
}

TEST_F(ContentDiagnostics, MissingFile) {
  Diagnostics diags;
  EXPECT_FALSE(loadDocument((dir() / "nope.yaml").string(), yaml::Limits{}, diags));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_NE(diags.all()[0].message.find("No such file or directory"), std::string::npos);
}

}  // namespace
}  // namespace folio::content
