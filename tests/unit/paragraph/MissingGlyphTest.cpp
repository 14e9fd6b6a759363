// A character that no font has: a warning with the character, where it is
// in the source, and the fonts tried; once per character and paragraph.
#include "ParagraphFixture.h"

namespace folio::paragraph {
namespace {

using testing::Fixture;

TEST(MissingGlyph, WarnsOnceWithCharacterPositionAndFontsTried) {
  Fixture f;
  Options o = f.options(pt(300));
  o.pos = SourcePos{"doc.yaml", 7, 5};
  f.set("Khitan 𘬀 and 𘬀 again", o);  // U+18B00, in no installed font
  ASSERT_EQ(f.diags.all().size(), 1u);
  const Diagnostic& d = f.diags.all()[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.pos.line, 7);
  EXPECT_EQ(d.pos.column, 5);
  EXPECT_NE(d.message.find("U+18B00"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("2 times"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("Noto Serif"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("character 8 of"), std::string::npos) << d.message;
}

TEST(MissingGlyph, ExactColumnWhenTheCallerMapsSourceOffsets) {
  Fixture f;
  Options o = f.options(pt(300));
  o.pos = SourcePos{"doc.yaml", 7, 5};
  // A plain scalar starting at column 5 of line 7: byte offset -> column.
  const std::string source = "Ω **bold** 𘬀";
  o.sourcePosition = [&](uint32_t offset) {
    return SourcePos{"doc.yaml", 7, 5 + static_cast<int>(toUtf32(source.substr(0, offset)).size())};
  };
  markup::InlineText text = markup::parseInline(source, o.pos, f.diags);
  f.set(text, o);
  ASSERT_EQ(f.diags.all().size(), 1u);
  EXPECT_EQ(f.diags.all()[0].pos.column, 5 + 11) << f.diags.all()[0].message;
}

TEST(MissingGlyph, StrictMakesItAnError) {
  Fixture f;
  f.diags.setStrict(true);
  f.set("\U0010FFFD", f.options(pt(300)));
  ASSERT_EQ(f.diags.all().size(), 1u);
  EXPECT_EQ(f.diags.all()[0].severity, Severity::Error);
  EXPECT_NE(f.diags.all()[0].message.find("U+10FFFD"), std::string::npos);
}

}  // namespace
}  // namespace folio::paragraph
