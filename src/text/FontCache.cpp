// The on-disk font index (see FontCache.h). A line-based text file, one
// record per line, fields separated by tabs:
//   folio-fonts 1
//   env  <fontconfig environment>
//   stamp <path> <mtime ns or -1>          fontconfig's files and directories
//   family <name>                          every system family (for "did you mean")
//   answer <key> <path> <index>            fontconfig's answer to a request
//   dir <path> <mtime>                     then its files and faces:
//   file <name> <mtime> <size>
//   face <path> <index> <weight> <italic> <family> <normalized names, comma-separated>
#include "text/FontCache.h"

#include <hb-ot.h>
#include <hb.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace folio::text {

namespace fs = std::filesystem;

std::string normalizeFamily(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

namespace {

constexpr const char* kMagic = "folio-fonts 1";

int64_t mtimeOf(const std::string& path, int64_t* size = nullptr) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return -1;
  if (size) *size = static_cast<int64_t>(st.st_size);
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// What fontconfig's answers depend on besides its files.
std::string fontconfigEnvironment() {
  std::string out;
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
                           "XDG_CONFIG_HOME", "XDG_DATA_HOME"}) {
    const char* v = std::getenv(name);
    out += name;
    out += '=';
    if (v) out += v;
    out += ';';
  }
  return out;
}

bool storable(const std::string& s) { return s.find_first_of("\t\n\r") == std::string::npos; }

bool isFontFile(const std::string& name) {
  if (name.size() < 5) return false;
  std::string ext = name.substr(name.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc";
}

std::string nameOf(hb_face_t* face, hb_ot_name_id_t id) {
  hb_language_t en = hb_language_from_string("en", -1);
  hb_language_t lang = en;
  unsigned len = hb_ot_name_get_utf8(face, id, en, nullptr, nullptr);
  if (len == 0) {
    lang = HB_LANGUAGE_INVALID;
    len = hb_ot_name_get_utf8(face, id, lang, nullptr, nullptr);
  }
  if (len == 0) return {};
  std::string s(len + 1, '\0');
  unsigned size = len + 1;
  hb_ot_name_get_utf8(face, id, lang, &size, s.data());
  s.resize(size);
  return s;
}

void addUnique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// Reads every face of one font file; none when it is not a font.
void readFaces(const std::string& path, std::vector<IndexedFace>& out) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return;
  const unsigned count = hb_face_count(blob);
  for (unsigned i = 0; i < count; ++i) {
    hb_face_t* face = hb_face_create(blob, i);
    if (hb_face_get_glyph_count(face) > 0) {
      hb_font_t* font = hb_font_create(face);
      IndexedFace f;
      f.path = path;
      f.index = static_cast<int>(i);
      f.weight = static_cast<int>(hb_style_get_value(font, HB_STYLE_TAG_WEIGHT) + 0.5f);
      f.italic = hb_style_get_value(font, HB_STYLE_TAG_ITALIC) > 0.5f ||
                 hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE) != 0.0f;
      std::string typographic = nameOf(face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
      std::string legacy = nameOf(face, HB_OT_NAME_ID_FONT_FAMILY);
      f.family = !typographic.empty() ? typographic : legacy;
      addUnique(f.families, normalizeFamily(typographic));
      addUnique(f.families, normalizeFamily(legacy));
      // A face is also found by its full name and PostScript name
      // ("Noto Serif Bold", "NotoSerif-Bold"), as fontconfig finds them.
      addUnique(f.families, normalizeFamily(nameOf(face, HB_OT_NAME_ID_FULL_NAME)));
      addUnique(f.families, normalizeFamily(nameOf(face, HB_OT_NAME_ID_POSTSCRIPT_NAME)));
      if (!f.family.empty() && storable(f.family)) out.push_back(std::move(f));
      hb_font_destroy(font);
    }
    hb_face_destroy(face);
  }
  hb_blob_destroy(blob);
}

}  // namespace

std::string FontCache::defaultPath() {
  if (const char* own = std::getenv("FOLIO_FONT_CACHE"); own && *own) {
    if (std::string(own) == "off") return {};
    return own;
  }
  std::string base;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/')
    base = x;
  else if (const char* h = std::getenv("HOME"); h && *h == '/')
    base = std::string(h) + "/.cache";
  else
    return {};
  return base + "/folio/fonts.cache";
}

FontCache::FontCache(std::string file) : m_file(std::move(file)), m_env(fontconfigEnvironment()) { load(); }

namespace {

// A line's tab-separated fields.
void splitFields(std::string_view line, std::vector<std::string_view>& f) {
  f.clear();
  for (size_t a = 0;;) {
    size_t b = line.find('\t', a);
    f.push_back(line.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a));
    if (b == std::string_view::npos) break;
    a = b + 1;
  }
}

template <typename T>
bool parseNumber(std::string_view v, T& out) {
  return std::from_chars(v.data(), v.data() + v.size(), out).ec == std::errc();
}

}  // namespace

void FontCache::load() {
  if (m_file.empty()) return;
  // Read at once and split in place: every run starts here, and a stream,
  // a vector of strings per line and a stringstream per face took 2.6 M
  // instructions for 760 lines (one-word document, callgrind). Only the
  // directory lines are read now; the rest waits for its first use.
  {
    std::ifstream in(m_file, std::ios::binary);
    if (!in) return;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size <= 0) return;
    in.seekg(0);
    m_text.resize(static_cast<size_t>(size));
    if (!in.read(m_text.data(), size)) {
      m_text.clear();
      return;
    }
  }
  std::string_view rest = m_text;
  auto nextLine = [&rest](std::string_view& line) {
    if (rest.empty()) return false;
    size_t nl = rest.find('\n');
    line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    return true;
  };
  std::string_view line;
  if (!nextLine(line) || line != kMagic) return;
  DirEntry* dir = nullptr;
  std::vector<std::string_view> f;
  while (nextLine(line)) {
    const std::string_view kind = line.substr(0, line.find('\t'));
    if (kind == "env" || kind == "stamp" || kind == "answer") {
      m_systemLines.push_back(line);
    } else if (kind == "family") {
      m_familyLines.push_back(line);
    } else if (kind == "dir") {
      splitFields(line, f);
      if (f.size() != 3) continue;
      dir = &m_dirs[std::string(f[1])];
      if (!parseNumber(f[2], dir->mtime)) {  // a damaged cache is no cache
        m_dirs.clear();
        m_systemLines.clear();
        m_familyLines.clear();
        return;
      }
    } else if ((kind == "file" || kind == "face") && dir) {
      dir->lines.push_back(line);
    }
  }
}

// fontconfig's part holds only if nothing it was built from has changed.
void FontCache::parseSystem() {
  if (m_systemParsed) return;
  m_systemParsed = true;
  bool envOk = false, damaged = false;
  std::vector<std::pair<std::string, int64_t>> stamps;
  std::map<std::string, FontAnswer> answers;
  std::vector<std::string_view> f;
  for (std::string_view line : m_systemLines) {
    splitFields(line, f);
    const std::string_view kind = f[0];
    if (kind == "env" && f.size() == 2) {
      envOk = f[1] == m_env;
    } else if (kind == "stamp" && f.size() == 3) {
      int64_t mtime = 0;
      damaged |= !parseNumber(f[2], mtime);
      stamps.emplace_back(std::string(f[1]), mtime);
    } else if (kind == "answer" && f.size() == 4) {
      FontAnswer a{std::string(f[2]), 0};
      damaged |= !parseNumber(f[3], a.index);
      answers[std::string(f[1])] = std::move(a);
    }
  }
  m_systemLines.clear();
  bool valid = !damaged && envOk && !stamps.empty();
  for (const auto& [path, mtime] : stamps) {
    if (!valid) break;
    valid = mtimeOf(path) == mtime;
  }
  if (valid) {
    m_systemValid = true;
    m_stamps = std::move(stamps);
    m_answers = std::move(answers);
  } else {
    m_familyLines.clear();
  }
}

void FontCache::parseFamilies() {
  for (std::string_view line : m_familyLines) {
    const size_t tab = line.find('\t');
    if (tab != std::string_view::npos && line.find('\t', tab + 1) == std::string_view::npos)
      m_families.emplace_back(line.substr(tab + 1));
  }
  m_familyLines.clear();
}

// A directory's files and faces; a damaged part makes it unknown (rescanned).
void FontCache::parseDir(DirEntry& e) {
  if (e.lines.empty()) return;
  bool damaged = false;
  std::vector<std::string_view> f;
  for (std::string_view line : e.lines) {
    splitFields(line, f);
    if (f[0] == "file" && f.size() == 4) {
      int64_t mtime = 0, size = 0;
      damaged |= !parseNumber(f[2], mtime) || !parseNumber(f[3], size);
      e.files.push_back({std::string(f[1]), {mtime, size}});
    } else if (f[0] == "face" && f.size() == 7) {
      IndexedFace face;
      face.path = f[1];
      damaged |= !parseNumber(f[2], face.index) || !parseNumber(f[3], face.weight);
      face.italic = f[4] == "1";
      face.family = f[5];
      // Comma-separated; a trailing comma ends the list (as getline read it).
      for (std::string_view names = f[6]; !names.empty();) {
        size_t c = names.find(',');
        face.families.emplace_back(names.substr(0, c));
        names = c == std::string_view::npos ? std::string_view() : names.substr(c + 1);
      }
      e.faces.push_back(std::move(face));
    }
  }
  e.lines.clear();
  if (damaged) {
    e.mtime = 0;
    e.files.clear();
    e.faces.clear();
  }
}

bool FontCache::systemValid() {
  parseSystem();
  return m_systemValid;
}

const std::vector<std::string>& FontCache::systemFamilies() {
  parseSystem();
  parseFamilies();
  return m_families;
}

void FontCache::resetSystem(const std::vector<std::string>& stampPaths,
                            std::vector<std::string> familyNames) {
  m_systemParsed = true;
  m_systemLines.clear();
  m_familyLines.clear();
  m_stamps.clear();
  for (const std::string& p : stampPaths)
    if (storable(p)) m_stamps.emplace_back(p, mtimeOf(p));
  m_families.clear();
  for (std::string& n : familyNames)
    if (storable(n)) m_families.push_back(std::move(n));
  m_answers.clear();
  m_systemValid = true;
  m_dirty = true;
}

const FontAnswer* FontCache::answer(const std::string& key) {
  if (!systemValid()) return nullptr;
  auto it = m_answers.find(key);
  return it == m_answers.end() ? nullptr : &it->second;
}

void FontCache::remember(const std::string& key, FontAnswer a) {
  if (!systemValid() || !storable(key) || !storable(a.path)) return;
  m_answers[key] = std::move(a);
  m_dirty = true;
}

bool FontCache::dirUnchanged(const std::string& dir, DirEntry& e) {
  parseDir(e);
  if (e.mtime == 0 || mtimeOf(dir) != e.mtime) return false;
  for (const auto& [name, stamp] : e.files) {
    int64_t size = -1;
    if (mtimeOf(dir + "/" + name, &size) != stamp.first || size != stamp.second) return false;
  }
  return true;
}

void FontCache::scan(const std::string& dir, DirEntry& e) {
  e = DirEntry{};
  e.mtime = mtimeOf(dir);
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (isFontFile(name) && storable(name) && entry.is_regular_file(ec)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const std::string path = dir + "/" + name;
    int64_t size = -1;
    const int64_t mtime = mtimeOf(path, &size);
    e.files.push_back({name, {mtime, size}});
    readFaces(path, e.faces);
  }
  m_dirty = true;
}

const std::vector<IndexedFace>& FontCache::facesOf(const std::string& dir) {
  DirEntry& e = m_dirs[dir];
  if (!e.checked) {
    if (!dirUnchanged(dir, e)) scan(dir, e);
    e.checked = true;
  }
  return e.faces;
}

void FontCache::rescan(const std::string& dir) {
  DirEntry& e = m_dirs[dir];
  scan(dir, e);
  e.checked = true;
}

void FontCache::save() {
  if (m_file.empty() || !m_dirty) return;
  parseSystem();  // what was not read in this run is written back as it was
  parseFamilies();
  std::ostringstream out;
  out << kMagic << '\n';
  if (m_systemValid) {
    out << "env\t" << m_env << '\n';
    for (const auto& [path, mtime] : m_stamps) out << "stamp\t" << path << '\t' << mtime << '\n';
    for (const std::string& f : m_families) out << "family\t" << f << '\n';
    for (const auto& [key, a] : m_answers)
      out << "answer\t" << key << '\t' << a.path << '\t' << a.index << '\n';
  }
  for (auto& [dir, e] : m_dirs) {
    // Only directories looked at in this run or still unchanged are kept.
    if (!storable(dir) || e.mtime <= 0) continue;
    if (!e.checked && !dirUnchanged(dir, e)) continue;
    out << "dir\t" << dir << '\t' << e.mtime << '\n';
    for (const auto& [name, stamp] : e.files)
      out << "file\t" << name << '\t' << stamp.first << '\t' << stamp.second << '\n';
    for (const IndexedFace& f : e.faces) {
      out << "face\t" << f.path << '\t' << f.index << '\t' << f.weight << '\t' << (f.italic ? 1 : 0) << '\t'
          << f.family << '\t';
      for (size_t i = 0; i < f.families.size(); ++i) out << (i ? "," : "") << f.families[i];
      out << '\n';
    }
  }
  std::error_code ec;
  const fs::path target(m_file);
  fs::create_directories(target.parent_path(), ec);
  const std::string tmp = m_file + "." + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return;
    f << out.str();
    if (!f) {
      f.close();
      ::unlink(tmp.c_str());
      return;
    }
  }
  if (std::rename(tmp.c_str(), m_file.c_str()) != 0) ::unlink(tmp.c_str());
  m_dirty = false;
}

}  // namespace folio::text
