#pragma once
// Image paths: relative to the content file, of a supported format, present,
// and inside the content file's directory tree (or an allowed directory),
// so a document cannot pull in arbitrary files such as /etc/passwd.
#include <optional>
#include <string>

#include "content/Document.h"

namespace folio::content {

// The path to use for `written` (the content file's directory joined with
// it), or nullopt after reporting why it cannot be used.
std::optional<std::string> resolveImagePath(const std::string& written, const SourcePos& pos,
                                            const std::string& contentPath, const Options& options,
                                            Diagnostics& diags);

}  // namespace folio::content
