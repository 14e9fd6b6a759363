// Itemization in libraqm's order: bidi levels (ICU's UBA), script runs,
// font runs per grapheme cluster, then style runs and language.
#include "text/Itemizer.h"

#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <map>

#include "text/LineBreaks.h"
#include "text/Utf16.h"

namespace folio::text {
namespace {

uint32_t toHbScript(UScriptCode code) {
  const char* tag = uscript_getShortName(code);
  if (!tag) return HB_SCRIPT_UNKNOWN;
  return static_cast<uint32_t>(hb_script_from_string(tag, -1));
}

// Characters that carry no glyph of their own (ZWJ, ZWNJ, variation
// selectors, bidi controls, soft hyphen, tabs, newlines): they never decide
// a font, they just stay with their neighbours.
bool isIgnorableIcu(char32_t c) {
  const auto uc = static_cast<UChar32>(c);
  return u_hasBinaryProperty(uc, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || u_charType(uc) == U_CONTROL_CHAR ||
         c == 0x2028 || c == 0x2029;
}

bool isWeakScript(UScriptCode s) {
  return s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN;
}

UScriptCode scriptIcu(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &err);
  return U_FAILURE(err) ? USCRIPT_UNKNOWN : s;
}

// Does the Common character `cp` always keep the script it resolved to
// (Script_Extensions empty or one weak script)? See withinExtensions.
bool plainExtensionsIcu(UChar32 cp) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode scx[16];
  const int32_t n = uscript_getScriptExtensions(cp, scx, 16, &err);
  return U_FAILURE(err) || n <= 0 || (n == 1 && isWeakScript(scx[0]));
}

// ICU's answers for U+0000..U+00FF, asked once per process: nearly all
// characters of Latin text are here, and itemization asks these questions
// several times for every character of every paragraph (ICU's property
// tries cost about 100 instructions an answer). Same answers as ICU's,
// since they are ICU's.
struct Latin1Properties {
  UScriptCode script[256];
  UBidiPairedBracketType bracket[256];
  UChar32 paired[256];
  bool ignorable[256];
  bool plainExtensions[256];
  // No character below U+0590 has a bidi class that can raise a level
  // (R, AL, AN, explicit embeddings and isolates); checked, not assumed.
  bool noRtlBelow0590 = true;
  // The same for each of General Punctuation's U+2000..U+206F (dashes,
  // quotation marks; its bidi controls are the exceptions).
  bool noRtlPunctuation[0x70] = {};
};

bool canRaiseLevel(UChar32 c) {
  switch (u_charDirection(c)) {
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC:
    case U_ARABIC_NUMBER:
    case U_LEFT_TO_RIGHT_EMBEDDING:
    case U_LEFT_TO_RIGHT_OVERRIDE:
    case U_RIGHT_TO_LEFT_EMBEDDING:
    case U_RIGHT_TO_LEFT_OVERRIDE:
    case U_POP_DIRECTIONAL_FORMAT:
    case U_FIRST_STRONG_ISOLATE:
    case U_LEFT_TO_RIGHT_ISOLATE:
    case U_RIGHT_TO_LEFT_ISOLATE:
    case U_POP_DIRECTIONAL_ISOLATE:
      return true;
    default:
      return false;
  }
}

const Latin1Properties& latin1() {
  static const Latin1Properties props = [] {
    Latin1Properties p;
    for (UChar32 c = 0; c < 256; ++c) {
      p.script[c] = scriptIcu(static_cast<char32_t>(c));
      p.bracket[c] =
          static_cast<UBidiPairedBracketType>(u_getIntPropertyValue(c, UCHAR_BIDI_PAIRED_BRACKET_TYPE));
      p.paired[c] = u_getBidiPairedBracket(c);
      p.ignorable[c] = isIgnorableIcu(static_cast<char32_t>(c));
      p.plainExtensions[c] = plainExtensionsIcu(c);
    }
    for (UChar32 c = 0; c < 0x590; ++c)
      if (canRaiseLevel(c)) p.noRtlBelow0590 = false;
    for (UChar32 c = 0; c < 0x70; ++c) p.noRtlPunctuation[c] = !canRaiseLevel(0x2000 + c);
    return p;
  }();
  return props;
}

// `l` is latin1(), fetched once by the caller (these run per character).
bool isIgnorable(char32_t c, const Latin1Properties& l) {
  return c < 256 ? l.ignorable[c] : isIgnorableIcu(c);
}

UScriptCode scriptOf(char32_t c, const Latin1Properties& l) { return c < 256 ? l.script[c] : scriptIcu(c); }

// The first script of a language's writing systems (ICU's uscript_getCode,
// about 10,000 instructions a call), remembered per thread; an invalid code
// when ICU names none.
UScriptCode languageScript(const std::string& language) {
  thread_local std::map<std::string, UScriptCode, std::less<>> memo;
  if (auto it = memo.find(language); it != memo.end()) return it->second;
  UScriptCode code = USCRIPT_INVALID_CODE;
  if (!language.empty()) {
    std::string loc = language;
    std::replace(loc.begin(), loc.end(), '-', '_');
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode codes[8];
    const int32_t count = uscript_getCode(loc.c_str(), codes, 8, &err);
    if (U_SUCCESS(err) && count > 0) code = codes[0];
  }
  if (memo.size() > 256) memo.clear();  // bounded: languages come from the content
  memo.emplace(language, code);
  return code;
}

struct BidiResult {
  bool rtl = false;
  std::vector<uint8_t> levels;
};

BidiResult resolveBidi(const std::u32string& text, BaseDirection dir, bool rtlLanguage) {
  BidiResult r;
  r.rtl = dir == BaseDirection::Rtl || (dir == BaseDirection::Auto && rtlLanguage);
  r.levels.assign(text.size(), r.rtl ? 1 : 0);
  if (text.empty()) return r;
  // Left-to-right text with no character that can open a right-to-left
  // level (none below U+0590 can) resolves to level 0 throughout (UAX #9:
  // W7 turns its digits into L, N1/N2 its neutrals): ICU is not needed.
  const Latin1Properties& l = latin1();
  if (!r.rtl && l.noRtlBelow0590 && std::all_of(text.begin(), text.end(), [&l](char32_t c) {
        return c < 0x590 || (c >= 0x2000 && c < 0x2070 && l.noRtlPunctuation[c - 0x2000]);
      }))
    return r;
  const Utf16Text u16(text);
  UErrorCode err = U_ZERO_ERROR;
  UBiDi* bidi = ubidi_openSized(u16.length(), 0, &err);
  if (U_FAILURE(err) || !bidi) return r;
  const UBiDiLevel para = dir == BaseDirection::Auto  ? (rtlLanguage ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR)
                          : dir == BaseDirection::Rtl ? 1
                                                      : 0;
  ubidi_setPara(bidi, u16.data(), u16.length(), para, nullptr, &err);
  const UBiDiLevel* lv = U_SUCCESS(err) ? ubidi_getLevels(bidi, &err) : nullptr;
  if (U_SUCCESS(err) && lv) {
    r.rtl = (ubidi_getParaLevel(bidi) & 1) != 0;
    for (size_t i = 0; i < text.size(); ++i) r.levels[i] = lv[u16.unitOf[i]];
  }
  ubidi_close(bidi);
  return r;
}

// A Common character used by a few scripts only (Script_Extensions: the
// Arabic comma ، for Arabic, Syriac, Thaana ...; the danda । for the Indic
// scripts) keeps the neighbour's script when that is one of them, else takes
// the first of them: "(Festival)،" is an Arabic comma after Latin text and
// must come from an Arabic font.
UScriptCode withinExtensions(UChar32 cp, UScriptCode resolved) {
  if (cp < 256 && latin1().plainExtensions[cp]) return resolved;  // (only weak characters get here)
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode scx[16];
  const int32_t n = uscript_getScriptExtensions(cp, scx, 16, &err);
  if (U_FAILURE(err) || n <= 0 || (n == 1 && isWeakScript(scx[0]))) return resolved;
  for (int32_t k = 0; k < n; ++k)
    if (scx[k] == resolved) return resolved;
  return scx[0];
}

// Per-character scripts with Common/Inherited/Unknown taking the script of the
// preceding strong character (or the following one at the start), and a
// closing bracket taking the script of its opening bracket (UAX #24, as done
// by libraqm and Pango) so "(world)" after Hebrew is not split oddly.
std::vector<UScriptCode> resolveScripts(const std::u32string& text,
                                        const std::vector<UScriptCode>& defaults) {
  const size_t n = text.size();
  std::vector<UScriptCode> sc(n, USCRIPT_INVALID_CODE);
  struct Open {
    UChar32 closing;
    size_t index;
  };
  std::vector<Open> stack;
  constexpr size_t kMaxDepth = 63;  // as UBA's bracket-pair limit; keeps it linear
  UScriptCode last = USCRIPT_INVALID_CODE;
  std::vector<size_t> pending;  // weak characters before the first strong one
  const Latin1Properties& l = latin1();
  for (size_t i = 0; i < n; ++i) {
    const auto cp = static_cast<UChar32>(text[i]);
    const UScriptCode s = scriptOf(text[i], l);
    if (!isWeakScript(s)) {
      sc[i] = s;
      last = s;
      for (size_t p : pending) sc[p] = s;
      pending.clear();
      continue;
    }
    UScriptCode resolved = last;
    const auto bpt =
        cp < 256
            ? l.bracket[cp]
            : static_cast<UBidiPairedBracketType>(u_getIntPropertyValue(cp, UCHAR_BIDI_PAIRED_BRACKET_TYPE));
    if (bpt == U_BPT_OPEN) {
      if (stack.size() >= kMaxDepth) stack.erase(stack.begin());
      stack.push_back({cp < 256 ? l.paired[cp] : u_getBidiPairedBracket(cp), i});
    } else if (bpt == U_BPT_CLOSE) {
      for (size_t k = stack.size(); k-- > 0;) {
        if (stack[k].closing == cp) {
          resolved = sc[stack[k].index];
          if (resolved == USCRIPT_INVALID_CODE) resolved = last;
          stack.resize(k);
          break;
        }
      }
    }
    resolved = withinExtensions(cp, resolved);
    sc[i] = resolved;
    if (resolved == USCRIPT_INVALID_CODE) pending.push_back(i);
  }
  // A paragraph (or its tail) with no strong script: the language's script.
  for (size_t p : pending) sc[p] = defaults[p];
  for (size_t i = 0; i < n; ++i) {
    if (sc[i] == USCRIPT_INVALID_CODE) sc[i] = defaults[i];
  }
  return sc;
}

// The style run of each character; characters in gaps take the preceding run
// (the first run before any), so every character has a style.
std::vector<size_t> styleOfChars(size_t n, const std::vector<StyleRun>& styles) {
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> of(n, kNone);
  for (size_t k = 0; k < styles.size(); ++k) {
    const size_t b = std::min<size_t>(styles[k].begin, n), e = std::min<size_t>(styles[k].end, n);
    for (size_t i = b; i < e; ++i) of[i] = k;
  }
  size_t prev = kNone;
  for (size_t i = 0; i < n; ++i) {
    if (of[i] == kNone) of[i] = prev;
    prev = of[i];
  }
  size_t next = kNone;
  for (size_t i = n; i-- > 0;) {
    if (of[i] == kNone) of[i] = next == kNone ? 0 : next;
    next = of[i];
  }
  return of;
}

}  // namespace

Itemization itemize(const std::u32string& text, const std::vector<StyleRun>& stylesIn, BaseDirection dir,
                    FontStore& fonts, std::string_view language) {
  Itemization result;
  const size_t n = text.size();
  const std::vector<StyleRun> fallbackStyle(1);
  const std::vector<StyleRun>& styles = stylesIn.empty() ? fallbackStyle : stylesIn;

  // 1. Bidi.
  BidiResult bidi = resolveBidi(text, dir, isRtlLanguage(language));
  result.rtl = bidi.rtl;
  result.levels = std::move(bidi.levels);
  if (n == 0) return result;

  // Per-style font requests, with the run's language for CJK fallbacks.
  std::vector<FontRequest> requests(styles.size());
  std::vector<const Font*> primary(styles.size(), nullptr);
  std::vector<UScriptCode> langScript(styles.size(), USCRIPT_LATIN);
  for (size_t k = 0; k < styles.size(); ++k) {
    requests[k] = styles[k].font;
    if (requests[k].language.empty()) requests[k].language = styles[k].language;
    primary[k] = fonts.match(requests[k]);
    const UScriptCode code = languageScript(styles[k].language);
    if (code != USCRIPT_INVALID_CODE) langScript[k] = code;
  }
  const std::vector<size_t> styleOf = styleOfChars(n, styles);

  // 2. Scripts.
  std::vector<UScriptCode> defaults(n);
  for (size_t i = 0; i < n; ++i) defaults[i] = langScript[styleOf[i]];
  const std::vector<UScriptCode> scripts = resolveScripts(text, defaults);
  std::vector<uint32_t> hbScripts(n);
  {
    std::map<UScriptCode, uint32_t> memo;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0 && scripts[i] == scripts[i - 1]) {  // the usual case: no map look-up
        hbScripts[i] = hbScripts[i - 1];
        continue;
      }
      auto it = memo.find(scripts[i]);
      if (it == memo.end()) it = memo.emplace(scripts[i], toHbScript(scripts[i])).first;
      hbScripts[i] = it->second;
    }
  }

  // 3. Fonts, one decision per grapheme cluster.
  const std::vector<bool> starts = graphemeStarts(text);
  std::vector<const Font*> fontOf(n, nullptr);
  const Font* prevFont = nullptr;
  size_t prevStyle = static_cast<size_t>(-1);
  UScriptCode prevScript = USCRIPT_INVALID_CODE;
  // The running font is a fallback taken for a symbol the primary font
  // lacks (U+2212 from Noto Sans Mono) in Latin, Cyrillic or Greek text:
  // the digits after it go back to the primary font ("−13.9" is not set in
  // the symbol's font). In other scripts (the Arabic comma, the Japanese
  // postal mark) the fallback is the script's own font, and the digits and
  // spaces after it stay there, as before.
  bool prevForSymbol = false;
  auto primaryScript = [](uint32_t hb) {
    return hb == HB_SCRIPT_LATIN || hb == HB_SCRIPT_CYRILLIC || hb == HB_SCRIPT_GREEK ||
           hb == HB_SCRIPT_COMMON || hb == HB_SCRIPT_INHERITED || hb == HB_SCRIPT_UNKNOWN;
  };
  std::vector<char32_t> glyphChars;
  const Latin1Properties& l = latin1();
  // Whether a style names its own families for a script (asked for nearly
  // every cluster; the answer of the last style and script is kept).
  size_t ownStyle = static_cast<size_t>(-1);
  uint32_t ownScript = 0;
  bool ownFamilies = false;
  auto hasOwnFamilies = [&](size_t st, uint32_t script) {
    if (st != ownStyle || script != ownScript) {
      ownStyle = st, ownScript = script;
      ownFamilies = requests[st].familiesFor(script) != nullptr;
    }
    return ownFamilies;
  };
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && !starts[b]) ++b;
    const size_t st = styleOf[a];
    const FontRequest& req = requests[st];
    glyphChars.clear();
    bool weak = true;
    for (size_t i = a; i < b; ++i) {
      if (isIgnorable(text[i], l)) continue;
      glyphChars.push_back(text[i]);
      if (!isWeakScript(scriptOf(text[i], l))) weak = false;
    }
    auto covers = [&](const Font* f) {
      if (!f) return false;
      for (char32_t c : glyphChars)
        if (!f->hasCodepoint(c)) return false;
      return true;
    };
    const bool sameStyle = st == prevStyle;
    const Font* chosen = nullptr;
    if (glyphChars.empty()) {
      chosen = sameStyle ? prevFont : nullptr;  // resolved from the next cluster below
    } else if (weak && sameStyle && covers(prevFont) && !(prevForSymbol && covers(primary[st]))) {
      // Spaces, punctuation and digits stay in the running font: fewer runs,
      // and an Arabic phrase keeps its own spaces.
      chosen = prevFont;
    } else if (covers(primary[st]) && !hasOwnFamilies(st, hbScripts[a])) {
      chosen = primary[st];
      prevForSymbol = false;
    } else if (sameStyle && prevScript == scripts[a] && covers(prevFont)) {
      chosen = prevFont;  // continue a fallback run without asking the store again
      prevForSymbol = weak && primaryScript(hbScripts[a]);
    } else {
      prevForSymbol = weak && primaryScript(hbScripts[a]);
      char32_t need = glyphChars.front();
      for (char32_t c : glyphChars) {
        if (!primary[st] || !primary[st]->hasCodepoint(c)) {
          need = c;
          break;
        }
      }
      chosen = fonts.fallback(need, hbScripts[a], req);
      if (!chosen || !covers(chosen)) {
        const Font* notdef = chosen ? chosen : primary[st];
        if (!notdef) notdef = fonts.fallback(U' ', HB_SCRIPT_LATIN, req);
        std::vector<std::string> tried;
        for (size_t i = a; i < b; ++i) {
          if (isIgnorable(text[i], l) || (chosen && chosen->hasCodepoint(text[i]))) continue;
          if (tried.empty()) tried = fonts.chainFor(hbScripts[a], req);
          result.missing.push_back({static_cast<uint32_t>(i), text[i], tried});
        }
        chosen = notdef;
      }
    }
    for (size_t i = a; i < b; ++i) fontOf[i] = chosen;
    if (chosen) {
      prevFont = chosen;
      prevStyle = st;
      prevScript = scripts[a];
    }
    a = b;
  }
  // Glyphless clusters at the start of a style run take the following font.
  const Font* next = nullptr;
  size_t nextStyle = static_cast<size_t>(-1);
  for (size_t i = n; i-- > 0;) {
    if (!fontOf[i]) {
      fontOf[i] = (next && nextStyle == styleOf[i]) ? next : primary[styleOf[i]];
      if (!fontOf[i]) fontOf[i] = next;
    }
    next = fontOf[i];
    nextStyle = styleOf[i];
  }

  // 4. Items: maximal runs with equal level, script, font, style and language.
  auto sameItem = [&](size_t i, size_t j) {
    return result.levels[i] == result.levels[j] && hbScripts[i] == hbScripts[j] && fontOf[i] == fontOf[j] &&
           styleOf[i] == styleOf[j];
  };
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && sameItem(a, b)) ++b;
    Item it;
    it.begin = static_cast<uint32_t>(a);
    it.end = static_cast<uint32_t>(b);
    it.level = result.levels[a];
    it.script = hbScripts[a];
    it.font = fontOf[a];
    it.language = styles[styleOf[a]].language;
    it.styleIndex = styles[styleOf[a]].styleIndex;
    result.items.push_back(std::move(it));
    a = b;
  }
  return result;
}

std::vector<uint32_t> visualOrder(const std::vector<uint8_t>& runLevels) {
  std::vector<uint32_t> order(runLevels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  if (runLevels.empty()) return order;
  uint8_t highest = 0, lowestOdd = 0xFF;
  for (uint8_t l : runLevels) {
    highest = std::max(highest, l);
    if (l & 1) lowestOdd = std::min(lowestOdd, l);
  }
  if (lowestOdd == 0xFF) return order;  // all even: already in visual order
  // L2: from the highest level down to the lowest odd level, reverse every
  // maximal sequence of runs at that level or higher.
  for (int level = highest; level >= lowestOdd; --level) {
    size_t i = 0;
    while (i < order.size()) {
      if (runLevels[order[i]] < level) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < order.size() && runLevels[order[j]] >= level) ++j;
      std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                   order.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }
  return order;
}

bool isRtlLanguage(std::string_view language) {
  if (language.empty()) return false;
  const uint32_t script = scriptForLanguage(std::string(language));
  return script != 0 &&
         hb_script_get_horizontal_direction(static_cast<hb_script_t>(script)) == HB_DIRECTION_RTL;
}

uint32_t scriptForLanguage(const std::string& language) {
  if (language.empty()) return 0;
  const UScriptCode code = languageScript(language);
  return code == USCRIPT_INVALID_CODE ? 0 : toHbScript(code);
}

}  // namespace folio::text
