// The table block and pipe tables: the grid after spans, column widths and
// alignment as read, and the mistakes reported at their place.
#include "ContentFixture.h"

namespace folio::content {
namespace {

class ContentTable : public ContentTest {};

TEST_F(ContentTable, SpansTakeTheirSlots) {
  auto doc = build(R"yaml(body:
  - table:
      - [a, b, c]
      - - text: span
          rowspan: 2
          colspan: 2
        - d
      - [e]
      - ["", f, g]
    columns: [30mm, 25%, {width: 2fr, align: decimal, valign: bottom}]
    header-rows: 1
    footer-rows: 1
    caption: The *caption*
    continued: true
)yaml");
  ASSERT_TRUE(doc) << diagnostics();
  const Table& t = *std::get<TableBlock>(doc->body.at(0)).table;
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].width, TableColumn::Width::Length);
  EXPECT_NEAR(t.columns[0].value, 30 * 72 / 25.4, 1e-6);
  EXPECT_EQ(t.columns[1].width, TableColumn::Width::Percent);
  EXPECT_EQ(t.columns[2].width, TableColumn::Width::Fraction);
  EXPECT_EQ(t.columns[2].value, 2);
  EXPECT_EQ(t.columns[2].align, CellAlign::Decimal);
  EXPECT_EQ(t.columns[2].valign, VAlign::Bottom);
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[1].cells[0].column, 0u);
  EXPECT_EQ(t.rows[1].cells[1].column, 2u);  // after the 2-column span
  EXPECT_EQ(t.rows[2].cells[0].column, 2u);  // the span from above takes columns 0 and 1
  EXPECT_EQ(t.headerRows, 1u);
  EXPECT_EQ(t.footerRows, 1u);
  EXPECT_FALSE(t.caption.empty());
  EXPECT_FALSE(t.continued.empty());
  EXPECT_TRUE(t.rows[3].cells[0].text.empty());  // "" is an empty cell
}

TEST_F(ContentTable, CellsHoldBlocks) {
  auto doc = build(R"yaml(body:
  - table:
      - [Item, Notes]
      - - Pens
        - - First paragraph.
          - list: [one, two]
)yaml");
  ASSERT_TRUE(doc) << diagnostics();
  const TableCell& cell = std::get<TableBlock>(doc->body.at(0)).table->rows[1].cells[1];
  ASSERT_EQ(cell.blocks.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<List>(cell.blocks[1]));
}

TEST_F(ContentTable, MistakesAtTheirPlace) {
  EXPECT_FALSE(build("body:\n  - table:\n      - [a, b, c]\n      - [d, e]\n"));
  EXPECT_EQ(diagnostics(),
            "content.yaml:4:9: error: row 2 has 2 columns (counting spans); expected 3 like the first row (add empty "
            "cells as \"\")\n");
  EXPECT_FALSE(build("body:\n  - table:\n      - [a]\n    columns: [1.5xx]\n"));
  EXPECT_NE(diagnostics().find(":4:15: error: column width '1.5xx' is not valid"), std::string::npos) << diagnostics();
  EXPECT_FALSE(build("body:\n  - table:\n      - [a]\n      - {b: 1}\n"));
  EXPECT_NE(diagnostics().find(":4:9: error: wrong type for a table row"), std::string::npos) << diagnostics();
  EXPECT_FALSE(build("body:\n  - table:\n      - [a, b]\n    header-rows: 2\n    footer-rows: 1\n"));
  EXPECT_NE(diagnostics().find("the table has 1 rows but 2 header and 1 footer rows"), std::string::npos)
      << diagnostics();
  EXPECT_FALSE(build("body:\n  - table: []\n"));
  EXPECT_NE(diagnostics().find("expected a sequence of rows"), std::string::npos) << diagnostics();
}

TEST_F(ContentTable, PipeTableInMarkdown) {
  auto doc = build(R"yaml(body:
  - markdown: |
      Before.

      | Name | Role | Phone |
      |:-----|:----:|------:|
      | Ana  | Press \| media | +1 555 0100 |
      | Bo   | Spokesperson |

      After.
)yaml");
  ASSERT_TRUE(doc) << diagnostics();
  ASSERT_EQ(doc->body.size(), 3u);
  ASSERT_TRUE(std::holds_alternative<TableBlock>(doc->body[1]));
  const Table& t = *std::get<TableBlock>(doc->body[1]).table;
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].align, CellAlign::Left);
  EXPECT_EQ(t.columns[1].align, CellAlign::Center);
  EXPECT_EQ(t.columns[2].align, CellAlign::Right);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(markup::plainText(t.rows[1].cells[1].text), "Press | media");
  ASSERT_EQ(t.rows[2].cells.size(), 3u);  // the short row is filled, with a warning at its line
  EXPECT_NE(diagnostics().find(":8:7: warning: row 3 has 2 of the table's 3 columns"), std::string::npos)
      << diagnostics();
}

TEST_F(ContentTable, PipesInCodeFencesStayCode) {
  auto doc = build("body:\n  - markdown: |\n      ```\n      | a | b |\n      |---|---|\n      ```\n");
  ASSERT_TRUE(doc) << diagnostics();
  ASSERT_EQ(doc->body.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<Paragraph>(doc->body[0]));
}

}  // namespace
}  // namespace folio::content
