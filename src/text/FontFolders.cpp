#include "text/FontFolders.h"

#include <algorithm>

namespace folio::text {

void FontFolders::add(const std::string& path, int priority, const std::string& origin) {
  for (const Dir& d : m_dirs)
    if (d.path == path) return;
  auto at = std::find_if(m_dirs.begin(), m_dirs.end(), [&](const Dir& d) { return d.priority > priority; });
  m_dirs.insert(at, Dir{path, priority, origin});
  makeKey();
}

void FontFolders::addFile(const std::string& normName, const std::string& path) {
  if (m_files.emplace(normName, path).second) makeKey();
}

const std::string* FontFolders::file(const std::string& normName) const {
  auto it = m_files.find(normName);
  return it == m_files.end() ? nullptr : &it->second;
}

void FontFolders::makeKey() {
  m_key.clear();
  for (const Dir& d : m_dirs)
    m_key.append(std::to_string(d.priority)).append(1, ':').append(d.path).append(1, '\x1f');
  for (const auto& [name, path] : m_files)
    m_key.append("f:").append(name).append(1, '=').append(path).append(1, '\x1f');
}

}  // namespace folio::text
