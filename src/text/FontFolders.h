#pragma once
// The font folders of one document: fonts/ beside its content and beside
// its layout, and font files its layout names. One FontStore serves a whole
// batch, and a folder added to its shared search path would stay there for
// the batch's later documents (a folder carrying its own copy of a family
// would then serve a document from another folder). So these folders
// belong to the document's font context (DocumentFonts.h), which the
// thread that renders it (and its layout-ahead helpers) hold in a scope;
// the FontStore searches them for that thread only, and its remembered
// answers are keyed by key(). Documents without folders of their own
// (key() empty) share every answer, as before.
#include <map>
#include <string>
#include <vector>

namespace folio::text {

class FontFolders {
 public:
  struct Dir {
    std::string path;  // canonical
    int priority;      // FontStore::kBesideContent or kBesideLayout
    std::string origin;
  };
  // By priority, then order of addition.
  const std::vector<Dir>& dirs() const { return m_dirs; }
  // Tells apart documents whose folders differ: the folders' paths.
  const std::string& key() const { return m_key; }
  // `path` must be canonical and an existing directory; repeats are ignored.
  void add(const std::string& path, int priority, const std::string& origin);
  // A font file the document's layout names instead of a family
  // (`normName`: the name as normalizeFamily gives it); the first one stays.
  void addFile(const std::string& normName, const std::string& path);
  const std::string* file(const std::string& normName) const;
  // (Helpers laying out ahead only read them: folders are added before
  // the layout starts.)

 private:
  std::vector<Dir> m_dirs;
  std::map<std::string, std::string> m_files;
  std::string m_key;
  void makeKey();
};

}  // namespace folio::text
