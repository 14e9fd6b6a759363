// Font lookup through fontconfig. fontconfig always answers with *some*
// font, so every match is checked against the requested family; the
// per-script fallback chains are explicit (Noto) so that documents do not
// silently change font when a new font package is installed, and only the
// very last resort asks fontconfig for "anything covering this character".
#include "text/FontStore.h"

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <tuple>

namespace folio::text {
namespace {

std::string normalizeFamily(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// CSS generic families: fontconfig's substitution is the intended answer,
// so they skip the "is it really that family" check.
bool isGenericFamily(const std::string& norm) {
  return norm == "serif" || norm == "sansserif" || norm == "sans" || norm == "monospace" || norm == "mono" ||
         norm == "cursive" || norm == "fantasy" || norm == "systemui";
}

bool containsWord(const std::string& norm, std::string_view w) { return norm.find(w) != std::string::npos; }

// The ICU long name of a HarfBuzz script ("Devanagari", "Canadian Aboriginal"),
// used to form "Noto Sans <Script>" for scripts without an explicit chain.
std::string scriptLongName(uint32_t script) {
  char tag[5] = {0, 0, 0, 0, 0};
  hb_tag_to_string(hb_script_to_iso15924_tag(static_cast<hb_script_t>(script)), tag);
  const int32_t code = u_getPropertyValueEnum(UCHAR_SCRIPT, tag);
  if (code < 0) return {};
  const char* name = uscript_getName(static_cast<UScriptCode>(code));
  if (!name) return {};
  std::string s(name);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

// Regional CJK variant of the Noto CJK families for a language tag.
std::string cjkRegion(const std::string& language, uint32_t script) {
  const std::string l = lowerAscii(language);
  auto starts = [&](std::string_view p) {
    return l.compare(0, p.size(), p) == 0 && (l.size() == p.size() || l[p.size()] == '-');
  };
  if (starts("ja")) return "JP";
  if (starts("ko")) return "KR";
  if (starts("zh")) {
    if (l.find("-hk") != std::string::npos || l.find("-mo") != std::string::npos) return "HK";
    if (l.find("-tw") != std::string::npos || l.find("-hant") != std::string::npos) return "TC";
    return "SC";
  }
  // No language: kana means Japanese and hangul Korean, whatever the default.
  if (script == HB_SCRIPT_HIRAGANA || script == HB_SCRIPT_KATAKANA) return "JP";
  if (script == HB_SCRIPT_HANGUL) return "KR";
  return "SC";
}

}  // namespace

const std::vector<std::string>* FontRequest::familiesFor(uint32_t script) const {
  if (scriptFamilies.empty()) return nullptr;
  char tag[5] = {0, 0, 0, 0, 0};
  hb_tag_to_string(hb_script_to_iso15924_tag(static_cast<hb_script_t>(script)), tag);
  for (const auto& [name, families] : scriptFamilies) {
    if (name.size() != 4) continue;
    bool same = true;
    for (size_t i = 0; i < 4; ++i)
      same &= std::tolower(static_cast<unsigned char>(name[i])) ==
              std::tolower(static_cast<unsigned char>(tag[i]));
    if (same) return &families;
  }
  return nullptr;
}

struct FontStore::Impl {
  FcConfig* config = nullptr;
  mutable std::mutex mutex;
  std::vector<std::unique_ptr<Font>> fonts;                   // load order = id order
  std::map<std::pair<std::string, int>, const Font*> byFile;  // nullptr: failed to load
  std::map<std::tuple<std::string, int, bool>, const Font*> byFamily;
  std::map<std::tuple<char32_t, int, bool>, const Font*> anyCovering;

  const Font* loadFile(const std::string& path, int index) {
    auto key = std::make_pair(path, index);
    auto it = byFile.find(key);
    if (it != byFile.end()) return it->second;
    std::unique_ptr<Font> f = Font::load(path, index, static_cast<uint32_t>(fonts.size()));
    const Font* p = f.get();
    if (f) fonts.push_back(std::move(f));
    byFile.emplace(std::move(key), p);
    return p;
  }

  // Loads fontconfig's pattern's file; variable-font named instances (index
  // bits above 16) fall back to the default instance of the face.
  const Font* loadPattern(FcPattern* p) {
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch || !file) return nullptr;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    return loadFile(reinterpret_cast<const char*>(file), index & 0xFFFF);
  }

  FcPattern* makePattern(int weight, bool italic) {
    FcPattern* pat = FcPatternCreate();
    FcPatternAddInteger(pat, FC_WEIGHT, FcWeightFromOpenType(std::clamp(weight, 1, 1000)));
    FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    return pat;
  }

  const Font* matchFamily(const std::string& family, int weight, bool italic) {
    const std::string norm = normalizeFamily(family);
    auto key = std::make_tuple(norm, weight, italic);
    auto it = byFamily.find(key);
    if (it != byFamily.end()) return it->second;
    const Font* result = nullptr;
    if (!norm.empty()) {
      FcPattern* pat = makePattern(weight, italic);
      FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
      FcConfigSubstitute(config, pat, FcMatchPattern);
      FcDefaultSubstitute(pat);
      FcResult res = FcResultNoMatch;
      FcPattern* m = FcFontMatch(config, pat, &res);
      if (m) {
        bool ok = isGenericFamily(norm);
        FcChar8* fam = nullptr;
        for (int i = 0; !ok && FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; ++i) {
          ok = normalizeFamily(reinterpret_cast<const char*>(fam)) == norm;
        }
        if (ok) result = loadPattern(m);
        FcPatternDestroy(m);
      }
      FcPatternDestroy(pat);
    }
    byFamily.emplace(std::move(key), result);
    return result;
  }

  const Font* matchRequest(const FontRequest& r) {
    for (const std::string& fam : r.families) {
      if (const Font* f = matchFamily(fam, r.weight, r.italic)) return f;
    }
    return nullptr;
  }

  bool prefersSerif(const FontRequest& r) {
    if (const Font* f = matchRequest(r)) return f->metrics().serif;
    for (const std::string& fam : r.families) {
      const std::string n = normalizeFamily(fam);
      if (containsWord(n, "sans")) return false;
      if (containsWord(n, "serif") || n == "times" || containsWord(n, "roman")) return true;
    }
    return true;  // a typesetter's default is a serif face
  }

  std::vector<std::string> chain(uint32_t script, const FontRequest& r) {
    std::vector<std::string> out;
    if (const std::vector<std::string>* own = r.familiesFor(script)) out = *own;
    out.insert(out.end(), r.families.begin(), r.families.end());
    const bool serif = prefersSerif(r);
    auto pair = [&](const std::string& serifFamily, const std::string& sansFamily) {
      if (serif) {
        out.push_back(serifFamily);
        out.push_back(sansFamily);
      } else {
        out.push_back(sansFamily);
        out.push_back(serifFamily);
      }
    };
    switch (script) {
      case HB_SCRIPT_ARABIC:
        // Naskh is the book style for serif text; Noto Sans Arabic, a
        // low-contrast Naskh, goes with sans-serif text (headings).
        pair("Noto Naskh Arabic", "Noto Sans Arabic");
        break;
      case HB_SCRIPT_HAN:
      case HB_SCRIPT_HIRAGANA:
      case HB_SCRIPT_KATAKANA:
      case HB_SCRIPT_HANGUL:
      case HB_SCRIPT_BOPOMOFO: {
        const std::string region = cjkRegion(r.language, script);
        pair("Noto Serif CJK " + region, "Noto Sans CJK " + region);
        if (region != "SC") pair("Noto Serif CJK SC", "Noto Sans CJK SC");
        break;
      }
      case HB_SCRIPT_LATIN:
      case HB_SCRIPT_CYRILLIC:
      case HB_SCRIPT_GREEK:
      case HB_SCRIPT_COMMON:
      case HB_SCRIPT_INHERITED:
      case HB_SCRIPT_UNKNOWN:
      case HB_SCRIPT_INVALID:
        break;
      default: {
        // Hebrew, Armenian, Georgian, Devanagari, Bengali, Thai and every
        // other script Noto covers follow the "Noto Serif/Sans <Script>" scheme.
        const std::string name = scriptLongName(script);
        if (!name.empty()) pair("Noto Serif " + name, "Noto Sans " + name);
        break;
      }
    }
    pair("Noto Serif", "Noto Sans");
    // Drop repeats, keeping the first occurrence (the order is the point).
    std::vector<std::string> unique;
    std::vector<std::string> seen;
    for (auto& f : out) {
      const std::string n = normalizeFamily(f);
      if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
      seen.push_back(n);
      unique.push_back(f);
    }
    return unique;
  }

  const Font* anyFontWith(char32_t cp, int weight, bool italic) {
    auto key = std::make_tuple(cp, weight, italic);
    auto it = anyCovering.find(key);
    if (it != anyCovering.end()) return it->second;
    const Font* result = nullptr;
    FcPattern* pat = makePattern(weight, italic);
    FcCharSet* cs = FcCharSetCreate();
    FcCharSetAddChar(cs, static_cast<FcChar32>(cp));
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res = FcResultNoMatch;
    FcFontSet* set = FcFontSort(config, pat, FcFalse, nullptr, &res);
    if (set) {
      for (int i = 0; i < set->nfont && !result; ++i) {
        FcCharSet* fcs = nullptr;
        if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &fcs) != FcResultMatch) continue;
        if (!FcCharSetHasChar(fcs, static_cast<FcChar32>(cp))) continue;
        const Font* f = loadPattern(set->fonts[i]);
        if (f && f->hasCodepoint(cp)) result = f;
      }
      FcFontSetDestroy(set);
    }
    FcCharSetDestroy(cs);
    FcPatternDestroy(pat);
    anyCovering.emplace(key, result);
    return result;
  }
};

FontStore::FontStore(std::vector<std::string> fontDirs) : m_impl(std::make_unique<Impl>()) {
  // A private configuration (system fonts plus ours) rather than the global
  // one, so application font dirs never leak into other FontStores.
  m_impl->config = FcInitLoadConfigAndFonts();
  if (m_impl->config) {
    for (const std::string& dir : fontDirs) {
      std::error_code ec;
      if (std::filesystem::is_directory(dir, ec)) {
        FcConfigAppFontAddDir(m_impl->config, reinterpret_cast<const FcChar8*>(dir.c_str()));
      }
    }
  }
}

FontStore::~FontStore() {
  if (m_impl && m_impl->config) FcConfigDestroy(m_impl->config);
}

const Font* FontStore::match(const FontRequest& request) {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  if (!m_impl->config) return nullptr;
  return m_impl->matchRequest(request);
}

const Font* FontStore::fallback(char32_t cp, uint32_t script, const FontRequest& request) {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  if (!m_impl->config) return nullptr;
  for (const std::string& fam : m_impl->chain(script, request)) {
    const Font* f = m_impl->matchFamily(fam, request.weight, request.italic);
    if (f && f->hasCodepoint(cp)) return f;
  }
  return m_impl->anyFontWith(cp, request.weight, request.italic);
}

std::vector<std::string> FontStore::chainFor(uint32_t script, const FontRequest& request) const {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  return m_impl->chain(script, request);
}

std::vector<const Font*> FontStore::loaded() const {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  std::vector<const Font*> out;
  out.reserve(m_impl->fonts.size());
  for (const auto& f : m_impl->fonts) out.push_back(f.get());
  return out;
}

std::vector<std::string> FontStore::familyNames() const {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  std::vector<std::string> out;
  if (!m_impl->config) return out;
  FcPattern* pat = FcPatternCreate();
  FcObjectSet* os = FcObjectSetBuild(FC_FAMILY, nullptr);
  if (FcFontSet* set = FcFontList(m_impl->config, pat, os)) {
    for (int i = 0; i < set->nfont; ++i) {
      FcChar8* fam = nullptr;
      for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &fam) == FcResultMatch; ++k)
        out.emplace_back(reinterpret_cast<const char*>(fam));
    }
    FcFontSetDestroy(set);
  }
  FcObjectSetDestroy(os);
  FcPatternDestroy(pat);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace folio::text
