#include "pdfread/PdfModule.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <mutex>
#include <vector>

#ifndef FOLIO_PDFREAD_DIR
#define FOLIO_PDFREAD_DIR "/usr/local/lib/folio"
#endif

namespace folio::pdfread {

namespace {

struct Loaded {
  const folio_pdfread_api* api = nullptr;
  std::string problem;
};

// The directory of the running executable: the build puts the module
// beside build/folio, so a build tree works wherever it is.
std::string executableDir() {
  char path[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return "";
  const std::string exe(path, static_cast<size_t>(n));
  const size_t slash = exe.rfind('/');
  return slash == std::string::npos ? "" : exe.substr(0, slash == 0 ? 1 : slash);
}

Loaded load() {
  std::vector<std::string> dirs;
  if (std::string dir = executableDir(); !dir.empty()) dirs.push_back(dir);
  if (dirs.empty() || dirs.front() != FOLIO_PDFREAD_DIR) dirs.push_back(FOLIO_PDFREAD_DIR);
  std::string failures;
  for (const std::string& dir : dirs) {
    const std::string path = dir + "/" + kModuleFile;
    if (access(path.c_str(), F_OK) != 0) continue;
    // RTLD_NOW: a module whose libraries are missing fails here, with the
    // loader's words, not at its first call.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      failures += "; " + path + " cannot be loaded (" + (why ? why : "unknown error") + ")";
      continue;
    }
    // Never closed: PoDoFo keeps static state for the life of the process.
    auto entry = reinterpret_cast<folio_pdfread_entry_fn>(dlsym(handle, FOLIO_PDFREAD_ENTRY));
    const folio_pdfread_api* api = entry ? entry(FOLIO_PDFREAD_ABI) : nullptr;
    if (api && api->size >= sizeof(folio_pdfread_api)) return Loaded{api, ""};
    failures += "; " + path + " belongs to another version of folio";
    dlclose(handle);
  }
  std::string looked;
  for (const std::string& dir : dirs) looked += (looked.empty() ? "" : " and ") + dir;
  return Loaded{nullptr, std::string("placing a PDF page needs ") + kModuleFile + "; looked in " + looked +
                             failures + "; expected the " + kModuleFile +
                             " built with this folio beside the executable"};
}

}  // namespace

const folio_pdfread_api* module(std::string& problem) {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = load(); });
  problem = loaded.problem;
  return loaded.api;
}

PageImport::~PageImport() {
  if (m_page) m_api->close(m_page);
}

std::string PageImport::open(std::string_view file, int page) {
  if (m_page) {
    m_api->close(m_page);
    m_page = nullptr;
  }
  std::string problem;
  m_api = module(problem);
  if (!m_api) return problem;
  m_page = m_api->open(file.data(), file.size(), page);
  if (!m_page) return "out of memory while reading the PDF";
  return m_api->problem(m_page);
}

double PageImport::width() const {
  double w = 0, h = 0;
  m_api->extent(m_page, &w, &h);
  return w;
}

double PageImport::height() const {
  double w = 0, h = 0;
  m_api->extent(m_page, &w, &h);
  return h;
}

void PageImport::form(double (&bbox)[4], double (&matrix)[6]) const { m_api->form(m_page, bbox, matrix); }

uint32_t PageImport::objectCount() const { return m_api->object_count(m_page); }

std::string PageImport::number(uint32_t first) {
  return m_api->number(m_page, first) ? "" : m_api->problem(m_page);
}

namespace {
std::string_view view(folio_pdfread_bytes b) {
  return b.data ? std::string_view(b.data, b.size) : std::string_view();
}
}  // namespace

std::string_view PageImport::object(uint32_t i) const { return view(m_api->object(m_page, i)); }
bool PageImport::stream(uint32_t i, std::string_view& data) const {
  const folio_pdfread_bytes b = m_api->stream(m_page, i);
  data = view(b);
  return b.data != nullptr;
}
std::string_view PageImport::resources() const { return view(m_api->resources(m_page)); }
std::string_view PageImport::group() const { return view(m_api->group(m_page)); }
std::string_view PageImport::content() const { return view(m_api->content(m_page)); }

}  // namespace folio::pdfread
