// Break opportunities from ICU (UAX #14 with locale tailoring, dictionary
// segmentation for Thai/Lao/Khmer/Burmese, CJK line-start prohibitions) and
// grapheme boundaries (UAX #29).
#include "text/LineBreaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "text/Utf16.h"

namespace folio::text {
namespace {

// What an idle cached iterator points at (it keeps a reference to its text).
const icu::UnicodeString& emptyText() {
  static const icu::UnicodeString kEmpty;
  return kEmpty;
}

icu::Locale localeFor(std::string_view tag) {
  if (tag.empty()) return icu::Locale::getRoot();
  UErrorCode err = U_ZERO_ERROR;
  icu::Locale loc =
      icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), err);
  if (U_FAILURE(err) || loc.isBogus()) return icu::Locale::getRoot();
  // ICU's "ja" data selects CSS line-break:normal, which allows a line to
  // start with small kana (ょ, ッ) or the prolonged sound mark; Japanese
  // book typesetting (JIS X 4051) forbids that, so default to strict unless
  // the tag says otherwise ("ja-u-lb-normal" / "ja-u-lb-loose").
  if (std::string(loc.getLanguage()) == "ja") {
    char value[32] = {0};
    UErrorCode kerr = U_ZERO_ERROR;
    const int32_t len = loc.getKeywordValue("lb", value, sizeof value, kerr);
    if (U_SUCCESS(kerr) && len == 0) {
      kerr = U_ZERO_ERROR;
      loc.setKeywordValue("lb", "strict", kerr);
    }
  }
  return loc;
}

// Creating an ICU break iterator loads rules and dictionaries; keep one per
// locale and thread (iterators are not thread-safe, so not shared).
icu::BreakIterator* lineIterator(std::string_view locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> cache;
  auto it = cache.find(locale);
  if (it != cache.end()) return it->second.get();
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createLineInstance(localeFor(locale), err));
  if (U_FAILURE(err)) bi.reset();
  icu::BreakIterator* p = bi.get();
  cache.emplace(std::string(locale), std::move(bi));
  return p;
}

icu::BreakIterator* characterIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> bi = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> p(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) p.reset();
    return p;
  }();
  return bi.get();
}

// Korean is written with spaces between words and set like CSS's
// `word-break: keep-all`: a line breaks at a space or punctuation, never
// between the syllables of a word (ICU's UAX #14 data allows both, as for
// Chinese). Between two Hangul characters this holds whatever the
// paragraph's language; in a Korean paragraph also between Hangul and
// letters, digits or Hanja ("제12회", "3월").
constexpr char32_t kFirstHangul = 0x1100;
bool isHangulClass(int32_t lb) {
  return lb == U_LB_H2 || lb == U_LB_H3 || lb == U_LB_JL || lb == U_LB_JV || lb == U_LB_JT;
}
bool isWordClass(int32_t lb) {
  return isHangulClass(lb) || lb == U_LB_ALPHABETIC || lb == U_LB_NUMERIC || lb == U_LB_IDEOGRAPHIC ||
         lb == U_LB_AMBIGUOUS;
}
bool isKorean(std::string_view tag) {
  return tag.substr(0, 2) == "ko" && (tag.size() == 2 || tag[2] == '-' || tag[2] == '_');
}
void keepKoreanWords(const std::u32string& text, bool korean, std::vector<BreakKind>& out) {
  for (size_t i = 1; i < text.size(); ++i) {
    if (out[i] != BreakKind::Allowed) continue;
    // Hangul's classes (JL, JV, JT, H2, H3) start at U+1100: two
    // characters below it change nothing (checked in LineBreaksTest).
    if (text[i - 1] < kFirstHangul && text[i] < kFirstHangul) continue;
    const int32_t a = u_getIntPropertyValue(static_cast<UChar32>(text[i - 1]), UCHAR_LINE_BREAK);
    const int32_t b = u_getIntPropertyValue(static_cast<UChar32>(text[i]), UCHAR_LINE_BREAK);
    const bool hangul = isHangulClass(a) || isHangulClass(b);
    if ((isHangulClass(a) && isHangulClass(b)) || (korean && hangul && isWordClass(a) && isWordClass(b)))
      out[i] = BreakKind::None;
  }
}

}  // namespace

namespace {

// When every character has Grapheme_Cluster_Break Other or Control and
// none is CR, UAX #29 breaks between all of them (GB4, GB5, GB999), so
// ICU's iterator and its UTF-16 copy are not needed. Below U+0300 only CR
// is not Other or Control.
bool everyCharacterAlone(const std::u32string& text) {
  for (char32_t c : text) {
    if (c < 0x300 && c != U'\r') continue;
    const int32_t gcb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GRAPHEME_CLUSTER_BREAK);
    if (gcb != U_GCB_OTHER && gcb != U_GCB_CONTROL) return false;
  }
  return true;
}

}  // namespace

std::vector<bool> graphemeStarts(const std::u32string& text) {
  std::vector<bool> starts(text.size(), false);
  if (text.empty()) return starts;
  if (everyCharacterAlone(text)) {
    starts.assign(text.size(), true);
    return starts;
  }
  icu::BreakIterator* bi = characterIterator();
  if (!bi) {  // no ICU data: every code point is its own cluster
    starts.assign(text.size(), true);
    return starts;
  }
  const Utf16Text u16(text);
  // Read-only alias: no copy of the paragraph.
  icu::UnicodeString us(false, u16.data(), u16.length());
  bi->setText(us);
  for (int32_t p = bi->first(); p != icu::BreakIterator::DONE; p = bi->next()) {
    if (p < u16.length()) starts[u16.charOf[static_cast<size_t>(p)]] = true;
  }
  bi->setText(emptyText());  // drop the alias before `u16` dies
  return starts;
}

namespace {

// The iterator's breaks inside `text`, at 1 .. text.size() - 1 (out[0] and
// out[text.size()] are left alone).
void iteratorBreaks(icu::BreakIterator* bi, std::u32string_view text, BreakKind* out) {
  const Utf16Text u16(text);
  icu::UnicodeString us(false, u16.data(), u16.length());
  bi->setText(us);
  for (int32_t p = bi->next(); p != icu::BreakIterator::DONE; p = bi->next()) {
    if (p <= 0 || p >= u16.length()) continue;
    const int32_t status = bi->getRuleStatus();
    const bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
    out[u16.charOf[static_cast<size_t>(p)]] = hard ? BreakKind::Mandatory : BreakKind::Allowed;
  }
  bi->setText(emptyText());
}

void keepGraphemes(const std::u32string& text, std::vector<BreakKind>& out) {
  // Never break inside a grapheme cluster (ICU's rules already avoid most
  // cases; emoji sequences and prepended marks are the exceptions).
  if (everyCharacterAlone(text)) return;
  const std::vector<bool> starts = graphemeStarts(text);
  for (size_t i = 1; i < text.size(); ++i) {
    if (!starts[i]) out[i] = BreakKind::None;
  }
}

// Words broken before, per thread and locale: the breaks at 1 .. size - 1
// of each word. Cleared when full (bounded memory); words longer than
// kMaxCachedWord are broken each time.
constexpr size_t kMaxCachedWords = 50000;
constexpr size_t kMaxCachedWord = 64;
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::u32string_view w) const {
    uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, inline: one look-up per word
    for (char32_t c : w) h = (h ^ c) * 0x100000001b3ULL;
    return static_cast<size_t>(h ^ (h >> 32));
  }
};
struct WordEqual {
  using is_transparent = void;
  bool operator()(std::u32string_view a, std::u32string_view b) const { return a == b; }
};
using WordBreakMap = std::unordered_map<std::u32string, std::vector<BreakKind>, WordHash, WordEqual>;

WordBreakMap& wordBreakMap(std::string_view locale) {
  thread_local std::map<std::string, WordBreakMap, std::less<>> maps;
  auto it = maps.find(locale);
  if (it == maps.end()) it = maps.emplace(std::string(locale), WordBreakMap()).first;
  return it->second;
}

// A word of ASCII letters and digits has no break inside (UAX #14 LB23,
// LB25, LB28: AL and NU never break from each other), so ICU is not
// asked (checked against it in LineBreaksTest).
bool plainWord(std::u32string_view w) {
  for (char32_t c : w)
    if (!((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9'))) return false;
  return true;
}

}  // namespace

std::vector<BreakKind> wordBreaks(const std::u32string& text, std::string_view locale) {
  const size_t n = text.size();
  std::vector<BreakKind> out(n + 1, BreakKind::None);
  if (n == 0) return out;
  out[n] = BreakKind::Mandatory;
  icu::BreakIterator* bi = lineIterator(locale);
  if (!bi) return out;
  WordBreakMap* cache = nullptr;
  std::vector<BreakKind> scratch;
  for (size_t a = 0; a < n;) {
    if (text[a] == U' ') {
      ++a;
      continue;
    }
    size_t b = a + 1;
    while (b < n && text[b] != U' ') ++b;
    const std::u32string_view word(text.data() + a, b - a);
    BreakKind* dst = out.data() + a;
    a = b;
    if (word.size() < 2 || plainWord(word)) continue;  // nothing inside
    if (word.size() > kMaxCachedWord) {
      iteratorBreaks(bi, word, dst);
      continue;
    }
    if (!cache) cache = &wordBreakMap(locale);
    auto it = cache->find(word);
    if (it == cache->end()) {
      scratch.assign(word.size() + 1, BreakKind::None);
      iteratorBreaks(bi, word, scratch.data());
      if (cache->size() >= kMaxCachedWords) cache->clear();
      it = cache->emplace(std::u32string(word), std::vector<BreakKind>(scratch.begin() + 1, scratch.end() - 1))
               .first;
    }
    std::copy(it->second.begin(), it->second.end(), dst + 1);
  }
  keepGraphemes(text, out);
  keepKoreanWords(text, isKorean(locale), out);
  return out;
}

std::vector<BreakKind> lineBreaks(const std::u32string& text, std::string_view locale) {
  std::vector<BreakKind> out(text.size() + 1, BreakKind::None);
  if (text.empty()) return out;
  // The end of the paragraph always ends a line (UAX #14 LB3).
  out[text.size()] = BreakKind::Mandatory;
  icu::BreakIterator* bi = lineIterator(locale);
  if (!bi) return out;
  iteratorBreaks(bi, text, out.data());
  keepGraphemes(text, out);
  keepKoreanWords(text, isKorean(locale), out);
  return out;
}

}  // namespace folio::text
