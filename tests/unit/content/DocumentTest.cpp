// Documents that build: the spec's example, a realistic report covering
// every block kind, and the defaults.
#include <thread>

#include "../markup/InlineDump.h"  // shared run notation
#include "ContentFixture.h"
#include "yaml/Node.h"

namespace folio::content {
namespace {

// The inline text of a block (its first; empty for kinds without one).
const markup::InlineText& text(const Block& b) {
  static const markup::InlineText none;
  const markup::InlineText* t = nullptr;
  forEachInlineText(b, [&](const markup::InlineText& x, const SourcePos&) {
    if (!t) t = &x;
  });
  return t ? *t : none;
}

using markup::dump;

class ContentDocument : public ContentTest {};

TEST_F(ContentDocument, SpecExample) {
  auto doc = build(R"yaml(layout: letterhead
language: en
title: Annual report of the Harbour Trust
author: Harbour Trust
date: 2026-03-02
fields:
  sender: Harbour Trust
  address: 12 Quay Street, Port Example, 10001
  phone: "+1 555 0100"
footnotes:
  src: Figures from the Trust's audited accounts.
body:
  - paragraph: Press release
    style: label
  - heading: The 12<sup>th</sup> year of the *Harbour Trust*
  - The Trust's income rose by a third.[^src] See <https://example.org>.
  - list:
      - First point, with a note.^[An inline note.]
      - "[Report (PDF)](https://example.org/report.pdf)"
)yaml");
  ASSERT_TRUE(doc) << diagnostics();
  EXPECT_EQ(diagnostics(), "");
  EXPECT_EQ(doc->path, path());
  EXPECT_EQ(doc->layout, "letterhead");
  EXPECT_EQ(doc->layoutPos.line, 1);
  EXPECT_EQ(doc->layoutPos.column, 9);
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->title, "Annual report of the Harbour Trust");
  EXPECT_EQ(doc->author, "Harbour Trust");
  EXPECT_EQ(doc->date, "2026-03-02");
  ASSERT_EQ(doc->fields.size(), 3u);
  EXPECT_EQ(doc->fields[0].first, "sender");
  EXPECT_EQ(doc->fields[2].second, "+1 555 0100");
  ASSERT_NE(doc->field("address"), nullptr);
  EXPECT_EQ(*doc->field("address"), "12 Quay Street, Port Example, 10001");
  EXPECT_EQ(doc->field("fax"), nullptr);
  ASSERT_EQ(doc->footnotes.count("src"), 1u);
  EXPECT_EQ(dump(doc->footnotes.at("src")), "Figures from the Trust's audited accounts.");
  EXPECT_EQ(doc->footnotePos.at("src").line, 11);

  ASSERT_EQ(doc->body.size(), 4u);
  ASSERT_TRUE(std::holds_alternative<Paragraph>(doc->body[0]));
  const Paragraph& label = std::get<Paragraph>(doc->body[0]);
  EXPECT_EQ(label.style, "label");
  EXPECT_EQ(dump(label.text), "Press release");
  EXPECT_EQ(label.pos.line, 13);
  EXPECT_EQ(label.pos.column, 5);

  ASSERT_TRUE(std::holds_alternative<Heading>(doc->body[1]));
  const Heading& heading = std::get<Heading>(doc->body[1]);
  EXPECT_EQ(heading.level, 1);
  EXPECT_EQ(dump(heading.text), "The 12{sup:th} year of the {em:Harbour Trust}");

  ASSERT_TRUE(std::holds_alternative<Paragraph>(doc->body[2]));
  const Paragraph& para = std::get<Paragraph>(doc->body[2]);
  EXPECT_EQ(dump(para.text),
            "The Trust's income rose by a third.[^src] See {link=https://example.org:https://example.org}.");
  EXPECT_EQ(para.pos.line, 16);

  ASSERT_TRUE(std::holds_alternative<List>(doc->body[3]));
  const List& list = std::get<List>(doc->body[3]);
  EXPECT_FALSE(list.numbered);
  ASSERT_EQ(list.items.size(), 2u);
  ASSERT_EQ(list.items[0].size(), 1u);
  EXPECT_EQ(dump(text(list.items[0][0])), "First point, with a note.^[An inline note.]");
  EXPECT_EQ(list.items[0][0].base().pos.line, 18);
  EXPECT_EQ(dump(text(list.items[1][0])), "{link=https://example.org/report.pdf:Report (PDF)}");
}

// loadDocument releases each body item's YAML subtree once read (memory of
// long documents); what it builds must be what buildDocument builds from the
// whole tree, and placeholders in the released body are still checked.
TEST_F(ContentDocument, LoadingReleasesNothingThatMatters) {
  std::string file = std::string(FOLIO_SOURCE_DIR) + "/tests/data/content/report.yaml";
  Diagnostics loadDiags, buildDiags;
  auto loaded = loadDocument(file, yaml::Limits{}, loadDiags);
  std::shared_ptr<const yaml::SourceText> source;
  auto tree = yaml::load(file, yaml::Limits{}, buildDiags, &source);
  ASSERT_TRUE(tree);
  Options options;
  options.source = source;
  auto built = buildDocument(*tree, file, options, buildDiags);
  ASSERT_TRUE(loaded && built) << loadDiags.format() << buildDiags.format();
  ASSERT_EQ(loaded->body.size(), built->body.size());
  ASSERT_GT(loaded->body.size(), 10u);
  for (size_t i = 0; i < loaded->body.size(); ++i) {
    EXPECT_EQ(dump(text(loaded->body[i])), dump(text(built->body[i]))) << i;
    EXPECT_EQ(loaded->body[i].base().pos.line, built->body[i].base().pos.line) << i;
    EXPECT_EQ(loaded->body[i].base().pos.column, built->body[i].base().pos.column) << i;
  }

  build("fields:\n  name: Ana\nbody:\n  - First.\n  - Dear {fields.nmae},\n");
  EXPECT_NE(diagnostics().find("content.yaml:5:"), std::string::npos) << diagnostics();
  EXPECT_NE(diagnostics().find("did you mean '{fields.name}'"), std::string::npos) << diagnostics();
}

TEST_F(ContentDocument, RealisticReport) {
  std::string file = std::string(FOLIO_SOURCE_DIR) + "/tests/data/content/report.yaml";
  Diagnostics diags;
  auto doc = loadDocument(file, yaml::Limits{}, diags);
  ASSERT_TRUE(doc) << diags.format();
  EXPECT_TRUE(diags.all().empty()) << diags.format();
  EXPECT_EQ(doc->language, "en-GB");
  EXPECT_EQ(doc->subject, "Results for 2025");
  EXPECT_EQ(doc->keywords, "harbour, annual report, trust");
  EXPECT_EQ(doc->fields.size(), 4u);
  EXPECT_EQ(doc->footnotes.size(), 2u);
  EXPECT_EQ(dump(doc->footnotes.at("src")), "Figures from the Trust's {em:audited} accounts.");

  const std::vector<Block>& b = doc->body;
  ASSERT_EQ(b.size(), 18u);
  EXPECT_EQ(b[1].base().id, "top");

  ASSERT_TRUE(std::holds_alternative<Image>(b[3]));
  const Image& image = std::get<Image>(b[3]);
  EXPECT_EQ(image.path, std::string(FOLIO_SOURCE_DIR) + "/tests/data/content/images/logo.png");
  ASSERT_TRUE(image.width);
  EXPECT_NEAR(image.width->value, 40 * 72 / 25.4, 1e-9);
  EXPECT_FALSE(image.width->em);
  EXPECT_FALSE(image.height);
  EXPECT_EQ(image.align, Align::Center);
  EXPECT_EQ(image.alt, "The Trust's logo");

  EXPECT_TRUE(std::holds_alternative<Heading>(b[4]));
  EXPECT_EQ(std::get<Heading>(b[4]).level, 2);
  EXPECT_EQ(b[4].base().id, "figures");

  const List& list = std::get<List>(b[5]);
  ASSERT_EQ(list.items.size(), 3u);
  EXPECT_EQ(dump(text(list.items[0][0])),
            "First point, with a note.^[An inline note with a {link=https://example.org/notes:link}.]");
  ASSERT_EQ(list.items[2].size(), 2u);
  EXPECT_EQ(dump(text(list.items[2][0])), "Revenue in euro[^fx] grew by:");
  ASSERT_TRUE(std::holds_alternative<List>(list.items[2][1]));
  const List& nested = std::get<List>(list.items[2][1]);
  EXPECT_TRUE(nested.numbered);
  EXPECT_EQ(nested.start, 1);
  ASSERT_EQ(nested.items.size(), 2u);
  EXPECT_EQ(dump(text(nested.items[1][0])), "8 % in the second");

  ASSERT_TRUE(std::holds_alternative<Quote>(b[6]));
  const Quote& quote = std::get<Quote>(b[6]);
  EXPECT_TRUE(quote.text.empty());
  ASSERT_EQ(quote.children.size(), 2u);
  EXPECT_EQ(dump(text(quote.children[0])), "A harbour is only as good as its {em:people}.");
  EXPECT_EQ(quote.children[1].base().align, Align::End);

  ASSERT_TRUE(std::holds_alternative<Rule>(b[7]));
  const Rule& rule = std::get<Rule>(b[7]);
  ASSERT_TRUE(rule.thickness);
  EXPECT_DOUBLE_EQ(rule.thickness->value, 0.5);

  const Paragraph& arabic = std::get<Paragraph>(b[8]);
  EXPECT_EQ(arabic.lang, "ar");
  EXPECT_EQ(arabic.dir, Direction::Rtl);
  EXPECT_EQ(dump(arabic.text), "مرحبا بكم في {lang=en:Port Example}");

  EXPECT_TRUE(std::holds_alternative<Spacer>(b[9]));
  EXPECT_TRUE(std::get<Spacer>(b[9]).space.em);
  EXPECT_DOUBLE_EQ(std::get<Spacer>(b[9]).space.value, 1);

  // The markdown block: heading, paragraph, ordered list, quote, rule, code.
  EXPECT_TRUE(std::holds_alternative<Heading>(b[10]));
  EXPECT_EQ(std::get<Heading>(b[10]).level, 2);
  EXPECT_EQ(dump(text(b[10])), "From the chair");
  EXPECT_EQ(b[10].base().pos.line, 48);  // the markdown scalar
  EXPECT_EQ(dump(text(b[11])), "Our {em:third} decade begins. Read {link=#figures:the figures}.");
  EXPECT_TRUE(std::holds_alternative<List>(b[12]));
  EXPECT_TRUE(std::get<List>(b[12]).numbered);
  EXPECT_EQ(std::get<List>(b[12]).items.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<Quote>(b[13]));
  EXPECT_EQ(dump(text(std::get<Quote>(b[13]).children.at(0))), "Tides wait for no one.");
  EXPECT_TRUE(std::holds_alternative<Rule>(b[14]));
  EXPECT_EQ(b[15].base().style, "code");
  EXPECT_EQ(dump(text(b[15])), "{code:code line one}<BR>{code:code line two}");

  EXPECT_TRUE(std::holds_alternative<PageBreak>(b[16]));
  EXPECT_EQ(b[17].base().align, Align::Justify);
  EXPECT_EQ(dump(text(b[17])), "Back to the {link=#top:top}.");
}

TEST_F(ContentDocument, Defaults) {
  auto doc = build("body:\n  - Just one line.\n");
  ASSERT_TRUE(doc) << diagnostics();
  EXPECT_EQ(doc->layout, "letterhead");
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->date, "");
  EXPECT_TRUE(doc->fields.empty());
  ASSERT_EQ(doc->body.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<Paragraph>(doc->body[0]));
  const Paragraph& p = std::get<Paragraph>(doc->body[0]);
  EXPECT_EQ(p.dir, Direction::Auto);
  EXPECT_EQ(p.align, Align::Default);
  EXPECT_TRUE(p.style.empty());
  EXPECT_TRUE(p.lang.empty());
}

TEST_F(ContentDocument, NullMetadataIsAbsent) {
  auto doc = build("title: ~\nsubject:\nlanguage:\nlayout:\nfields:\n  fax:\n  phone: 1\nbody: [x]\n");
  ASSERT_TRUE(doc) << diagnostics();
  EXPECT_EQ(doc->title, "");
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->layout, "letterhead");
  EXPECT_EQ(doc->field("fax"), nullptr);
  ASSERT_NE(doc->field("phone"), nullptr);
}

TEST_F(ContentDocument, ScalarsKeepTheirText) {
  auto doc = build("title: 2026\nfields:\n  zip: 01234\n  flag: yes\nbody:\n  - 123\n  - true\n");
  ASSERT_TRUE(doc) << diagnostics();
  EXPECT_EQ(doc->title, "2026");
  EXPECT_EQ(*doc->field("zip"), "01234");
  EXPECT_EQ(*doc->field("flag"), "yes");
  EXPECT_EQ(dump(text(doc->body[0])), "123");
  EXPECT_EQ(dump(text(doc->body[1])), "true");
}

TEST_F(ContentDocument, DatesWithTimes) {
  for (const char* date : {"2024-02-29", "2026-03-02T14:30", "2026-03-02 14:30:05", "2026-03-02T14:30:05.25Z",
                           "2026-03-02T14:30+01:00", "2026-03-02T14:30:00-0500"}) {
    EXPECT_TRUE(build(std::string("date: ") + date + "\nbody: [x]\n")) << date << diagnostics();
  }
  for (const char* date :
       {"2023-02-29", "2026-3-2", "02/03/2026", "2026-03-02T25:00", "2026-03-02T14", "20260302"}) {
    EXPECT_FALSE(build(std::string("date: '") + date + "'\nbody: [x]\n")) << date;
  }
}

TEST_F(ContentDocument, BlockAttributes) {
  auto doc = build(R"yaml(body:
  - heading: Intro
    level: 3
    id: intro
    style: heading3
    lang: fr
    dir: ltr
    align: center
  - list: [a, b]
    start: 5
  - list: [a]
    numbered: yes
  - rule: {}
    width: 50mm
    thickness: 1
  - image: pic.PNG
    height: 2in
  - page-break: {}
)yaml");
  writeFile("pic.PNG", "x");
  doc = build(R"yaml(body:
  - heading: Intro
    level: 3
    id: intro
    style: heading3
    lang: fr
    dir: ltr
    align: center
  - list: [a, b]
    start: 5
  - list: [a]
    numbered: yes
  - rule: {}
    width: 50mm
    thickness: 1
  - image: pic.PNG
    height: 2in
  - page-break: {}
)yaml");
  ASSERT_TRUE(doc) << diagnostics();
  const Heading& h = std::get<Heading>(doc->body[0]);
  EXPECT_EQ(h.level, 3);
  EXPECT_EQ(h.id, "intro");
  EXPECT_EQ(h.style, "heading3");
  EXPECT_EQ(h.lang, "fr");
  EXPECT_EQ(h.dir, Direction::Ltr);
  EXPECT_EQ(h.align, Align::Center);
  EXPECT_TRUE(std::get<List>(doc->body[1]).numbered);  // start implies numbered
  EXPECT_EQ(std::get<List>(doc->body[1]).start, 5);
  EXPECT_TRUE(std::get<List>(doc->body[2]).numbered);
  EXPECT_EQ(std::get<List>(doc->body[2]).start, 1);
  EXPECT_DOUBLE_EQ(std::get<Rule>(doc->body[3]).width->value, 50 * 72 / 25.4);
  EXPECT_DOUBLE_EQ(std::get<Rule>(doc->body[3]).thickness->value, 1);
  EXPECT_DOUBLE_EQ(std::get<Image>(doc->body[4]).height->value, 144);
  EXPECT_TRUE(std::holds_alternative<PageBreak>(doc->body[5]));
}

TEST_F(ContentDocument, MarkdownAttributesApplyToEachBlock) {
  auto doc = build(
      "body:\n  - markdown: \"# One\\n\\nTwo\\n\\n#### Four\"\n    id: md\n    style: quiet\n    lang: de\n");
  ASSERT_TRUE(doc) << diagnostics();
  ASSERT_EQ(doc->body.size(), 3u);
  EXPECT_EQ(doc->body[0].base().id, "md");
  EXPECT_EQ(doc->body[1].base().id, "");
  EXPECT_EQ(std::get<Heading>(doc->body[2]).level, 3);
  for (const Block& b : doc->body) {
    EXPECT_EQ(b.base().style, "quiet");
    EXPECT_EQ(b.base().lang, "de");
    EXPECT_EQ(b.base().pos.line, 2);
  }
}

TEST_F(ContentDocument, MarkdownDetails) {
  auto doc = build(R"yaml(footnotes:
  a: Note A.
body:
  - markdown: |
      Para with note[^a] and ^[inline *note*] and <sup>2</sup>.

      - one
      - two

        continued
      - - nested

      3. three
      4. four

      ```
      code [^a] ^[x]
      ```
)yaml");
  ASSERT_TRUE(doc) << diagnostics();
  const auto& b = doc->body;
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(dump(text(b[0])), "Para with note[^a] and ^[inline {em:note}] and {sup:2}.");
  ASSERT_EQ(std::get<List>(b[1]).items.size(), 3u);
  EXPECT_FALSE(std::get<List>(b[1]).numbered);
  EXPECT_EQ(std::get<List>(b[1]).items[1].size(), 2u);
  EXPECT_TRUE(std::holds_alternative<List>(std::get<List>(b[1]).items[2][0]));
  EXPECT_TRUE(std::get<List>(b[2]).numbered);
  EXPECT_EQ(std::get<List>(b[2]).start, 3);
  EXPECT_EQ(dump(text(b[3])), "{code:code [^a] ^[x]}");
}

TEST_F(ContentDocument, MarkdownHtmlBlocksWarn) {
  auto doc = build("body:\n  - markdown: \"<div>\\nraw\\n</div>\"\n");
  ASSERT_TRUE(doc) << diagnostics();
  EXPECT_EQ(diagnostics(),
            "content.yaml:2:15: warning: raw HTML in Markdown is not supported (kept as text); expected "
            "Markdown, or "
            "<sup>, <sub>, <span lang> and <br> inside a paragraph\n");
  EXPECT_EQ(dump(text(doc->body[0])), "<div><BR>raw<BR></div>");
}

TEST_F(ContentDocument, MarkdownNestingLimit) {
  std::string deep(100, '>');
  auto doc = build("body:\n  - markdown: '" + deep + " x'\n");
  EXPECT_FALSE(doc);
  EXPECT_EQ(diagnostics(),
            "content.yaml:2:15: error: Markdown nested more than 32 levels deep; expected flatter quotes and "
            "lists\n");
}

TEST_F(ContentDocument, BuildsFromAnInMemoryTree) {
  Diagnostics diags;
  auto root = yaml::parse("body:\n  - Hello *there*\n", "mem.yaml", yaml::Limits{}, diags);
  ASSERT_TRUE(root);
  auto doc = buildDocument(*root, "mem.yaml", diags);
  ASSERT_TRUE(doc) << diags.format();
  EXPECT_EQ(dump(text(doc->body[0])), "Hello {em:there}");
  EXPECT_EQ(doc->body[0].base().pos.file, "mem.yaml");
}

TEST_F(ContentDocument, FailedBuildLeavesEarlierDiagnosticsAlone) {
  Diagnostics diags;
  diags.error(SourcePos{}, "earlier");
  auto root = yaml::parse("body: [ok]\n", "mem.yaml", yaml::Limits{}, diags);
  EXPECT_TRUE(buildDocument(*root, "mem.yaml", diags));  // earlier errors are not ours
}

TEST_F(ContentDocument, BuildsInParallel) {
  std::string text = std::string("footnotes: {a: A}\nbody:\n") + "  - heading: T\n    id: t\n" +
                     "  - x[^a] [t](#t) ^[n] <sup>1</sup>\n  - markdown: '# M'\n";
  Diagnostics d0;
  auto root = yaml::parse(text, "p.yaml", yaml::Limits{}, d0);
  ASSERT_TRUE(root);
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Diagnostics d;
        auto doc = buildDocument(*root, "p.yaml", d);
        if (doc && doc->body.size() == 3 && d.all().empty()) ++ok[static_cast<size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 50);
}

}  // namespace
}  // namespace folio::content
