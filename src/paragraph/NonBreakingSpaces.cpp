// Step 1a of a paragraph: spaces that must not end a line. The shaped text
// (Flat::text) gets a no-break space where the text's language wants one;
// Flat::source keeps the space that was written, so copy and paste gives
// back the source unchanged. Items.cpp then makes such a space glue that
// cannot break (U+00A0, which still stretches) or a fixed narrow space
// (U+202F).
#include <algorithm>
#include <string_view>

#include "paragraph/Internal.h"
#include "text/Unicode.h"

namespace folio::paragraph::detail {

namespace {

constexpr char32_t kNbsp = 0xA0;
constexpr char32_t kNarrowNbsp = 0x202F;

std::string_view primaryLanguage(const std::string& tag) {
  return std::string_view(tag).substr(0, tag.find_first_of("-_"));
}

bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Opening quotes and brackets before a word, closing ones and punctuation
// after it, are not part of the word for these rules.
bool isOpening(char32_t c) {
  return c == U'(' || c == U'[' || c == U'"' || c == U'\'' || c == 0x201C || c == 0x2018 || c == 0x201E ||
         c == 0xAB || c == 0x201A;
}
bool isClosing(char32_t c) {
  return c == U')' || c == U']' || c == U',' || c == U'.' || c == U';' || c == U':' || c == U'!' ||
         c == U'?' || c == U'"' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

std::u32string_view stripOpening(std::u32string_view w) {
  while (!w.empty() && isOpening(w.front())) w.remove_prefix(1);
  return w;
}
std::u32string_view stripClosing(std::u32string_view w) {
  while (!w.empty() && isClosing(w.back())) w.remove_suffix(1);
  return w;
}

bool oneOf(std::u32string_view w, std::initializer_list<std::u32string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Units that must stay with the number before them (SI and common ones).
bool isUnit(std::u32string_view w) {
  return oneOf(w,
               {U"%",   U"‰",  U"°",  U"°C",  U"°F",  U"K",   U"km", U"m",  U"cm", U"mm",  U"µm",  U"nm",
                U"kg",  U"g",  U"mg", U"t",   U"l",   U"L",   U"ml", U"mL", U"cl", U"dl",  U"s",   U"ms",
                U"min", U"h",  U"Hz", U"kHz", U"MHz", U"GHz", U"W",  U"kW", U"MW", U"GW",  U"kWh", U"MWh",
                U"GWh", U"V",  U"kV", U"A",   U"mA",  U"J",   U"kJ", U"N",  U"Pa", U"kPa", U"bar", U"dB",
                U"B",   U"kB", U"KB", U"MB",  U"GB",  U"TB",  U"pt", U"px", U"ha", U"m²",  U"km²", U"m³",
                U"€",   U"£",  U"¥",  U"₽", U"Kč",  U"zł",  U"mi", U"ft", U"lb", U"oz",  U"mph", U"km/h"});
}

// Abbreviations that stay with the number after them: "p. 5", "No. 3".
bool numberAbbreviation(std::u32string_view w) {
  return oneOf(w, {U"p.",   U"pp.",  U"No.",  U"no.",  U"Nos.", U"Nr.", U"nr.",   U"№",    U"§",    U"§§",
                   U"Fig.", U"fig.", U"Vol.", U"vol.", U"Ch.",  U"ch.", U"chap.", U"Sec.", U"sec.", U"art.",
                   U"Art.", U"S.",   U"s.",   U"č.",   U"str.", U"т.",  U"с.",    U"стр.", U"n°",   U"N°"});
}

// Titles that stay with the name after them (English): "Dr. Okafor".
bool title(std::u32string_view w) {
  return oneOf(w, {U"Mr.", U"Mrs.", U"Ms.", U"Dr.", U"Prof.", U"St.", U"Mr", U"Mrs", U"Ms", U"Dr"});
}

// One-letter prepositions and conjunctions that must not end a line, as
// Czech, Slovak, Polish and East Slavic typesetting rules require (the Czech
// "vlna" convention; Polish and Russian house rules).
bool shortWordTies(std::string_view language, std::u32string_view w) {
  if (w.size() != 1) return false;
  char32_t c = w[0];
  if (c >= U'A' && c <= U'Z') c += 32;
  if (c >= 0x410 && c <= 0x42F) c += 32;
  if (c == 0x406) c = 0x456;  // Ukrainian І
  std::u32string_view letters;
  if (language == "cs" || language == "sk")
    letters = U"ksvzouai";
  else if (language == "pl")
    letters = U"aiouwz";
  else if (language == "ru" || language == "be")
    letters = U"вискоуая";
  else if (language == "uk")
    letters = U"віійзоау";
  else if (language == "bg")
    letters = U"всиаоук";
  else
    return false;
  return letters.find(c) != std::u32string_view::npos;
}

bool allDigits(std::u32string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char32_t c) { return isDigit(c); });
}

}  // namespace

char32_t noBreakSpaceFor(std::u32string_view before, std::u32string_view after, const std::string& language) {
  const std::string_view lang = primaryLanguage(language);
  if (before.empty() || after.empty()) return 0;
  // French: a narrow no-break space before ; ! ? and inside guillemets, a
  // word space that cannot break before a colon (Imprimerie nationale).
  if (lang == "fr") {
    const char32_t next = after.front();
    if (next == U';' || next == U'!' || next == U'?' || next == 0xBB || next == 0x203A) return kNarrowNbsp;
    if (before.back() == 0xAB || before.back() == 0x2039) return kNarrowNbsp;
    if (next == U':') return kNbsp;
  }
  const std::u32string_view word = stripOpening(before);
  const std::u32string_view nextWord = stripClosing(after);
  // Digit groups "212 000" (French, Russian, Czech ... thousands): one
  // number, a narrow space between its groups.
  // The cheap tests come first in each condition: this runs for every
  // space of every paragraph, and the lists below are long.
  if (nextWord.size() == 3 && word.size() <= 3 && allDigits(word) && allDigits(nextWord) &&
      (lang == "fr" || lang == "ru" || lang == "uk" || lang == "cs" || lang == "sk" || lang == "pl" ||
       lang == "de" || lang == "sv" || lang == "nb" || lang == "fi"))
    return kNarrowNbsp;
  if (!word.empty() && isDigit(word.back()) && isUnit(nextWord)) return kNbsp;
  if (isDigit(after.front()) && numberAbbreviation(word)) return kNbsp;
  // Initials: "J. R. R. Tolkien" stays on one line with its surname.
  if (word.size() == 2 && folio::text::isUppercase(word[0]) && word[1] == U'.' &&
      folio::text::isUppercase(nextWord.empty() ? 0 : nextWord[0]))
    return kNbsp;
  if (lang == "en" && word.size() >= 2 && word.size() <= 5 && !nextWord.empty() &&
      folio::text::isUppercase(nextWord[0]) && title(word))
    return kNbsp;
  if (shortWordTies(lang, word)) return kNbsp;
  return 0;
}

void bindSpaces(Flat& flat) {
  std::u32string& t = flat.text;
  const size_t n = t.size();
  for (size_t i = 0; i < n; ++i) {
    if (t[i] != U' ' || i == 0 || i + 1 >= n) continue;
    size_t a = i;
    while (a > 0 && t[a - 1] != U' ' && t[a - 1] != kNbsp && t[a - 1] != kNarrowNbsp &&
           t[a - 1] != kLineSeparator)
      --a;
    size_t b = i + 1;
    while (b < n && t[b] != U' ' && t[b] != kNbsp && t[b] != kNarrowNbsp && t[b] != kLineSeparator) ++b;
    const std::string& language = flat.spans[flat.spanOf[i]].language;
    const char32_t c = noBreakSpaceFor(std::u32string_view(t).substr(a, i - a),
                                       std::u32string_view(t).substr(i + 1, b - i - 1), language);
    if (c != 0) t[i] = c;
  }
}

}  // namespace folio::paragraph::detail
