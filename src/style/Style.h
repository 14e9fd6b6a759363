#pragma once
// A named paragraph style from the layout, after inheritance is resolved.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/Color.h"
#include "base/Units.h"

namespace folio::style {

enum class Align : uint8_t { Start, End, Left, Right, Center, Justify };

struct Style {
  std::string name;
  std::vector<std::string> fonts{"Noto Serif"};  // families in order of preference
  std::map<std::string, std::vector<std::string>> scriptFonts;  // ISO 15924 "Arab" -> families
  int weight = 400;
  bool italic = false;
  Sp size = pt(10.5);
  Sp leading = pt(14);   // baseline to baseline
  Color color = Color::black();
  Align align = Align::Justify;
  Sp spaceBefore = 0, spaceAfter = 0;
  Sp indentStart = 0, indentEnd = 0, firstIndent = 0;
  std::string features;  // HarfBuzz feature list, e.g. "onum,-liga"
  bool hyphenate = true;
  Sp tracking = 0;       // extra space after each glyph (letter spacing)
  bool uppercase = false;
  bool keepWithNext = false;
  bool keepTogether = false;
  bool hangingPunctuation = false;  // punctuation protrudes into the margins of flush edges
  // With hanging punctuation: the share of each character's protrusion
  // (Protrusion.cpp) that is used, as microtype's `factor`; 0 turns
  // protrusion off in this style.
  double protrusion = 1.0;
  bool wideSentenceSpace = false;   // sentence-space: wide (TeX's \nonfrenchspacing); normal by default
  // Font expansion (pdfTeX's hz) of justified lines: glyphs may be scaled
  // horizontally by up to this share (0.02 = ±2 %), in steps of
  // `expansionStep`. 0 turns it off. Never in monospace fonts or cursive
  // scripts (Arabic ...), nor in Chinese, Japanese or Thai.
  double expansion = 0.02;
  double expansionStep = 0.005;
  // With expansion: how far each letter gap of a justified line may open or
  // close, as a share of the size (0.012 = 1.2 % of an em), in the same
  // steps as the expansion (a line at half its expansion limit spaces its
  // letters by half this). The line breaker counts it with the expansion.
  // 0 turns it off.
  double justifyLetterSpacing = 0.012;
  int hyphenLimit = 2;               // consecutive hyphenated lines at most; 0 = no limit
  int hyphenMinWord = 6;             // shorter words are not hyphenated (letters)
  bool hyphenateCapitalized = false; // words that start with a capital letter
  // A paragraph's last line holds a word of 4 or more letters or is at
  // least this share of the measure (no runt).
  double lastLineMin = 0.15;
  // Justified Arabic lines take their slack first with kashida (tatweel,
  // U+0640) inserted where Arabic typography allows it, then with their
  // spaces (`justify-arabic: kashida`); by default only with spaces.
  bool kashida = false;
  // Bare URLs, www. and e-mail addresses in the text are links (GFM
  // autolinks); false keeps them plain text in this style.
  bool autolink = true;
};

}  // namespace folio::style
