// Random strings built from the characters that matter to the parser: no
// crash, no exception, no placeholder or sentinel leaking into the output.
#include <gtest/gtest.h>

#include <random>

#include "markup/Inline.h"

namespace folio::markup {
namespace {

std::string randomMarkup(std::mt19937& rng, size_t length) {
  static const std::vector<std::string> pieces{"*",
                                               "_",
                                               "**",
                                               "`",
                                               "``",
                                               "[",
                                               "]",
                                               "(",
                                               ")",
                                               "^",
                                               "^[",
                                               "[^",
                                               "!",
                                               "\\",
                                               "<",
                                               ">",
                                               "</sup>",
                                               "<sup>",
                                               "<span lang=\"ar\">",
                                               "</span>",
                                               "<br>",
                                               "<b>",
                                               "&amp;",
                                               "#",
                                               "-",
                                               "1.",
                                               "\n",
                                               "\n\n",
                                               "  \n",
                                               " ",
                                               "a",
                                               "word",
                                               "é",
                                               "\u2000",
                                               "\U000F0000",
                                               "https://x.org",
                                               "](#id)",
                                               "<!--",
                                               "-->",
                                               "~~~",
                                               "```",
                                               ">",
                                               "=",
                                               "\t"};
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::string out;
  while (out.size() < length) out += pieces[pick(rng)];
  return out;
}

void checkNoInternalCharacters(const InlineText& text, const std::string& source) {
  for (const Inline& run : text) {
    // A placeholder may appear only if the user wrote that character.
    if (source.find("\U000F0000") == std::string::npos) {
      EXPECT_EQ(run.text.find("\U000F0000"), std::string::npos) << source;
    }
    if (run.note) checkNoInternalCharacters(*run.note, source);
  }
}

TEST(InlineRobustness, RandomMarkup) {
  std::mt19937 rng(12345);
  for (int i = 0; i < 3000; ++i) {
    std::string source = randomMarkup(rng, 1 + static_cast<size_t>(i % 60));
    Diagnostics diags;
    InlineText text = parseInline(source, SourcePos{"r.yaml", 1, 1}, diags);
    checkNoInternalCharacters(text, source);
    for (const Inline& run : text) EXPECT_LE(run.sourceOffset, source.size()) << source;
    if (!text.empty() && text.front().kind == Inline::Kind::Text &&
        source.find("\u2000") == std::string::npos) {
      EXPECT_FALSE(text.front().text.starts_with("\u2000")) << source;
    }
  }
}

TEST(InlineRobustness, PathologicalInputsStayFast) {
  std::vector<std::string> inputs{std::string(100000, '`'), std::string(50000, '['), std::string(50000, '*')};
  std::string notes, ticks;
  for (int i = 0; i < 30000; ++i) notes += "^[";
  for (int i = 1; i < 400; ++i) ticks += std::string(static_cast<size_t>(i), '`') + "x";
  inputs.push_back(notes);
  inputs.push_back(ticks);
  for (const std::string& input : inputs) {
    Diagnostics diags;
    InlineText text = parseInline(input, SourcePos{}, diags);
    EXPECT_LE(diags.all().size(), 2u);
  }
}

}  // namespace
}  // namespace folio::markup
