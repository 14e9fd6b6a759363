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
#include <cstdlib>
#include <filesystem>
#include <map>
#include <tuple>
#include <unordered_map>

#include "text/DocumentFonts.h"
#include "text/FontCache.h"
#include "text/FontFolders.h"

namespace folio::text {
namespace {

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

namespace {

// Stamps for the font cache: every configuration file and font directory
// fontconfig read, so that a change to any of them invalidates its answers.
std::vector<std::string> fontconfigStamps(FcConfig* config) {
  std::vector<std::string> out;
  for (FcStrList* list :
       {FcConfigGetConfigFiles(config), FcConfigGetConfigDirs(config), FcConfigGetFontDirs(config)}) {
    if (!list) continue;
    while (FcChar8* s = FcStrListNext(list)) out.emplace_back(reinterpret_cast<const char*>(s));
    FcStrListDone(list);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> fontconfigFamilies(FcConfig* config) {
  std::vector<std::string> out;
  FcPattern* pat = FcPatternCreate();
  FcObjectSet* os = FcObjectSetBuild(FC_FAMILY, nullptr);
  if (FcFontSet* set = FcFontList(config, pat, os)) {
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

// The closest face of a family among `faces`: slant first, then the
// nearest weight (on a tie the lighter one for regular and lighter
// requests, the heavier for bold ones, as CSS does).
const IndexedFace* closestFace(const std::vector<IndexedFace>& faces, const std::string& norm, int weight,
                               bool italic) {
  const IndexedFace* best = nullptr;
  long bestScore = 0;
  for (const IndexedFace& f : faces) {
    if (std::find(f.families.begin(), f.families.end(), norm) == f.families.end()) continue;
    long score = (f.italic != italic ? 100000L : 0L) + 2L * std::abs(f.weight - weight);
    if (f.weight != weight && ((weight > 500) != (f.weight > weight))) score += 1;
    if (!best || score < bestScore) best = &f, bestScore = score;
  }
  return best;
}

}  // namespace

struct FontStore::Impl {
  // fontconfig is started only when a request is not answered by Folio's
  // own directories or the font cache (FcInitLoadConfigAndFonts parses the
  // XML configuration: ~35 M instructions, more than the rest of a short
  // document's start-up).
  FcConfig* config = nullptr;
  bool fcStarted = false;
  FontCache cache{FontCache::defaultPath()};
  struct Dir {
    std::string path;
    int priority;
    std::string origin;
  };
  std::vector<Dir> dirs;                     // by priority, then order of addition
  std::map<std::string, std::string> files;  // normalized name -> font file a layout names
  std::unordered_map<const Font*, std::string> origins;
  mutable std::mutex mutex;
  std::vector<std::unique_ptr<Font>> fonts;                   // load order
  std::map<std::pair<std::string, int>, const Font*> byFile;  // nullptr: failed to load
  // Remembered answers: those of document order (which give ids), and those
  // of threads working ahead of it (FontStore::Recording), which must not
  // spare document order a look-up that gives an id.
  struct Answers {
    // Keyed by the document's own font folders too (FontFolders::key()).
    std::map<std::tuple<std::string, int, bool, std::string>, const Font*> byFamily;
    // The answer, and every font its search loaded (candidates without the
    // character too): a document that gets the answer from here notes them
    // in the order its own search would have (DocumentFonts).
    struct Covering {
      const Font* result = nullptr;
      std::vector<const Font*> touched;
    };
    std::map<std::tuple<char32_t, int, bool>, Covering> anyCovering;
    void clear() {
      byFamily.clear();
      anyCovering.clear();
    }
  };
  Answers ordered, ahead;
  Answers* answers = &ordered;           // which of the two this call uses (under the lock)
  bool givingIds = true;                 // false inside a Recording
  const FontFolders* folders = nullptr;  // the calling thread's document's folders
  uint32_t nextId = 0;

  // Sets answers and givingIds for one call from this thread.
  struct Mode {
    Impl& impl;
    Mode(Impl& i, bool recording) : impl(i) {
      impl.answers = recording ? &impl.ahead : &impl.ordered;
      impl.givingIds = !recording;
      impl.folders = DocumentFonts::currentFolders();
    }
    ~Mode() {
      impl.answers = &impl.ordered;
      impl.givingIds = true;
      impl.folders = nullptr;
    }
  };

  // The first look-up of a font in document order gives it the next id
  // (the font may have been loaded before, by a thread working ahead).
  // It is also noted in the order of the document this thread renders.
  std::vector<const Font*>* touchedLog = nullptr;  // anyFontWith's search, while it runs
  const Font* touch(const Font* f) {
    if (!f || !givingIds) return f;
    if (f->id() == Font::kNoId) FontStore::giveId(f, nextId++);
    DocumentFonts::note(f);
    if (touchedLog) touchedLog->push_back(f);
    return f;
  }

  FcConfig* fc() {
    if (!fcStarted) {
      fcStarted = true;
      config = FcInitLoadConfigAndFonts();
      if (config && !cache.systemValid())
        cache.resetSystem(fontconfigStamps(config), fontconfigFamilies(config));
    }
    return config;
  }

  const Font* loadFile(const std::string& path, int index, const std::string& origin) {
    auto key = std::make_pair(path, index);
    auto it = byFile.find(key);
    if (it != byFile.end()) return touch(it->second);
    std::unique_ptr<Font> f = Font::load(path, index, Font::kNoId);
    const Font* p = f.get();
    if (f) {
      origins.emplace(p, origin);
      fonts.push_back(std::move(f));
    }
    byFile.emplace(std::move(key), p);
    return touch(p);
  }

  // Loads fontconfig's pattern's file; variable-font named instances (index
  // bits above 16) fall back to the default instance of the face.
  FontAnswer answerOf(FcPattern* p) {
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch || !file) return {};
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    return FontAnswer{reinterpret_cast<const char*>(file), index & 0xFFFF};
  }
  const Font* loadAnswer(const FontAnswer& a) {
    return a.path.empty() ? nullptr : loadFile(a.path, a.index, "system (fontconfig)");
  }

  FcPattern* makePattern(int weight, bool italic) {
    FcPattern* pat = FcPatternCreate();
    FcPatternAddInteger(pat, FC_WEIGHT, FcWeightFromOpenType(std::clamp(weight, 1, 1000)));
    FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    return pat;
  }

  // Folio's own directories first (in priority order: --font-path, this
  // document's folders, Folio's fonts/), then fontconfig.
  const Font* matchOwn(const std::string& norm, int weight, bool italic) {
    if (const std::string* file = folders ? folders->file(norm) : nullptr)
      return loadFile(*file, 0, "named by the layout");
    if (auto f = files.find(norm); f != files.end()) return loadFile(f->second, 0, "named by the layout");
    auto inDir = [&](const std::string& path, const std::string& origin) -> const Font* {
      if (const IndexedFace* face = closestFace(cache.facesOf(path), norm, weight, italic))
        return loadFile(face->path, face->index, origin);
      return nullptr;
    };
    bool localDone = !folders;
    auto local = [&]() -> const Font* {
      localDone = true;
      for (const FontFolders::Dir& d : folders->dirs())
        if (const Font* f = inDir(d.path, d.origin)) return f;
      return nullptr;
    };
    for (const Dir& d : dirs) {
      if (!localDone && d.priority > FontStore::kBesideLayout)
        if (const Font* f = local()) return f;
      if (const Font* f = inDir(d.path, d.origin)) return f;
    }
    return localDone ? nullptr : local();
  }

  FontAnswer askFontconfig(const std::string& family, const std::string& norm, int weight, bool italic) {
    FontAnswer answer;
    FcConfig* config = fc();
    if (!config) return answer;
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
      if (ok) answer = answerOf(m);
      FcPatternDestroy(m);
    }
    FcPatternDestroy(pat);
    return answer;
  }

  const Font* matchFamily(const std::string& family, int weight, bool italic) {
    const std::string norm = normalizeFamily(family);
    auto key = std::make_tuple(norm, weight, italic, folders ? folders->key() : std::string());
    auto it = answers->byFamily.find(key);
    if (it != answers->byFamily.end()) return touch(it->second);
    const Font* result = nullptr;
    if (!norm.empty()) {
      result = isGenericFamily(norm) ? nullptr : matchOwn(norm, weight, italic);
      if (!result) {
        const std::string cacheKey =
            "family:" + family + ":" + std::to_string(weight) + (italic ? ":i" : ":r");
        if (const FontAnswer* a = cache.answer(cacheKey)) {
          result = loadAnswer(*a);
        } else {
          FontAnswer answer = askFontconfig(family, norm, weight, italic);
          cache.remember(cacheKey, answer);
          result = loadAnswer(answer);
        }
      }
    }
    answers->byFamily.emplace(std::move(key), result);
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

  // chain() of a script and request: what it lists after prefersSerif()
  // (which may load and number a font, so it is asked every time) follows
  // from the script, the request and that answer alone. Remembered, since
  // itemization asks for every cluster a font lacks (the multi-script
  // document: 7,673 chains of strings, each normalised and compared).
  struct ChainKey {
    uint32_t script = 0;
    bool serif = false;
    FontRequest request;
    bool operator==(const ChainKey&) const = default;
  };
  std::vector<std::pair<ChainKey, std::vector<std::string>>> chains;

  const std::vector<std::string>& chain(uint32_t script, const FontRequest& r) {
    const bool serif = prefersSerif(r);
    for (const auto& [key, list] : chains)
      if (key.script == script && key.serif == serif && key.request == r) return list;
    if (chains.size() >= 256) chains.clear();  // bounded: requests come from the layout
    chains.emplace_back(ChainKey{script, serif, r}, listChain(script, r, serif));
    return chains.back().second;
  }

  std::vector<std::string> listChain(uint32_t script, const FontRequest& r, bool serif) {
    std::vector<std::string> out;
    if (const std::vector<std::string>* own = r.familiesFor(script)) out = *own;
    out.insert(out.end(), r.families.begin(), r.families.end());
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
    // Symbols the Noto Serif/Sans of Debian 12 (2020) lack but Noto Sans
    // Mono has, in regular and bold: the minus sign U+2212 ("−13.9 %"),
    // arrows, box drawing. Without this, fontconfig's choice (DejaVu Sans,
    // heavier and wider) would set them; Mono travels in Folio's fonts/.
    out.push_back("Noto Sans Mono");
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
    auto it = answers->anyCovering.find(key);
    if (it != answers->anyCovering.end()) {
      for (const Font* f : it->second.touched) touch(f);
      return it->second.result;
    }
    Answers::Covering entry;
    std::vector<const Font*>* outerLog = touchedLog;
    touchedLog = &entry.touched;
    const std::string cacheKey = "covering:" + std::to_string(static_cast<uint32_t>(cp)) + ":" +
                                 std::to_string(weight) + (italic ? ":i" : ":r");
    const Font* result = nullptr;
    if (const FontAnswer* a = cache.answer(cacheKey)) {
      result = loadAnswer(*a);
    } else if (FcConfig* config = fc()) {
      FontAnswer answer;
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
          FontAnswer candidate = answerOf(set->fonts[i]);
          const Font* f = loadAnswer(candidate);
          if (f && f->hasCodepoint(cp)) result = f, answer = candidate;
        }
        FcFontSetDestroy(set);
      }
      FcCharSetDestroy(cs);
      FcPatternDestroy(pat);
      cache.remember(cacheKey, answer);
    }
    touchedLog = outerLog;
    if (outerLog) outerLog->insert(outerLog->end(), entry.touched.begin(), entry.touched.end());
    entry.result = result;
    answers->anyCovering.emplace(key, std::move(entry));
    return result;
  }

  void addDir(const std::string& dir, int priority, std::string origin) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    std::string path = std::filesystem::weakly_canonical(dir, ec).string();
    if (ec || path.empty()) return;
    for (const Dir& d : dirs)
      if (d.path == path) return;
    auto at = std::find_if(dirs.begin(), dirs.end(), [&](const Dir& d) { return d.priority > priority; });
    dirs.insert(at, Dir{path, priority, std::move(origin)});
    // Answers given before may now differ (a document whose folder brings
    // its own copy of a family): forget them.
    ordered.clear();
    ahead.clear();
  }

  const Font* fallback(char32_t cp, uint32_t script, const FontRequest& request) {
    for (const std::string& fam : chain(script, request)) {
      const Font* f = matchFamily(fam, request.weight, request.italic);
      if (f && f->hasCodepoint(cp)) return f;
    }
    return anyFontWith(cp, request.weight, request.italic);
  }
};

namespace {
thread_local FontCalls* t_recording = nullptr;  // this thread's Recording, if any
}  // namespace

void FontCalls::note(Call c) {
  if (std::find(calls.begin(), calls.end(), c) == calls.end()) calls.push_back(std::move(c));
}

FontStore::Recording::Recording(FontCalls& calls) : m_previous(t_recording) { t_recording = &calls; }
FontStore::Recording::~Recording() { t_recording = m_previous; }

void FontStore::replay(const FontCalls& calls) {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  Impl::Mode mode(*m_impl, false);
  for (const FontCalls::Call& c : calls.calls) {
    if (c.fallback)
      m_impl->fallback(c.cp, c.script, c.request);
    else
      m_impl->matchRequest(c.request);
  }
}

FontStore::FontStore(std::vector<std::string> fontDirs) : m_impl(std::make_unique<Impl>()) {
  for (const std::string& dir : fontDirs) m_impl->addDir(dir, kFolioFonts, "Folio's fonts/");
}

FontStore::~FontStore() {
  if (!m_impl) return;
  m_impl->cache.save();
  if (m_impl->config) FcConfigDestroy(m_impl->config);
}

void FontStore::addDirectory(const std::string& dir, int priority, const std::string& origin) {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  // A document's own folder serves that document only (FontFolders.h).
  FontFolders* folders = DocumentFonts::currentFolders();
  if (folders && (priority == kBesideContent || priority == kBesideLayout)) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    std::string path = std::filesystem::weakly_canonical(dir, ec).string();
    if (ec || path.empty()) return;
    folders->add(path, priority, origin + " (" + dir + ")");
    return;
  }
  m_impl->addDir(dir, priority, origin + " (" + dir + ")");
}

void FontStore::addFontFile(const std::string& name, const std::string& path) {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  // Named by a document's layout: for that document only (FontFolders.h).
  if (FontFolders* folders = DocumentFonts::currentFolders()) {
    folders->addFile(normalizeFamily(name), path);
    return;
  }
  auto [it, fresh] = m_impl->files.emplace(normalizeFamily(name), path);
  if (fresh) {
    m_impl->ordered.clear();
    m_impl->ahead.clear();
  }
}

std::string FontStore::origin(const Font* font) const {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  auto it = m_impl->origins.find(font);
  return it == m_impl->origins.end() ? std::string() : it->second;
}

std::string FontStore::rebuildCache() {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  FcConfig* config = m_impl->fc();
  if (config) m_impl->cache.resetSystem(fontconfigStamps(config), fontconfigFamilies(config));
  for (const Impl::Dir& d : m_impl->dirs) m_impl->cache.rescan(d.path);
  m_impl->cache.save();
  return m_impl->cache.file();
}

const Font* FontStore::match(const FontRequest& request) {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  Impl::Mode mode(*m_impl, t_recording != nullptr);
  if (t_recording) t_recording->note({false, 0, 0, request});
  return m_impl->matchRequest(request);
}

const Font* FontStore::fallback(char32_t cp, uint32_t script, const FontRequest& request) {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  Impl::Mode mode(*m_impl, t_recording != nullptr);
  if (t_recording) t_recording->note({true, cp, script, request});
  return m_impl->fallback(cp, script, request);
}

std::vector<std::string> FontStore::chainFor(uint32_t script, const FontRequest& request) const {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  // The chain looks at the request's own font (serif or sans): a match.
  Impl::Mode mode(*m_impl, t_recording != nullptr);
  if (t_recording) t_recording->note({false, 0, 0, request});
  return m_impl->chain(script, request);
}

std::vector<const Font*> FontStore::loaded() const {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  std::vector<const Font*> out;
  out.reserve(m_impl->fonts.size());
  for (const auto& f : m_impl->fonts) out.push_back(f.get());
  // In id order (fonts loaded ahead of document order and not yet reached last).
  std::stable_sort(out.begin(), out.end(), [](const Font* a, const Font* b) { return a->id() < b->id(); });
  return out;
}

std::vector<std::string> FontStore::familyNames() const {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  if (!m_impl->cache.systemValid()) m_impl->fc();
  std::vector<std::string> out = m_impl->cache.systemFamilies();
  for (const Impl::Dir& d : m_impl->dirs)
    for (const IndexedFace& f : m_impl->cache.facesOf(d.path)) out.push_back(f.family);
  if (const FontFolders* folders = DocumentFonts::currentFolders())
    for (const FontFolders::Dir& d : folders->dirs())
      for (const IndexedFace& f : m_impl->cache.facesOf(d.path)) out.push_back(f.family);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace folio::text
