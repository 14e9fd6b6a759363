#pragma once
// Folio's own font index, kept on disk so that a run neither parses
// fontconfig's XML configuration nor opens every font file of a fonts/
// folder. Two parts, each checked before it is used and rebuilt (never
// trusted) when stale:
//  - the faces of Folio's own font directories (the project's fonts/, a
//    fonts/ folder beside the content or layout, --font-path), checked
//    against the directory's and every file's mtime and size;
//  - fontconfig's answers for system fonts (family, weight, slant -> file),
//    checked against the fontconfig environment variables and the mtimes of
//    fontconfig's configuration files and font directories, the same test
//    fontconfig applies to its own caches.
// The file lives in $XDG_CACHE_HOME/folio/fonts.cache (~/.cache/folio when
// XDG_CACHE_HOME is unset); FOLIO_FONT_CACHE names another file, and "off"
// disables it. Not thread-safe: FontStore holds its lock around every call.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::text {

struct IndexedFace {
  std::string path;
  int index = 0;
  int weight = 400;
  bool italic = false;
  std::string family;                 // as the font names it (typographic family)
  std::vector<std::string> families;  // normalized names it answers to
};

// A remembered fontconfig answer: the file and face, or no font (empty path).
struct FontAnswer {
  std::string path;
  int index = 0;
};

class FontCache {
 public:
  // The cache file's path ("" when disabled).
  static std::string defaultPath();
  explicit FontCache(std::string file);

  // The faces of `dir` (sorted by file name, then face index), from the cache
  // when the directory and its files are unchanged, else by reading them.
  const std::vector<IndexedFace>& facesOf(const std::string& dir);
  // Reads `dir` again whatever the cache says (folio fonts --rebuild).
  void rescan(const std::string& dir);

  // fontconfig's part. valid() is false when there is no fontconfig part or
  // it is stale; resetSystem() starts a fresh one with the given stamps.
  // Read and checked (its stamps stat()ed) on first use: a document set
  // entirely in the faces of Folio's own directories never pays for it.
  bool systemValid();
  void resetSystem(const std::vector<std::string>& stampPaths, std::vector<std::string> familyNames);
  const FontAnswer* answer(const std::string& key);
  void remember(const std::string& key, FontAnswer a);
  const std::vector<std::string>& systemFamilies();

  // Writes the file if anything changed (atomically; failures are ignored:
  // the cache only saves time).
  void save();
  const std::string& file() const { return m_file; }

 private:
  struct DirEntry {
    int64_t mtime = 0;
    std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> files;  // name -> (mtime, size)
    std::vector<IndexedFace> faces;
    bool checked = false;  // compared with the disk in this run
    std::vector<std::string_view> lines;  // its file and face lines in m_text, until parsed
  };
  // The file is read at once and only split into its parts; each part is
  // parsed when first asked for (start-up: a one-word document reads one of
  // the directories and none of fontconfig's answers).
  void load();
  void parseSystem();
  void parseFamilies();
  void parseDir(DirEntry& e);
  bool dirUnchanged(const std::string& dir, DirEntry& e);
  void scan(const std::string& dir, DirEntry& e);

  std::string m_file;
  std::string m_text;                // the file as read; the views below point into it
  std::vector<std::string_view> m_systemLines;  // env, stamp and answer lines, until parsed
  std::vector<std::string_view> m_familyLines;  // family lines, until parsed
  bool m_systemParsed = false;
  bool m_dirty = false;
  bool m_systemValid = false;
  std::string m_env;
  std::vector<std::pair<std::string, int64_t>> m_stamps;
  std::vector<std::string> m_families;
  std::map<std::string, FontAnswer> m_answers;
  std::map<std::string, DirEntry> m_dirs;
};

// "Noto Sans" -> "notosans": the form families are compared in.
std::string normalizeFamily(std::string_view s);

}  // namespace folio::text
