// No glyph leaves the measure, in any script: each line's glyph boxes lie
// within [0, width] (a word wider than the measure is the only exception,
// and none of these texts has one).
#include "ParagraphFixture.h"

namespace folio::paragraph {
namespace {

using testing::extent;
using testing::Fixture;

struct Sample {
  const char* language;
  const char* text;
};

const char* kSamples_debug_dummy = nullptr;
const Sample kSamples[] = {
    {"ka", "ბათუმი — აჭარის კულტურული მემკვიდრეობის ფონდმა დღეს სინათლის მეოთხე ფესტივალის პროგრამა "
           "გამოაქვეყნა. თერთმეტი საღამოს განმავლობაში ბათუმის ბულვარი და ძველი ნავსადგური ღია ცის ქვეშ "
           "სინათლის გალერეად გადაიქცევა: ცხრა ქვეყნის ოცდათოთხმეტი ხელოვანი თავის ნამუშევრებს თითქმის "
           "ოთხკილომეტრიანი საფეხმავლო მარშრუტის გასწვრივ წარმოადგენს."},
};

TEST(Measure, EveryLineFitsInEveryScript) {
  for (const Sample& s : kSamples) {
    SCOPED_TRACE(s.language);
    Fixture f;
    const Sp width = pt(300);
    Paragraph p = f.set(s.text, f.options(width, s.language));
    ASSERT_GT(p.lines.size(), 1u);
    for (size_t i = 0; i < p.lines.size(); ++i) {
      SCOPED_TRACE("line " + std::to_string(i));
      const testing::Extent e = extent(p.lines[i]);
      EXPECT_GE(e.left, 0);
      EXPECT_LE(e.right, width);
      if (i + 1 < p.lines.size()) EXPECT_NEAR(toPt(e.right), toPt(width), 0.5) << "justified lines reach the end";
    }
  }
}


TEST(Debug, Print) {

  testing::Fixture f;
  Paragraph p = f.set(kSamples[0].text, f.options(pt(300), "ka"));
  for (auto& l : p.lines) { auto e = testing::extent(l); printf("%7.2f %s\n", toPt(e.right), toUtf8(testing::visualText(l)).c_str()); }
}
}  // namespace
}  // namespace folio::paragraph
