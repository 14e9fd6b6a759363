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
bool isIgnorable(char32_t c) {
  const auto uc = static_cast<UChar32>(c);
  return u_hasBinaryProperty(uc, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || u_charType(uc) == U_CONTROL_CHAR ||
         c == 0x2028 || c == 0x2029;
}

bool isWeakScript(UScriptCode s) {
  return s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN;
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
  for (size_t i = 0; i < n; ++i) {
    const auto cp = static_cast<UChar32>(text[i]);
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(cp, &err);
    if (U_FAILURE(err)) s = USCRIPT_UNKNOWN;
    if (!isWeakScript(s)) {
      sc[i] = s;
      last = s;
      for (size_t p : pending) sc[p] = s;
      pending.clear();
      continue;
    }
    UScriptCode resolved = last;
    const auto bpt =
        static_cast<UBidiPairedBracketType>(u_getIntPropertyValue(cp, UCHAR_BIDI_PAIRED_BRACKET_TYPE));
    if (bpt == U_BPT_OPEN) {
      if (stack.size() >= kMaxDepth) stack.erase(stack.begin());
      stack.push_back({u_getBidiPairedBracket(cp), i});
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
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode codes[8];
    std::string loc = styles[k].language;
    std::replace(loc.begin(), loc.end(), '-', '_');
    const int32_t count = loc.empty() ? 0 : uscript_getCode(loc.c_str(), codes, 8, &err);
    if (U_SUCCESS(err) && count > 0) langScript[k] = codes[0];
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
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && !starts[b]) ++b;
    const size_t st = styleOf[a];
    const FontRequest& req = requests[st];
    glyphChars.clear();
    bool weak = true;
    for (size_t i = a; i < b; ++i) {
      if (isIgnorable(text[i])) continue;
      glyphChars.push_back(text[i]);
      UErrorCode err = U_ZERO_ERROR;
      if (!isWeakScript(uscript_getScript(static_cast<UChar32>(text[i]), &err))) weak = false;
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
    } else if (covers(primary[st]) && !req.familiesFor(hbScripts[a])) {
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
          if (isIgnorable(text[i]) || (chosen && chosen->hasCodepoint(text[i]))) continue;
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
  std::string loc = language;
  std::replace(loc.begin(), loc.end(), '-', '_');
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode codes[8];
  const int32_t count = uscript_getCode(loc.c_str(), codes, 8, &err);
  if (U_FAILURE(err) || count <= 0) return 0;
  return toHbScript(codes[0]);
}

}  // namespace folio::text
