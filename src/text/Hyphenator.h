#pragma once
// Hyphenation with libhyphen and Debian's hyphen-* patterns (found in
// /usr/share/hyphen and the project's own directories), chosen by language.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace folio::text {

class Hyphenator {
 public:
  explicit Hyphenator(std::vector<std::string> patternDirs = {"/usr/share/hyphen"});
  ~Hyphenator();
  // Positions i (1..word.size()-1) where `word` may break as word[0,i) + "-" /
  // word[i..]; honours the language's left/right minimums. Empty when the
  // language has no patterns. Thread-safe.
  std::vector<uint32_t> hyphenate(std::u32string_view word, std::string_view language);
  bool hasLanguage(std::string_view language);

 private:
  struct Dict;
  Dict* entryFor(std::string_view language);  // finds the file, loads nothing
  Dict* dictFor(std::string_view language);   // loads the patterns on first use
  std::vector<uint32_t> compute(std::u32string_view word, std::string_view language);
  std::vector<std::string> m_dirs;
  std::map<std::string, std::unique_ptr<Dict>, std::less<>> m_dicts;
  std::mutex m_mutex;
  uint32_t m_instance;  // tells this hyphenator's entries in the per-thread cache apart
};

}  // namespace folio::text
