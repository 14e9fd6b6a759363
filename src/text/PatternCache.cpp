// The hyphenation pattern cache (see PatternCache.h). File layout: a
// Header, then the block. Inside the block every pointer of HyphenDict,
// HyphenState and the strings is stored as an offset from the block's
// start (0 = null; the header occupies offset 0, so no object starts there).
// The block is written and read on the same machine by the same build, so
// it holds the structures in their native layout; the header records their
// sizes and any mismatch means "rebuild".
#include "text/PatternCache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "text/FontCache.h"

namespace folio::text {

namespace {

struct Header {
  char magic[8];
  uint32_t layout[4];  // sizeof HyphenDict, HyphenState, HyphenTrans, void*
  int64_t sourceMtime;
  int64_t sourceSize;
  uint64_t blockSize;
  uint64_t sourcePathHash;
};

constexpr char kMagic[8] = {'F', 'H', 'Y', 'P', 'H', '0', '0', '2'};

bool statOf(const std::string& path, int64_t& mtime, int64_t& size) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  size = static_cast<int64_t>(st.st_size);
  return true;
}

Header makeHeader(const std::string& dicPath, int64_t mtime, int64_t size) {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.layout[0] = sizeof(HyphenDict);
  h.layout[1] = sizeof(HyphenState);
  h.layout[2] = sizeof(HyphenTrans);
  h.layout[3] = sizeof(void*);
  h.sourceMtime = mtime;
  h.sourceSize = size;
  h.sourcePathHash = std::hash<std::string>{}(dicPath);
  return h;
}

std::string cacheFileFor(const std::string& dicPath) {
  const std::string fonts = FontCache::defaultPath();  // .../folio/fonts.cache, or "" when disabled
  if (fonts.empty()) return {};
  const std::filesystem::path dir = std::filesystem::path(fonts).parent_path() / "hyphen";
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(std::hash<std::string>{}(dicPath)));
  return (dir / (std::filesystem::path(dicPath).stem().string() + "-" + hash + ".bin")).string();
}

// Appends objects to a growing block, 8-byte aligned; returns offsets.
class BlockWriter {
 public:
  explicit BlockWriter(size_t headerSize) : m_bytes(headerSize, '\0') {}
  size_t append(const void* p, size_t n) {
    while (m_bytes.size() % 8) m_bytes.push_back('\0');
    const size_t at = m_bytes.size();
    m_bytes.append(static_cast<const char*>(p), n);
    return at;
  }
  size_t appendString(const char* s) { return s ? append(s, std::strlen(s) + 1) : 0; }
  template <typename T>
  T* at(size_t offset) {
    return reinterpret_cast<T*>(m_bytes.data() + offset);
  }
  std::string& bytes() { return m_bytes; }

 private:
  std::string m_bytes;
};

template <typename T>
T* asOffset(size_t offset) {
  return reinterpret_cast<T*>(static_cast<uintptr_t>(offset));
}

// Writes one dictionary level (and the next ones); returns its offset.
size_t writeLevel(BlockWriter& w, const HyphenDict* d) {
  if (!d) return 0;
  const size_t next = writeLevel(w, d->nextlevel);
  std::vector<size_t> match(d->num_states), repl(d->num_states), trans(d->num_states);
  for (int i = 0; i < d->num_states; ++i) {
    const HyphenState& s = d->states[i];
    match[i] = w.appendString(s.match);
    repl[i] = w.appendString(s.repl);
    trans[i] =
        s.num_trans > 0 ? w.append(s.trans, sizeof(HyphenTrans) * static_cast<size_t>(s.num_trans)) : 0;
  }
  const size_t states = w.append(d->states, sizeof(HyphenState) * static_cast<size_t>(d->num_states));
  for (int i = 0; i < d->num_states; ++i) {
    HyphenState* s = w.at<HyphenState>(states) + i;
    s->match = asOffset<char>(match[i]);
    s->repl = asOffset<char>(repl[i]);
    s->trans = asOffset<HyphenTrans>(trans[i]);
  }
  // NOHYPHEN: nohyphenl + 1 strings, one after the other (libhyphen turns
  // the commas of the list into NULs).
  size_t nohyphen = 0;
  if (d->nohyphen) {
    size_t len = 0;
    for (int k = 0; k <= d->nohyphenl; ++k) len += std::strlen(d->nohyphen + len) + 1;
    nohyphen = w.append(d->nohyphen, len);
  }
  const size_t self = w.append(d, sizeof(HyphenDict));
  HyphenDict* copy = w.at<HyphenDict>(self);
  copy->states = asOffset<HyphenState>(states);
  copy->nohyphen = asOffset<char>(nohyphen);
  copy->nextlevel = asOffset<HyphenDict>(next);
  return self;
}

// Turns the offsets of a level back into pointers, checking each is inside
// the block; false when the block is damaged.
bool fixLevel(char* base, size_t size, size_t offset, int depth) {
  auto inside = [&](uintptr_t off, size_t n) {
    return off >= sizeof(Header) && off <= size && n <= size - off;
  };
  if (depth > 8 || !inside(offset, sizeof(HyphenDict))) return false;
  HyphenDict* d = reinterpret_cast<HyphenDict*>(base + offset);
  auto fixString = [&](char*& p) {
    const auto off = reinterpret_cast<uintptr_t>(p);
    if (off == 0) return true;
    if (!inside(off, 1) || !std::memchr(base + off, '\0', size - off)) return false;
    p = base + off;
    return true;
  };
  const auto statesOff = reinterpret_cast<uintptr_t>(d->states);
  if (d->num_states < 0 || !inside(statesOff, sizeof(HyphenState) * static_cast<size_t>(d->num_states)))
    return false;
  d->states = reinterpret_cast<HyphenState*>(base + statesOff);
  for (int i = 0; i < d->num_states; ++i) {
    HyphenState& s = d->states[i];
    if (!fixString(s.match) || !fixString(s.repl)) return false;
    const auto transOff = reinterpret_cast<uintptr_t>(s.trans);
    if (s.num_trans < 0 || s.fallback_state < -1 || s.fallback_state >= d->num_states) return false;
    if (s.num_trans > 0) {
      if (!inside(transOff, sizeof(HyphenTrans) * static_cast<size_t>(s.num_trans))) return false;
      s.trans = reinterpret_cast<HyphenTrans*>(base + transOff);
      for (int t = 0; t < s.num_trans; ++t)
        if (s.trans[t].new_state < 0 || s.trans[t].new_state >= d->num_states) return false;
    } else {
      s.trans = nullptr;
    }
  }
  if (d->nohyphen) {
    const auto off = reinterpret_cast<uintptr_t>(d->nohyphen);
    if (d->nohyphenl < 0 || !inside(off, 1)) return false;
    size_t len = 0;
    for (int k = 0; k <= d->nohyphenl; ++k) {
      const void* end = off + len < size ? std::memchr(base + off + len, '\0', size - off - len) : nullptr;
      if (!end) return false;
      len = static_cast<size_t>(static_cast<const char*>(end) - (base + off)) + 1;
    }
    d->nohyphen = base + off;
  }
  const auto next = reinterpret_cast<uintptr_t>(d->nextlevel);
  if (next == 0) return true;
  d->nextlevel = reinterpret_cast<HyphenDict*>(base + next);
  return fixLevel(base, size, next, depth + 1);
}

LoadedPatterns readCache(const std::string& file, const Header& expected) {
  LoadedPatterns out;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Header) + sizeof(uint64_t))) {
    ::close(fd);
    return out;
  }
  const size_t size = static_cast<size_t>(st.st_size);
  char* block = static_cast<char*>(std::malloc(size));
  size_t got = 0;
  while (block && got < size) {
    const ssize_t n = ::read(fd, block + got, size - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  Header h;
  if (!block || got != size) {
    std::free(block);
    return out;
  }
  std::memcpy(&h, block, sizeof h);
  uint64_t root = 0;
  std::memcpy(&root, block + size - sizeof root, sizeof root);
  if (std::memcmp(h.magic, expected.magic, sizeof h.magic) != 0 ||
      std::memcmp(h.layout, expected.layout, sizeof h.layout) != 0 || h.sourceMtime != expected.sourceMtime ||
      h.sourceSize != expected.sourceSize || h.sourcePathHash != expected.sourcePathHash ||
      h.blockSize != size || !fixLevel(block, size - sizeof root, root, 0)) {
    std::free(block);
    return out;
  }
  out.dict = reinterpret_cast<HyphenDict*>(block + root);
  out.block = block;
  return out;
}

void writeCache(const std::string& file, Header h, const HyphenDict* dict) {
  BlockWriter w(sizeof(Header));
  const uint64_t root = writeLevel(w, dict);
  w.append(&root, sizeof root);  // the last 8 bytes: where the first level is
  std::string& bytes = w.bytes();
  // The root offset must end the file exactly: append() aligned it to 8.
  h.blockSize = bytes.size();
  std::memcpy(bytes.data(), &h, sizeof h);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
  const std::string tmp = file + "." + std::to_string(::getpid()) + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const bool ok = ::close(fd) == 0 && done == bytes.size();
  if (!ok || std::rename(tmp.c_str(), file.c_str()) != 0) ::unlink(tmp.c_str());
}

}  // namespace

LoadedPatterns loadPatterns(const std::string& dicPath) {
  LoadedPatterns out;
  int64_t mtime = 0, size = 0;
  const bool known = statOf(dicPath, mtime, size);
  const std::string file = known ? cacheFileFor(dicPath) : std::string();
  const Header expected = makeHeader(dicPath, mtime, size);
  if (!file.empty()) {
    out = readCache(file, expected);
    if (out.dict) return out;
  }
  out.dict = hnj_hyphen_load(dicPath.c_str());
  if (out.dict && !file.empty()) writeCache(file, expected, out.dict);
  return out;
}

void freePatterns(LoadedPatterns& p) {
  if (p.block)
    std::free(p.block);
  else if (p.dict)
    hnj_hyphen_free(p.dict);
  p = {};
}

}  // namespace folio::text
