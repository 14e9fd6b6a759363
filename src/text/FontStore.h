#pragma once
// Finds fonts by family, weight and style through fontconfig plus the
// project's fonts/ directory, loads each file once, and resolves per-script
// fallback chains (Noto by default). Thread-safe: one store serves a batch.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "text/Font.h"

namespace folio::text {

struct FontRequest {
  std::vector<std::string> families;  // in order of preference
  int weight = 400;                   // 400 regular, 700 bold
  bool italic = false;
  std::string language;  // BCP 47; picks regional CJK fallbacks (ja -> JP, ko -> KR, zh-TW -> TC)
  // Per-script choices (a layout style's `script-fonts`), by ISO 15924 tag
  // ("Arab", "Hebr", "Cyrl"): tried first for text in that script, even
  // where `families` would cover it.
  std::map<std::string, std::vector<std::string>> scriptFamilies;

  // The script choices for an hb_script_t value, or nullptr.
  const std::vector<std::string>* familiesFor(uint32_t script) const;
  bool operator==(const FontRequest&) const = default;
};

// The font look-ups of work done ahead of document order (a paragraph laid
// out by a helper thread), kept to be made again in document order
// (FontStore::replay). First occurrences only: a repeated look-up cannot
// need a font the first one did not.
struct FontCalls {
  struct Call {
    bool fallback = false;  // fallback(cp, script, request), else match(request)
    char32_t cp = 0;
    uint32_t script = 0;
    FontRequest request;
    bool operator==(const Call&) const = default;
  };
  std::vector<Call> calls;
  void note(Call c);
};

class FontStore {
 public:
  // Where a font directory's fonts rank: lower is tried first. Every one of
  // them comes before the system's fonts (fontconfig), so the fonts that
  // travel with a project give the same output on any machine.
  static constexpr int kFontPath = 0;       // --font-path DIR
  static constexpr int kBesideContent = 1;  // fonts/ beside the content file
  static constexpr int kBesideLayout = 2;   // fonts/ beside the layout
  static constexpr int kFolioFonts = 3;     // Folio's own fonts/

  // `fontDirs` (Folio's own fonts/) are searched before the system's fonts.
  explicit FontStore(std::vector<std::string> fontDirs);
  ~FontStore();  // saves the font cache (see FontCache.h)

  // Another directory of fonts, searched before the system's; `origin` says
  // where it came from in `folio fonts`. A missing directory is ignored.
  void addDirectory(const std::string& dir, int priority, const std::string& origin);
  // A font file a layout names instead of a family: `name` (the text the
  // layout wrote) then resolves to `path`.
  void addFontFile(const std::string& name, const std::string& path);
  // Where a loaded font was found ("Folio's fonts/ (DIR)", "system (fontconfig)").
  std::string origin(const Font* font) const;
  // Forgets the cached font index and builds it again; returns the cache file.
  std::string rebuildCache();

  // The first family in the request that exists, with the closest weight and
  // slant; nullptr if none of the families is installed.
  const Font* match(const FontRequest& request);
  // A font for `script` (ISO 15924 tag as HarfBuzz's hb_script_t) covering
  // `cp`, honouring weight/italic where the fallback family has them:
  // first the request's families, then the built-in Noto chain for the
  // script, then any installed font that has the character. nullptr if none.
  const Font* fallback(char32_t cp, uint32_t script, const FontRequest& request);
  // Families tried for `script` (for warnings and `folio fonts`).
  std::vector<std::string> chainFor(uint32_t script, const FontRequest& request) const;
  // Every font loaded so far (for depfiles).
  std::vector<const Font*> loaded() const;
  // The names of every installed family, sorted (for "did you mean" when a
  // layout names a family that is not installed).
  std::vector<std::string> familyNames() const;

  // Font ids follow the order in which the document first needs each font
  // (one-thread layout); the PDF embeds fonts in that order. A thread that
  // lays out ahead of that order works inside a Recording: its match(),
  // fallback() and chainFor() answer from look-up caches of their own (the
  // same answers), leave the fonts they load without an id, and note each
  // call in `calls`. replay(calls), made when the document reaches that
  // work, repeats the calls in order and gives the ids one thread would
  // have given. One Recording per thread at a time.
  class Recording {
   public:
    explicit Recording(FontCalls& calls);
    ~Recording();
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;

   private:
    FontCalls* m_previous;
  };
  void replay(const FontCalls& calls);

 private:
  static void giveId(const Font* font, uint32_t id) { font->m_id.store(id, std::memory_order_relaxed); }
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace folio::text
