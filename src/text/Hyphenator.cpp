// Hyphenation points from libhyphen (Liang patterns, the LibreOffice/Debian
// hyph_*.dic files).
//
// Policy, on purpose:
// - words containing a digit, and all-capital words (acronyms such as
//   "NASA"), are never hyphenated;
// - a word with explicit soft hyphens (U+00AD) breaks only there, after each
//   soft hyphen, whatever the patterns say;
// - letters are lower-cased per character (so positions map 1:1), and each
//   maximal run of letters is hyphenated on its own ("l'ordinateur",
//   "well-known" are handled part by part);
// - left/right minimums: en 2/3, fr 2/3 (TeX's babel-french values, stricter
//   than the 2/2 in hyph_fr.dic), de/ru/es/it/nl and others 2/2; libhyphen
//   takes the larger of these and the dictionary's own LEFT/RIGHTHYPHENMIN.
// - "en" and "en-GB" use hyph_en_US.dic (Debian ships no British patterns).
#include "text/Hyphenator.h"

#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "base/Utf8.h"
#include "text/PatternCache.h"

namespace folio::text {
namespace {

constexpr char32_t kSoftHyphen = 0x00AD;
constexpr size_t kMaxWordLength = 128;  // longer "words" are not natural language

struct LanguageTag {
  std::string lang;    // "en"
  std::string region;  // "US" (upper case) or empty
};

LanguageTag parseTag(std::string_view tag) {
  LanguageTag t;
  size_t pos = 0;
  int index = 0;
  while (pos <= tag.size()) {
    size_t end = tag.find_first_of("-_", pos);
    if (end == std::string_view::npos) end = tag.size();
    std::string sub(tag.substr(pos, end - pos));
    for (char& c : sub) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Only letters and digits: anything else is not a language tag (and
    // could never name a file under the pattern directories).
    if (std::any_of(sub.begin(), sub.end(),
                    [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }))
      return {};
    if (index == 0) {
      t.lang = sub;
    } else if (t.region.empty() &&
               (sub.size() == 2 || (sub.size() == 3 && std::isdigit(static_cast<unsigned char>(sub[0]))))) {
      for (char& c : sub) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      t.region = sub;
    }
    ++index;
    pos = end + 1;
  }
  return t;
}

// The usual pattern file of a language when the tag names no region.
std::string defaultRegionFile(const std::string& lang) {
  static const std::pair<const char*, const char*> kDefaults[] = {
      {"en", "en_US"}, {"de", "de_DE"}, {"fr", "fr"},    {"es", "es_ES"}, {"it", "it_IT"}, {"ru", "ru_RU"},
      {"nl", "nl_NL"}, {"pt", "pt_PT"}, {"pl", "pl_PL"}, {"sv", "sv_SE"}, {"da", "da_DK"}, {"cs", "cs_CZ"},
      {"sk", "sk_SK"}, {"hu", "hu_HU"}, {"uk", "uk_UA"}, {"el", "el_GR"}, {"ro", "ro_RO"}, {"hr", "hr_HR"},
      {"sl", "sl_SI"}, {"lt", "lt_LT"}, {"lv", "lv_LV"}, {"nb", "nb_NO"}, {"nn", "nn_NO"}, {"bg", "bg_BG"},
  };
  for (const auto& [l, f] : kDefaults)
    if (lang == l) return f;
  return {};
}

std::pair<int, int> minimumsFor(const std::string& lang) {
  if (lang == "en") return {2, 3};
  if (lang == "fr") return {2, 3};
  return {2, 2};
}

std::string firstLine(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
  return line;
}

}  // namespace

namespace {

// The pattern file for a tag: region file, the language's usual region,
// the bare language, then any regional variant (alphabetically first).
std::string findPatternFile(const LanguageTag& tag, const std::vector<std::string>& dirs) {
  if (tag.lang.empty()) return {};
  std::vector<std::string> stems;
  if (!tag.region.empty()) stems.push_back(tag.lang + "_" + tag.region);
  if (std::string d = defaultRegionFile(tag.lang); !d.empty()) stems.push_back(d);
  stems.push_back(tag.lang);
  for (const std::string& stem : stems) {
    for (const std::string& dir : dirs) {
      std::error_code ec;
      const std::string p = dir + "/hyph_" + stem + ".dic";
      // Canonical, so symlinked variants (Debian's hyph_de_AT.dic ->
      // hyph_de_DE.dic) load the patterns once.
      if (std::filesystem::is_regular_file(p, ec)) return std::filesystem::weakly_canonical(p, ec).string();
    }
  }
  const std::string prefix = "hyph_" + tag.lang + "_";
  for (const std::string& dir : dirs) {
    std::error_code ec;
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      const std::string name = e.path().filename().string();
      if (name.compare(0, prefix.size(), prefix) == 0 && name.size() > 4 &&
          name.compare(name.size() - 4, 4, ".dic") == 0)
        found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    if (!found.empty()) return std::filesystem::weakly_canonical(found.front(), ec).string();
  }
  return {};
}

}  // namespace

// Two kinds of entries share this type in m_dicts: per language tag ("de",
// "de_DE": minimums plus a pointer to the patterns) and per pattern file
// (keyed by its path, which contains '/' so it can never equal a tag); tags
// naming the same file share one loaded dictionary.
struct Hyphenator::Dict {
  Dict* patterns = nullptr;  // tag entries: the file entry (nullptr: no file)
  std::string path;          // file entries
  HyphenDict* dict = nullptr;
  LoadedPatterns loaded;  // owns dict
  int lhmin = 2, rhmin = 2;
  bool utf8 = true;
  // For 8-bit pattern files (hyph_de_DE.dic is ISO8859-1, hyph_ru_RU.dic
  // KOI8-R): code point -> byte, built once so lookups need no converter.
  std::unordered_map<char32_t, char> encode;
  std::once_flag once;

  void load(const std::string& path) {
    loaded = loadPatterns(path);
    dict = loaded.dict;
    if (!dict) return;
    utf8 = dict->utf8 != 0;
    if (utf8) return;
    const std::string charset = firstLine(path);
    UErrorCode err = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(charset.c_str(), &err);
    if (U_SUCCESS(err) && conv) {
      for (int b = 0x20; b < 0x100; ++b) {
        const char byte = static_cast<char>(b);
        UChar out[4];
        err = U_ZERO_ERROR;
        const int32_t len = ucnv_toUChars(conv, out, 4, &byte, 1, &err);
        if (U_SUCCESS(err) && len == 1 && out[0] != 0xFFFD && out[0] != 0x1A) encode.emplace(out[0], byte);
      }
      ucnv_close(conv);
    } else {  // unknown charset: treat as Latin-1, libhyphen's own assumption
      for (int b = 0x20; b < 0x100; ++b) encode.emplace(static_cast<char32_t>(b), static_cast<char>(b));
    }
  }

  ~Dict() { freePatterns(loaded); }
};

namespace {
std::atomic<uint32_t> g_instances{0};
// Words per thread remembered by hyphenate(); prose repeats its words
// (Zipf), so most calls are hits. Cleared when full: bounded memory.
constexpr size_t kMaxCachedWords = 50000;
}  // namespace

Hyphenator::Hyphenator(std::vector<std::string> patternDirs)
    : m_dirs(std::move(patternDirs)), m_instance(++g_instances) {}

Hyphenator::~Hyphenator() = default;

Hyphenator::Dict* Hyphenator::entryFor(std::string_view language) {
  const LanguageTag tag = parseTag(language);
  const std::string key = tag.region.empty() ? tag.lang : tag.lang + "_" + tag.region;
  Dict* entry = nullptr;
  {
    // The lock covers only the map; loading a big pattern file (libhyphen
    // needs ~3 s for hyph_de_DE.dic) must not block other languages.
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_dicts.find(key);
    if (it != m_dicts.end()) {
      entry = it->second.get();
    } else {
      auto e = std::make_unique<Dict>();
      std::tie(e->lhmin, e->rhmin) = minimumsFor(tag.lang);
      const std::string path = findPatternFile(tag, m_dirs);
      if (!path.empty()) {
        auto f = m_dicts.find(path);
        if (f == m_dicts.end()) {
          f = m_dicts.emplace(path, std::make_unique<Dict>()).first;
          f->second->path = path;
        }
        e->patterns = f->second.get();
      }
      entry = e.get();
      m_dicts.emplace(key, std::move(e));
    }
  }
  return entry;
}

Hyphenator::Dict* Hyphenator::dictFor(std::string_view language) {
  Dict* entry = entryFor(language);
  Dict* patterns = entry->patterns;
  if (!patterns) return nullptr;
  std::call_once(patterns->once, [patterns] { patterns->load(patterns->path); });
  return patterns->dict ? entry : nullptr;
}

// Whether a pattern file exists for the language; the patterns themselves
// load when the first word needs them (a document may have none).
bool Hyphenator::hasLanguage(std::string_view language) { return entryFor(language)->patterns != nullptr; }

std::vector<uint32_t> Hyphenator::hyphenate(std::u32string_view word, std::string_view language) {
  // Per thread, so no lock: key = instance, language, U+0000, word (the key
  // string is reused, so a hit allocates only the returned vector).
  thread_local std::unordered_map<std::u32string, std::vector<uint32_t>> cache;
  thread_local std::u32string key;
  key.assign(1, static_cast<char32_t>(m_instance));
  for (char c : language) key += static_cast<char32_t>(static_cast<unsigned char>(c));
  key += U'\0';
  key.append(word);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  std::vector<uint32_t> out = compute(word, language);
  if (cache.size() >= kMaxCachedWords) cache.clear();
  cache.emplace(key, out);
  return out;
}

std::vector<uint32_t> Hyphenator::compute(std::u32string_view word, std::string_view language) {
  std::vector<uint32_t> out;
  if (word.size() < 2) return out;

  if (word.find(kSoftHyphen) != std::u32string_view::npos) {
    for (size_t i = 0; i < word.size(); ++i) {
      if (word[i] == kSoftHyphen && i + 1 < word.size() && i > 0) out.push_back(static_cast<uint32_t>(i + 1));
    }
    return out;
  }

  size_t letters = 0, upper = 0;
  for (char32_t c : word) {
    const auto uc = static_cast<UChar32>(c);
    if (u_isdigit(uc)) return out;
    if (u_isalpha(uc)) {
      ++letters;
      if (u_isUUppercase(uc)) ++upper;
    }
  }
  if (letters > 1 && upper == letters) return out;

  const Dict* entry = dictFor(language);
  if (!entry) return out;
  const Dict* d = entry->patterns;  // read-only after loading

  auto isWordChar = [](char32_t c) {
    const auto uc = static_cast<UChar32>(c);
    const int8_t gc = u_charType(uc);
    return u_isalpha(uc) || gc == U_NON_SPACING_MARK || gc == U_COMBINING_SPACING_MARK;
  };
  for (size_t a = 0; a < word.size();) {
    if (!isWordChar(word[a])) {
      ++a;
      continue;
    }
    size_t b = a;
    while (b < word.size() && isWordChar(word[b])) ++b;
    const size_t len = b - a;
    if (len >= static_cast<size_t>(entry->lhmin + entry->rhmin) && len <= kMaxWordLength) {
      std::string bytes;
      bool ok = true;
      for (size_t i = a; i < b && ok; ++i) {
        const auto lowerCp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(word[i])));
        if (d->utf8) {
          appendUtf8(bytes, lowerCp);
        } else {
          auto e = d->encode.find(lowerCp);
          if (e == d->encode.end())
            ok = false;
          else
            bytes += e->second;
        }
      }
      if (ok) {
        std::vector<char> hyphens(bytes.size() + 5, '0');
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        hnj_hyphen_hyphenate3(d->dict, bytes.c_str(), static_cast<int>(bytes.size()), hyphens.data(), nullptr,
                              &rep, &pos, &cut, entry->lhmin, entry->rhmin, 0, 0);
        // Results are indexed by character (libhyphen normalizes UTF-8).
        // Non-standard breaks (rep[] set, e.g. old German "ck" -> "k-k")
        // change the letters and cannot be expressed as a position: skipped.
        for (size_t j = 0; j + 1 < len; ++j) {
          if ((hyphens[j] & 1) && !(rep && rep[j])) out.push_back(static_cast<uint32_t>(a + j + 1));
        }
        if (rep) {
          for (size_t j = 0; j < bytes.size(); ++j) std::free(rep[j]);
          std::free(rep);
        }
        std::free(pos);
        std::free(cut);
      }
    }
    a = b;
  }
  return out;
}

}  // namespace folio::text
