#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "yaml/Node.h"

namespace folio::yaml {
namespace {

struct Parsed {
  std::unique_ptr<Node> root;
  Diagnostics diags;
};

Parsed parseText(const std::string& text, Limits limits = {}) {
  Parsed p;
  p.root = parse(text, "t.yaml", limits, p.diags);
  return p;
}

// The only diagnostic, formatted "file:line:col: error: message".
std::string onlyDiagnostic(const Parsed& p) {
  EXPECT_EQ(p.diags.all().size(), 1u) << p.diags.format();
  return p.diags.all().empty() ? "" : p.diags.all().front().format();
}

TEST(YamlParse, MappingWithPositionsAreOneBased) {
  Parsed p = parseText("title: Hello\nbody:\n  - one\n  - key: value\n");
  ASSERT_TRUE(p.root) << p.diags.format();
  EXPECT_TRUE(p.diags.all().empty());
  const Node& root = *p.root;
  ASSERT_TRUE(root.isMapping());
  EXPECT_EQ(root.pos.line, 1);
  EXPECT_EQ(root.pos.column, 1);
  ASSERT_EQ(root.entries.size(), 2u);
  EXPECT_EQ(root.entries[0].first.scalar, "title");
  EXPECT_EQ(root.entries[0].second.scalar, "Hello");
  EXPECT_EQ(root.entries[0].second.pos.line, 1);
  EXPECT_EQ(root.entries[0].second.pos.column, 8);
  const Node* body = root.find("body");
  ASSERT_NE(body, nullptr);
  ASSERT_TRUE(body->isSequence());
  ASSERT_EQ(body->items.size(), 2u);
  EXPECT_EQ(body->items[0].pos.line, 3);
  EXPECT_EQ(body->items[0].pos.column, 5);
  EXPECT_TRUE(body->items[1].isMapping());
  EXPECT_EQ(body->items[1].entries[0].first.pos.column, 5);
  EXPECT_EQ(body->items[1].entries[0].second.pos.column, 10);
  EXPECT_EQ(body->items[1].pos.file, "t.yaml");
  EXPECT_EQ(root.find("missing"), nullptr);
}

TEST(YamlParse, ColumnsCountCharactersNotBytes) {
  Parsed p = parseText("title: \"Ünï\"\nx: [é, ü, z]\n");
  ASSERT_TRUE(p.root);
  const Node* x = p.root->find("x");
  ASSERT_TRUE(x && x->isSequence());
  EXPECT_EQ(x->items[2].scalar, "z");
  EXPECT_EQ(x->items[2].pos.column, 11);
}

TEST(YamlParse, CrLfLineEndings) {
  Parsed p = parseText("a: 1\r\nb: 2\r\n");
  ASSERT_TRUE(p.root);
  const Node* b = p.root->find("b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->pos.line, 2);
  EXPECT_EQ(b->pos.column, 4);
}

TEST(YamlParse, QuotedAndBlockScalarsAreMarked) {
  Parsed p = parseText("a: \"123\"\nb: 123\nc: '1'\nd: |\n  text\ne: !!str 5\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.root->find("a")->quoted);
  EXPECT_FALSE(p.root->find("b")->quoted);
  EXPECT_TRUE(p.root->find("c")->quoted);
  EXPECT_TRUE(p.root->find("d")->quoted);
  EXPECT_EQ(p.root->find("d")->scalar, "text\n");
  EXPECT_TRUE(p.root->find("e")->quoted);
}

TEST(YamlParse, NullValues) {
  Parsed p = parseText("a:\nb: ~\nc: null\nd: ''\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.root->find("a")->isNull());
  EXPECT_TRUE(p.root->find("b")->isNull());
  EXPECT_TRUE(p.root->find("c")->isNull());
  EXPECT_TRUE(p.root->find("d")->isScalar());
  EXPECT_STREQ(p.root->find("a")->kindName(), "null");
  EXPECT_STREQ(p.root->find("d")->kindName(), "a string");
  EXPECT_STREQ(p.root->kindName(), "a mapping");
}

TEST(YamlParse, EmptyFileIsANullNode) {
  for (const char* text : {"", "   \n\n", "# just a comment\n", "\xEF\xBB\xBF"}) {
    Parsed p = parseText(text);
    ASSERT_TRUE(p.root) << text;
    EXPECT_TRUE(p.root->isNull());
    EXPECT_TRUE(p.diags.all().empty()) << p.diags.format();
  }
}

TEST(YamlParse, Utf8ByteOrderMarkIsSkipped) {
  Parsed p = parseText("\xEF\xBB\xBFtitle: x\n");
  ASSERT_TRUE(p.root);
  EXPECT_EQ(p.root->entries[0].first.scalar, "title");
  EXPECT_EQ(p.root->entries[0].second.pos.column, 8);
}

TEST(YamlParse, DuplicateKey) {
  Parsed p = parseText("layout: a\n\ntitle: One\nbody: []\ntitle: Two\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p), "t.yaml:5:1: error: duplicate key 'title'; first defined at 3:1");
}

TEST(YamlParse, DuplicateKeysInNestedMappingsAreAllReported) {
  Parsed p = parseText("a:\n  x: 1\n  x: 2\nb: {y: 1, y: 2}\n");
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diags.errorCount(), 2u);
  EXPECT_EQ(p.diags.all()[0].format(), "t.yaml:3:3: error: duplicate key 'x'; first defined at 2:3");
  EXPECT_EQ(p.diags.all()[1].format(), "t.yaml:4:11: error: duplicate key 'y'; first defined at 4:5");
}

TEST(YamlParse, InvalidUtf8ReportsFirstBadByte) {
  Parsed p = parseText("title: ok\nbody: caf\xE9 au lait\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p),
            "t.yaml:2:10: error: invalid UTF-8 (byte 0xE9); expected UTF-8 text (was the file saved as "
            "Latin-1 or Windows-1252?)");
}

TEST(YamlParse, InvalidUtf8ColumnCountsCharacters) {
  Parsed p = parseText("t: ééé\xFF\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(p.diags.all().at(0).pos.column, 7);
}

TEST(YamlParse, NulByteMeansBinary) {
  Parsed p = parseText(std::string("ab\n\x89PNG\0\0", 9));
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p),
            "t.yaml:2:5: error: NUL byte; this looks like a binary file, expected UTF-8 YAML text");
}

TEST(YamlParse, ControlCharacters) {
  Parsed p = parseText("title: a\x01z\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p),
            "t.yaml:1:9: error: control character U+0001 is not allowed; expected text (tab, line feed and "
            "carriage return are the only control characters allowed)");
  Parsed del = parseText("a: \x7F\n");
  EXPECT_NE(onlyDiagnostic(del).find("U+007F"), std::string::npos);
  Parsed c1 = parseText("a: x\xC2\x85y\n");
  EXPECT_NE(onlyDiagnostic(c1).find("t.yaml:1:5: error: control character U+0085"), std::string::npos);
  Parsed ok = parseText("a: \"tab\there\"\r\n");
  EXPECT_TRUE(ok.root) << ok.diags.format();
}

TEST(YamlParse, Utf16IsRecognised) {
  Parsed p = parseText(std::string("\xFF\xFEt\0i\0", 6));
  EXPECT_EQ(onlyDiagnostic(p),
            "t.yaml:1:1: error: the file is UTF-16 encoded; expected UTF-8 (save it as UTF-8)");
}

TEST(YamlParse, InputSizeLimit) {
  Limits limits;
  limits.maxInputBytes = 10;
  Parsed p = parseText("title: too long for the limit\n", limits);
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p), "t.yaml:1:1: error: the file is too large (30 bytes); expected at most 10 bytes");
}

TEST(YamlParse, SyntaxErrorHasPositionAndHint) {
  Parsed p = parseText("title: Report: 2026\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(
      onlyDiagnostic(p),
      "t.yaml:1:14: error: YAML syntax error: illegal map value; check indentation and quoting (a value "
      "containing ': ' must be in quotes)");
}

TEST(YamlParse, UnclosedFlowSequence) {
  Parsed p = parseText("body:\n  - [Report](https://example.org)\n  - x\n");
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diags.all().size(), 1u);
  EXPECT_EQ(p.diags.all()[0].pos.line, 2);
  EXPECT_NE(p.diags.all()[0].message.find("YAML syntax error: "), std::string::npos);
}

TEST(YamlParse, BadIndentation) {
  Parsed p = parseText("body:\n  - a\n - b\n");
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diags.all().size(), 1u);
  EXPECT_NE(p.diags.all()[0].message.find("; check indentation and quoting"), std::string::npos);
}

TEST(YamlParse, TabIndentationHint) {
  Parsed p = parseText("body:\n\t- a\n");
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diags.all().size(), 1u);
  EXPECT_NE(p.diags.all()[0].message.find("(tabs cannot indent YAML; use spaces)"), std::string::npos)
      << p.diags.format();
}

TEST(YamlParse, UnknownEscape) {
  Parsed p = parseText("a: \"C:\\path\"\n");
  EXPECT_FALSE(p.root);
  EXPECT_NE(onlyDiagnostic(p).find("unknown escape character"), std::string::npos);
}

TEST(YamlParse, SecondDocumentIsRefused) {
  Parsed p = parseText("a: 1\n---\nb: 2\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p),
            "t.yaml:2:1: error: a second YAML document (after '---'); expected one document per file");
  Parsed single = parseText("---\na: 1\n...\n");
  EXPECT_TRUE(single.root) << single.diags.format();
}

TEST(YamlParse, KeysMustBeScalars) {
  Parsed p = parseText("? [a, b]\n: c\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p), "t.yaml:1:3: error: a mapping key is a sequence; expected a plain name");
}

TEST(YamlParse, MergeKeysAreRefused) {
  Parsed p = parseText("base: &b {x: 1}\nthing:\n  <<: *b\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p),
            "t.yaml:3:3: error: merge keys ('<<') are not supported; expected the keys written out");
}

TEST(YamlParse, AliasesAreExpanded) {
  Parsed p = parseText("a: &x {k: [1, 2]}\nb: *x\n");
  ASSERT_TRUE(p.root) << p.diags.format();
  const Node* b = p.root->find("b");
  ASSERT_TRUE(b && b->isMapping());
  EXPECT_EQ(b->pos.line, 2);
  EXPECT_EQ(b->pos.column, 4);
  ASSERT_TRUE(b->find("k"));
  EXPECT_EQ(b->find("k")->items.size(), 2u);
}

TEST(YamlParse, NestedAliasesExpandFully) {
  Parsed p = parseText("a: &a [x]\nb: &b [*a, *a]\nc: [*b, *a]\n");
  ASSERT_TRUE(p.root) << p.diags.format();
  const Node* c = p.root->find("c");
  ASSERT_EQ(c->items.size(), 2u);
  ASSERT_EQ(c->items[0].items.size(), 2u);
  EXPECT_EQ(c->items[0].items[1].items.at(0).scalar, "x");
  EXPECT_EQ(c->items[1].items.at(0).scalar, "x");
  EXPECT_FALSE(c->items[1].quoted);
  Parsed scalar = parseText("a: &n 5\nb: *n\n");
  ASSERT_TRUE(scalar.root);
  EXPECT_EQ(scalar.root->find("b")->scalar, "5");
  EXPECT_EQ(scalar.root->find("b")->pos.line, 2);
}

TEST(YamlParse, UndefinedAlias) {
  Parsed p = parseText("a: *nope\n");
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diags.all().size(), 1u);
  EXPECT_NE(p.diags.all()[0].message.find("YAML syntax error"), std::string::npos) << p.diags.format();
}

TEST(YamlParse, RecursiveAliasIsRefused) {
  Parsed p = parseText("a: &s [x, *s]\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p),
            "t.yaml:1:11: error: '*s' refers to the node that contains it; expected an alias to a finished "
            "anchor (recursive structures are not allowed)");
}

TEST(YamlParse, BillionLaughsIsRefusedQuickly) {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", " : "") + prev;
    text += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  Parsed p = parseText(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diags.all().size(), 1u);
  EXPECT_EQ(p.diags.all()[0].message,
            "too many YAML nodes (more than 1000000 after expanding aliases); expected a smaller document "
            "(aliases that repeat large anchors multiply its size)");
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 100);
}

TEST(YamlParse, NodeBudgetCountsPlainNodesToo) {
  Limits limits;
  limits.maxNodes = 5;
  Parsed p = parseText("[1, 2, 3, 4, 5, 6]", limits);
  EXPECT_FALSE(p.root);
  EXPECT_NE(onlyDiagnostic(p).find("too many YAML nodes (more than 5"), std::string::npos);
}

TEST(YamlParse, DeepFlowNestingIsRefusedBeforeRecursing) {
  Parsed p = parseText(std::string(200000, '['));
  EXPECT_FALSE(p.root);
  std::string message = onlyDiagnostic(p);
  EXPECT_TRUE(message.starts_with("t.yaml:1:")) << message;
  EXPECT_TRUE(message.ends_with(": error: nesting deeper than 64 levels; expected a flatter document"))
      << message;
}

TEST(YamlParse, DeepBlockNestingIsRefused) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += std::string(static_cast<size_t>(i), ' ') + "a:\n";
  Parsed p = parseText(text);
  EXPECT_FALSE(p.root);
  EXPECT_NE(onlyDiagnostic(p).find("nesting deeper than 64 levels"), std::string::npos);
}

TEST(YamlParse, DepthAtTheLimitIsAccepted) {
  std::string text = std::string(64, '[') + std::string(64, ']');
  Parsed p = parseText(text);
  EXPECT_TRUE(p.root) << p.diags.format();
  Parsed over = parseText("[" + text + "]");
  EXPECT_FALSE(over.root);
}

TEST(YamlParse, AliasCannotExceedDepth) {
  std::string deep = std::string(40, '[') + std::string(40, ']');
  Parsed p = parseText("a: &d " + deep + "\nb: " + std::string(30, '[') + "*d" + std::string(30, ']') + "\n");
  EXPECT_FALSE(p.root);
  EXPECT_NE(onlyDiagnostic(p).find("'*d' nests the document deeper than 64 levels"), std::string::npos);
}

TEST(YamlParse, ParsesInParallel) {
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &ok] {
      for (int i = 0; i < 50; ++i) {
        Diagnostics d;
        auto root = parse("a: [1, 2, {b: c}]\nt: " + std::to_string(t) + "\n", "p.yaml", Limits{}, d);
        if (root && root->find("t")->scalar == std::to_string(t)) ++ok[static_cast<size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 50);
}

}  // namespace
}  // namespace folio::yaml

namespace folio::yaml {
namespace {

// A quoted string that runs to the end of the file would swallow the rest of
// the document; it is refused where it opens.
TEST(YamlParse, UnclosedDoubleQuoteIsAnError) {
  Parsed p = parseText("title: \"An unclosed quote\nbody:\n  - Hello.\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(onlyDiagnostic(p),
            "t.yaml:1:8: error: YAML syntax error: the string opened by \" here is never closed; expected a "
            "closing \" (write \\\" for a quote inside the string)");
}

TEST(YamlParse, UnclosedSingleQuoteIsAnError) {
  Parsed p = parseText("body:\n  - 'it''s open\n");
  EXPECT_FALSE(p.root);
  EXPECT_NE(onlyDiagnostic(p).find("t.yaml:2:5: error: YAML syntax error: the string opened by ' here"),
            std::string::npos);
}

TEST(YamlParse, ClosedQuotesWithEscapesAreFine) {
  Parsed p = parseText("a: \"say \\\"hi\\\"\"\nb: 'it''s'\nc: \"multi\n  line\"\n");
  ASSERT_TRUE(p.root) << p.diags.format();
  EXPECT_EQ(p.root->find("a")->scalar, "say \"hi\"");
  EXPECT_EQ(p.root->find("b")->scalar, "it's");
  EXPECT_EQ(p.root->find("c")->scalar, "multi line");
}

TEST(YamlParse, BadIndentationHasAHint) {
  Parsed p = parseText("body:\n  - First.\n - Second.\n");
  EXPECT_FALSE(p.root);
  EXPECT_NE(onlyDiagnostic(p).find("end of map not found; check indentation and quoting (this line's indentation"),
            std::string::npos);
}

}  // namespace
}  // namespace folio::yaml

namespace folio::yaml {
namespace {

// libyaml's marks count characters; positions must still be the editor's
// line and column after multi-byte text (Arabic: two bytes a letter).
TEST(YamlParse, PositionsAfterArabicText) {
  Parsed p = parseText("sender: البعثة الدائمة\nx: [مرحبا, z]\n");
  ASSERT_TRUE(p.root) << p.diags.format();
  const Node* x = p.root->find("x");
  ASSERT_TRUE(x && x->isSequence());
  EXPECT_EQ(x->items[1].scalar, "z");
  EXPECT_EQ(x->items[1].pos.line, 2);
  EXPECT_EQ(x->items[1].pos.column, 12);
  EXPECT_EQ(x->items[1].offset, std::string("sender: البعثة الدائمة\nx: [مرحبا, ").size());
  Parsed bad = parseText("a: مرحبا\nb: c: d\n");
  EXPECT_NE(onlyDiagnostic(bad).find("t.yaml:2:5: error: YAML syntax error: illegal map value"),
            std::string::npos);
}

// U+2028 and U+2029 end lines in YAML 1.1 (libyaml) but not in YAML 1.2 or
// an editor: they stay inside the value, and lines are not shifted.
TEST(YamlParse, LineAndParagraphSeparatorsAreOrdinaryCharacters) {
  Parsed p = parseText("a: x\u2028y\nb: \"p\u2029q\"\nc: 1\n");
  ASSERT_TRUE(p.root) << p.diags.format();
  EXPECT_EQ(p.root->find("a")->scalar, "x\u2028y");
  EXPECT_EQ(p.root->find("b")->scalar, "p\u2029q");
  EXPECT_EQ(p.root->find("c")->pos.line, 3);
}

TEST(YamlParse, EmptyValueBeforeACommentPointsAfterItsColon) {
  Parsed p = parseText("a: # none yet\nb: 1\n");
  ASSERT_TRUE(p.root) << p.diags.format();
  EXPECT_TRUE(p.root->find("a")->isNull());
  EXPECT_EQ(p.root->find("a")->pos.line, 1);
  EXPECT_EQ(p.root->find("a")->pos.column, 3);
}

TEST(YamlParse, AliasTakesTheAnchorDefinedLatestBeforeIt) {
  Parsed p = parseText("a: &x one\nb: *x\nc: &x two\nd: *x\n");
  ASSERT_TRUE(p.root) << p.diags.format();
  EXPECT_EQ(p.root->find("b")->scalar, "one");
  EXPECT_EQ(p.root->find("d")->scalar, "two");
}

TEST(YamlParse, UnknownEscapeNamesIt) {
  Parsed p = parseText("a: \"C:\\path\"\n");
  EXPECT_EQ(
      onlyDiagnostic(p),
      "t.yaml:1:7: error: YAML syntax error: unknown escape character '\\p'; check indentation and quoting "
      "(inside double quotes write '\\\\' for a backslash, or use single quotes)");
}

TEST(YamlParse, TabAfterDashHasAHint) {
  Parsed p = parseText("body:\n  - \tText.\n");
  EXPECT_EQ(
      onlyDiagnostic(p),
      "t.yaml:2:5: error: YAML syntax error: a tab where YAML expects spaces; check indentation and quoting "
      "(tabs cannot indent YAML or follow '- '; use spaces)");
}

// A value's next line must be indented deeper than its key or item.
TEST(YamlParse, ContinuationLineNotIndentedPointsAtIt) {
  Parsed p = parseText("body:\n  - A long sentence that was\nwrapped by the editor.\n");
  EXPECT_EQ(
      onlyDiagnostic(p),
      "t.yaml:3:1: error: YAML syntax error: a line without ':' where a key was expected; check indentation "
      "and quoting (write 'key: value', or indent a value's next line deeper than its key)");
}

// Large mappings check duplicates through an index, small ones by scanning.
TEST(YamlParse, DuplicateKeyInALargeMapping) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  text += "k3: again\nk39: again\n";
  Parsed p = parseText(text);
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diags.errorCount(), 2u) << p.diags.format();
  EXPECT_EQ(p.diags.all()[0].format(), "t.yaml:41:1: error: duplicate key 'k3'; first defined at 4:1");
  EXPECT_EQ(p.diags.all()[1].format(), "t.yaml:42:1: error: duplicate key 'k39'; first defined at 40:1");
}

TEST(YamlParse, DirectiveNeedsDocumentStart) {
  Parsed p = parseText("%YAML 1.1\ntitle: x\n");
  EXPECT_NE(onlyDiagnostic(p).find(
                "t.yaml:2:1: error: YAML syntax error: '---' missing after the '%' directive line"),
            std::string::npos);
  Parsed ok = parseText("%YAML 1.1\n---\ntitle: x\n");
  EXPECT_TRUE(ok.root) << ok.diags.format();
}

}  // namespace
}  // namespace folio::yaml
