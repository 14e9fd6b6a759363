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

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace folio::text
