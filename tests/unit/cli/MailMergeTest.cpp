#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "cli/Batch.h"
#include "cli/MailMerge.h"

namespace folio::cli {
namespace {

std::string writeTemp(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(MailMerge, CsvWithQuotesNewlinesAndCrlf) {
  std::string path = writeTemp("people.csv", "\xEF\xBB\xBFid,name,note\r\n1,\"Doe, Jane\",\"said \"\"hi\"\"\"\r\n2,Bob,\"two\nlines\"\r\n\r\n3,Ann,\n");
  std::vector<Record> records;
  Diagnostics d;
  ASSERT_TRUE(loadRecords(path, yaml::Limits{}, records, d)) << d.format();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(*records[0].value("name"), "Doe, Jane");
  EXPECT_EQ(*records[0].value("note"), "said \"hi\"");
  EXPECT_EQ(*records[1].value("note"), "two\nlines");
  EXPECT_EQ(*records[2].value("note"), "");
  EXPECT_EQ(records[1].pos.line, 3);
  EXPECT_EQ(records[2].pos.line, 6);  // the blank line is skipped, lines still count
  EXPECT_EQ(records[2].number, 3u);
}

TEST(MailMerge, CsvErrors) {
  std::vector<Record> records;
  Diagnostics d;
  EXPECT_FALSE(loadRecords(writeTemp("bad.csv", "a,b\n1,2,3\n4,5\n"), yaml::Limits{}, records, d));
  EXPECT_NE(d.format().find("bad.csv:2:1: error: record 1 has 3 cells; expected 2 as in the header"), std::string::npos)
      << d.format();
  EXPECT_EQ(records.size(), 1u);  // the good row is kept
  Diagnostics d2;
  EXPECT_FALSE(loadRecords(writeTemp("x.txt", "a\n"), yaml::Limits{}, records, d2));
  EXPECT_NE(d2.format().find("unknown data file type"), std::string::npos);
}

TEST(MailMerge, YamlRecords) {
  std::vector<Record> records;
  Diagnostics d;
  ASSERT_TRUE(loadRecords(writeTemp("p.yaml", "- {id: 1, name: A}\n- {id: 2, name: B}\n"), yaml::Limits{}, records, d));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(*records[1].value("name"), "B");
  Diagnostics d2;
  EXPECT_FALSE(loadRecords(writeTemp("q.yaml", "- [1, 2]\n"), yaml::Limits{}, records, d2));
  EXPECT_NE(d2.format().find("record 1 is a sequence; expected a mapping"), std::string::npos) << d2.format();
}

TEST(MailMerge, MergesIntoFieldsAndLeavesTheTextsPlaceholders) {
  Diagnostics d;
  auto root = yaml::parse("fields: {sender: T}\nbody:\n  - \"Dear {fields.name}, ref {fields.id}\"\n", "c.yaml",
                          yaml::Limits{}, d);
  ASSERT_TRUE(root);
  std::set<std::string> names;
  collectFieldNames(*root, names);
  EXPECT_EQ(names, (std::set<std::string>{"id", "name"}));
  Record r;
  r.values = {{"name", "Ana"}, {"id", "7"}};
  applyRecord(*root, r);
  // The text keeps its placeholders: the content stage inserts the values
  // as literal text after the markup is read (a '*' in a name stays a '*').
  EXPECT_EQ(root->find("body")->items[0].scalar, "Dear {fields.name}, ref {fields.id}");
  const yaml::Node* fields = root->find("fields");
  ASSERT_TRUE(fields);
  EXPECT_EQ(fields->find("sender")->scalar, "T");
  EXPECT_EQ(fields->find("name")->scalar, "Ana");
  std::string out;
  EXPECT_TRUE(expandPattern("out/l-{fields.id}.pdf", r, out));
  EXPECT_EQ(out, "out/l-7.pdf");
  EXPECT_FALSE(expandPattern("{fields.nope}", r, out));
}

TEST(MailMerge, MarkupFieldsAreSubstitutedBeforeTheMarkupIsRead) {
  Diagnostics d;
  auto root = yaml::parse("body:\n  - \"{fields.bio} by {fields.name}\"\n", "c.yaml", yaml::Limits{}, d);
  ASSERT_TRUE(root);
  Record r;
  r.values = {{"bio", "*Painter*"}, {"name", "A *B*"}};
  applyRecord(*root, r, {"bio"});
  EXPECT_EQ(root->find("body")->items[0].scalar, "*Painter* by {fields.name}");
}

TEST(Depfile, MakeRuleEscapesAndAddsPhonyTargets) {
  std::string rule = makeRule("out/a b.pdf", {"content/a.yaml", "fonts/x$y.ttf"});
  EXPECT_EQ(rule, "out/a\\ b.pdf: \\\n  content/a.yaml \\\n  fonts/x$$y.ttf\n\ncontent/a.yaml:\n\nfonts/x$$y.ttf:\n");
}

}  // namespace
}  // namespace folio::cli
