// The page builder on synthetic flows: every item is a slot of known height
// with an anchor naming it, so a test can read which item went to which page.
#include <gtest/gtest.h>

#include "pagination/PageBuilder.h"
#include "pagination/Templates.h"

namespace folio::pagination {
namespace {

constexpr Sp kLine = 12 * kSpPerPt;

style::Layout layoutWithLines(int linesPerPage) {
  style::Layout l;
  l.pageHeight = l.first.marginTop + l.first.marginBottom + linesPerPage * kLine;
  l.later = l.first;
  return l;
}

FlowItem line(const std::string& name, bool breakAfter = true) {
  FlowItem it;
  it.height = kLine;
  it.breakAfter = breakAfter;
  it.anchors.push_back(frame::Anchor{name, {}});
  return it;
}

// A paragraph of n lines with the break rules the flow builder gives it.
void paragraph(Flow& f, const std::string& name, int n, int widows = 2, int orphans = 2) {
  for (int i = 1; i <= n; ++i)
    f.items.push_back(line(name + std::to_string(i), i == n || (i >= orphans && n - i >= widows)));
}

std::vector<std::vector<std::string>> pagesOf(Flow& f, const style::Layout& l) {
  Diagnostics d;
  std::vector<frame::Page> pages = buildPages(f, l, 1000, d);
  std::vector<std::vector<std::string>> out;
  for (const frame::Page& p : pages) {
    out.emplace_back();
    for (const frame::Anchor& a : p.anchors) out.back().push_back(a.name);
  }
  return out;
}

TEST(PageBuilder, FillsPagesInOrder) {
  Flow f;
  paragraph(f, "a", 7);
  auto pages = pagesOf(f, layoutWithLines(5));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0], (std::vector<std::string>{"a1", "a2", "a3", "a4", "a5"}));
  EXPECT_EQ(pages[1], (std::vector<std::string>{"a6", "a7"}));
}

TEST(PageBuilder, NoWidowAtTheTopOfAPage) {
  Flow f;
  paragraph(f, "a", 6);  // 5 + 1 would leave a widow: the page ends after a4
  auto pages = pagesOf(f, layoutWithLines(5));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].back(), "a4");
  EXPECT_EQ(pages[1], (std::vector<std::string>{"a5", "a6"}));
}

TEST(PageBuilder, NoOrphanAtTheFootOfAPage) {
  Flow f;
  paragraph(f, "a", 4);
  paragraph(f, "b", 4);  // b1 alone at the foot of page 1 would be an orphan
  auto pages = pagesOf(f, layoutWithLines(5));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].back(), "a4");
  EXPECT_EQ(pages[1].front(), "b1");
}

TEST(PageBuilder, HeadingKeptWithTheNextTwoLines) {
  Flow f;
  paragraph(f, "a", 3);
  f.items.push_back(line("h", false));  // a heading never ends a page
  paragraph(f, "b", 5);
  auto pages = pagesOf(f, layoutWithLines(5));
  ASSERT_GE(pages.size(), 2u);
  EXPECT_EQ(pages[0].back(), "a3");
  EXPECT_EQ(pages[1][0], "h");
  EXPECT_EQ(pages[1][1], "b1");
  EXPECT_EQ(pages[1][2], "b2");
}

TEST(PageBuilder, DiscardsSpaceAtThePageTopAndHonoursPageBreaks) {
  Flow f;
  paragraph(f, "a", 2);
  FlowItem br;
  br.kind = FlowItem::Kind::PageBreak;
  f.items.push_back(br);
  FlowItem space;
  space.kind = FlowItem::Kind::Space;
  space.height = 3 * kLine;
  space.discardable = true;
  space.breakAfter = false;
  space.anchors.push_back({"space", {}});
  f.items.push_back(space);
  paragraph(f, "b", 5);
  auto pages = pagesOf(f, layoutWithLines(5));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0], (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(pages[1].front(), "b1");  // the space vanished at the top of page 2
  EXPECT_EQ(pages[1].size(), 5u);
}

TEST(PageBuilder, FootnoteGoesToThePageOfItsMark) {
  style::Layout l = layoutWithLines(6);
  l.footnoteGap = kLine;
  Flow f;
  paragraph(f, "a", 8);
  f.items[3].line.notes = {1};  // the mark is on a4
  Footnote note;
  note.number = 1;
  note.lines.push_back(line("note1"));
  note.lines.push_back(line("note2"));
  f.notes.push_back(note);
  auto pages = pagesOf(f, l);
  // 6 slots: a1..a3 + a4 with its note (gap + 2 lines) fill page 1.
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0], (std::vector<std::string>{"a1", "a2", "a3", "a4", "note1"}));  // note anchors at their lines
  EXPECT_EQ(pages[1].front(), "a5");
}

TEST(PageBuilder, LongFootnoteContinuesOnTheNextPage) {
  style::Layout l = layoutWithLines(8);
  l.footnoteGap = kLine;
  Flow f;
  paragraph(f, "a", 6);
  f.items[2].line.notes = {1};  // mark on a3
  Footnote note;
  note.number = 1;
  for (int i = 1; i <= 8; ++i) note.lines.push_back(line("n" + std::to_string(i)));
  f.notes.push_back(note);
  auto pages = pagesOf(f, l);
  // Page 1: a1 a2 a3, then the gap and n1..n4 (8 slots); n5..n8 lead page 2.
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0], (std::vector<std::string>{"a1", "a2", "a3", "n1", "n2", "n3", "n4"}));
  EXPECT_EQ(pages[1], (std::vector<std::string>{"a4", "a5", "a6", "n5", "n6", "n7", "n8"}));
}

TEST(Templates, FieldsAndDates) {
  content::Document doc;
  doc.title = "Report";
  doc.date = "2026-03-02";
  doc.fields = {{"sender", "Harbour Trust"}, {"fax", ""}};
  style::Layout l;
  bool missing = false;
  EXPECT_EQ(expandFields("{fields.sender} · {title} · {page}/{pages}", doc, l, 3, 9, missing),
            "Harbour Trust · Report · 3/9");
  EXPECT_FALSE(missing);
  expandFields("Fax {fields.fax}", doc, l, 1, 1, missing);
  EXPECT_TRUE(missing);  // an empty field leaves its line out
  missing = false;
  expandFields("Tel {fields.phone}", doc, l, 1, 1, missing);
  EXPECT_TRUE(missing);
  EXPECT_EQ(expandFields("{date}", doc, l, 1, 1, missing), "March 2, 2026");
  l.dateFormat = "{dd}.{mm}.{year}";
  EXPECT_EQ(formatDate("2026-03-02", l), "02.03.2026");
  l.monthNames = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"};
  l.dateFormat = "{day} {month} {year}";
  EXPECT_EQ(formatDate("2026-03-02", l), "2 mars 2026");
}

TEST(Templates, DateFormatPerLanguage) {
  // date-format: {en: ..., de: ...}: the pattern of the document's language
  // (its tag or primary language), ICU's long date for the others.
  style::Layout l;
  l.dateFormats = {{"en", "{day} {month} {year}"}, {"de", "{dd}.{mm}.{year}"}};
  EXPECT_EQ(formatDate("2026-03-02", l, "en"), "2 March 2026");
  EXPECT_EQ(formatDate("2026-03-02", l, "en-GB"), "2 March 2026");
  EXPECT_EQ(formatDate("2026-03-02", l, "de-AT"), "02.03.2026");
  EXPECT_NE(formatDate("2026-03-02", l, "ar").find("مارس"), std::string::npos);
  EXPECT_EQ(formatDate("2026-03-02", l, "fr"), "2 mars 2026");
  l.dateFormats["*"] = "{year}-{mm}-{dd}";
  EXPECT_EQ(formatDate("2026-03-02", l, "fr"), "2026-03-02");
  EXPECT_EQ(formatDate("2026-03-02", l, "en"), "2 March 2026");
}

}  // namespace
}  // namespace folio::pagination
