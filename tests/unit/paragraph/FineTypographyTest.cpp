// Fine typography of a paragraph: hanging punctuation (character
// protrusion on both sides of a justified line, mirrored in right-to-left
// text), no-break spaces where the language wants them (with the source
// text kept for copy and paste), and no extra space after a sentence.
#include <map>

#include "ParagraphFixture.h"
#include "paragraph/Internal.h"

namespace folio::paragraph {
namespace {

using testing::extent;
using testing::Fixture;
using testing::u32;
using testing::visualText;

const char* kEnglish =
    "The route opens at dusk, closes at eleven, and is free. Visitors, families and students come by "
    "ferry, bicycle or on foot; the last admission is at a quarter past ten. “We wanted the harbour to "
    "belong to everyone again,” said the director. Detailed maps, accessibility information and the "
    "programme are online, in six languages, with audio descriptions of every single installation.";

// Noto Serif's period and comma are 250 units wide: at 10pt a 70% hang is
// 1.75pt, exactly (in scaled points) what the line breaker was given.
constexpr Sp kPeriodHang = pt(2.5) * 700 / 1000;

TEST(HangingPunctuation, PeriodsAndCommasHangIntoTheEndMargin) {
  Fixture f;
  f.body.hangingPunctuation = true;
  int hung = 0, hyphens = 0, quotes = 0, flush = 0, lines = 0;
  // Every 2pt: since condensed lines cost (issue 19e) no width in 5pt steps
  // starts a line with the opening quote.
  for (int w = 140; w <= 300; w += 2) {
    const Sp width = pt(w);
    Paragraph p = f.set(kEnglish, f.options(width));
    ASSERT_GT(p.lines.size(), 3u);
    for (size_t i = 0; i + 1 < p.lines.size(); ++i, ++lines) {
      const std::u32string text = visualText(p.lines[i]);
      SCOPED_TRACE(toUtf8(text) + " at " + std::to_string(w) + "pt");
      const testing::Extent e = extent(p.lines[i]);
      const char32_t last = text.back(), first = text.front();
      if (e.right < width - pt(1)) {
        ++flush;  // too loose to justify on a narrow measure: set flush (Justify.cpp)
        continue;
      }
      if (last == U'.' || last == U',') {
        EXPECT_EQ(e.right, width + kPeriodHang);
        ++hung;
      } else if (last == U'-') {
        EXPECT_EQ(e.right, width + pt(3.1) * 700 / 1000);  // Noto Serif's hyphen: 310 units
        ++hyphens;
      } else if (last == U';' || last == 0x201D) {
        EXPECT_GT(e.right, width);  // half of their width
      } else if (detail::protrusionOf(last).end > 0) {
        EXPECT_GT(e.right, width);  // y, k, r, w ...: 5 % (Protrusion.OpenLettersHang...)
        EXPECT_LT(e.right, width + pt(0.6));
      } else {
        EXPECT_EQ(e.right, width);
      }
      if (first == 0x201C) {
        EXPECT_EQ(e.left, -pt(4.5) * 500 / 1000);  // “: 450 units, half of it hangs
        ++quotes;
      } else if (detail::protrusionOf(first).start > 0) {
        EXPECT_LT(e.left, 0);  // T, V, W, A ...
        EXPECT_GT(e.left, -pt(0.6));
      } else {
        EXPECT_EQ(e.left, 0);
      }
    }
  }
  EXPECT_GT(hung, 0) << "no line ends with a period or comma: the test proves nothing";
  EXPECT_GT(hyphens, 0);
  EXPECT_GT(quotes, 0);
  EXPECT_LT(flush * 20, lines) << flush << " of " << lines << " lines could not be justified";
}

TEST(HangingPunctuation, OffByDefault) {
  Fixture f;
  const Sp width = pt(170);
  Paragraph p = f.set(kEnglish, f.options(width));
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const testing::Extent e = extent(p.lines[i]);
    EXPECT_EQ(e.left, 0);
    EXPECT_EQ(e.right, width);
  }
}

// Hebrew: a sentence's final period is at the logical end of its line,
// drawn at the left; it hangs into the left margin and the right edge stays
// flush.
TEST(HangingPunctuation, RightToLeftLinesHangOnTheLeft) {
  Fixture f;
  f.body.hangingPunctuation = true;
  const Sp width = pt(150);
  const char* hebrew =
      "הנמל נפתח בערב. המסלול חופשי לכולם, והכניסה למגדלים בתשלום. משפחות, סטודנטים ותיירים מגיעים "
      "במעבורת, באופניים או ברגל. המפות, המידע על הנגישות והתוכנית המלאה זמינים ברשת. כל מיצב מלווה "
      "בתיאור קולי בשש שפות, והסיורים המודרכים יוצאים מהמגדלור בכל חצי שעה.";
  Paragraph p = f.set(hebrew, f.options(width, "he"));
  ASSERT_TRUE(p.rtl);
  int hung = 0;
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const std::u32string text = visualText(p.lines[i]);
    SCOPED_TRACE(toUtf8(text));
    const testing::Extent e = extent(p.lines[i]);
    size_t k = 0;
    while (k < text.size() && text[k] == U' ') ++k;
    EXPECT_EQ(e.right, width);  // a Hebrew line starts with a letter here
    if (text[k] == U'.' || text[k] == U',') {
      EXPECT_LT(e.left, 0);
      EXPECT_GT(e.left, -pt(3));
      ++hung;
    } else {
      EXPECT_EQ(e.left, 0);
    }
  }
  EXPECT_GT(hung, 0) << "no line ends with a period or comma: the test proves nothing";
}

// noBreakSpaceFor, language by language.
// Letter protrusion, worked by hand. Noto Serif at 10 pt (1000 units to
// the em, so a unit is 0.01 pt), shaped "VAT": V 595 (kerned against the
// A), A 645, T 613; a space is 260, shrinking by a third (86.67). "VAT VAT
// VAT" is 3 * 1853 + 2 * 260 = 6079 units, 60.79 pt. The V at a line start
// hangs 5 % of 5.95 pt (0.2975 pt), the T at a line end 5 % of 6.13 pt
// (0.3065 pt). On a measure of 60.79 - 0.604 = 60.186 pt, the first line
// holds three words at their natural spacing (2.6 pt) and reaches from
// -0.2975 to 60.186 + 0.3065 pt; with `protrusion: 0` the same three words
// are set flush, their two spaces shrunk by 0.302 pt each.
std::vector<Sp> wordGaps(const Line& line) {
  std::vector<Sp> gaps;
  for (const frame::GlyphRun& r : line.runs) {
    Sp x = r.origin.x, wordEnd = -1;
    bool space = false;
    for (const frame::PlacedGlyph& g : r.glyphs) {
      const bool isSpace = r.text.compare(g.textBegin, g.textLength, U" ") == 0;
      if (isSpace) {
        space = true;
      } else {
        if (space && wordEnd >= 0) gaps.push_back(x - wordEnd);
        space = false;
        wordEnd = x + g.advance;
      }
      x += g.advance;
    }
  }
  return gaps;
}

TEST(Protrusion, OpenLettersHangByFivePercentHandWorked) {
  Fixture f;
  f.body.hangingPunctuation = true;
  f.body.expansion = 0;  // widths as shaped, spaces alone take the slack
  f.body.hyphenate = false;
  const Sp width = static_cast<Sp>((60.79 - 0.604) * kSpPerPt);
  const Sp hangV = static_cast<Sp>(5.95 * 0.05 * kSpPerPt), hangT = static_cast<Sp>(6.13 * 0.05 * kSpPerPt);
  constexpr Sp kTol = 8;  // scaled points: the font's units are not whole sp
  Paragraph p = f.set("VAT VAT VAT VAT", f.options(width));
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(visualText(p.lines[0]), U"VAT VAT VAT");
  EXPECT_EQ(visualText(p.lines[1]), U"VAT");
  testing::Extent e = extent(p.lines[0]);
  EXPECT_NEAR(e.left, -hangV, kTol);
  EXPECT_NEAR(e.right, width + hangT, kTol);
  for (Sp gap : wordGaps(p.lines[0])) EXPECT_NEAR(gap, pt(2.6), kTol);

  // The same without protrusion: flush, the spaces shrunk by half the hangs.
  f.body.protrusion = 0;
  Paragraph flat = f.set("VAT VAT VAT VAT", f.options(width));
  ASSERT_EQ(flat.lines.size(), 2u);
  EXPECT_EQ(visualText(flat.lines[0]), U"VAT VAT VAT");
  e = extent(flat.lines[0]);
  EXPECT_EQ(e.left, 0);
  EXPECT_EQ(e.right, width);
  const std::vector<Sp> gaps = wordGaps(flat.lines[0]);
  ASSERT_EQ(gaps.size(), 2u);
  for (Sp gap : gaps) EXPECT_NEAR(gap, pt(2.6) - (hangV + hangT) / 2, 2 * kTol);

  // Half the protrusion: half the hangs.
  f.body.protrusion = 0.5;
  Paragraph half = f.set("VAT VAT VAT VAT", f.options(width));
  e = extent(half.lines[0]);
  EXPECT_NEAR(e.left, -hangV / 2, kTol);
  EXPECT_NEAR(e.right, width + hangT / 2, kTol);
}

// Monospace text and code never hang, not even a period: their columns
// line up.
TEST(Protrusion, NotInMonospaceOrCode) {
  Fixture f;
  f.body.hangingPunctuation = true;
  f.body.fonts = {"Noto Sans Mono"};
  const Sp width = pt(100);
  Paragraph p = f.set("VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT.", f.options(width));
  ASSERT_GT(p.lines.size(), 2u);
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const testing::Extent e = extent(p.lines[i]);
    EXPECT_EQ(e.left, 0);
    EXPECT_LE(e.right, width);
  }
  Fixture g;
  g.body.hangingPunctuation = true;
  markup::InlineText code(1);
  code[0].text = "VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT VAT.";
  code[0].flags = markup::kCode;
  Paragraph c = g.set(code, g.options(pt(100)));
  ASSERT_GT(c.lines.size(), 2u);
  for (size_t i = 0; i + 1 < c.lines.size(); ++i) {
    const testing::Extent e = extent(c.lines[i]);
    EXPECT_EQ(e.left, 0);
    EXPECT_LE(e.right, pt(100));
  }
}

// Letter spacing with the expansion (justify-letter-spacing): a line at
// expansion share s (its glyphs drawn at 1 + 2 % s) adds s * 1.2 % of an em
// after every letter but a word's last. Words of one repeated letter
// ("nnnn", no kerning) show it exactly: the first n's advance exceeds the
// last one's by s * 0.12 pt at 10 pt (at full stretch, the loose-line
// rescue may add more). Every justified line is flush.
TEST(LetterSpacing, GoesWithTheExpansionShare) {
  Fixture f;
  f.body.hyphenate = false;
  const char* text =
      "nnn nnnnn nn nnnnnnn nnnn nnnnnn nnn nnnnnnnn nn nnnnn nnnn nnnnnnn nnn nnnnnn nnnnnnnnn nn nnnn "
      "nnnnn nnnnnnn nnn nn nnnnnnnn nnnn nnnnnn nnnnn nnn nnnnnnn nnnn nn nnnnnn nnnnnnnn nnn nnnnn";
  const Sp width = pt(250);
  const double track = 10.0 * 0.012 * kSpPerPt;
  int scaled = 0, checked = 0;
  for (double ls : {0.012, 0.0}) {
    f.body.justifyLetterSpacing = ls;
    Paragraph p = f.set(text, f.options(width));
    ASSERT_GT(p.lines.size(), 4u);
    for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
      // (Without letter spacing one line of these long words is too loose
      // to justify and is set flush to its start: Justify.cpp.)
      if (ls > 0 || extent(p.lines[i]).right > width - pt(1)) {
        EXPECT_EQ(extent(p.lines[i]).right, width);
      }
      for (const frame::GlyphRun& r : p.lines[i].runs) {
        const double s = (r.hScale - 1.0) / 0.02;
        if (s != 0) ++scaled;
        // Runs of glyphs between spaces: the words.
        std::vector<Sp> word;
        auto check = [&] {
          if (word.size() >= 2) {
            ++checked;
            const Sp want = static_cast<Sp>(std::llround(s * track * (ls > 0)));
            if (s > 0.999) {
              // At full stretch the loose-line rescue may add its own
              // letter spacing (at most 0.03 em).
              EXPECT_GE(word.front() - word.back(), want - 1) << "line " << i;
              EXPECT_LE(word.front() - word.back(), want + pt(0.3) + 1) << "line " << i;
            } else {
              EXPECT_NEAR(word.front() - word.back(), want, 1) << "share " << s << " in line " << i;
            }
          }
          word.clear();
        };
        for (const frame::PlacedGlyph& g : r.glyphs) {
          if (r.text.compare(g.textBegin, g.textLength, U"n") == 0)
            word.push_back(g.advance);
          else
            check();
        }
        check();
      }
    }
  }
  EXPECT_GT(scaled, 3) << "no line took its expansion: the test proves nothing";
  EXPECT_GT(checked, 20);
}

TEST(NoBreakSpaces, PerLanguage) {
  using detail::noBreakSpaceFor;
  const char32_t nbsp = 0xA0, narrow = 0x202F;
  struct Case {
    const char* language;
    const char* before;
    const char* after;
    char32_t expected;
  };
  const Case cases[] = {
      // numbers and units, abbreviations before numbers, initials (any language)
      {"en", "10", "km", nbsp},
      {"en", "5", "%", nbsp},
      {"en", "20", "°C.", nbsp},
      {"en", "(p.", "5)", nbsp},
      {"en", "No.", "3", nbsp},
      {"en", "J.", "R.", nbsp},
      {"en", "R.", "Tolkien", nbsp},
      // upper case is Unicode's (text::isUppercase): Greek, Latin Extended-A
      // (odd code points too), Armenian
      {"el", "Κ.", "Παπαδόπουλος", nbsp},
      {"pl", "Ł.", "Wałęsa", nbsp},
      {"hy", "Ա.", "Սարգսյան", nbsp},
      {"en", "Dr.", "Okafor", nbsp},
      {"en", "the", "cat", 0},
      {"en", "a", "cat", 0},
      {"en", "10", "kilometres", 0},
      {"en", "end.", "The", 0},
      // French: narrow no-break space before ; ! ? » and after «, a word
      // space that cannot break before a colon, narrow between digit groups
      {"fr", "Vraiment", "?", narrow},
      {"fr", "Attention", "!", narrow},
      {"fr", "voici", ";", narrow},
      {"fr", "«", "Bonjour", narrow},
      {"fr", "Bonjour", "»", narrow},
      {"fr", "dit", ":", nbsp},
      {"fr", "212", "000", narrow},
      {"fr-CA", "Vraiment", "?", narrow},
      {"en", "Really", "?", 0},
      // one-letter prepositions and conjunctions
      {"cs", "v", "lese", nbsp},
      {"cs", "a", "pak", nbsp},
      {"cs", "K", "mostu", nbsp},
      {"sk", "s", "nami", nbsp},
      {"pl", "w", "domu", nbsp},
      {"pl", "z", "nami", nbsp},
      {"pl", "i", "on", nbsp},
      {"ru", "в", "доме", nbsp},
      {"ru", "и", "он", nbsp},
      {"ru", "с", "ним", nbsp},
      {"ru", "(к", "морю", nbsp},
      {"ru", "у", "моря", nbsp},
      {"ru", "дом", "и", 0},
      {"de", "a", "b", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.language) + ": '" + c.before + "' '" + c.after + "'");
    EXPECT_EQ(noBreakSpaceFor(u32(c.before), u32(c.after), c.language), c.expected);
  }
}

// A Czech paragraph on a narrow measure: no line ends with a one-letter
// preposition or conjunction, and the tied space still copies as a space.
TEST(NoBreakSpaces, CzechLinesDoNotEndWithOneLetterWords) {
  Fixture f;
  const char* czech =
      "Přístav se v březnu otevře v celé délce a v každém domě i v každé ulici bude k vidění světlo, "
      "o kterém se s úctou mluví u nás i v zahraničí. Návštěvníci přijdou v noci a s dětmi, k vodě "
      "i k majáku, a z mostu uvidí v dálce celé město.";
  int lines = 0;
  for (Sp width : {pt(120), pt(140), pt(160), pt(180)}) {
    Paragraph p = f.set(czech, f.options(width, "cs"));
    for (const Line& line : p.lines) {
      ++lines;
      std::u32string t = visualText(line);
      while (!t.empty() && t.back() == U' ') t.pop_back();
      SCOPED_TRACE(toUtf8(t));
      ASSERT_GE(t.size(), 2u);
      EXPECT_FALSE(t[t.size() - 2] == U' ' &&
                   std::u32string(U"vVaAiIkKsSzZoOuU").find(t.back()) != std::u32string::npos);
      EXPECT_EQ(t.find(char32_t(0xA0)), std::u32string::npos) << "a tied space must copy as a space";
    }
  }
  EXPECT_GT(lines, 12);
}

// French: the space before "?" becomes a narrow, fixed no-break space in the
// layout but copies as the space that was typed.
TEST(NoBreakSpaces, FrenchQuestionMarkGetsANarrowSpace) {
  Fixture f;
  f.body.align = style::Align::Start;
  Paragraph p = f.set("Vraiment ? Oui", f.options(pt(400), "fr"));
  ASSERT_EQ(p.lines.size(), 1u);
  const frame::GlyphRun& run = p.lines[0].runs.at(0);
  EXPECT_EQ(run.text, u32("Vraiment ? Oui"));
  std::vector<Sp> spaces;
  for (const frame::PlacedGlyph& g : run.glyphs)
    if (g.textLength == 1 && run.text[g.textBegin] == U' ') spaces.push_back(g.advance);
  ASSERT_EQ(spaces.size(), 2u);
  EXPECT_NEAR(spaces[0], pt(10) * 166 / 1000, 2);  // Noto Serif's U+202F
  EXPECT_NEAR(spaces[1], pt(10) * 260 / 1000, 2);  // its word space
}

// No extra space after a sentence: at natural spacing (a last line) the
// space after a period is as wide as any other.
TEST(SentenceSpace, NoneExtraByDefault) {
  Fixture f;
  f.body.align = style::Align::Start;
  Paragraph p = f.set("It ends. Then it starts again.", f.options(pt(400)));
  ASSERT_EQ(p.lines.size(), 1u);
  std::map<Sp, int> widths;
  for (const frame::GlyphRun& run : p.lines[0].runs)
    for (const frame::PlacedGlyph& g : run.glyphs)
      if (g.textLength == 1 && run.text[g.textBegin] == U' ') ++widths[g.advance];
  ASSERT_EQ(widths.size(), 1u);
  EXPECT_EQ(widths.begin()->second, 5);
}

// sentence-space: wide puts a third more space after a sentence (TeX's
// \nonfrenchspacing), but not after an initial.
TEST(SentenceSpace, WideOnRequest) {
  Fixture f;
  f.body.align = style::Align::Start;
  f.body.wideSentenceSpace = true;
  Paragraph p = f.set("It ends. Then J. Smith came (at last.) Fine!", f.options(pt(400)));
  ASSERT_EQ(p.lines.size(), 1u);
  std::vector<Sp> spaces;
  for (const frame::GlyphRun& run : p.lines[0].runs)
    for (const frame::PlacedGlyph& g : run.glyphs)
      if (g.textLength == 1 && run.text[g.textBegin] == U' ') spaces.push_back(g.advance);
  ASSERT_EQ(spaces.size(), 8u);
  const Sp word = spaces[0];  // after "It"
  const std::vector<Sp> expected = {word, word + word / 3, word, word, word, word, word, word + word / 3};
  EXPECT_EQ(spaces, expected);
}

// The same rule in Greek: "Κ. Παπαδόπουλος" is an initial, not a sentence end.
TEST(SentenceSpace, GreekInitialIsNotASentenceEnd) {
  Fixture f;
  f.body.align = style::Align::Start;
  f.body.wideSentenceSpace = true;
  Paragraph p = f.set("Ο Κ. Παπαδόπουλος ήρθε.", f.options(pt(400)));
  ASSERT_EQ(p.lines.size(), 1u);
  std::vector<Sp> spaces;
  for (const frame::GlyphRun& run : p.lines[0].runs)
    for (const frame::PlacedGlyph& g : run.glyphs)
      if (g.textLength == 1 && run.text[g.textBegin] == U' ') spaces.push_back(g.advance);
  ASSERT_EQ(spaces.size(), 3u);
  EXPECT_EQ(spaces[1], spaces[0]);  // after "Κ."
}

}  // namespace
}  // namespace folio::paragraph
