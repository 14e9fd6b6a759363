#pragma once
// A compact, parse-free form of libhyphen's loaded patterns. hnj_hyphen_load
// parses a hyph_*.dic text file and builds its state machine (37.6 M
// instructions for hyph_en_US.dic, a quarter of a short document's run);
// the same machine written to disk as one block, with offsets in place of
// pointers, loads with one read and a pass that turns offsets back into
// pointers. The cache file lives in $XDG_CACHE_HOME/folio/hyphen/ (next to
// the font cache, see FontCache.h), is checked against the pattern file's
// path, mtime and size, and is rebuilt whenever it does not match.
#include <hyphen.h>

#include <string>

namespace folio::text {

// A dictionary loaded either way; free it with freePatterns.
struct LoadedPatterns {
  HyphenDict* dict = nullptr;
  void* block = nullptr;  // non-null: the dictionary lives in this one block
};

// Loads `dicPath` from the cache, or parses it with libhyphen and writes
// the cache for the next run. dict is null when the file cannot be loaded.
LoadedPatterns loadPatterns(const std::string& dicPath);
void freePatterns(LoadedPatterns& p);

}  // namespace folio::text
