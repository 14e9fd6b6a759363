#pragma once
// Splits a paragraph into items in libraqm's order: bidi runs (ICU UBA),
// then script runs (Common/Inherited resolved to neighbours, paired brackets
// kept together), then font runs (per-grapheme fallback), then language.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/FontStore.h"

namespace folio::text {

enum class BaseDirection : uint8_t { Auto, Ltr, Rtl };

// A range of the paragraph with one style.
struct StyleRun {
  uint32_t begin = 0, end = 0;
  uint32_t styleIndex = 0;  // caller's index, carried to the items
  FontRequest font;
  std::string language;  // BCP 47
};

struct Item {
  uint32_t begin = 0, end = 0;
  uint8_t level = 0;    // bidi embedding level; odd = RTL
  uint32_t script = 0;  // hb_script_t
  const Font* font = nullptr;
  std::string language;
  uint32_t styleIndex = 0;
};

struct MissingChar {
  uint32_t offset = 0;  // index into the paragraph text
  char32_t cp = 0;
  std::vector<std::string> fontsTried;
};

struct Itemization {
  bool rtl = false;                  // resolved paragraph direction
  std::vector<Item> items;           // logical order, covering the whole text
  std::vector<uint8_t> levels;       // per character
  std::vector<MissingChar> missing;  // characters no font has (set with .notdef)
};

// `dir` Auto: the first strong character decides (UAX #9 P2-P3); a text
// without one takes the direction of `language` (so "2026" alone in an
// Arabic document is a right-to-left paragraph).
Itemization itemize(const std::u32string& text, const std::vector<StyleRun>& styles, BaseDirection dir,
                    FontStore& fonts, std::string_view language = {});

// True for languages written right to left (ar, fa, he, ur, yi, ...).
bool isRtlLanguage(std::string_view language);

// UBA rule L2: the visual order of a line's runs given their levels
// (logical order in, indices in visual left-to-right order out).
std::vector<uint32_t> visualOrder(const std::vector<uint8_t>& runLevels);

// The script of a language tag's default writing system (e.g. "ar" -> Arab), 0 if unknown.
uint32_t scriptForLanguage(const std::string& language);

}  // namespace folio::text
