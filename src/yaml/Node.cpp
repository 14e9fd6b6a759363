#include "yaml/Node.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

#include "yaml/EventReader.h"
#include "yaml/FlowNesting.h"
#include "yaml/ScalarSource.h"
#include "yaml/TextCheck.h"
#include "yaml/TreeBuilder.h"

namespace folio::yaml {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.scalar == key) return &v;
  }
  return nullptr;
}

const char* Node::kindName() const {
  switch (kind) {
    case Kind::Null:
      return "null";
    case Kind::Scalar:
      return "a string";
    case Kind::Sequence:
      return "a sequence";
    case Kind::Mapping:
      return "a mapping";
  }
  return "?";
}

namespace {

std::string mebibytes(size_t bytes) {
  if (bytes < (1u << 20)) return std::to_string(bytes) + " bytes";
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(1);
  out << std::fixed << static_cast<double>(bytes) / (1 << 20) << " MiB";
  return out.str();
}

std::string systemError(int err) {
  char buf[256];
  // GNU strerror_r: thread-safe, may return a static string instead of buf.
  return strerror_r(err, buf, sizeof buf);
}

}  // namespace

namespace {

std::unique_ptr<Node> parseText(const std::string& text, const std::string& fileName, const Limits& limits,
                                Diagnostics& diags, std::shared_ptr<const SourceText>* keepSource) {
  if (text.size() > limits.maxInputBytes) {
    diags.error(SourcePos{fileName, 1, 1}, "the file is too large (" + mebibytes(text.size()) +
                                               "); expected at most " + mebibytes(limits.maxInputBytes));
    return nullptr;
  }
  // The text without its byte order mark, and its line index: built once,
  // used by the parse and kept for positions inside scalars when asked.
  auto source = std::make_shared<const SourceText>(fileName, text);
  const std::string_view body = source->text();
  const LineIndex& index = source->index();
  if (auto problem = checkText(body, index, fileName)) {
    diags.add(std::move(*problem));
    return nullptr;
  }

  if (size_t deep = findDeepFlowNesting(body, limits.maxDepth); deep != std::string_view::npos) {
    diags.error(index.position(deep, fileName), "nesting deeper than " + std::to_string(limits.maxDepth) +
                                                    " levels; expected a flatter document");
    return nullptr;
  }

  TreeBuilder builder(body, index, fileName, limits, diags);
  try {
    // The builder refuses a second document as soon as it starts.
    if (std::optional<Diagnostic> error = readEvents(body, index, fileName, builder)) {
      diags.add(std::move(*error));
      return nullptr;
    }
  } catch (const LimitExceeded& e) {
    diags.add(e.diagnostic);
    return nullptr;
  }
  if (builder.failed()) return nullptr;
  if (keepSource) *keepSource = std::move(source);
  return std::make_unique<Node>(builder.takeRoot());
}

}  // namespace

std::unique_ptr<Node> parse(const std::string& text, const std::string& fileName, const Limits& limits,
                            Diagnostics& diags, std::shared_ptr<const SourceText>* source) {
  // Nothing may escape to the caller, not even running out of memory.
  try {
    return parseText(text, fileName, limits, diags, source);
  } catch (const std::bad_alloc&) {
    diags.error(SourcePos{fileName, 0, 0}, "out of memory while reading YAML; expected a smaller document");
  } catch (const std::exception& e) {
    diags.error(SourcePos{fileName, 0, 0}, std::string("cannot read YAML: ") + e.what());
  }
  return nullptr;
}

std::unique_ptr<Node> load(const std::string& path, const Limits& limits, Diagnostics& diags) {
  return load(path, limits, diags, nullptr);
}

std::unique_ptr<Node> load(const std::string& path, const Limits& limits, Diagnostics& diags,
                           std::shared_ptr<const SourceText>* source) {
  std::optional<std::string> text = readFileBytes(path, limits, diags);
  if (!text) return nullptr;
  return parse(*text, path, limits, diags, source);  // checks the text (checkText) once
}

std::optional<std::string> readTextFile(const std::string& path, const Limits& limits, Diagnostics& diags) {
  std::optional<std::string> text = readFileBytes(path, limits, diags);
  if (!text) return std::nullopt;
  // The checks parse() makes before YAML sees the text, for callers that
  // read other formats (CSV): the same encoding rules for every input.
  std::string_view body = *text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // a byte order mark
  if (auto problem = checkText(body, LineIndex(body), path)) {
    diags.add(std::move(*problem));
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> readFileBytes(const std::string& path, const Limits& limits, Diagnostics& diags) {
  SourcePos filePos{path, 0, 0};
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diags.error(filePos, "cannot read '" + path + "': " + systemError(errno));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
    ::close(fd);
    diags.error(filePos, "cannot read '" + path + "': " + systemError(err) + "; expected a YAML file");
    return std::nullopt;
  }
  // Read at most one byte past the limit: enough to refuse a huge file
  // without reading it all.
  std::string text;
  text.reserve(std::min<size_t>(static_cast<size_t>(st.st_size), limits.maxInputBytes + 1));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      diags.error(filePos, "cannot read '" + path + "': " + systemError(err));
      return std::nullopt;
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > limits.maxInputBytes) break;
  }
  ::close(fd);
  if (text.size() > limits.maxInputBytes) {
    diags.error(SourcePos{path, 1, 1}, "the file is too large (more than " + mebibytes(limits.maxInputBytes) +
                                           "); expected at most " + mebibytes(limits.maxInputBytes));
    return std::nullopt;
  }
  return text;
}

}  // namespace folio::yaml
