#include "content/ImagePath.h"

#include <filesystem>
#include <system_error>

namespace folio::content {

namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

// Is `p` equal to or below `dir`? Both canonical.
bool isInside(const fs::path& p, const fs::path& dir) {
  auto [dirEnd, pEnd] = std::mismatch(dir.begin(), dir.end(), p.begin(), p.end());
  return dirEnd == dir.end();
}

bool looksLikeUrl(const std::string& s) {
  size_t colon = s.find("://");
  return colon != std::string::npos && colon > 1 && s.find('/') > colon;
}

}  // namespace

std::optional<std::string> resolveImagePath(const std::string& written, const SourcePos& pos,
                                            const std::string& contentPath, const Options& options,
                                            Diagnostics& diags) {
  const std::string quoted = "image '" + written + "'";
  if (looksLikeUrl(written)) {
    diags.error(pos, quoted + " is a URL; expected the path of a local file, relative to the content file");
    return std::nullopt;
  }
  std::string ext = lowerExtension(written);
  if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".pdf") {
    diags.error(
        pos,
        quoted + " is not a supported format; expected a PNG, JPEG or PDF file (.png, .jpg, .jpeg, .pdf)");
    return std::nullopt;
  }
  fs::path contentDir = fs::path(contentPath).parent_path();
  fs::path joined = (contentDir / written).lexically_normal();
  std::error_code ec;
  fs::file_status status = fs::status(joined, ec);
  if (ec || !fs::exists(status)) {
    diags.error(pos, "image file '" + written + "' not found (looked for '" + joined.string() +
                         "'); expected a path relative to the content file");
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    diags.error(pos, quoted + " is a directory; expected a PNG, JPEG or PDF file");
    return std::nullopt;
  }
  // Symlinks and '..' are resolved before the containment check.
  fs::path root = fs::canonical(contentDir.empty() ? fs::path(".") : contentDir, ec);
  fs::path real = ec ? fs::path() : fs::canonical(joined, ec);
  if (ec) {
    diags.error(pos, quoted + " cannot be resolved: " + ec.message() + "; expected a readable file");
    return std::nullopt;
  }
  bool allowed = isInside(real, root);
  for (const std::string& dir : options.allowedDirs) {
    std::error_code dirEc;
    fs::path extra = fs::canonical(dir, dirEc);
    if (!dirEc && isInside(real, extra)) allowed = true;
  }
  if (!allowed) {
    // Name the symlink's target when the path itself looked harmless.
    bool viaSymlink = isInside(fs::absolute(joined, ec).lexically_normal(), root);
    std::string where = viaSymlink ? " through a symlink to '" + real.string() + "'" : "";
    diags.error(pos, quoted + " is outside the content file's directory" + where +
                         "; expected a file in or below '" +
                         (contentDir.empty() ? "." : contentDir.string()) + "'");
    return std::nullopt;
  }
  return joined.string();
}

}  // namespace folio::content
