#include <gtest/gtest.h>

#include <thread>

#include "InlineDump.h"
#include "markup/Inline.h"

namespace folio::markup {
namespace {

const SourcePos kOrigin{"c.yaml", 4, 7};

struct Parsed {
  InlineText text;
  Diagnostics diags;
  std::string dumped;
};

Parsed parse(const std::string& source, InlineOptions options = {}) {
  Parsed p;
  p.text = parseInline(source, kOrigin, p.diags, options);
  p.dumped = dump(p.text);
  return p;
}

// Parses and expects no diagnostics.
std::string clean(const std::string& source) {
  Parsed p = parse(source);
  EXPECT_TRUE(p.diags.all().empty()) << source << "\n" << p.diags.format();
  return p.dumped;
}

TEST(Inline, PlainText) {
  EXPECT_EQ(clean("Hello, world."), "Hello, world.");
  EXPECT_EQ(clean("  \n padded \t\n"), "padded");
  EXPECT_EQ(clean(""), "");
  EXPECT_EQ(clean("   "), "");
  Parsed p = parse("Hello");
  ASSERT_EQ(p.text.size(), 1u);
  EXPECT_EQ(p.text[0].kind, Inline::Kind::Text);
  EXPECT_EQ(p.text[0].flags, 0);
}

TEST(Inline, EveryCharacterIsKept) {
  const std::string special =
      "a\u00A0b\u00ADc\u2011d\u200De\u200Ff\u202Bg\u202Ch\u2066i\u2069 "
      "\U0001F469\u200D\U0001F52C \u0645\u0631\u062D\u0628\u0627 \u4E2D\u6587 \uE000 \U000F0000";
  EXPECT_EQ(clean(special), special);
  EXPECT_EQ(clean("\u2000leading en quad"), "\u2000leading en quad");
  EXPECT_EQ(clean("quotes \"straight\" -- and --- dashes..."), "quotes \"straight\" -- and --- dashes...");
}

TEST(Inline, EmphasisStrongCode) {
  EXPECT_EQ(clean("an *emphasis* word"), "an {em:emphasis} word");
  EXPECT_EQ(clean("an _emphasis_ word"), "an {em:emphasis} word");
  EXPECT_EQ(clean("a **strong** word"), "a {strong:strong} word");
  EXPECT_EQ(clean("a __strong__ word"), "a {strong:strong} word");
  EXPECT_EQ(clean("***both***"), "{em+strong:both}");
  EXPECT_EQ(clean("*a **b** c*"), "{em:a }{em+strong:b}{em: c}");
  EXPECT_EQ(clean("use `x = *y*` here"), "use {code:x = *y*} here");
  EXPECT_EQ(clean("**bold `code`**"), "{strong:bold }{strong+code:code}");
  EXPECT_EQ(clean("snake_case_word"), "snake_case_word");
  EXPECT_EQ(clean("*\"quoted\"* start"), "{em:\"quoted\"} start");
  EXPECT_EQ(clean("_start_ of line"), "{em:start} of line");
}

TEST(Inline, Links) {
  EXPECT_EQ(clean("[label](https://example.org)"), "{link=https://example.org:label}");
  EXPECT_EQ(clean("see <https://example.org>."), "see {link=https://example.org:https://example.org}.");
  EXPECT_EQ(clean("<info@example.org>"), "{link=mailto:info@example.org:info@example.org}");
  EXPECT_EQ(clean("[see below](#some-id)"), "{link=#some-id:see below}");
  EXPECT_EQ(clean("[a *b*](https://x.org \"title\")"), "{link=https://x.org:a }{em link=https://x.org:b}");
  EXPECT_EQ(clean("**see [this](https://x.org)**"), "{strong:see }{strong link=https://x.org:this}");
  EXPECT_EQ(clean("[**bold** link](https://x.org)"),
            "{strong link=https://x.org:bold}{link=https://x.org: link}");
  EXPECT_EQ(clean("[29<sup>th</sup>](https://x.org)"), "{link=https://x.org:29}{sup link=https://x.org:th}");
  EXPECT_EQ(clean("[a\\]b](https://x.org/a\\_b)"), "{link=https://x.org/a_b:a]b}");
  EXPECT_EQ(clean("[no link]"), "[no link]");
}

TEST(Inline, SupSubSpan) {
  EXPECT_EQ(clean("29<sup>th</sup>"), "29{sup:th}");
  EXPECT_EQ(clean("H<sub>2</sub>O"), "H{sub:2}O");
  EXPECT_EQ(clean("<SUP>x</SUP>"), "{sup:x}");
  EXPECT_EQ(clean("<span lang=\"ar\">مرحبا</span> and"), "{lang=ar:مرحبا} and");
  EXPECT_EQ(clean("<span lang='de-CH'>Grüezi</span>"), "{lang=de-CH:Grüezi}");
  EXPECT_EQ(clean("<span lang=\"fr\">le <span lang=\"en\">word</span> ici</span>"),
            "{lang=fr:le }{lang=en:word}{lang=fr: ici}");
  EXPECT_EQ(clean("*a<sup>b*c</sup>"), "{em:a}{em+sup:b}{sup:c}");
  EXPECT_EQ(clean("<span lang=\"ar\">\n\nmulti</span>"), "{lang=ar: multi}");
}

TEST(Inline, Escapes) {
  EXPECT_EQ(clean("\\*not emphasis\\*"), "*not emphasis*");
  EXPECT_EQ(clean("\\<sup>x"), "<sup>x");
  EXPECT_EQ(clean("a \\[^id] b"), "a [^id] b");
  EXPECT_EQ(clean("a \\^[not a note] b"), "a ^[not a note] b");
  EXPECT_EQ(clean("back\\\\slash"), "back\\slash");
  EXPECT_EQ(clean("\\# x"), "# x");
  EXPECT_EQ(clean("AT&amp;T &copy;"), "AT&T ©");
  EXPECT_EQ(clean("a \\b c"), "a \\b c");
}

TEST(Inline, HardAndSoftBreaks) {
  EXPECT_EQ(clean("one\\\ntwo"), "one<BR>two");
  EXPECT_EQ(clean("one  \ntwo"), "one<BR>two");
  EXPECT_EQ(clean("one<br>two<br/>three<br />four"), "one<BR>two<BR>three<BR>four");
  EXPECT_EQ(clean("one\ntwo"), "one two");
  EXPECT_EQ(clean("one\r\ntwo"), "one two");
  EXPECT_EQ(clean("*one\ntwo*"), "{em:one two}");
  EXPECT_EQ(clean("ends with backslash\\"), "ends with backslash\\");
  EXPECT_EQ(clean("ends with spaces  "), "ends with spaces");
}

TEST(Inline, BlankLinesJoinWithASpace) {
  EXPECT_EQ(clean("first paragraph\n\nsecond paragraph"), "first paragraph second paragraph");
  EXPECT_EQ(clean("first  \n\n\n  second"), "first second");
  EXPECT_EQ(clean("first\\\n\nsecond"), "first\\ second");
  EXPECT_EQ(clean("*a\n\nb*"), "{em:a b}");
}

TEST(Inline, BlockSyntaxStaysInline) {
  EXPECT_EQ(clean("1. First"), "1. First");
  EXPECT_EQ(clean("2) Second"), "2) Second");
  EXPECT_EQ(clean("# not a heading"), "# not a heading");
  EXPECT_EQ(clean("> x"), "> x");
  EXPECT_EQ(clean("- item"), "- item");
  EXPECT_EQ(clean("+ item"), "+ item");
  EXPECT_EQ(clean("* item"), "* item");
  EXPECT_EQ(clean("***"), "***");
  EXPECT_EQ(clean("---"), "---");
  EXPECT_EQ(clean("    indented"), "indented");
  EXPECT_EQ(clean("```"), "```");
  EXPECT_EQ(clean("[foo]: /url"), "[foo]: /url");
  EXPECT_EQ(parse("<span lang=\"ar\">").dumped, "");
  EXPECT_EQ(clean("Title\n====="), "Title =====");
  EXPECT_EQ(clean("Title\n---"), "Title ---");
  EXPECT_EQ(clean("Title\n-"), "Title -");
  EXPECT_EQ(clean("a\n# b"), "a # b");
  EXPECT_EQ(clean("a\n## b"), "a ## b");
  EXPECT_EQ(clean("a\n#hashtag"), "a #hashtag");
  EXPECT_EQ(clean("a\n- b\n- c"), "a - b - c");
  EXPECT_EQ(clean("a\n1. b\n10) c"), "a 1. b 10) c");
  EXPECT_EQ(clean("a\n> b"), "a > b");
  EXPECT_EQ(clean("a\n*** \nb"), "a *** b");
  EXPECT_EQ(clean("a\n___"), "a ___");
  EXPECT_EQ(clean("a\n```\ncode"), "a ``` code");
  EXPECT_EQ(clean("a\n```x``` b"), "a {code:x} b");
  EXPECT_EQ(clean("a\n~~~"), "a ~~~");
  EXPECT_EQ(clean("a\n    code?"), "a code?");
  EXPECT_EQ(clean("a\n*emph* b"), "a {em:emph} b");
  EXPECT_EQ(clean("a\n<sup>x</sup>"), "a {sup:x}");
  EXPECT_EQ(clean("a\n\n1. b"), "a 1. b");
}

TEST(Inline, HtmlBlockTagsOnLaterLinesWarn) {
  Parsed p = parse("a\n<div>b</div>");
  EXPECT_EQ(p.dumped, "a <div>b</div>");
  ASSERT_EQ(p.diags.all().size(), 2u) << p.diags.format();
  EXPECT_EQ(p.diags.all()[0].format(),
            "c.yaml:4:7: warning: unsupported tag '<div>' (kept as text); expected <sup>, <sub>, <span "
            "lang=\"..\"> or <br>");
}

TEST(Inline, FootnoteReferences) {
  Parsed p = parse("Income rose.[^src] See [^a-1].");
  EXPECT_TRUE(p.diags.all().empty());
  EXPECT_EQ(p.dumped, "Income rose.[^src] See [^a-1].");
  ASSERT_EQ(p.text.size(), 5u);
  EXPECT_EQ(p.text[1].kind, Inline::Kind::FootnoteRef);
  EXPECT_EQ(p.text[1].noteId, "src");
  EXPECT_FALSE(p.text[1].note);
  EXPECT_EQ(p.text[1].sourceOffset, 12u);
  EXPECT_EQ(clean("**bold[^n]**"), "{strong:bold}[^n]");
  EXPECT_EQ(clean("`code [^n]`"), "{code:code [^n]}");
  EXPECT_EQ(clean("[^not an id]"), "[^not an id]");
  EXPECT_EQ(clean("[^]"), "[^]");
}

TEST(Inline, InlineNotes) {
  Parsed p = parse("A point.^[An *inline* note with [a link](https://x.org) and [brackets].] Next.");
  EXPECT_TRUE(p.diags.all().empty()) << p.diags.format();
  EXPECT_EQ(p.dumped,
            "A point.^[An {em:inline} note with {link=https://x.org:a link} and [brackets].] Next.");
  ASSERT_EQ(p.text.size(), 3u);
  ASSERT_TRUE(p.text[1].note);
  EXPECT_TRUE(p.text[1].noteId.empty());
  EXPECT_EQ(p.text[1].sourceOffset, 8u);
  EXPECT_EQ(clean("x^[one] y^[two]"), "x^[one] y^[two]");
  EXPECT_EQ(clean("`^[code]`"), "{code:^[code]}");
  EXPECT_EQ(clean("x^[`]` inside]"), "x^[{code:]} inside]");
  EXPECT_EQ(clean("x^[unclosed"), "x^[unclosed");
  EXPECT_EQ(clean("x^[]"), "x^[]");
  EXPECT_EQ(clean("2^[3] and ^ alone"), "2^[3] and ^ alone");
  EXPECT_EQ(clean("x^[line one\nline two]"), "x^[line one line two]");
  EXPECT_EQ(clean("x^[para one\n\npara two]"), "x^[para one para two]");
}

TEST(Inline, NotesInsideNotesStayText) {
  Parsed p = parse("x^[outer ^[inner] and [^id]]");
  EXPECT_EQ(p.dumped, "x^[outer ^[inner] and [^id]]");
  ASSERT_EQ(p.diags.all().size(), 1u);  // one warning per text, not per marker
  EXPECT_EQ(p.diags.all()[0].format(),
            "c.yaml:4:7: warning: a footnote inside a footnote ('^[inner]') is not supported (kept as text); "
            "expected notes without notes of their own");
  Parsed q = parse("text [^id]", InlineOptions{false});
  EXPECT_EQ(q.dumped, "text [^id]");
  EXPECT_EQ(q.diags.all().size(), 1u);
}

TEST(Inline, UnknownTagsWarnAndStayText) {
  Parsed p = parse("a <b>bold</b> c");
  EXPECT_EQ(p.dumped, "a <b>bold</b> c");
  ASSERT_EQ(p.diags.all().size(), 2u);
  EXPECT_EQ(
      p.diags.all()[0].format(),
      "c.yaml:4:7: warning: unsupported tag '<b>' (kept as text); expected <sup>, <sub>, <span lang=\"..\"> "
      "or <br>; write **text** for strong text");
  Parsed typo = parse("x<supp>2</supp>");
  ASSERT_FALSE(typo.diags.all().empty());
  EXPECT_NE(typo.diags.all()[0].message.find("; did you mean '<sup>'?"), std::string::npos);
  Parsed comment = parse("a <!-- note --> b");
  EXPECT_EQ(comment.dumped, "a <!-- note --> b");
  ASSERT_EQ(comment.diags.all().size(), 1u);
  EXPECT_EQ(
      comment.diags.all()[0].message,
      "HTML comment or declaration '<!-- note -->' is not supported (kept as text); expected plain text "
      "(write '\\<' for a literal '<')");
  EXPECT_EQ(comment.diags.all()[0].severity, Severity::Warning);
  Parsed first = parse("<div>x</div>");
  EXPECT_EQ(first.dumped, "<div>x</div>");
  EXPECT_EQ(first.diags.all().size(), 2u);
}

TEST(Inline, TagNestingProblems) {
  Parsed unclosed = parse("x<sup>2");
  EXPECT_EQ(unclosed.dumped, "x{sup:2}");
  ASSERT_EQ(unclosed.diags.all().size(), 1u);
  EXPECT_EQ(unclosed.diags.all()[0].message,
            "'<sup>' is never closed; expected '</sup>' before the end of the text");
  Parsed stray = parse("x</sub>y");
  EXPECT_EQ(stray.dumped, "x</sub>y");
  ASSERT_EQ(stray.diags.all().size(), 1u);
  EXPECT_EQ(
      stray.diags.all()[0].message,
      "'</sub>' has no matching '<sub>' (kept as text); expected tags to be opened before they are closed");
  Parsed misnested = parse("<sup>a<span lang=\"en\">b</sup>c</span>");
  EXPECT_EQ(misnested.dumped, "{sup:a}{sup lang=en:b}{lang=en:c}");
  ASSERT_EQ(misnested.diags.all().size(), 1u);
  Parsed nolang = parse("<span>x</span>");
  EXPECT_EQ(nolang.dumped, "x");
  ASSERT_EQ(nolang.diags.all().size(), 1u);
  EXPECT_EQ(nolang.diags.all()[0].message,
            "'<span>' has no lang attribute (it changes nothing); expected <span lang=\"xx\">");
  Parsed badlang = parse("<span lang=\"english\">x</span>");
  EXPECT_EQ(badlang.dumped, "x");
  ASSERT_EQ(badlang.diags.all().size(), 1u);
  EXPECT_EQ(
      badlang.diags.all()[0].message,
      "'english' in <span lang=\"english\"> is not a BCP 47 language tag (ignored); expected a tag such as "
      "'en', 'en-GB' or 'ar'; did you mean 'en'?");
  Parsed attr = parse("<sup class=\"x\">1</sup>");
  EXPECT_EQ(attr.dumped, "{sup:1}");
  EXPECT_EQ(attr.diags.all().size(), 1u);
}

TEST(Inline, InlineImagesKeepTheirAltText) {
  Parsed p = parse("see ![the *logo*](logo.png) here");
  EXPECT_EQ(p.dumped, "see the {em:logo} here");
  ASSERT_EQ(p.diags.all().size(), 1u);
  EXPECT_EQ(
      p.diags.all()[0].format(),
      "c.yaml:4:7: warning: inline image 'logo.png' is not supported (kept its alternative text); expected "
      "an 'image' block");
}

TEST(Inline, SourceOffsets) {
  Parsed p = parse("  ab *cd* [ef](https://x.org) `gh` \\*ij");
  ASSERT_EQ(p.text.size(), 7u) << p.dumped;
  EXPECT_EQ(p.text[0].sourceOffset, 2u);   // "ab "
  EXPECT_EQ(p.text[1].sourceOffset, 6u);   // "cd"
  EXPECT_EQ(p.text[2].sourceOffset, 9u);   // " "
  EXPECT_EQ(p.text[3].sourceOffset, 11u);  // "ef"
  EXPECT_EQ(p.text[4].sourceOffset, 29u);  // " "
  EXPECT_EQ(p.text[5].sourceOffset, 31u);  // "gh"
  EXPECT_EQ(p.text[6].sourceOffset, 34u);  // " *ij"
  Parsed lines = parse("one\n  two\\\nthree");
  ASSERT_EQ(lines.text.size(), 3u) << lines.dumped;
  EXPECT_EQ(lines.text[0].sourceOffset, 0u);
  EXPECT_EQ(lines.text[2].sourceOffset, 11u);
}

TEST(Inline, PlainTextConcatenates) {
  Parsed p = parse("*Hello* [world](https://x.org)[^n]\\\nagain^[note]");
  EXPECT_EQ(plainText(p.text), "Hello world\nagain");
}

TEST(Inline, DeepNestingDoesNotOverflow) {
  std::string deep = std::string(20000, '*') + "a" + std::string(20000, '*');
  Parsed p = parse(deep);
  EXPECT_EQ(plainText(p.text).find('a') != std::string::npos, true);
  std::string brackets = std::string(20000, '[') + "x" + std::string(20000, ']');
  Parsed q = parse(brackets);
  EXPECT_EQ(plainText(q.text), brackets);
  std::string notes;
  for (int i = 0; i < 5000; ++i) notes += "^[";
  Parsed r = parse(notes + "x" + std::string(5000, ']'));
  EXPECT_FALSE(r.text.empty());
}

TEST(Inline, ParsesInParallel) {
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &ok] {
      for (int i = 0; i < 100; ++i) {
        Diagnostics d;
        InlineText text = parseInline("**x** <sup>" + std::to_string(t) + "</sup>^[n]", kOrigin, d);
        if (dump(text) == "{strong:x} {sup:" + std::to_string(t) + "}^[n]") ++ok[static_cast<size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 100);
}

}  // namespace
}  // namespace folio::markup
